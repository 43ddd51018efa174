/** The Atom feed, read back with independent parsers: a feed reader's and a strict XML parser. */
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { atomFeed, type FeedInput } from '../../src/site/feed.ts';

const ORG = 'Ahmadiyya Muslim Community — Press & Media';

const input: FeedInput = {
  title: `${ORG} <newsroom>`,
  id: 'https://press.example.org/',
  selfUrl: 'https://press.example.org/feed.xml?lang=all&v=1',
  siteUrl: 'https://press.example.org/',
  lang: 'en',
  entries: [
    {
      id: 'https://press.example.org/older/',
      title: 'Older statement',
      url: 'https://press.example.org/older/',
      updated: new Date('2023-10-01T08:00:00Z'),
      published: new Date('2023-10-01T08:00:00Z'),
      lang: 'en',
      authorName: ORG,
    },
    {
      id: 'https://press.example.org/ahmadi-mosques-desecrated-ur/',
      title: 'احمدیوں کے خلاف تشدد جاری، 2023ء میں چالیسویں مسجد کی بے\u200cحرمتی',
      summary: 'پاکستان میں 2023ء کے دوران احمدیوں کی چالیس مساجد کی بے\u200cحرمتی کی گئی۔',
      url: 'https://press.example.org/ahmadi-mosques-desecrated-ur/',
      updated: new Date('2023-11-27T10:00:00+05:00'),
      published: new Date('2023-11-27T10:00:00+05:00'),
      lang: 'ur',
      authorName: ORG,
    },
    {
      id: 'https://press.example.org/ahmadi-mosques-desecrated/',
      title: 'Violence <b>against</b> Ahmadis & a "fortieth" mosque ]]> desecrated\u0007',
      summary: 'Forty mosques & <counting>. Line one\r\nline two',
      url: 'https://press.example.org/ahmadi-mosques-desecrated/?utm=a&b=<c>',
      updated: new Date('2023-11-27T00:00:00Z'),
      published: new Date('2023-11-26T00:00:00Z'),
      lang: 'en-GB',
      authorName: ORG,
    },
  ],
};

type Element = Record<string, unknown>;
const strict = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link'].includes(name), parseTagValue: false, trimValues: false });

describe('atomFeed', () => {
  const xml = atomFeed(input);

  it('is well-formed XML 1.0 in UTF-8 with the Atom namespace', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">\n')).toBe(true);
    expect(xml.endsWith('</feed>\n')).toBe(true);
    // No character XML 1.0 forbids (the BEL in a title is dropped), no CR.
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\r]/);
  });

  it('has what RFC 4287 requires of a feed and of each entry', () => {
    const feed = (strict.parse(xml) as { feed: Element }).feed;
    for (const name of ['id', 'title', 'updated']) expect(typeof feed[name], name).toBe('string');
    const links = feed.link as Element[];
    expect(links.filter((l) => l['@rel'] === 'self')).toEqual([{ '@rel': 'self', '@type': 'application/atom+xml', '@href': input.selfUrl }]);
    expect(links.filter((l) => l['@rel'] === 'alternate')).toEqual([{ '@rel': 'alternate', '@type': 'text/html', '@href': input.siteUrl }]);
    const entries = feed.entry as Element[];
    expect(entries).toHaveLength(3);
    for (const entry of entries) {
      for (const name of ['id', 'title', 'updated', 'published']) expect(typeof entry[name], name).toBe('string');
      expect((entry.author as Element).name).toBe(ORG);
      expect((entry.link as Element[]).filter((l) => l['@rel'] === 'alternate')).toHaveLength(1);
      // RFC 3339 date-times in UTC.
      expect(entry.updated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    }
  });

  it('reads back, through a feed reader, with every entry, newest first, titles unescaped', () => {
    const feed = parseFeed(xml);
    expect(feed.meta.type).toBe('atom');
    expect(feed.title).toBe(`${ORG} <newsroom>`);
    expect(feed.self).toBe(input.selfUrl);
    expect(feed.url).toBe(input.siteUrl);
    expect(feed.language).toBe('en');
    // The feed's updated is the newest entry's: no clock.
    expect(feed.updated?.toISOString()).toBe('2023-11-27T05:00:00.000Z');
    const items = feed.items.map((item) => ({ id: item.id, title: item.title, url: item.url, summary: item.description, updated: item.updated?.toISOString(), published: item.published?.toISOString(), authors: item.authors.map((a) => a.name) }));
    expect(items).toEqual([
      {
        id: 'https://press.example.org/ahmadi-mosques-desecrated-ur/',
        title: input.entries[1]!.title,
        url: input.entries[1]!.url,
        summary: input.entries[1]!.summary,
        updated: '2023-11-27T05:00:00.000Z',
        published: '2023-11-27T05:00:00.000Z',
        authors: [ORG],
      },
      {
        id: 'https://press.example.org/ahmadi-mosques-desecrated/',
        title: 'Violence <b>against</b> Ahmadis & a "fortieth" mosque ]]> desecrated',
        url: 'https://press.example.org/ahmadi-mosques-desecrated/?utm=a&b=%3Cc%3E',
        summary: 'Forty mosques & <counting>. Line one\nline two',
        updated: '2023-11-27T00:00:00.000Z',
        published: '2023-11-26T00:00:00.000Z',
        authors: [ORG],
      },
      {
        id: 'https://press.example.org/older/',
        title: 'Older statement',
        url: 'https://press.example.org/older/',
        summary: null,
        updated: '2023-10-01T08:00:00.000Z',
        published: '2023-10-01T08:00:00.000Z',
        authors: [ORG],
      },
    ]);
  });

  it('escapes < and & in text and attributes, so no markup comes from a title', () => {
    expect(xml).toContain('<title>Violence &lt;b&gt;against&lt;/b&gt; Ahmadis &amp; a "fortieth" mosque ]]&gt; desecrated</title>');
    // Links are written as the URL parser serialises them: < percent-encoded, & escaped.
    expect(xml).toContain('href="https://press.example.org/ahmadi-mosques-desecrated/?utm=a&amp;b=%3Cc%3E"');
    expect(xml).toContain('href="https://press.example.org/feed.xml?lang=all&amp;v=1"');
    expect(xml).not.toContain('<b>');
  });

  it('marks each entry with its language', () => {
    const entries = (strict.parse(xml) as { feed: { entry: Element[] } }).feed.entry;
    expect(entries.map((e) => e['@xml:lang'])).toEqual(['ur', 'en-GB', 'en']);
    expect(entries.map((e) => (e.link as Element[])[0]!['@hreflang'])).toEqual(['ur', 'en-GB', 'en']);
  });

  it('gives byte-identical output for the same input, whatever the order of its entries', () => {
    const again = atomFeed(structuredClone(input));
    expect(Buffer.from(again)).toEqual(Buffer.from(xml));
    expect(atomFeed({ ...input, entries: [...input.entries].reverse() })).toBe(xml);
  });

  it('takes updated when given, and is a valid empty feed without entries', () => {
    expect(atomFeed({ ...input, updated: new Date('2024-01-01T00:00:00Z') })).toContain('<updated>2024-01-01T00:00:00Z</updated>');
    const empty = atomFeed({ title: 'Empty', id: 'tag:press.example.org,2023:feed', entries: [] });
    expect(XMLValidator.validate(empty)).toBe(true);
    expect(empty).toContain('<updated>1970-01-01T00:00:00Z</updated>');
    expect(parseFeed(empty).items).toEqual([]);
  });

  it('refuses ids that are not absolute IRIs, and two entries with one id', () => {
    expect(() => atomFeed({ ...input, id: '/feed' })).toThrow('the feed id "/feed" is not an absolute IRI');
    expect(() => atomFeed({ ...input, entries: [input.entries[0]!, { ...input.entries[0]! }] })).toThrow('two feed entries have the id https://press.example.org/older/');
  });
});
