/**
 * `clarion import` in temporary projects, run in-process: the statements it writes are read back
 * (Markdown parsed and compared with what the document has), pass `clarion check`, and build;
 * what it cannot carry over is listed; it never overwrites a file; and a file it cannot import
 * gets one line saying what happened and what to do.
 */
import { existsSync } from 'node:fs';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { clarion, makeProject, read, statement } from '../support/project.ts';
import { fixtures, outline, parser, source, withoutFrontMatter } from './outline.ts';

/** A project with the fixtures copied into drafts/. */
async function project(): Promise<string> {
  const dir = await makeProject({});
  for (const name of ['press-release.docx', 'urdu.docx', 'tracked-changes.docx']) await copyFile(path.join(fixtures, name), path.join(dir, name));
  return dir;
}

const frontMatter = (text: string) => parse(/^---\n([\s\S]*?)\n---\n/.exec(text)![1]!) as Record<string, unknown>;

const PRESS_RELEASE = 'statements/forty-mosques-desecrated-in-pakistan-in-2023.md';
const URDU = 'statements/pkhstn-myn-hmdywn-pr-zlm-jry-hy.md';
const TRACKED = 'statements/statement-on-the-rabwah-mosque.md';
const SAVED = '  - date: 2023-11-27 is the day the document was last saved — change it to the release date if that is another day';

describe('clarion import', () => {
  it('writes a press release that reads as the document, passes check and builds with its footnotes and links', async () => {
    const dir = await project();
    const result = await clarion(dir, 'import', 'press-release.docx');
    expect(result).toEqual({
      code: 0,
      stdout: [
        `Wrote ${PRESS_RELEASE} from press-release.docx — fill in the fields left as comments, then run clarion check`,
        'Wrote statements/images/forty-mosques-desecrated-in-pakistan-in-2023-1.png',
        'Check in the statement (1):',
        SAVED,
        '',
      ].join('\n'),
      stderr: '',
    });
    const text = await read(dir, PRESS_RELEASE);
    expect(frontMatter(text)).toEqual({ title: 'Forty mosques desecrated in Pakistan in 2023', subtitle: 'The community calls on the international community to act', date: '2023-11-27', lang: 'en-GB' });
    for (const field of ['embargo', 'location', 'summary', 'tags', 'kind', 'contacts', 'notes', 'organizations']) expect(text).toMatch(new RegExp(`^# ${field}:`, 'm'));
    const imported = outline(parser.parse(withoutFrontMatter(text)));
    expect({ ...imported, images: [] }).toEqual({ ...outline(parser.parse(await source('press-release.md'))), images: [] });
    expect(imported.images).toEqual(['Map of the attacks in Punjab province']);
    expect(text).toContain('![Map of the attacks in Punjab province](images/forty-mosques-desecrated-in-pakistan-in-2023-1.png)');
    expect(await readFile(path.join(dir, 'statements/images/forty-mosques-desecrated-in-pakistan-in-2023-1.png'))).toEqual(await readFile(path.join(fixtures, 'sources/map.png')));

    const check = await clarion(dir, 'check');
    expect(check.stdout).not.toMatch(/ error /);
    expect(check.code).toBe(0);
    const build = await clarion(dir, 'build', '--formats', 'html,text');
    expect(`${build.stdout}${build.stderr}`).not.toMatch(/ error /);
    expect(build.code).toBe(0);
    const release = await read(dir, 'dist/forty-mosques-desecrated-in-pakistan-in-2023/forty-mosques-desecrated-in-pakistan-in-2023.txt');
    expect(release).toContain('[1] Press conference in Rabwah, 27 November 2023.');
    expect(release).toContain('[2] https://www.example.org/reports/2023-mosques');
    expect(release).toContain('[3] Supreme Court of Pakistan, PLD 2014 SC 699, paragraph 21.');
    expect(release).toMatch(/^1\. investigate every attack, including:\n {3}- the attack on the Rabwah mosque;$/m);
    expect(release).toMatch(/^2022 +27 +1$/m);
    const page = await read(dir, 'dist/forty-mosques-desecrated-in-pakistan-in-2023/index.html');
    expect(page).toContain('<h2>What happened</h2>');
    expect(page).toContain('href="https://www.example.org/reports/2023-mosques"');
    expect(page).toMatch(/<td>2023<\/td>/);
  });

  it('writes an Urdu statement right to left, in Urdu, that builds', async () => {
    const dir = await project();
    const result = await clarion(dir, 'import', 'urdu.docx');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("  - the statement's language was taken to be Urdu (ur), from its script — check lang: in the front matter, or import again with --lang\n");
    const text = await read(dir, URDU);
    expect(frontMatter(text)).toEqual({ title: 'پاکستان میں احمدیوں پر ظلم جاری ہے', date: '2023-11-27', lang: 'ur' });
    expect(outline(parser.parse(withoutFrontMatter(text)))).toEqual(outline(parser.parse(await source('urdu.md'))));
    expect((await clarion(dir, 'check')).code).toBe(0);
    const build = await clarion(dir, 'build', '--formats', 'html,text');
    expect(build.code).toBe(0);
    const page = await read(dir, 'dist/pkhstn-myn-hmdywn-pr-zlm-jry-hy/index.html');
    expect(page).toMatch(/<html[^>]* lang="ur"[^>]* dir="rtl"|<html[^>]* dir="rtl"[^>]* lang="ur"/);
    const release = await read(dir, 'dist/pkhstn-myn-hmdywn-pr-zlm-jry-hy/pkhstn-myn-hmdywn-pr-zlm-jry-hy.txt');
    expect(release).toContain('ربوہ میں پریس کانفرنس، ۲۷ نومبر ۲۰۲۳۔');
    expect(release).toContain('https://www.example.org/ur/report');
  });

  it('lists what it could not carry over, one line each, and the statement still passes check', async () => {
    const dir = await project();
    const result = await clarion(dir, 'import', 'tracked-changes.docx');
    const accept = 'the statement reads as if every change was accepted: check it against the document, or accept or reject the changes in Word (Review > Accept, Reject) and import again';
    expect(result).toEqual({
      code: 0,
      stdout: [
        `Wrote ${TRACKED} from tracked-changes.docx — fill in the fields left as comments, then run clarion check`,
        'Wrote statements/images/statement-on-the-rabwah-mosque-2.png',
        'Check in the statement (7):',
        SAVED,
        `  - tracked changes: 1 insertion kept (“yesterday”), by Press Officer — ${accept}`,
        `  - tracked changes: 2 deletions left out (“last week”, “, and nobody was arrested”), by Press Officer and Legal Adviser — ${accept}`,
        '  - a comment by Legal Adviser on “The police were present.” was left out: “Check this with the lawyer before release.” — do what it asks in the statement, or resolve it in Word and import again',
        '  - the link on “the lawyer’s file” goes to “file:///C:/Users/press/Documents/evidence.docx”, not a web address, and became plain text — if the document it points to is online, link to its web address: [text](https://...)',
        '  - picture 1 (after “The evidence is in the lawyer’s file.”) is a TIFF picture, which web pages cannot show, and was left out — save it from Word as a PNG or JPEG (right-click > Save as Picture), put it in statements/images/ and add it where it was: ![what it shows](images/picture.png)',
        '  - picture 2 (after “The evidence is in the lawyer’s file.”) has no description (alt text) — write what it shows between the brackets of ![](images/statement-on-the-rabwah-mosque-2.png) in the statement, for readers who cannot see it',
        '',
      ].join('\n'),
      stderr: '',
    });
    expect(withoutFrontMatter(await read(dir, TRACKED))).toBe(
      '\nThe community condemned the attack on the mosque in Rabwah yesterday.\n\nThe police were present. They did not intervene.\n\nThe evidence is in the lawyer’s file.\n\n![](images/statement-on-the-rabwah-mosque-2.png)\n',
    );
    const check = await clarion(dir, 'check');
    expect(check.stdout).not.toMatch(/ error /);
    expect(check.code).toBe(0);
  });

  it('never overwrites a file: the same document twice is refused, another title with the same slug gets its own, --out names the file', async () => {
    const dir = await project();
    expect((await clarion(dir, 'import', 'press-release.docx')).code).toBe(0);
    const first = await read(dir, PRESS_RELEASE);
    expect(await clarion(dir, 'import', 'press-release.docx')).toMatchObject({
      code: 1,
      stderr: `clarion: ${PRESS_RELEASE} already has the title “Forty mosques desecrated in Pakistan in 2023” — the document may have been imported before: edit that file, or import it again with --out statements/<another-name>.md\n`,
    });
    expect(await read(dir, PRESS_RELEASE)).toBe(first);

    const taken = await makeProject({ [URDU]: statement({ title: 'Another title', date: '2023-11-27' }, 'Text.') });
    await copyFile(path.join(fixtures, 'urdu.docx'), path.join(taken, 'urdu.docx'));
    const other = await clarion(taken, 'import', 'urdu.docx');
    expect(other.code).toBe(0);
    expect(other.stdout).toMatch(/^Wrote statements\/pkhstn-myn-hmdywn-pr-zlm-jry-hy-[0-9a-f]{6}\.md from urdu\.docx/);
    expect(await read(taken, URDU)).toBe(statement({ title: 'Another title', date: '2023-11-27' }, 'Text.'));

    const out = await clarion(dir, 'import', 'press-release.docx', '--out', 'statements/2023/forty.md', '--lang', 'en', '--kind', 'press-release');
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^Wrote statements\/2023\/forty\.md from press-release\.docx — .*\nWrote statements\/2023\/images\/forty-1\.png\n/);
    expect(frontMatter(await read(dir, 'statements/2023/forty.md'))).not.toHaveProperty('lang');
    expect(await clarion(dir, 'import', 'urdu.docx', '--out', 'statements/2023/forty.md')).toMatchObject({
      code: 1,
      stderr: 'clarion: statements/2023/forty.md already exists — import into another file with --out statements/<name>.md, or move that file away first\n',
    });
    // Pictures never overwrite one either.
    const again = await clarion(dir, 'import', 'press-release.docx', '--out', 'statements/2023/forty-mosques.md');
    expect(again.stdout).toContain('Wrote statements/2023/images/forty-mosques-1.png\n');
    await writeFile(path.join(dir, 'statements/2023/images/copy-1.png'), 'not mine');
    expect((await clarion(dir, 'import', 'press-release.docx', '--out', 'statements/2023/copy.md')).stdout).toContain('Wrote statements/2023/images/copy-1-2.png\n');
    expect(await read(dir, 'statements/2023/images/copy-1.png')).toBe('not mine');
    expect((await clarion(dir, 'check')).code).toBe(0);
  });

  it("dates a document without properties today, in the organisation's time zone, and titles it from its file name when it has no title", async () => {
    const dir = await makeProject({});
    const archive = new JSZip();
    archive.file('word/document.xml', '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>The community condemned the attack.</w:t></w:r></w:p></w:body></w:document>');
    await writeFile(path.join(dir, 'Draft_statement v2.docx'), await archive.generateAsync({ type: 'uint8array' }));
    const day = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    const before = day();
    const result = await clarion(dir, 'import', 'Draft_statement v2.docx');
    expect(result.stdout).toBe(
      'Wrote statements/draft-statement-v2.md from Draft_statement v2.docx — fill in the fields left as comments, then run clarion check\n' +
        'Check in the statement (1):\n' +
        '  - the document has no title (no Title paragraph, title property or first heading), so the title is its file name, “Draft statement v2” — write the headline in title: in the front matter\n',
    );
    const front = frontMatter(await read(dir, 'statements/draft-statement-v2.md'));
    expect(front.title).toBe('Draft statement v2');
    expect([before, day()]).toContain(front.date);
    expect((await clarion(dir, 'check')).code).toBe(0);
  });

  it('says what went wrong and what to do, with exit code 1, or 2 for the command line', async () => {
    const dir = await project();
    await writeFile(path.join(dir, 'notes.txt'), 'Just some notes.\n');
    await writeFile(path.join(dir, 'cut.docx'), (await readFile(path.join(dir, 'press-release.docx'))).subarray(0, 4000));
    const SAVE = 'open it in Word (or LibreOffice) and save it as a Word document (.docx), then import that file';
    expect(await clarion(dir, 'import', 'missing.docx')).toEqual({ code: 1, stdout: '', stderr: 'clarion: missing.docx does not exist — check the file name and its folder (put the name in quotes if it has spaces)\n' });
    expect(await clarion(dir, 'import', 'statements')).toMatchObject({ code: 1, stderr: 'clarion: statements is a folder — give the Word document itself, e.g. clarion import "drafts/Press release.docx"\n' });
    expect(await clarion(dir, 'import', 'notes.txt')).toMatchObject({ code: 1, stderr: `clarion: notes.txt is not a Word document (.docx) — ${SAVE}\n` });
    expect(await clarion(dir, 'import', 'cut.docx')).toMatchObject({
      code: 1,
      stderr: "clarion: cut.docx is damaged and cannot be read (Corrupted zip: can't find end of central directory) — open it in Word, which can often repair it, save it as .docx, and import that copy\n",
    });
    expect(await clarion(dir, 'import', 'press-release.docx', '--kind', 'press-relase')).toMatchObject({
      code: 1,
      stderr: 'clarion: there is no template folder for kind "press-relase" — use one of: press-release, un-submission (did you mean "press-release"?)\n',
    });
    expect(await clarion(dir, 'import', 'press-release.docx', '--lang', 'French')).toMatchObject({ code: 1, stderr: 'clarion: --lang "French" is not a language tag — did you mean fr (French)? use --lang fr\n' });
    expect(await clarion(dir, 'import')).toMatchObject({ code: 2, stderr: 'clarion: import needs a Word document — e.g. clarion import "Press release.docx"\n' });
    expect(await clarion(dir, 'import', 'Press', 'release.docx')).toMatchObject({ code: 2, stderr: 'clarion: import takes one Word document — put a name with spaces in quotes, e.g. clarion import "Press release.docx"\n' });
    expect(await clarion(dir, 'import', 'press-release.docx', '--out', 'statement.txt')).toMatchObject({
      code: 2,
      stderr: 'clarion: --out "statement.txt" is not a Markdown file — name a file ending in .md, e.g. --out statements/forty-mosques.md\n',
    });
    expect(existsSync(path.join(dir, PRESS_RELEASE))).toBe(false);
  });
});
