/** UN submissions' word limits and submission blocks, as check reports them. */
import { describe, expect, it } from 'vitest';
import { clarion, makeProject, statement } from '../support/project.ts';
import { overAndUnder } from './tiny-profile.ts';

describe('word limits', () => {
  it('fails a statement one word over the limit with a message that says how many words to cut, and passes one word under', async () => {
    const dir = await overAndUnder();
    const result = await clarion(dir, 'check');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('statements/over.md:5:1 error the statement has 101 words; the limit for tiny (general status) is 100 — cut at least 1 word (submission)');
    expect(result.stdout).toContain('statements/under.md:5:1 warning');
    expect(result.stdout).not.toMatch(/under\.md:\d+:\d+ error/);
    expect(result.stdout).toContain('statements/under.md 99 of 100 words (tiny, general status)');
  });

  it('requires a submission block, and a profile that exists', async () => {
    const dir = await makeProject({
      'statements/none.md': statement({ title: 'No block', date: '2024-02-09', kind: 'un-submission' }, 'Text.'),
      'statements/typo.md': statement({ title: 'Typo', date: '2024-02-09', kind: 'un-submission', submission: { profile: 'hrc-writen-statement', status: 'general' } }, 'Text.'),
      'statements/status.md': statement({ title: 'Status', date: '2024-02-09', kind: 'un-submission', submission: { profile: 'generic', status: 'consultative' } }, 'Text.'),
    });
    const result = await clarion(dir, 'check');
    expect(result.stdout).toContain('statements/none.md:1:1 error a statement of kind un-submission needs a "submission" block');
    expect(result.stdout).toContain('error there is no submission profile "hrc-writen-statement" — use one of: hrc-written-statement, upr-stakeholder, treaty-body, generic (did you mean "hrc-written-statement"?) (submission.profile)');
    expect(result.stdout).toContain('error "consultative" is not a valid submission.status — use one of: general, special, roster (submission.status)');
  });
});

describe('the languages a profile accepts', () => {
  const submission = (lang: string | undefined, profile: string) =>
    statement({ title: 'A submission', date: '2024-02-09', ...(lang ? { lang } : {}), kind: 'un-submission', submission: { profile, status: 'general', body: 'Human Rights Council' } }, 'Text.');

  it('warns of a Human Rights Council statement in a language the Council does not take, naming the ones it does', async () => {
    const dir = await makeProject({
      'statements/arabic.md': submission('ar', 'hrc-written-statement'),
      'statements/french.md': submission('fr-CH', 'hrc-written-statement'),
      'statements/english.md': submission(undefined, 'hrc-written-statement'),
      'statements/urdu-generic.md': submission('ur', 'generic'),
    });
    const result = await clarion(dir, 'check');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('statements/arabic.md:4:7 warning a Human Rights Council written statement is accepted in English, French, or Spanish; this statement is in Arabic — submit a version in English, French, or Spanish (lang: en, fr, es), or change "languages" of hrc-written-statement in templates/un-submission/profiles.yaml if the rules have changed (lang)');
    for (const file of ['french', 'english', 'urdu-generic']) expect(result.stdout).not.toMatch(new RegExp(`${file}\\.md:\\d+:\\d+ warning .*is accepted in`));
  });
});
