/**
 * The newsroom's Atom 1.0 feed (RFC 4287). Pure and deterministic: no clock is read (the feed's
 * `updated` is the newest entry's unless given), entries are ordered newest first (then by id),
 * and the same input gives the same bytes.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { rfc3339, xmlText } from '../util/xml-text.ts';

const ATOM = 'http://www.w3.org/2005/Atom';
const XML = 'http://www.w3.org/XML/1998/namespace';

export interface FeedEntry {
  /** A permanent, absolute IRI: `https://press.example.org/slug/` or `tag:press.example.org,2023-11-27:slug`. */
  id: string;
  title: string;
  summary?: string;
  /** Absolute URL of the web page (written as the URL parser serialises it). */
  url: string;
  updated: Date;
  published: Date;
  /** BCP 47 tag of the entry: its `xml:lang`, and the `hreflang` of its link. */
  lang: string;
  authorName: string;
}

export interface FeedInput {
  title: string;
  /** A permanent, absolute IRI for the feed. */
  id: string;
  /** Absolute URL the feed is served from (`rel="self"`). */
  selfUrl?: string;
  /** Absolute URL of the newsroom (`rel="alternate"`). */
  siteUrl?: string;
  /** Default: the newest entry's `updated` (the Unix epoch for a feed with no entries). */
  updated?: Date;
  /** `xml:lang` of the feed. */
  lang?: string;
  entries: FeedEntry[];
}

export function atomFeed(input: FeedInput): string {
  absolute(input.id, 'feed id');
  const selfUrl = input.selfUrl ? absolute(input.selfUrl, 'feed selfUrl') : undefined;
  const siteUrl = input.siteUrl ? absolute(input.siteUrl, 'feed siteUrl') : undefined;
  const ids = new Set<string>();
  for (const entry of input.entries) {
    absolute(entry.id, `entry id`);
    absolute(entry.url, `url of entry ${entry.id}`);
    if (ids.has(entry.id)) throw new Error(`two feed entries have the id ${entry.id}`);
    ids.add(entry.id);
  }
  const entries = [...input.entries].sort((a, b) => b.updated.getTime() - a.updated.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const updated = input.updated ?? entries[0]?.updated ?? new Date(0);

  const feed = create({ version: '1.0', encoding: 'UTF-8' }).ele(ATOM, 'feed');
  if (input.lang) feed.att(XML, 'xml:lang', xmlText(input.lang));
  text(feed, 'title', input.title);
  text(feed, 'id', input.id);
  text(feed, 'updated', rfc3339(updated));
  if (siteUrl) feed.ele('link', { rel: 'alternate', type: 'text/html', href: siteUrl });
  if (selfUrl) feed.ele('link', { rel: 'self', type: 'application/atom+xml', href: selfUrl });
  for (const e of entries) {
    const entry = feed.ele('entry').att(XML, 'xml:lang', xmlText(e.lang));
    text(entry, 'id', e.id);
    text(entry, 'title', e.title);
    text(entry, 'published', rfc3339(e.published));
    text(entry, 'updated', rfc3339(e.updated));
    entry.ele('link', { rel: 'alternate', type: 'text/html', hreflang: xmlText(e.lang), href: absolute(e.url, `url of entry ${e.id}`) });
    text(entry.ele('author'), 'name', e.authorName);
    if (e.summary) text(entry, 'summary', e.summary);
  }
  return `${feed.end({ prettyPrint: true, indent: '  ', newline: '\n', spaceBeforeSlash: false })}\n`;
}

/** `<name>text</name>`; `type="text"` is Atom's default, so plain text needs no attribute. */
function text(parent: XMLBuilder, name: string, value: string): void {
  parent.ele(name).txt(xmlText(value));
}

/** Checks that `iri` is absolute and returns it as the URL parser writes it (characters an IRI may not hold, such as `<`, percent-encoded). */
function absolute(iri: string, what: string): string {
  try {
    return new URL(xmlText(iri)).href;
  } catch {
    throw new Error(`the ${what} "${iri}" is not an absolute IRI`);
  }
}
