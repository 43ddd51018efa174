/**
 * Generated statement text for the "every word as written" properties: paragraphs mixing straight
 * and curly quotes, apostrophes inside and around words, nested quotes, colons and `?!;`,
 * no-break spaces, links, emphasis, inline code and footnote marks, with the words each must
 * show. The words come from pools that no template or profile uses, so that a reader can pick
 * them out of any output.
 */
import fc from 'fast-check';

/** A generated piece of Markdown and the words a reader must find in it, in order (apostrophes as typed). */
export interface Fragment {
  md: string;
  words: string[];
  /** Footnotes marked in it (`[^@]` stands for the mark, numbered when the statement is made). */
  notes: Fragment[];
}

const LATIN = ['maire', 'heure', 'agir', 'droits', 'mosquée', 'Genève', 'Straße', 'año', 'über', 'liberté', 'niños', 'Grüße', 'ça', 'œuvre', 'naïve', 'Kotli', 'Rabwah', 'Jillani', 'vandales', 'minaret', 'Gläubige', 'señal', 'tâche', 'cœur', 'Zürich', 'plainte', 'témoin', 'justicia', 'Verfolgung', 'Ahmadis'];
const ARABIC = ['مسجد', 'حقوق', 'الإنسان', 'باكستان', 'العنف', 'الحرية', 'المجتمع'];
const URDU = ['احمدی', 'مسجد', 'پاکستان', 'تشدد', 'عبادت', 'آزادی', 'حملہ'];

/** The words of a language's pool: its own script as well as Latin names and citations. */
export function pool(lang: string): string[] {
  const primary = lang.split('-')[0];
  if (primary === 'ar') return [...ARABIC, ...LATIN.slice(0, 12)];
  if (primary === 'ur') return [...URDU, ...LATIN.slice(0, 12)];
  return LATIN;
}

const plain = (md: string, words: string[] = []): Fragment => ({ md, words, notes: [] });

function join(parts: readonly Fragment[], separator = ' '): Fragment {
  return { md: parts.map((p) => p.md).join(separator), words: parts.flatMap((p) => p.words), notes: parts.flatMap((p) => p.notes) };
}

/** Quotation marks as people type them: straight, curly, guillemets (with or without spaces inside). */
const QUOTE_PAIRS: [string, string][] = [['"', '"'], ['"', '"'], ["'", "'"], ['“', '”'], ['«', '»'], ['« ', ' »'], ['„', '“'], ['‘', '’'], ['"', '”']];
const PUNCTUATION = [',', '.', ':', ';', '!', '?', '?!', '…', ' :', ' ;', ' !', ' ?', '\u00A0:', '\u202F?'];

export function fragments(lang: string): fc.Arbitrary<Fragment> {
  const word = fc.constantFrom(...pool(lang));
  const one = word.map((w) => plain(w, [w]));
  // "C'est", "l'heure": an apostrophe inside a word; "Ahmadis'" and "'tis" around one.
  const apostrophe = fc.oneof(fc.tuple(word, word).map(([a, b]) => `${a}'${b}`), word.map((w) => `${w}'`), word.map((w) => `'${w}`), fc.tuple(word, word).map(([a, b]) => `${a}’${b}`)).map((md) => plain(md, [md]));
  const spaced = fc.tuple(word, word, fc.constantFrom('\u00A0', '\u202F')).map(([a, b, space]) => plain(`${a}${space}${b}`, [a, b]));
  const { inline } = fc.letrec<{ inline: Fragment; group: Fragment }>((tie) => ({
    inline: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 8, arbitrary: one },
      { weight: 3, arbitrary: apostrophe },
      { weight: 1, arbitrary: spaced },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...QUOTE_PAIRS), tie('group')).map(([[open, close], g]) => ({ ...g, md: `${open}${g.md}${close}` })) },
      // A link's text holds no link (Markdown has no links in links).
      { weight: 1, arbitrary: fc.tuple(fc.array(fc.oneof(one, apostrophe, spaced), { minLength: 1, maxLength: 3 }), fc.nat(99)).map(([parts, n]) => ({ ...join(parts), md: `[${join(parts).md}](https://example.org/p${n})` })) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom('*', '**', '_'), tie('group')).map(([mark, g]) => ({ ...g, md: `${mark}${g.md}${mark}` })) },
      { weight: 1, arbitrary: word.map((w) => plain(`\`${w}\``, [w])) },
    ),
    group: fc.array(tie('inline'), { minLength: 1, maxLength: 3 }).map((parts) => join(parts)),
  }));
  // Punctuation and footnote marks follow a word; a note is a sentence of its own.
  const note = fc.array(one, { minLength: 1, maxLength: 5 }).map((parts) => join(parts));
  const followed = fc
    .tuple(inline, fc.option(fc.constantFrom(...PUNCTUATION), { nil: undefined }), fc.option(note, { freq: 6, nil: undefined }))
    .map(([part, mark, footnote]) => ({
      md: `${part.md}${mark ?? ''}${footnote ? '[^@]' : ''}`,
      words: part.words,
      notes: [...part.notes, ...(footnote ? [footnote] : [])],
    }));
  return fc.array(followed, { minLength: 2, maxLength: 14 }).map((parts) => join(parts));
}

/** A statement's body: paragraphs, then the notes, their marks numbered in order. */
export function statementBody(paragraphs: readonly Fragment[]): { markdown: string; words: string[] } {
  let n = 0;
  const notes: Fragment[] = [];
  const texts = paragraphs.map((p) => {
    notes.push(...p.notes);
    return p.md.replace(/\[\^@\]/g, () => `[^n${++n}]`);
  });
  const definitions = notes.map((note, i) => `[^n${i + 1}]: ${note.md}`);
  return {
    markdown: [...texts, ...definitions].join('\n\n') + '\n',
    words: [...paragraphs.flatMap((p) => p.words), ...notes.flatMap((note) => note.words)],
  };
}
