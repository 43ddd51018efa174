/**
 * The newsroom as a whole: the index page, the feeds and the sitemap, always made from the whole
 * published set (every statement the manifest lists after this build), never from the statements
 * of one build. They depend on those listings (and whether each is out of embargo yet), the
 * newsroom's templates, the organisation profile and the formats linked, and on nothing else: the
 * site key hashes exactly that, so an unchanged site is neither rendered nor written again.
 */
import type { Assets } from '../project/build-assets.ts';
import type { Organization } from '../sources/schema.ts';
import type { TemplateSet } from '../project/load-template-set.ts';
import { hashFiles, hashParts } from '../util/hash.ts';
import { formatLinks, selectFormats } from '../formats/index.ts';
import type { FontFamily } from '../project/fonts.ts';
import type { Strings } from '../project/locales.ts';
import { isReleased, listingText, type Published } from './listing.ts';

export interface SiteInputs {
  root: string;
  templatesDir: string;
  /** The newsroom kind, when the index is made (HTML builds). */
  newsroom: TemplateSet | undefined;
  /** Shared template files (fonts, locales) the index reads too. */
  shared: readonly string[];
  organization: Organization;
  organizationBytes: Uint8Array;
  /** The fonts list, and the words of each language (loaded once by the project). */
  fonts: readonly FontFamily[];
  strings: (lang: string) => Strings;
  /** The names of the formats built. */
  formats: readonly string[];
  assets: Assets;
  generator: string;
  now: Date;
  /** Clarion's version: a new one may render differently. */
  version: string;
}

export function siteKey(inputs: SiteInputs, published: readonly Published[]): string {
  const thumbnails = inputs.formats.includes('thumbnail');
  return hashParts([
    inputs.version,
    JSON.stringify({ formats: inputs.formats, thumbnails, newsroom: inputs.newsroom?.name ?? null }),
    inputs.organizationBytes,
    inputs.newsroom ? hashFiles([...inputs.newsroom.files, ...inputs.shared], inputs.root) : '',
    ...[...published].sort((a, b) => a.file.localeCompare(b.file)).flatMap((p) => [p.file, listingText(p), isReleased(p, inputs.now) ? 'released' : 'embargoed']),
  ]);
}

/** The files of the site: the feeds and sitemap (with a website, in HTML builds) and the index. */
export async function renderSite(inputs: SiteInputs, published: readonly Published[]): Promise<{ path: string; content: string }[]> {
  const files: { path: string; content: string }[] = [];
  if (inputs.formats.includes('html')) {
    const { renderFeeds } = await import('./render-feeds.ts');
    files.push(...renderFeeds(published, inputs.organization, inputs.now));
  }
  if (inputs.newsroom) {
    const { renderIndex } = await import('./render-index.ts');
    const index = renderIndex({
      newsroom: inputs.newsroom,
      fonts: inputs.fonts,
      strings: inputs.strings,
      organization: inputs.organization,
      statements: published,
      links: (s, strings) => formatLinks(s, selectFormats(inputs.formats), strings),
      thumbnails: inputs.formats.includes('thumbnail'),
      assets: inputs.assets,
      generator: inputs.generator,
      now: inputs.now,
    });
    files.push({ path: 'index.html', content: index });
  }
  return files;
}
