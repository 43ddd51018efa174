import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clarion, makeProject, statement } from './support/project.ts';
import { textHash } from '../src/sources/slug.ts';

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

  it('writes a UN submission with its submission block, every field explained, that passes check and builds', async () => {
    const dir = await makeProject({});
    expect((await clarion(dir, 'new', 'Places of worship', '--kind', 'un-submission')).code).toBe(0);
    const text = await readFile(path.join(dir, 'statements/places-of-worship.md'), 'utf8');
    expect(text).toContain('kind: un-submission\nsubmission:\n  profile: hrc-written-statement   # the rules that apply: one of hrc-written-statement, upr-stakeholder, treaty-body, generic of templates/un-submission/profiles.yaml\n');
    for (const field of ['body:', 'session:', 'agenda_item:', 'status:', '# submitters:', '# supporters:']) expect(text).toMatch(new RegExp(`\\n  ${field}[^\\n]*# `));
    const checked = await clarion(dir, 'check');
    expect(checked.stdout).not.toMatch(/ error /);
    expect(checked.stdout).toContain('statements/places-of-worship.md 24 of 2,000 words (hrc-written-statement, general status)');
    expect((await clarion(dir, 'build', '--formats', 'html,text,docx')).code).toBe(0);
    expect(existsSync(path.join(dir, 'dist/places-of-worship/places-of-worship.docx'))).toBe(true);
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

  it('gives headlines in every script a readable slug of their own, which the build uses as the output folder', async () => {
    const dir = await makeProject({});
    const headlines: Record<string, string> = {
      'ربوہ میں احمدیوں کی چالیسویں مسجد کی بے حرمتی': 'rbwh-myn-hmdywn-khy-chlyswyn-msjd-khy-by-hrmty',
      'پاکستان میں احمدیوں پر ظلم جاری ہے': 'pkhstn-myn-hmdywn-pr-zlm-jry-hy',
      'استمرار العنف ضد الأحمديين في باكستان': 'stmrr-laanf-dd-l-hmdyyn-fy-bkstn',
      'Quarante mosquées profanées': 'quarante-mosquees-profanees',
      'Große Sorge über Übergriffe': 'grosse-sorge-uber-ubergriffe',
      'Насилие против ахмадийцев': 'nasilie-protiv-ahmadiycev',
      '巴基斯坦清真寺遭亵渎': 'ba-ji-si-tan-qing-zhen-si-zao-xie-du',
      '🕌🔥': `statement-${textHash('🕌🔥')}`,
    };
    for (const [headline, slug] of Object.entries(headlines)) {
      const result = await clarion(dir, 'new', headline);
      expect(result, headline).toMatchObject({ code: 0, stdout: `Wrote statements/${slug}.md — write the statement in it, then run clarion check\n` });
    }
    const build = await clarion(dir, 'build', '--formats', 'html,text');
    expect(`${build.stdout}${build.stderr}`).not.toMatch(/ error /);
    expect(build.code).toBe(0);
    for (const slug of Object.values(headlines)) {
      expect(existsSync(path.join(dir, `dist/${slug}/index.html`)), slug).toBe(true);
      expect(existsSync(path.join(dir, `dist/${slug}/${slug}.txt`)), slug).toBe(true);
    }
  });

  it('adds a hash of the headline when another headline has its slug, and never overwrites a file', async () => {
    const dir = await makeProject({ 'statements/taken.md': statement({ title: 'Something else', slug: 'ubergriffe-in-rabwah-b', date: '2023-11-27' }, 'Text.') });
    expect((await clarion(dir, 'new', 'Übergriffe in Rabwah')).stdout).toBe('Wrote statements/ubergriffe-in-rabwah.md — write the statement in it, then run clarion check\n');
    const other = await clarion(dir, 'new', 'Ubergriffe in Rabwah');
    expect(other.stdout).toBe(`Wrote statements/ubergriffe-in-rabwah-${textHash('Ubergriffe in Rabwah')}.md — write the statement in it, then run clarion check\n`);
    expect(await clarion(dir, 'new', 'Ubergriffe in Rabwah')).toMatchObject({ code: 1, stderr: `clarion: statements/ubergriffe-in-rabwah-${textHash('Ubergriffe in Rabwah')}.md already exists — choose another headline or edit that file\n` });
    expect(await clarion(dir, 'new', 'Übergriffe in Rabwah')).toMatchObject({ code: 1, stderr: 'clarion: statements/ubergriffe-in-rabwah.md already exists — choose another headline or edit that file\n' });
    // A slug declared in another statement's front matter is taken too.
    expect((await clarion(dir, 'new', 'Ubergriffe in Rabwah B')).stdout).toBe(`Wrote statements/ubergriffe-in-rabwah-b-${textHash('Ubergriffe in Rabwah B')}.md — write the statement in it, then run clarion check\n`);
    expect((await readdir(path.join(dir, 'statements'))).sort()).toHaveLength(5);
  });

  it('builds a statement whose file is named in Urdu under its transliterated slug', async () => {
    const dir = await makeProject({ 'statements/احمدی.md': statement({ title: 'احمدی', lang: 'ur', date: '2023-11-27', location: 'ربوہ', summary: 'خلاصہ' }, 'متن۔') });
    const build = await clarion(dir, 'build', '--formats', 'html,text');
    expect(build.code).toBe(0);
    expect(existsSync(path.join(dir, 'dist/hmdy/index.html'))).toBe(true);
  });
});
