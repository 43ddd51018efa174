/** sitemap.xml, read back with an independent XML parser. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { sitemap, type SitemapUrl } from '../../src/site/sitemap.ts';

const en = 'https://press.example.org/ahmadi-mosques-desecrated/';
const ur = 'https://press.example.org/ahmadi-mosques-desecrated/ur/';
const fr = 'https://press.example.org/ahmadi-mosques-desecrated/fr/';
const alternates = [
  { hreflang: 'en', href: en },
  { hreflang: 'fr', href: fr },
  { hreflang: 'ur', href: ur },
  { hreflang: 'x-default', href: en },
];

const urls: SitemapUrl[] = [
  { loc: 'https://press.example.org/', lastmod: '2023-11-27' },
  { loc: en, lastmod: '2023-11-27', alternates },
  { loc: fr, lastmod: '2023-11-27T10:00:00+05:00', alternates },
  { loc: ur, lastmod: '2023-11-27T05:00:00Z', alternates },
  { loc: 'https://press.example.org/search/?q=a&tag=<b>', lastmod: '2023-11' },
  { loc: 'https://press.example.org/بیانات/', lastmod: '2023' },
];

type Element = Record<string, unknown>;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['url', 'xhtml:link'].includes(name), parseTagValue: false });

describe('sitemap', () => {
  const xml = sitemap(urls);
  const set = (parser.parse(xml) as { urlset: Element }).urlset;
  const read = set.url as Element[];

  it('is well-formed XML in the sitemaps.org 0.9 namespace, with the XHTML one for alternates', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(set['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(set['@xmlns:xhtml']).toBe('http://www.w3.org/1999/xhtml');
  });

  it('lists every URL, in order, with its lastmod', () => {
    expect(read.map((u) => [u.loc, u.lastmod])).toEqual([
      ['https://press.example.org/', '2023-11-27'],
      [en, '2023-11-27'],
      [fr, '2023-11-27T10:00:00+05:00'],
      [ur, '2023-11-27T05:00:00Z'],
      // The parser decodes &amp; back; < and > in a URL are percent-encoded, as the protocol requires.
      ['https://press.example.org/search/?q=a&tag=%3Cb%3E', '2023-11'],
      ['https://press.example.org/%D8%A8%DB%8C%D8%A7%D9%86%D8%A7%D8%AA/', '2023'],
    ]);
  });

  it('gives each translated page all its language versions as xhtml:link alternates', () => {
    for (const u of read.slice(1, 4)) {
      expect(u['xhtml:link']).toEqual(alternates.map((a) => ({ '@rel': 'alternate', '@hreflang': a.hreflang, '@href': a.href })));
    }
    expect(read[0]!['xhtml:link']).toBeUndefined();
  });

  it('escapes & in text and attributes', () => {
    expect(xml).toContain('<loc>https://press.example.org/search/?q=a&amp;tag=%3Cb%3E</loc>');
    const withAmp = sitemap([{ loc: en, lastmod: '2023-11-27', alternates: [{ hreflang: 'en', href: `${en}?a=1&b=2` }] }]);
    expect(withAmp).toContain(`href="${en}?a=1&amp;b=2"`);
    expect(XMLValidator.validate(withAmp)).toBe(true);
  });

  it('leaves out the XHTML namespace when no page has alternates', () => {
    expect(sitemap([urls[0]!])).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n  <url>\n    <loc>https://press.example.org/</loc>\n    <lastmod>2023-11-27</lastmod>\n  </url>\n</urlset>\n',
    );
  });

  it('gives byte-identical output for the same input', () => {
    expect(Buffer.from(sitemap(structuredClone(urls)))).toEqual(Buffer.from(xml));
  });

  it('refuses what the protocol does not allow', () => {
    expect(() => sitemap([{ loc: '/relative/', lastmod: '2023-11-27' }])).toThrow('"/relative/" is not an absolute URL');
    expect(() => sitemap([{ loc: 'ftp://press.example.org/', lastmod: '2023-11-27' }])).toThrow('is not an http(s) URL');
    expect(() => sitemap([{ loc: en, lastmod: '27/11/2023' }])).toThrow('is not a W3C datetime');
    expect(() => sitemap([{ loc: en, lastmod: '2023-11-27', alternates: [{ hreflang: 'english!', href: en }] }])).toThrow('is not a language tag');
    expect(() => sitemap(Array.from({ length: 50_001 }, () => urls[0]!))).toThrow('at most 50000 URLs');
  });
});
