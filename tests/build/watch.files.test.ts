/**
 * Watch mode rebuilds what was saved: a saved statement alone (a translation with its folder),
 * and everything after any other change (a template, a statement removed).
 */
import { existsSync } from 'node:fs';
import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build/index.ts';
import { pathsToBuild, startWatching, type Watcher } from '../../src/build/watch.ts';
import { makeProject, read, statement } from '../support/project.ts';
import { waitFor } from '../support/wait.ts';

const front = (title: string, extra: Record<string, unknown> = {}) => ({ title, date: '2023-11-27', location: 'Geneva', summary: 'S.', ...extra });

describe('watch mode', () => {
  let dir: string;
  let watcher: Watcher;
  const builds: BuildResult[] = [];
  /** The statements the builds since `from` built, sorted. */
  const builtSince = (from: number) => builds.slice(from).flatMap((b) => b.built.map((s) => s.file)).sort();

  beforeAll(async () => {
    dir = await makeProject({
      'statements/a.md': statement(front('First'), 'Text of the first.'),
      'statements/b.md': statement(front('Second'), 'Text of the second.'),
      'statements/c/en.md': statement(front('Third'), 'Text of the third.'),
      // The French version takes its date, place and summary from the English one.
      'statements/c/fr.md': statement({ title: 'Troisième', lang: 'fr' }, 'Texte du troisième.'),
    });
    watcher = startWatching(dir, { paths: [], out: 'dist', strict: false, formats: ['html', 'text'] }, (result) => builds.push(result));
    await watcher.settled();
  });
  afterAll(async () => {
    await watcher?.close();
  });

  it('builds everything at first', () => {
    expect(builtSince(0)).toEqual(['statements/a.md', 'statements/b.md', 'statements/c/en.md', 'statements/c/fr.md']);
  });

  it('rebuilds a saved statement alone, and the newsroom with it', async () => {
    const from = builds.length;
    await writeFile(path.join(dir, 'statements/a.md'), statement(front('First, revised'), 'Text of the first.'));
    await waitFor(async () => (await read(dir, 'dist/index.html')).includes('First, revised'), { what: 'the newsroom shows the new title' });
    await watcher.settled();
    expect(builtSince(from)).toEqual(['statements/a.md']);
    expect(await read(dir, 'dist/a/index.html')).toContain('First, revised');
    expect(await read(dir, 'dist/b/index.html')).toContain('Second');
  });

  it('rebuilds a saved translation with the others of its folder, which take from it', async () => {
    let from = builds.length;
    await appendFile(path.join(dir, 'statements/c/en.md'), '\nA new paragraph.\n');
    await waitFor(async () => (await read(dir, 'dist/c/c.txt')).includes('A new paragraph.'), { what: 'the new paragraph' });
    await watcher.settled();
    expect(builtSince(from)).toEqual(['statements/c/en.md', 'statements/c/fr.md']);
    from = builds.length;
    await writeFile(path.join(dir, 'statements/c/en.md'), statement(front('Third', { location: 'Lausanne' }), 'Text of the third.'));
    await waitFor(async () => (await read(dir, 'dist/c/fr/index.html')).includes('Lausanne'), { what: 'the French version takes the new place' });
    await watcher.settled();
    expect(builtSince(from)).toEqual(['statements/c/en.md', 'statements/c/fr.md']);
  });

  it('rebuilds everything when a template changes, and unpublishes a removed statement', async () => {
    let from = builds.length;
    const page = path.join(dir, 'templates/press-release/page.hbs');
    await writeFile(page, `${await readFile(page, 'utf8')}<!-- changed while watching -->\n`);
    await waitFor(() => builtSince(from).length === 4, { what: 'every statement rebuilt' });
    await watcher.settled();
    // The template compiled again, not the one this process compiled before.
    expect(await read(dir, 'dist/a/index.html')).toContain('<!-- changed while watching -->');
    from = builds.length;
    await rm(path.join(dir, 'statements/b.md'));
    await waitFor(() => !existsSync(path.join(dir, 'dist/b')), { what: 'the removed statement unpublished' });
    await watcher.settled();
    expect(await read(dir, 'dist/index.html')).not.toContain('Second');
    expect(builds.at(-1)!.removed).toContain('b/index.html');
  });
});

describe('pathsToBuild', () => {
  it('takes the paths asked for, else the saved statements that exist (a translation with its folder), else all', async () => {
    const dir = await makeProject({ 'statements/a.md': statement(front('A'), 'A.'), 'statements/c/en.md': statement(front('C'), 'C.') });
    expect(pathsToBuild(dir, ['statements/x.md'], new Set(['statements/a.md']))).toEqual(['statements/x.md']);
    expect(pathsToBuild(dir, [], 'all')).toEqual([]);
    expect(pathsToBuild(dir, [], new Set(['statements/c/en.md', 'statements/a.md']))).toEqual(['statements/a.md', 'statements/c']);
    expect(pathsToBuild(dir, [], new Set(['statements/a.md', 'statements/gone.md']))).toEqual([]);
  });
});
