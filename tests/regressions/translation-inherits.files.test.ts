/**
 * A translation takes the fields it does not set from its folder's default-language version: when
 * that version changes, an incremental build rebuilds the translation too (it used to keep the
 * old place and date).
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clarion, makeProject, read, statement } from '../support/project.ts';

describe('a translation after its default-language version changes', () => {
  it('is rebuilt with the new fields it takes from it', async () => {
    const english = (location: string) => statement({ title: 'Third', date: '2023-11-27', location, summary: 'S.' }, 'Text.');
    const dir = await makeProject({ 'statements/c/en.md': english('Geneva'), 'statements/c/fr.md': statement({ title: 'Troisième', lang: 'fr' }, 'Texte.') });
    expect((await clarion(dir, 'build', '--formats', 'html,text')).code).toBe(0);
    expect(await read(dir, 'dist/c/fr/index.html')).toContain('Geneva');
    await writeFile(path.join(dir, 'statements/c/en.md'), english('Lausanne'));
    const again = await clarion(dir, 'build', '--formats', 'html,text');
    expect(again.stdout).toContain('statements/c/fr.md → dist/c/fr/index.html');
    expect(await read(dir, 'dist/c/fr/index.html')).toContain('Lausanne');
    expect(await read(dir, 'dist/c/fr/index.html')).not.toContain('Geneva');
  });
});
