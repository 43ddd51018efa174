/** The newsroom index, `dist/index.html`: every published statement, newest first. */
import path from 'node:path';
import type { Assets } from '../project/build-assets.ts';
import type { Organization } from '../sources/schema.ts';
import { formatDate } from '../templates/format.ts';
import type { TemplateSet } from '../project/load-template-set.ts';
import type { Strings } from '../project/locales.ts';
import type { FormatLink } from '../templates/view-model.ts';
import { released, type Listing } from './listing.ts';
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
  const sorted = [...released(inputs.statements, inputs.now)].sort((a, b) => Date.parse(b.released) - Date.parse(a.released) || a.title.localeCompare(b.title));
  const hrefs = inputs.assets.hrefs.get(inputs.newsroom.name) ?? {};
  return inputs.newsroom.templates.index!({
    lang: org.lang,
    dir: 'ltr',
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
        ...(s.correctedDate ? { corrected: { date: s.correctedDate, text: own.corrected ?? 'Corrected', dateText: formatDate({ date: s.correctedDate }, s.lang) } } : {}),
      };
    }),
  });
}
