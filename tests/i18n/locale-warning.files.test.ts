import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clarion, makeProject, read, statement } from '../support/project.ts';

describe('template words in the statement language', () => {
  it('fall back to English with one warning listing the missing words', async () => {
    const dir = await makeProject({ 'statements/a.md': statement({ title: 'Un titre', date: '2023-11-27', lang: 'fr', location: 'Genève, Suisse', summary: 'S.' }, 'Texte.') });
    const fr = path.join(dir, 'templates/locales/fr.yaml');
    await writeFile(fr, (await read(dir, 'templates/locales/fr.yaml')).split('\n').filter((l) => !/^(media_contacts|notes_to_editors):/.test(l)).join('\n'));
    const result = await clarion(dir, 'build', '--formats', 'html,text');
    expect(result.code).toBe(0);
    const warnings = result.stderr.split('\n').filter((l) => l.includes('(lang)'));
    expect(warnings).toEqual(['statements/a.md:1:1 warning 2 template words missing for "fr", shown in English: media_contacts, notes_to_editors — add the missing keys to templates/locales/fr.yaml (lang)']);
    const text = await read(dir, 'dist/a/a.txt');
    expect(text).toContain('Media contacts');
    // The words that are there stay French.
    expect(text.split('\n')[0]).toBe('POUR DIFFUSION IMMÉDIATE');
  });
});
