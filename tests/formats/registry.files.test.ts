/**
 * The format registry is the one list of formats: a format registered here, and nothing else,
 * is accepted by --formats and named in the help, built for each statement, linked from its page
 * and from the newsroom, recorded in the manifest, and removed with its statement.
 */
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNames, registerFormat, unregisterFormat, type OutputFormat } from '../../src/formats/index.ts';
import { clarion, makeProject, read, statement } from '../support/project.ts';

const shout: OutputFormat = {
  name: 'shout',
  description: 'the text release in capitals',
  appliesTo: () => true,
  needs: ['text'],
  browser: false,
  files: (s) => [`${s.folder}/${s.slug}.shout.txt`],
  link: { label: 'format_shout', fallback: 'Shouted', type: 'text/plain', rank: 5 },
  async render({ statement: s, views }) {
    return { outputs: views.text === undefined ? [] : [{ path: `${s.folder}/${s.slug}.shout.txt`, content: views.text.toUpperCase() }] };
  },
};

describe('a format registered in the registry alone', () => {
  let dir: string;
  beforeAll(async () => {
    registerFormat(shout);
    dir = await makeProject({
      'statements/a.md': statement({ title: 'First', date: '2023-11-27', location: 'Geneva', summary: 'S.' }, 'Text of the first.'),
      'statements/b.md': statement({ title: 'Second', date: '2023-11-28', location: 'Geneva', summary: 'S.' }, 'Text of the second.'),
    });
  });
  afterAll(() => unregisterFormat('shout'));

  it('is a format --formats takes and the help names', async () => {
    expect(formatNames()).toContain('shout');
    expect((await clarion(dir, 'build', '--help')).stdout).toContain('shout');
    expect((await clarion(dir, 'build', '--formats', 'html,nope')).stderr).toContain('use one or more of html, text, pdf, docx, eml, card, thumbnail, shout');
  });

  it('is built for each statement, linked from its page and the newsroom, and recorded in the manifest', async () => {
    const result = await clarion(dir, 'build', '--formats', 'html,text,shout');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('statements/a.md → dist/a/index.html, dist/a/a.txt, dist/a/a.shout.txt');
    expect(await read(dir, 'dist/a/a.shout.txt')).toBe((await read(dir, 'dist/a/a.txt')).toUpperCase());
    expect(await read(dir, 'dist/a/index.html')).toMatch(/<a [^>]*href="a\.shout\.txt"[^>]*>[^<]*Shouted/);
    expect(await read(dir, 'dist/index.html')).toMatch(/href="b\/b\.shout\.txt"/);
    const manifest = JSON.parse(await read(dir, 'dist/.clarion-manifest.json')) as { statements: Record<string, { outputs: string[] }> };
    expect(manifest.statements['statements/b.md']!.outputs).toContain('b/b.shout.txt');
  });

  it('is removed with its statement', async () => {
    await rm(path.join(dir, 'statements/b.md'));
    const result = await clarion(dir, 'build', '--formats', 'html,text,shout');
    expect(result.code).toBe(0);
    expect(existsSync(path.join(dir, 'dist/b/b.shout.txt'))).toBe(false);
    expect(existsSync(path.join(dir, 'dist/b'))).toBe(false);
    expect(await readFile(path.join(dir, 'dist/index.html'), 'utf8')).not.toContain('b.shout.txt');
  });
});
