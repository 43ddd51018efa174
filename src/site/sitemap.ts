/**
 * `sitemap.xml` (sitemaps.org protocol 0.9), with each page's translations as
 * `<xhtml:link rel="alternate" hreflang="..." href="..."/>`. Pure: the same URLs, in the same
 * order, give the same bytes. URLs are written as the WHATWG URL parser serialises them, so
 * non-ASCII paths are percent-encoded as the protocol requires.
 */
import { create } from 'xmlbuilder2';
import { xmlText } from '../util/xml-text.ts';

const SITEMAP = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XHTML = 'http://www.w3.org/1999/xhtml';
/** The protocol's limit for one sitemap file. */
const MAX_URLS = 50_000;

export interface SitemapUrl {
  /** Absolute http(s) URL of the page. */
  loc: string;
  /** W3C Datetime: `2023-11-27` or `2023-11-27T10:00:00+05:00`. */
  lastmod: string;
  /** Every language version of the page, this one included (search engines ignore a set that does not link back). */
  alternates?: { hreflang: string; href: string }[];
}

const W3C_DATETIME = /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?)?)?$/;
const HREFLANG = /^([A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*|x-default)$/;

export function sitemap(urls: readonly SitemapUrl[]): string {
  if (urls.length > MAX_URLS) throw new RangeError(`a sitemap holds at most ${MAX_URLS} URLs, not ${urls.length}: split it and list the parts in a sitemap index`);
  const hasAlternates = urls.some((u) => u.alternates?.length);
  const set = create({ version: '1.0', encoding: 'UTF-8' }).ele(SITEMAP, 'urlset');
  if (hasAlternates) set.att('http://www.w3.org/2000/xmlns/', 'xmlns:xhtml', XHTML);
  for (const u of urls) {
    if (!W3C_DATETIME.test(u.lastmod)) throw new Error(`lastmod "${u.lastmod}" of ${u.loc} is not a W3C datetime (e.g. 2023-11-27)`);
    const url = set.ele('url');
    url.ele('loc').txt(httpUrl(u.loc));
    url.ele('lastmod').txt(u.lastmod);
    for (const alt of u.alternates ?? []) {
      if (!HREFLANG.test(alt.hreflang)) throw new Error(`hreflang "${alt.hreflang}" of ${u.loc} is not a language tag`);
      url.ele(XHTML, 'xhtml:link', { rel: 'alternate', hreflang: alt.hreflang, href: httpUrl(alt.href) });
    }
  }
  return `${set.end({ prettyPrint: true, indent: '  ', newline: '\n', spaceBeforeSlash: false })}\n`;
}

function httpUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(xmlText(value));
  } catch {
    throw new Error(`"${value}" is not an absolute URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`"${value}" is not an http(s) URL`);
  return url.href;
}
