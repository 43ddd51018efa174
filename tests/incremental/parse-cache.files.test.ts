/** The parse cache (`dist/.clarion-cache`): used for unchanged statements only, never trusted otherwise. */
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { runBuild, type BuildOptions } from '../../src/build/index.ts';
import { manifestHash } from '../../src/build/manifest.ts';
import { forgetParseCache, parseCached, parseCacheToWrite } from '../../src/sources/parse-cache.ts';
import type { ParsedStatement, StatementContext } from '../../src/sources/parse-statement.ts';
import { makeProject, projectsRoot, read, statement } from '../support/project.ts';

const options: BuildOptions = { paths: [], out: 'dist', strict: false, formats: ['html', 'text'] };
const cacheFile = (dir: string) => path.join(dir, 'dist/.clarion-cache');

interface Entry {
  key: string;
  result: { statement: { title: string } };
}

interface CacheFile {
  header: string;
  entries: [string, Entry][];
}

/** The cache file, each entry (serialized on its own) read too. */
async function readCache(dir: string): Promise<CacheFile> {
  const file = deserialize(await readFile(cacheFile(dir))) as { header: string; entries: [string, Uint8Array][] };
  return { header: file.header, entries: file.entries.map(([name, bytes]) => [name, deserialize(bytes) as Entry]) };
}

/** Rewrites the cached title of `file`, as a stale or forged entry would have it. */
async function poison(dir: string, file: string, title: string, header?: string): Promise<void> {
  const cache = await readCache(dir);
  const entry = cache.entries.find(([name]) => name === file)!;
  entry[1].result.statement.title = title;
  const entries = cache.entries.map(([name, e]) => [name, serialize(e)]);
  await writeFile(cacheFile(dir), serialize({ header: header ?? cache.header, entries }));
}

const project = () =>
  makeProject({
    'statements/a.md': statement({ title: 'A', date: '2023-11-27', location: 'Geneva', summary: 'S.' }, 'Text A.'),
    'statements/b.md': statement({ title: 'B', date: '2023-11-26', location: 'Geneva', summary: 'S.' }, 'Text B.'),
  });

describe('the parse cache', () => {
  it('holds every statement after a build, and is not written again by a build with nothing to do', async () => {
    const dir = await project();
    await runBuild(dir, options);
    const cache = await readCache(dir);
    expect(cache.entries.map(([file]) => file)).toEqual(['statements/a.md', 'statements/b.md']);
    expect(cache.entries[0]![1].result.statement.title).toBe('A');
    const before = (await stat(cacheFile(dir))).mtimeMs;
    expect((await runBuild(dir, options)).files).toBe(0);
    expect((await stat(cacheFile(dir))).mtimeMs).toBe(before);
    // Nor by a build of some statements, which would drop the others.
    await writeFile(path.join(dir, 'statements/a.md'), statement({ title: 'A revised', date: '2023-11-27', location: 'Geneva', summary: 'S.' }, 'Text A.'));
    expect((await runBuild(dir, { ...options, paths: ['statements/a.md'] })).built).toHaveLength(1);
    expect((await stat(cacheFile(dir))).mtimeMs).toBe(before);
  });

  it('serves an unchanged statement from the cache, and parses a changed one again', async () => {
    const dir = await project();
    await runBuild(dir, options);
    // A forged entry with the right key shows that the cache is read: the page is rebuilt from it.
    await poison(dir, 'statements/a.md', 'From the cache');
    await writeFile(path.join(dir, 'statements/b.md'), statement({ title: 'B revised', date: '2023-11-26', location: 'Geneva', summary: 'S.' }, 'Text B.'));
    forgetParseCache();
    await writeFile(path.join(dir, 'dist/.clarion-manifest.json'), '{}');
    await runBuild(dir, options);
    expect(await read(dir, 'dist/a/a.txt')).toContain('From the cache');
    expect(await read(dir, 'dist/b/b.txt')).toContain('B revised');
    expect(await read(dir, 'dist/b/b.txt')).not.toContain('From the cache');
  });

  it('is ignored when written by other code, when unreadable, and with --force', async () => {
    const cases: [string, (dir: string) => Promise<void>, Partial<BuildOptions>][] = [
      ['other code', (dir) => poison(dir, 'statements/a.md', 'From the cache', JSON.stringify({ format: 1, code: 'another Clarion', v8: process.versions.v8 })), {}],
      ['unreadable', (dir) => writeFile(cacheFile(dir), 'not a cache at all'), {}],
      ['--force', (dir) => poison(dir, 'statements/a.md', 'From the cache'), { force: true }],
    ];
    for (const [name, spoil, extra] of cases) {
      const dir = await project();
      await runBuild(dir, options);
      await spoil(dir);
      forgetParseCache();
      // Without a manifest every statement is built again.
      await writeFile(path.join(dir, 'dist/.clarion-manifest.json'), '{}');
      const again = await runBuild(dir, { ...options, ...extra });
      expect(again.built, name).toHaveLength(2);
      expect(await read(dir, 'dist/a/a.txt'), name).not.toContain('From the cache');
      // The cache is made good again.
      expect((await readCache(dir)).entries[0]![1].result.statement.title, name).toBe('A');
    }
  });
});

describe('the parse cache and embargoes', () => {
  it('never holds a statement under embargo, or one with errors', async () => {
    const dir = await makeProject({
      'statements/open.md': statement({ title: 'Released', date: '2023-11-27', location: 'Geneva', summary: 'S.' }, 'Public text.'),
      'statements/held.md': statement({ title: 'Held back', date: '2023-11-27', embargo: '2099-01-01T09:00Z', location: 'Geneva', summary: 'S.' }, 'Secret plans of the campaign.'),
      'statements/broken.md': statement({ title: 'Broken', date: 'not a date', location: 'Geneva', summary: 'S.' }, 'Text.'),
    });
    await runBuild(dir, options);
    const bytes = await readFile(cacheFile(dir));
    expect((deserialize(bytes) as CacheFile).entries.map(([file]) => file)).toEqual(['statements/open.md']);
    // Text is found where it is kept (so its absence below means something).
    expect(bytes.includes('Public text')).toBe(true);
    expect(bytes.includes('Secret plans')).toBe(false);
    expect(bytes.includes('Held back')).toBe(false);
  });
});

describe('the cache file', () => {
  it('has the same bytes whatever objects the parsed statements share in memory', async () => {
    const context = { lang: 'en' } as unknown as StatementContext;
    const write = async (tags: (i: number) => string[]) => {
      forgetParseCache();
      for (const [i, file] of ['a.md', 'b.md'].entries()) {
        parseCached(file, new TextEncoder().encode(file), context, () => ({ statement: { title: file, tags: tags(i) }, diagnostics: [] }) as unknown as ParsedStatement);
      }
      return Buffer.from((await parseCacheToWrite(path.join(projectsRoot, 'no-such-folder'), ['a.md', 'b.md']))!);
    };
    // A build that gave both statements one array, and one that gave each its own copy.
    const shared = ['human rights'];
    const [one, two] = [await write(() => shared), await write(() => ['human rights'])];
    forgetParseCache();
    expect(one.equals(two)).toBe(true);
  });
});

describe('what the cache remembers as sound', () => {
  const manifestFile = (dir: string) => path.join(dir, 'dist/.clarion-manifest.json');
  /** The manifest with statements/a.md's key replaced by one no check accepts. */
  const badKey = async (dir: string) => (await readFile(manifestFile(dir), 'utf8')).replace(/("statements\/a\.md": \{\s*"key": ")[0-9a-f]{64}/, '$1not-a-key');

  it('trusts the manifest it was written with, and checks it again once it is edited', async () => {
    const dir = await project();
    await runBuild(dir, options);
    forgetParseCache();
    expect((await runBuild(dir, options)).built).toHaveLength(0);
    // Edited by hand: the whole manifest fails its check, and every statement is built again.
    const edited = await badKey(dir);
    expect(edited).toContain('"key": "not-a-key"');
    await writeFile(manifestFile(dir), edited);
    forgetParseCache();
    expect((await runBuild(dir, options)).built).toHaveLength(2);
  });

  it('is what spares the check: a manifest the cache vouches for is read as it is', async () => {
    const dir = await project();
    await runBuild(dir, options);
    // The cache made to vouch for an edited manifest (which only Clarion could do): its entries
    // are taken as they are, so only the statement whose key no longer matches is built.
    const edited = await badKey(dir);
    await writeFile(manifestFile(dir), edited);
    const file = deserialize(await readFile(cacheFile(dir))) as Record<string, unknown>;
    await writeFile(cacheFile(dir), serialize({ ...file, manifest: manifestHash(edited) }));
    forgetParseCache();
    expect((await runBuild(dir, options)).built.map((b) => b.file)).toEqual(['statements/a.md']);
  });

  it('holds the templates of its own build only, whatever else the process built before', async () => {
    const other = await project();
    const template = path.join(other, 'templates/press-release/text.hbs');
    await writeFile(template, `${await readFile(template, 'utf8')}\n{{! another project's template }}\n`);
    await runBuild(other, options);
    const after = await project();
    await runBuild(after, options);
    forgetParseCache();
    const fresh = await project();
    await runBuild(fresh, options);
    expect((await readFile(cacheFile(after))).equals(await readFile(cacheFile(fresh)))).toBe(true);
  });

  it('checks a template again once it is edited', async () => {
    const dir = await project();
    await runBuild(dir, options);
    forgetParseCache();
    const template = path.join(dir, 'templates/press-release/text.hbs');
    await writeFile(template, `${await readFile(template, 'utf8')}\n{{#if draft}}\n`);
    const again = await runBuild(dir, options);
    expect(again.built).toHaveLength(0);
    expect(again.diagnostics.map((d) => `${d.file} ${d.message}`).join('\n')).toMatch(/templates\/press-release\/text\.hbs .*(parse|closed|Expecting)/i);
  });
});
