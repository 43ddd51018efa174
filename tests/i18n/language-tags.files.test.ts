/** Language tags in front matter and in the file names of translations: one rule, one standard form. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clarion, makeProject, statement } from '../support/project.ts';

const problems = (result: { stdout: string; stderr: string }) => `${result.stdout}${result.stderr}`.split('\n').filter((line) => / (error|warning) /.test(line)).sort();
const front = { date: '2023-11-27', location: 'Geneva, Switzerland', summary: 'A summary.' };

describe('language tags in a project', () => {
  it('refuses a language name, and builds a non-standard spelling under the standard tag', async () => {
    const dir = await makeProject({
      'statements/named.md': statement({ title: 'Named', lang: 'French', ...front }, 'Texte.'),
      'statements/upper.md': statement({ title: 'Upper', lang: 'FR-ca', ...front }, 'Texte.'),
    });
    const result = await clarion(dir, 'build', '--formats', 'html,text');
    expect(problems(result)).toEqual([
      'statements/named.md:3:7 error lang "French" is not a language tag — did you mean fr (French)? write "lang: fr" (lang)',
      'statements/upper.md:3:7 warning lang "FR-ca" is a non-standard spelling of fr-CA — write "lang: fr-CA"; the outputs use fr-CA (lang)',
    ]);
    expect(existsSync(path.join(dir, 'dist/feed-French.xml'))).toBe(false);
    expect(existsSync(path.join(dir, 'dist/feed-fr-CA.xml'))).toBe(true);
  });

  it('names translations by the standard tag, and refuses a file in a translation folder that is not named for a language', async () => {
    const dir = await makeProject({
      'statements/forty/en.md': statement({ title: 'Forty', ...front }, 'Text.'),
      'statements/forty/fr-ca.md': statement({ title: 'Quarante', ...front }, 'Texte.'),
      'statements/forty/fr_BE.md': statement({ title: 'Quarante', ...front }, 'Texte.'),
    });
    const result = await clarion(dir, 'build', '--formats', 'html,text');
    expect(problems(result)).toEqual([
      'statements/forty/fr-ca.md:1:1 warning the file name "fr-ca" is a non-standard spelling of fr-CA — rename the file fr-CA.md; the outputs use fr-CA (lang-not-standard)',
      'statements/forty/fr_BE.md:1:1 error the file name "fr_BE" is not a language tag — did you mean fr-BE (French (Belgium))? rename the file fr-BE.md (in a folder of translations, each file is named for its language) (invalid-lang)',
    ]);
    expect(existsSync(path.join(dir, 'dist/forty/fr-CA/index.html'))).toBe(true);
    expect(existsSync(path.join(dir, 'dist/fr-be'))).toBe(false);
  });

  it('checks the lang line of a translation by the same rule', async () => {
    const dir = await makeProject({
      'statements/forty/en.md': statement({ title: 'Forty', ...front }, 'Text.'),
      'statements/forty/fr.md': statement({ title: 'Quarante', lang: 'French', ...front }, 'Texte.'),
      'statements/forty/de.md': statement({ title: 'Vierzig', lang: 'DE', ...front }, 'Text.'),
    });
    const result = await clarion(dir, 'check');
    expect(problems(result)).toEqual([
      'statements/forty/de.md:3:7 warning lang "DE" is a non-standard spelling of de — write "lang: de"; the outputs use de (lang)',
      'statements/forty/fr.md:3:7 error lang "French" is not a language tag — did you mean fr (French)? write "lang: fr" (lang)',
    ]);
  });
});
