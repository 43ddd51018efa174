import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clarion, makeProject } from './support/project.ts';

describe('clarion new', () => {
  it('writes a statement that passes check, with the optional fields as comments', async () => {
    const dir = await makeProject({});
    const result = await clarion(dir, 'new', 'Forty mosques desecrated in 2023: "enough"', '--lang', 'fr');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('Wrote statements/forty-mosques-desecrated-in-2023-enough.md — write the statement in it, then run clarion check\n');
    const text = await readFile(path.join(dir, 'statements/forty-mosques-desecrated-in-2023-enough.md'), 'utf8');
    expect(text).toMatch(/^---\ntitle: 'Forty mosques desecrated in 2023: "enough"'\n/);
    expect(text).toMatch(/^date: \d{4}-\d{2}-\d{2}$/m);
    expect(text).toContain('lang: fr');
    for (const field of ['subtitle', 'embargo', 'location', 'summary', 'tags', 'contacts', 'notes', 'organizations']) expect(text).toMatch(new RegExp(`^# ${field}:`, 'm'));
    const check = await clarion(dir, 'check');
    expect(check.stdout).not.toContain('error');
    expect(check.code).toBe(0);
  });

  it('refuses an existing file, an unknown kind and a bad language, saying what to do', async () => {
    const dir = await makeProject({});
    expect((await clarion(dir, 'new', 'Same')).code).toBe(0);
    expect(await clarion(dir, 'new', 'Same')).toMatchObject({ code: 1, stderr: 'clarion: statements/same.md already exists — choose another headline or edit that file\n' });
    expect(await clarion(dir, 'new', 'Other', '--kind', 'press-relase')).toMatchObject({ code: 1, stderr: 'clarion: there is no template folder for kind "press-relase" — use one of: press-release, un-submission (did you mean "press-release"?)\n' });
    expect(await clarion(dir, 'new', 'Other', '--lang', 'en-')).toMatchObject({ code: 1 });
    expect(await clarion(dir, 'new', 'Other', '--lang', 'French')).toMatchObject({ code: 1, stderr: 'clarion: --lang "French" is not a language tag — did you mean fr (French)? use --lang fr\n' });
    expect(await clarion(dir, 'new', 'Other', '--lang', 'xx')).toMatchObject({ code: 1, stderr: 'clarion: --lang "xx" is not a language tag — use a BCP 47 tag: a language code, then optionally a script or region, e.g. en, fr, ur, en-GB, pt-BR, zh-Hant-TW\n' });
  });

  it('writes the standard form of a language tag given in another case', async () => {
    const dir = await makeProject({});
    expect((await clarion(dir, 'new', 'Upper', '--lang', 'UR-pk')).code).toBe(0);
    expect(await readFile(path.join(dir, 'statements/upper.md'), 'utf8')).toMatch(/^lang: ur-PK$/m);
  });
});
