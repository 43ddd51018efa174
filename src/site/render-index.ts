/** The newsroom index, `dist/index.html`: every published statement, newest first. */
import path from 'node:path';
import type { Assets } from '../project/build-assets.ts';
import type { Organization } from '../sources/schema.ts';
import { formatDate } from '../templates/format.ts';
import type { TemplateSet } from '../project/load-template-set.ts';
import type { Strings } from '../project/locales.ts';
import type { FormatLink } from '../templates/view-model.ts';
import { released, type Listing } from './listing.ts';
import { ownLanguageName } from '../util/language-name.ts';
import { directionOf } from '../sources/statement.ts';
import { languageTypography, typographyStyle, type FontFamily } from '../project/fonts.ts';

export interface IndexInputs {
  newsroom: TemplateSet;
  /** The fonts list, and the words of each language. */
  fonts: readonly FontFamily[];
  strings: (lang: string) => Strings;
  organization: Organization;
  statements: readonly Listing[];
  links: (statement: Listing, strings: Record<string, string>) => FormatLink[];
  assets: Assets;
  generator: string;
  /** Statements under an embargo later than this are left out. */
  now: Date;
  /** Whether each statement has a thumbnail of its PDF's first page. */
  thumbnails?: boolean;
}

export function renderIndex(inputs: IndexInputs): string {
  const { organization: org } = inputs;
  const strings = inputs.strings(org.lang);
  const fonts = inputs.fonts;
  const listed = released(inputs.statements, inputs.now);
  const sorted = [...grouped(listed)].sort((a, b) => Date.parse(b.released) - Date.parse(a.released) || a.title.localeCompare(b.title));
  const others = otherVersions(listed);
  const hrefs = inputs.assets.hrefs.get(inputs.newsroom.name) ?? {};
  return inputs.newsroom.templates.index!({
    lang: org.lang,
    dir: directionOf(org.lang),
    date: '1970-01-01',
    organization: { name: org.name, website: org.website, timezone: org.timezone, dateline_style: org.dateline_style },
    strings,
    generator: inputs.generator,
    assets: hrefs,
    statements: sorted.map((s) => {
      const own = inputs.strings(s.lang);
      return {
        slug: s.slug,
        title: s.title,
        summary: s.summary,
        tags: s.tags,
        lang: s.lang,
        dir: s.dir,
        date: s.date,
        dateText: formatDate(s, s.lang),
        href: `${s.folder}/`,
        // Each entry in its own language's fonts (Nastaliq for Urdu...).
        typographyStyle: typographyStyle(languageTypography(fonts, s.lang)),
        ...(inputs.thumbnails ? { thumbnail: `${s.folder}/thumbnail.png` } : {}),
        formats: inputs.links(s, own).map((l) => ({ ...l, href: path.posix.join(s.folder, l.href) })),
        ...(others.get(s.folder)?.length ? { languages: others.get(s.folder)!.map((o) => ({ lang: o.lang, dir: o.dir, label: ownLanguageName(o.lang), href: `${o.folder}/` })) } : {}),
        ...(s.correctedDate ? { corrected: { date: s.correctedDate, text: own.corrected ?? 'Corrected', dateText: formatDate({ date: s.correctedDate }, s.lang) } } : {}),
      };
    }),
  });
}

/**
 * A statement and its translations are one entry of the newsroom: the default language's
 * version (the one in the statement's own folder), or the first listed when that one is not.
 */
function grouped(listings: readonly Listing[]): Listing[] {
  const listed = new Set(listings.map((l) => l.folder));
  return listings.filter((l) => {
    if (l.translations.length < 2) return true;
    const lead = l.translations.find((t) => listed.has(t.folder));
    return lead?.folder === l.folder;
  });
}

/** The other listed versions of each entry, by the entry's folder. */
function otherVersions(listings: readonly Listing[]): Map<string, Listing[]> {
  const byFolder = new Map(listings.map((l) => [l.folder, l]));
  const others = new Map<string, Listing[]>();
  for (const l of listings) {
    const versions = l.translations.flatMap((t) => (t.folder !== l.folder && byFolder.has(t.folder) ? [byFolder.get(t.folder)!] : []));
    others.set(l.folder, versions);
  }
  return others;
}
