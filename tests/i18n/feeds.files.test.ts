/** The Atom feeds and the sitemap of built projects, read by an independent parser. */
import { parseFeed } from '@rowanmanning/feed-parser';
import { describe, expect, it } from 'vitest';
import { clarion, makeProject, read, statement } from '../support/project.ts';

describe('feeds and embargoes', () => {
  it('lists exactly the released statements', async () => {
    const dir = await makeProject({
      'statements/out.md': statement({ title: 'Out', date: '2023-11-20', summary: 'S.', location: 'Geneva' }, 'Text.'),
      'statements/later.md': statement({ title: 'Later', date: '2023-11-27', embargo: '2023-11-28T09:00Z', summary: 'S.', location: 'Geneva' }, 'Text.'),
    });
    expect((await clarion(dir, 'build', '--formats', 'html', '--now', '2023-11-28T08:00Z')).code).toBe(0);
    expect(parseFeed(await read(dir, 'dist/feed.xml')).items.map((i) => i.title)).toEqual(['Out']);
    expect(await read(dir, 'dist/sitemap.xml')).not.toContain('later');
    expect((await clarion(dir, 'build', '--formats', 'html', '--now', '2023-11-28T09:00Z')).code).toBe(0);
    expect(parseFeed(await read(dir, 'dist/feed.xml')).items.map((i) => i.title)).toEqual(['Later', 'Out']);
  });
});

describe('a long history', () => {
  it('keeps the 50 newest statements in each feed and every one in the sitemap', async () => {
    const files: Record<string, string> = {};
    for (let i = 1; i <= 55; i++) {
      const day = new Date(Date.UTC(2023, 0, i)).toISOString().slice(0, 10);
      files[`statements/s-${String(i).padStart(2, '0')}.md`] = statement({ title: `Statement ${i}`, date: day, summary: 'S.', location: 'Geneva' }, 'Text.');
    }
    const dir = await makeProject(files);
    expect((await clarion(dir, 'build', '--formats', 'html')).code).toBe(0);
    const titles = parseFeed(await read(dir, 'dist/feed.xml')).items.map((i) => i.title);
    expect(titles).toEqual(Array.from({ length: 50 }, (_, k) => `Statement ${55 - k}`));
    expect(parseFeed(await read(dir, 'dist/feed-en.xml')).items).toHaveLength(50);
    const sitemap = await read(dir, 'dist/sitemap.xml');
    expect(sitemap.match(/<loc>/g)).toHaveLength(55);
    expect(sitemap).toContain('/s-01/</loc>');
  });
});
