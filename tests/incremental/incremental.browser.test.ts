/** Incremental builds: only what changed is rebuilt; a no-op build writes nothing and starts no browser. */
import { cp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runBuild, type BuildOptions } from '../../src/build/index.ts';
import { listFiles, makeProject, statement } from '../support/project.ts';

const options: BuildOptions = { paths: [], out: 'dist', strict: false };

async function mtimes(dir: string): Promise<Map<string, number>> {
  const files = await listFiles(path.join(dir, 'dist'));
  return new Map(await Promise.all(files.map(async (f) => [f, (await stat(path.join(dir, 'dist', f))).mtimeMs] as const)));
}

describe('incremental builds', () => {
  /** The project as its first build left it; each test works on a copy of its own. */
  let built: string;
  let dir: string;
  beforeAll(async () => {
    built = await makeProject({
      'statements/a.md': statement({ title: 'A', date: '2023-11-27', location: 'Geneva', summary: 'S.' }, 'Text A.'),
      'statements/b.md': statement({ title: 'B', date: '2023-11-26', location: 'Geneva', summary: 'S.', kind: 'letter' }, 'Text B.'),
      'statements/c.md': statement({ title: 'C', date: '2023-11-25', location: 'Geneva', summary: 'S.', kind: 'letter' }, 'Text C.'),
    });
    await cp(path.join(built, 'templates/press-release'), path.join(built, 'templates/letter'), { recursive: true });
    const first = await runBuild(built, options);
    expect(first.built).toHaveLength(3);
    expect(first.browserLaunched).toBe(true);
  });
  beforeEach(async () => {
    // A copy with the timestamps kept is up to date, as the first test shows.
    dir = await makeProject({});
    await rm(dir, { recursive: true });
    await cp(built, dir, { recursive: true, preserveTimestamps: true });
    expect((await runBuild(dir, options)).built).toEqual([]);
  });

  it('writes nothing and launches no browser when nothing changed', async () => {
    const before = await mtimes(dir);
    const again = await runBuild(dir, options);
    expect(again.built).toEqual([]);
    expect(again.upToDate).toEqual(['statements/a.md', 'statements/b.md', 'statements/c.md']);
    expect(again.files).toBe(0);
    expect(again.browserLaunched).toBe(false);
    expect(await mtimes(dir)).toEqual(before);
  });

  it('finds everything up to date in a project moved to another folder', async () => {
    const moved = `${dir}-moved`;
    await cp(dir, moved, { recursive: true, preserveTimestamps: true });
    try {
      const again = await runBuild(moved, options);
      expect(again.built).toEqual([]);
      expect(again.files).toBe(0);
      expect(again.browserLaunched).toBe(false);
    } finally {
      await rm(moved, { recursive: true, force: true });
    }
  });

  it('rewrites the newsroom index alone, without starting Chromium, when only its template changed', async () => {
    const template = path.join(dir, 'templates/newsroom/index.hbs');
    await writeFile(template, (await readFile(template, 'utf8')) + '\n<!-- changed -->\n');
    const before = await mtimes(dir);
    const again = await runBuild(dir, options);
    expect(again.built).toEqual([]);
    expect(again.browserLaunched).toBe(false);
    const after = await mtimes(dir);
    // (The parse cache records the manifest it was written with.)
    expect([...after].filter(([file, mtime]) => before.get(file) !== mtime).map(([file]) => file).sort()).toEqual(['.clarion-cache', '.clarion-manifest.json', 'index.html']);
  });

  it('rebuilds exactly the statements of a kind whose partial changed', async () => {
    const partial = path.join(dir, 'templates/letter/partials/statement.hbs');
    await writeFile(partial, (await readFile(partial, 'utf8')) + '\n<!-- changed -->\n');
    const again = await runBuild(dir, options);
    expect(again.built.map((b) => b.file)).toEqual(['statements/b.md', 'statements/c.md']);
    expect(again.upToDate).toEqual(['statements/a.md']);
  });

  it('rebuilds one changed statement only, and everything with --force', async () => {
    await writeFile(path.join(dir, 'statements/a.md'), statement({ title: 'A changed', date: '2023-11-27', location: 'Geneva', summary: 'S.' }, 'Text A.'));
    expect((await runBuild(dir, options)).built.map((b) => b.file)).toEqual(['statements/a.md']);
    expect((await runBuild(dir, { ...options, force: true })).built).toHaveLength(3);
  });

  it('removes the outputs of a deleted statement and nothing else', async () => {
    await writeFile(path.join(dir, 'dist/notes-of-mine.txt'), 'not Clarion\'s');
    const before = await listFiles(path.join(dir, 'dist'));
    await rm(path.join(dir, 'statements/c.md'));
    const again = await runBuild(dir, options);
    expect(again.removed.sort()).toEqual(['c/c.eml', 'c/c.pdf', 'c/c.txt', 'c/card.png', 'c/email.html', 'c/index.html', 'c/thumbnail.png']);
    const after = await listFiles(path.join(dir, 'dist'));
    expect(after).toEqual(before.filter((f) => !f.startsWith('c/')));
    expect(after).toContain('notes-of-mine.txt');
  });

  it('keeps the outputs when a statement is renamed but keeps its slug', async () => {
    const source = await readFile(path.join(dir, 'statements/a.md'), 'utf8');
    await rm(path.join(dir, 'statements/a.md'));
    await writeFile(path.join(dir, 'statements/renamed.md'), source.replace('title:', 'slug: "a"\ntitle:'));
    const again = await runBuild(dir, options);
    expect(again.built.map((b) => b.file)).toEqual(['statements/renamed.md']);
    expect(again.removed).toEqual([]);
    expect(await listFiles(path.join(dir, 'dist/a'))).toEqual(['a.eml', 'a.pdf', 'a.txt', 'card.png', 'email.html', 'index.html', 'thumbnail.png']);
  });

  it('ignores a corrupt manifest and rebuilds everything', async () => {
    await writeFile(path.join(dir, 'dist/.clarion-manifest.json'), '{"clarion": "0.1.0", "statements": {"statements/a.md": {"key": "x"');
    expect((await runBuild(dir, options)).built).toHaveLength(3);
    await writeFile(path.join(dir, 'dist/.clarion-manifest.json'), JSON.stringify({ clarion: '0.0.1', statements: {} }));
    expect((await runBuild(dir, options)).built).toHaveLength(3);
  });
});
