/**
 * The newsroom's Atom feeds (`feed.xml` with every language, `feed-<lang>.xml` per language; the
 * newest FEED_ENTRIES statements each) and `sitemap.xml` (every statement). Both need absolute
 * URLs, so they are made only when the organisation has a `website`. Statements still under
 * embargo are left out, as in the index.
 */
import type { Organization } from '../sources/schema.ts';
import { atomFeed, type FeedEntry } from './feed.ts';
import { sitemap } from './sitemap.ts';
import { released, type Listing } from './listing.ts';

/**
 * Entries per feed: the newest. Readers poll a feed often and show only recent items, so it stays
 * small however long the newsroom's history; the sitemap and the index list every statement.
 */
export const FEED_ENTRIES = 50;

/** The newest statements first (then by folder), at most FEED_ENTRIES of them. */
function newest(statements: readonly Listing[]): Listing[] {
  return [...statements]
    .sort((a, b) => Date.parse(b.released) - Date.parse(a.released) || (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0))
    .slice(0, FEED_ENTRIES);
}

export function renderFeeds(statements: readonly Listing[], organization: Organization, now: Date): { path: string; content: string }[] {
  if (!organization.website) return [];
  const site = organization.website.endsWith('/') ? organization.website : `${organization.website}/`;
  const pageUrl = (folder: string) => new URL(`${folder}/`, site).href;
  const published = released(statements, now);
  const entry = (s: Listing): FeedEntry => ({
    id: pageUrl(s.folder),
    title: s.title,
    ...(s.summary ? { summary: s.summary } : {}),
    url: pageUrl(s.folder),
    // A correction updates the entry: readers see it again.
    updated: new Date(s.corrected ?? s.released),
    published: new Date(s.released),
    lang: s.lang,
    authorName: organization.name,
  });
  const feed = (file: string, entries: Listing[], lang?: string) => ({
    path: file,
    content: atomFeed({
      title: lang ? `${organization.name} (${lang})` : organization.name,
      id: new URL(file, site).href,
      selfUrl: new URL(file, site).href,
      siteUrl: site,
      ...(lang ? { lang } : { lang: organization.lang }),
      entries: newest(entries).map(entry),
    }),
  });
  const languages = [...new Set(published.map((s) => s.lang))].sort();
  const listed = new Set(published.map((s) => s.folder));
  return [
    feed('feed.xml', published),
    ...languages.map((lang) => feed(`feed-${lang}.xml`, published.filter((s) => s.lang === lang), lang)),
    {
      path: 'sitemap.xml',
      content: sitemap(
        published.map((s) => ({
          loc: pageUrl(s.folder),
          lastmod: s.date,
          // Only alternates that are listed too: a sitemap never points at an embargoed page.
          alternates: s.translations.filter((t) => listed.has(t.folder)).map((t) => ({ hreflang: t.lang, href: pageUrl(t.folder) })),
        })),
      ),
    },
  ];
}
