/**
 * Slugs, the names of output folders: ASCII (a-z, 0-9 and single hyphens), read from a headline
 * or a file name in any script. Letters of other scripts are transliterated (the transliteration
 * package: Arabic, Urdu, Cyrillic, Greek, Chinese, Devanagari, accented Latin...), so an Urdu
 * headline gets a slug that can be read aloud, and the same text always gets the same slug.
 * Text with nothing to transliterate (only emoji or punctuation) gets `statement-` and a hash of
 * itself, so two such headlines do not share a slug either.
 */
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';

type Transliterate = typeof import('transliteration').slugify;
let transliterateSlug: Transliterate | undefined;

/**
 * The transliteration tables load at the first slug made (about 40 ms): a build whose statements
 * all come from the parse cache makes none.
 */
function transliterator(): Transliterate {
  return (transliterateSlug ??= (createRequire(import.meta.url)('transliteration') as typeof import('transliteration')).slugify);
}

/** The slug of a text, or '' when it has no letter or digit that transliterates. */
export function slugify(text: string): string {
  return transliterator()(text.normalize('NFC'), { lowercase: true, separator: '-', trim: true })
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Six hex digits of the SHA-256 of the text (NFC): short, stable, different for different texts. */
export function textHash(text: string): string {
  return createHash('sha256').update(text.normalize('NFC')).digest('hex').slice(0, 6);
}

/** The slug of a text, cut at a word boundary to `maxLength`; `statement-<hash>` when it has none. */
export function slugFor(text: string, maxLength = Infinity): string {
  let slug = slugify(text);
  if (slug.length > maxLength) {
    const cut = slug.slice(0, maxLength + 1);
    slug = cut.includes('-') ? cut.slice(0, cut.lastIndexOf('-')) : slug.slice(0, maxLength);
  }
  return slug || `statement-${textHash(text)}`;
}

/** The same slug made distinct: for a headline whose slug another headline already has. */
export function distinctSlug(slug: string, text: string): string {
  const hash = textHash(text);
  return slug.endsWith(`-${hash}`) ? slug : `${slug}-${hash}`;
}

/** The default slug of a statement file: from its name without the extension. */
export function fileSlug(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return slugFor(name.replace(/\.(md|markdown)$/i, ''));
}
