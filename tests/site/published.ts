/**
 * What a build's site says is published, read back with independent parsers (the index as HTML,
 * the feeds through a feed reader, the sitemap as XML), and the invariant every build must keep:
 * the site lists exactly the statements whose outputs are in the output folder.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import type { Root } from 'hast';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { XMLParser } from 'fast-xml-parser';
import { expect } from 'vitest';

export const WEBSITE = 'https://press.example.org/';

export interface SiteListing {
  /** Output folders of the index's entries, in its order, with their titles. */
  index: { folder: string; title: string }[];
  /** The other language versions the entries link to (a statement and its translations are one entry). */
  versions: string[];
  /** Each feed file on disk, with the folders of its entries. */
  feeds: Record<string, string[]>;
  /** Folders of the sitemap's pages, with the folders of their language alternates. */
  sitemap: Record<string, string[]>;
}

const folderOf = (url: string) => {
  expect(url.startsWith(WEBSITE), url).toBe(true);
  return url.slice(WEBSITE.length).replace(/\/$/, '');
};

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['url', 'xhtml:link'].includes(name) });

export async function readSite(out: string): Promise<SiteListing> {
  const tree = unified().use(rehypeParse).parse(await readFile(path.join(out, 'index.html'), 'utf8')) as Root;
  const index = selectAll('.statements li h2 a', tree).map((a) => ({ folder: String(a.properties.href).replace(/\/$/, ''), title: toText(a) }));
  const versions = selectAll('.statements li .languages a', tree).map((a) => String(a.properties.href).replace(/\/$/, ''));
  const feeds: Record<string, string[]> = {};
  for (const file of readdirSync(out).filter((f) => /^feed(-[\w-]+)?\.xml$/.test(f)).sort()) {
    feeds[file] = parseFeed(await readFile(path.join(out, file), 'utf8')).items.map((i) => folderOf(i.url!));
  }
  const sitemap: Record<string, string[]> = {};
  const urls = (xml.parse(await readFile(path.join(out, 'sitemap.xml'), 'utf8')) as { urlset: { url?: Record<string, unknown>[] } }).urlset.url ?? [];
  for (const url of urls) {
    const links = (url['xhtml:link'] ?? []) as { '@href': string }[];
    sitemap[folderOf(String(url.loc))] = links.map((l) => folderOf(l['@href'])).sort();
  }
  return { index, versions, feeds, sitemap };
}

interface ManifestRead {
  statements: Record<string, { slug: string; outputs: string[]; listing?: { lang: string; embargo?: string } }>;
  site?: { outputs: string[] };
}

export async function readManifest(out: string): Promise<ManifestRead> {
  return JSON.parse(await readFile(path.join(out, '.clarion-manifest.json'), 'utf8')) as ManifestRead;
}

/** Every folder under `out` that holds a file, but assets/ (relative, sorted). */
function foldersOnDisk(out: string): { withFiles: string[]; empty: string[] } {
  const withFiles: string[] = [];
  const empty: string[] = [];
  const walk = (dir: string) => {
    const entries = readdirSync(path.join(out, dir), { withFileTypes: true });
    if (dir && entries.length === 0) empty.push(dir);
    if (dir && entries.some((e) => e.isFile())) withFiles.push(dir);
    for (const e of entries) if (e.isDirectory() && !(dir === '' && e.name === 'assets')) walk(dir ? `${dir}/${e.name}` : e.name);
  };
  walk('');
  return { withFiles: withFiles.sort(), empty };
}

/**
 * After any build: every statement the index, a feed or the sitemap lists has its folder and files
 * on disk, and every statement folder on disk is one the manifest owns and the site lists (unless
 * under embargo at `now`); no feed is left without statements of its language, no folder is empty.
 * Returns the folders the site lists.
 */
export async function expectSiteMatchesDisk(out: string, now = new Date()): Promise<string[]> {
  const site = await readSite(out);
  const manifest = await readManifest(out);
  const listed = [...new Set([...site.index.map((e) => e.folder), ...site.versions, ...Object.values(site.feeds).flat(), ...Object.keys(site.sitemap)])].sort();
  for (const folder of listed) {
    const slug = folder.split('/')[0]!;
    expect(existsSync(path.join(out, folder, 'index.html')), `${folder}/index.html`).toBe(true);
    expect(existsSync(path.join(out, folder, `${slug}.txt`)), `${folder}/${slug}.txt`).toBe(true);
  }
  const owned = Object.values(manifest.statements);
  const released = owned.filter((e) => !e.listing?.embargo || Date.parse(e.listing.embargo) <= now.getTime()).map((e) => e.slug).sort();
  // Each listing lists the same statements (the index and the sitemap all; the feeds the newest 50).
  expect([...site.index.map((e) => e.folder), ...site.versions].sort()).toEqual(released);
  expect(Object.keys(site.sitemap).sort()).toEqual(released);
  expect(site.feeds['feed.xml']!.sort()).toEqual(released);
  const langs = [...new Set(owned.filter((e) => released.includes(e.slug)).map((e) => e.listing!.lang))].sort();
  expect(Object.keys(site.feeds).sort()).toEqual(['feed.xml', ...langs.map((l) => `feed-${l}.xml`)].sort());
  // Folders on disk: each one the manifest's (a statement's, or a parent of translations).
  const disk = foldersOnDisk(out);
  expect(disk.empty).toEqual([]);
  const ownedFolders = new Set(owned.map((e) => e.slug));
  expect(disk.withFiles.filter((f) => !ownedFolders.has(f))).toEqual([]);
  for (const entry of owned) for (const file of entry.outputs) expect(existsSync(path.join(out, file)), file).toBe(true);
  return listed;
}
