/**
 * The site (index, feeds, sitemap) is made from the whole published set, whatever a build was
 * asked to build and whatever failed in it: a statement that fails stays published and listed as
 * it was last built well; a statement whose source is deleted leaves every listing and the disk.
 */
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { clarion, makeProject, read, statement } from '../support/project.ts';
import { expectSiteMatchesDisk, readManifest, readSite } from './published.ts';

const build = (dir: string, ...args: string[]) => clarion(dir, 'build', '--formats', 'html,text', ...args);
const good = (title: string, date: string, extra: Record<string, unknown> = {}) => statement({ title, date, location: 'Geneva', summary: `About ${title}.`, ...extra }, `${title} text.`);

describe('the site lists the whole published set', () => {
  let dir: string;
  let out: string;
  beforeEach(async () => {
    dir = await makeProject({
      'statements/a.md': good('Alpha', '2023-11-27'),
      'statements/b.md': good('Bravo', '2023-11-26'),
      'statements/c.md': good('Charlie', '2023-11-25', { lang: 'fr' }),
    });
    out = path.join(dir, 'dist');
    const first = await build(dir);
    expect(first.code).toBe(0);
    expect(await expectSiteMatchesDisk(out)).toEqual(['a', 'b', 'c']);
  });

  it('after a build of one statement', async () => {
    await writeFile(path.join(dir, 'statements/a.md'), good('Alpha, revised', '2023-11-27'));
    const one = await build(dir, 'statements/a.md');
    expect(one.code).toBe(0);
    expect(one.stderr).toBe('');
    expect(one.stdout).toMatch(/^statements\/a\.md → dist\/a\/index\.html, dist\/a\/a\.txt\nBuilt 1 statement \(\d+ files\) in [\d.]+ s\n$/);
    const site = await readSite(out);
    expect(site.index).toEqual([{ folder: 'a', title: 'Alpha, revised' }, { folder: 'b', title: 'Bravo' }, { folder: 'c', title: 'Charlie' }]);
    expect(site.feeds).toEqual({ 'feed.xml': ['a', 'b', 'c'], 'feed-en.xml': ['a', 'b'], 'feed-fr.xml': ['c'] });
    expect(await expectSiteMatchesDisk(out)).toEqual(['a', 'b', 'c']);
    // A new statement built alone joins the others.
    await writeFile(path.join(dir, 'statements/d.md'), good('Delta', '2023-11-28'));
    expect((await build(dir, 'statements/d.md')).code).toBe(0);
    expect((await readSite(out)).index.map((e) => e.folder)).toEqual(['d', 'a', 'b', 'c']);
    expect(await expectSiteMatchesDisk(out)).toEqual(['a', 'b', 'c', 'd']);
    // A full build after it has nothing left to do.
    const again = await build(dir);
    expect(again.stdout).toMatch(/^Built 0 statements \(\d+ files?\) in [\d.]+ s; 4 up to date\n$/);
  });

  it('when a statement that was built well now has an error: its last good version stays, listed as it was', async () => {
    const before = await read(dir, 'dist/b/index.html');
    await writeFile(path.join(dir, 'statements/b.md'), good('Bravo, broken', '2023-02-30'));
    for (const args of [[], ['statements/b.md'], ['--force']]) {
      const result = await build(dir, ...args);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        'statements/b.md:3:7 error "2023-02-30" is not a calendar date — write the date as YYYY-MM-DD (e.g. 2023-11-27), or a date and time with its offset (e.g. 2023-11-27T10:00+05:00) (date)\n' +
          'statements/b.md: not built; its previous version stays published (dist/b/)\n',
      );
      expect(result.stdout).toMatch(/; 1 failed: statements\/b\.md\n$/);
      expect(await read(dir, 'dist/b/index.html')).toBe(before);
      expect((await readSite(out)).index).toEqual([{ folder: 'a', title: 'Alpha' }, { folder: 'b', title: 'Bravo' }, { folder: 'c', title: 'Charlie' }]);
      expect(await expectSiteMatchesDisk(out)).toEqual(['a', 'b', 'c']);
    }
    // Fixed, it is built and listed as it now is.
    await writeFile(path.join(dir, 'statements/b.md'), good('Bravo, fixed', '2023-11-26'));
    expect((await build(dir)).code).toBe(0);
    expect((await readSite(out)).index.map((e) => e.title)).toEqual(['Alpha', 'Bravo, fixed', 'Charlie']);
  });

  it('when a template error stops the statements of its kind', async () => {
    await writeFile(path.join(dir, 'templates/press-release/page.hbs'), `{{shout title}}\n${await read(dir, 'templates/press-release/page.hbs')}`);
    await writeFile(path.join(dir, 'statements/a.md'), good('Alpha, revised', '2023-11-27'));
    const result = await build(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('templates/press-release/page.hbs:1:1 error unknown helper "shout"');
    for (const slug of ['a', 'b', 'c']) expect(result.stderr).toContain(`statements/${slug}.md: not built; its previous version stays published (dist/${slug}/)\n`);
    expect((await readSite(out)).index.map((e) => e.title)).toEqual(['Alpha', 'Bravo', 'Charlie']);
    expect(await expectSiteMatchesDisk(out)).toEqual(['a', 'b', 'c']);
  });

  it('when a new file takes the slug of a published statement', async () => {
    const before = await read(dir, 'dist/a/a.txt');
    await writeFile(path.join(dir, 'statements/z.md'), good('Zulu', '2023-11-29', { slug: 'a' }));
    // Built alone, the new file is checked against what is published.
    const alone = await build(dir, 'statements/z.md');
    expect(alone.code).toBe(1);
    expect(alone.stderr).toBe('statements/z.md:1:1 error the slug "a" is also used by statements/a.md — give one of them a different "slug:" or rename the file (slug)\n');
    expect(await read(dir, 'dist/a/a.txt')).toBe(before);
    expect(await expectSiteMatchesDisk(out)).toEqual(['a', 'b', 'c']);
    const all = await build(dir);
    expect(all.code).toBe(1);
    expect(all.stderr).toContain('statements/a.md:1:1 error the slug "a" is also used by statements/z.md');
    expect(all.stderr).toContain('statements/a.md: not built; its previous version stays published (dist/a/)\n');
    expect(all.stderr).not.toContain('statements/z.md: not built');
    expect(await read(dir, 'dist/a/a.txt')).toBe(before);
    expect((await readSite(out)).index.map((e) => e.title)).toEqual(['Alpha', 'Bravo', 'Charlie']);
    expect(await expectSiteMatchesDisk(out)).toEqual(['a', 'b', 'c']);
    // Nor may it take the folder of one that fails and stays published.
    await writeFile(path.join(dir, 'statements/a.md'), good('Alpha', '2023-02-30'));
    const failing = await build(dir);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toContain('statements/z.md:1:1 error the slug "a" is also used by statements/a.md');
    expect(failing.stdout).toMatch(/2 failed: statements\/a\.md, statements\/z\.md\n$/);
    expect(await read(dir, 'dist/a/a.txt')).toBe(before);
    expect(await expectSiteMatchesDisk(out)).toEqual(['a', 'b', 'c']);
  });

  it('leaves out a statement that never built', async () => {
    await writeFile(path.join(dir, 'statements/new.md'), good('New', '2023-13-01'));
    const result = await build(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('stays published');
    expect(existsSync(path.join(out, 'new'))).toBe(false);
    expect(await expectSiteMatchesDisk(out)).toEqual(['a', 'b', 'c']);
  });

  it('after a deletion: gone from every listing, the manifest and the disk, its empty feed too', async () => {
    await writeFile(path.join(out, 'notes-of-mine.txt'), "not Clarion's");
    await rm(path.join(dir, 'statements/c.md'));
    // Gone whatever the build was asked to build.
    const result = await build(dir, 'statements/a.md');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/; 1 up to date; removed 3 old files\n$/);
    expect(existsSync(path.join(out, 'c'))).toBe(false);
    expect(existsSync(path.join(out, 'feed-fr.xml'))).toBe(false);
    expect(Object.keys((await readManifest(out)).statements)).toEqual(['statements/a.md', 'statements/b.md']);
    expect((await readManifest(out)).site?.outputs.sort()).toEqual(['feed-en.xml', 'feed.xml', 'index.html', 'sitemap.xml']);
    expect(await expectSiteMatchesDisk(out)).toEqual(['a', 'b']);
    expect(await read(dir, 'dist/notes-of-mine.txt')).toBe("not Clarion's");
    await rm(path.join(dir, 'statements/b.md'));
    expect((await build(dir)).code).toBe(0);
    expect(await expectSiteMatchesDisk(out)).toEqual(['a']);
  });

  it('after a change of slug: the old folder goes', async () => {
    await writeFile(path.join(dir, 'statements/b.md'), good('Bravo', '2023-11-26', { slug: 'bravo' }));
    expect((await build(dir)).code).toBe(0);
    expect(existsSync(path.join(out, 'b'))).toBe(false);
    expect(await expectSiteMatchesDisk(out)).toEqual(['a', 'bravo', 'c']);
  });

  it('from a manifest of an earlier Clarion without listings: everything is built again', async () => {
    const manifest = JSON.parse(await read(dir, 'dist/.clarion-manifest.json')) as { statements: Record<string, { listing?: unknown }> };
    for (const entry of Object.values(manifest.statements)) delete entry.listing;
    await writeFile(path.join(out, '.clarion-manifest.json'), JSON.stringify(manifest));
    const result = await build(dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Built 3 statements/);
    expect(await expectSiteMatchesDisk(out)).toEqual(['a', 'b', 'c']);
  });
});

describe('a statement in two languages, one of which fails', () => {
  it('keeps both published, linked to each other, and listed', async () => {
    const dir = await makeProject({
      'statements/pair/en.md': good('The pair', '2023-11-27'),
      'statements/pair/fr.md': statement({ title: 'La paire', summary: 'À propos.' }, 'Texte.'),
      'statements/solo.md': good('Solo', '2023-11-20'),
    });
    const out = path.join(dir, 'dist');
    expect((await build(dir)).code).toBe(0);
    const pairs = { pair: ['pair', 'pair/fr'], 'pair/fr': ['pair', 'pair/fr'], solo: [] };
    expect((await readSite(out)).sitemap).toEqual(pairs);
    const frBefore = await read(dir, 'dist/pair/fr/index.html');
    await writeFile(path.join(dir, 'statements/pair/fr.md'), statement({ title: 'La paire', titel: 'x' }, 'Texte changé.'));
    // The English version changes too: rebuilt, it still links to the French one that stays.
    await writeFile(path.join(dir, 'statements/pair/en.md'), good('The pair, revised', '2023-11-27'));
    const result = await build(dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('statements/pair/fr.md: not built; its previous version stays published (dist/pair/fr/)\n');
    expect(result.stdout).toContain('statements/pair/en.md → dist/pair/index.html');
    expect(await read(dir, 'dist/pair/fr/index.html')).toBe(frBefore);
    expect(await read(dir, 'dist/pair/index.html')).toContain('href="https://press.example.org/pair/fr/"');
    const site = await readSite(out);
    // The pair is one entry of the newsroom, in English, linking to its French version.
    expect(site.index.map((e) => e.title)).toEqual(['The pair, revised', 'Solo']);
    expect(site.versions).toEqual(['pair/fr']);
    expect(site.sitemap).toEqual(pairs);
    expect(site.feeds).toEqual({ 'feed.xml': ['pair', 'pair/fr', 'solo'], 'feed-en.xml': ['pair', 'solo'], 'feed-fr.xml': ['pair/fr'] });
    expect(await expectSiteMatchesDisk(out)).toEqual(['pair', 'pair/fr', 'solo']);
    // The default language failing in turn: both stay published, linked and listed.
    await writeFile(path.join(dir, 'statements/pair/fr.md'), statement({ title: 'La paire', summary: 'À propos.' }, 'Texte.'));
    expect((await build(dir)).code).toBe(0);
    await writeFile(path.join(dir, 'statements/pair/en.md'), statement({ title: 'The pair', titel: 'x' }, 'Changed.'));
    const primary = await build(dir);
    expect(primary.code).toBe(1);
    expect(primary.stderr).toContain('statements/pair/en.md: not built; its previous version stays published (dist/pair/)\n');
    expect(await read(dir, 'dist/pair/fr/index.html')).toContain('href="https://press.example.org/pair/"');
    expect((await readSite(out)).sitemap).toEqual(pairs);
    expect(await expectSiteMatchesDisk(out)).toEqual(['pair', 'pair/fr', 'solo']);
    await writeFile(path.join(dir, 'statements/pair/en.md'), good('The pair, revised', '2023-11-27'));
    // Deleted, the French version leaves the site, the disk and the English page.
    await rm(path.join(dir, 'statements/pair/fr.md'));
    expect((await build(dir)).code).toBe(0);
    expect(existsSync(path.join(out, 'pair/fr'))).toBe(false);
    expect(await read(dir, 'dist/pair/index.html')).not.toContain('/pair/fr/');
    expect((await readSite(out)).sitemap).toEqual({ pair: [], solo: [] });
    expect(await expectSiteMatchesDisk(out)).toEqual(['pair', 'solo']);
  });
});

describe('embargoes in the published set', () => {
  it('lists a statement that failed once its embargo passes, as it was built', async () => {
    const dir = await makeProject({
      'statements/later.md': good('Later', '2023-11-27', { embargo: '2023-11-28T09:00Z' }),
      'statements/now.md': good('Now', '2023-11-20'),
    });
    const out = path.join(dir, 'dist');
    expect((await build(dir, '--now', '2023-11-28T08:00Z')).code).toBe(0);
    expect(await expectSiteMatchesDisk(out, new Date('2023-11-28T08:00Z'))).toEqual(['now']);
    await writeFile(path.join(dir, 'statements/later.md'), (await readFile(path.join(dir, 'statements/later.md'), 'utf8')).replace('"Later"', '""'));
    const result = await build(dir, '--now', '2023-11-28T09:00Z');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('statements/later.md: not built; its previous version stays published (dist/later/)');
    expect(await expectSiteMatchesDisk(out, new Date('2023-11-28T09:00Z'))).toEqual(['later', 'now']);
    expect((await readSite(out)).index.map((e) => e.title)).toEqual(['Later', 'Now']);
  });
});
