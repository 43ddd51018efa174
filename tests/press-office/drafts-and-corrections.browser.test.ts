/**
 * A press office's drafts and corrections, read back from every output: a draft is built for
 * proofing but never listed, marked DRAFT on every page, and never sent; a correction shows under
 * the headline, updates the feed entry, marks the statement in the newsroom, and is sent again,
 * marked, to those who got the release.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCli } from '../../src/cli/program.ts';
import { sendCommand } from '../../src/send/send-command.ts';
import { startSmtp, type TestSmtp } from '../eml/support.ts';
import { clarion, makeProject, ORGANIZATION, read, statement } from '../support/project.ts';
import { readPdf } from '../support/read-pdf.ts';
import { readDocx } from '../un/read-docx.ts';

const RELEASE = { title: 'Forty mosques desecrated', date: '2023-11-27', location: 'Rabwah, Pakistan', summary: 'S.' };
const CORRECTED = { ...RELEASE, title: 'A mosque attacked', corrections: [{ date: '2023-11-29', note: 'The attack was on 24 November, not 25 November.' }, { date: '2023-11-28', note: 'The district is Kotli.' }] };
const SUBMISSION = { title: 'A draft submission', date: '2024-02-09', kind: 'un-submission', status: 'draft', submission: { profile: 'generic', status: 'general', body: 'Human Rights Council' } };
const PEOPLE = ['ann@news.example', 'bob@wire.example'];

async function send(dir: string, argv: string[], env: Record<string, string>) {
  let stdout = '';
  let stderr = '';
  const parsed = parseCli(['send', ...argv]);
  if (!('options' in parsed)) throw new Error('not a send');
  const code = await sendCommand({ cwd: dir, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, parsed.options, { backoffMs: 1, env });
  return { code, stdout, stderr };
}

describe('drafts and corrections', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeProject({
      'statements/organization.yaml': `${ORGANIZATION}press_email: newsroom@press.example.org\n`,
      'statements/published.md': statement(RELEASE, 'Published text.'),
      'statements/draft.md': statement({ ...RELEASE, title: 'Not yet', status: 'draft' }, 'Draft text.'),
      'statements/submission.md': statement(SUBMISSION, 'A paragraph of the draft submission.'),
      'statements/corrected.md': statement(CORRECTED, 'Corrected text.'),
      'press/list.csv': `name,email\n${PEOPLE.map((a) => `Reporter,${a}`).join('\n')}\n`,
    });
    const built = await clarion(dir, 'build', '--formats', 'html,text,pdf,docx,eml');
    expect(built.stderr).not.toMatch(/ error /);
    expect(built.code).toBe(0);
  }, 120_000);

  it('builds a draft for proofing, but lists it nowhere: not in the newsroom, a feed or the sitemap', async () => {
    expect(existsSync(path.join(dir, 'dist/draft/index.html'))).toBe(true);
    for (const file of ['dist/index.html', 'dist/feed.xml', 'dist/feed-en.xml', 'dist/sitemap.xml']) {
      const text = await read(dir, file);
      expect(text, file).toContain('published/');
      expect(text, file).not.toContain('draft/');
      expect(text, file).not.toContain('submission/');
    }
  });

  it('marks a draft: noindex and a banner on its page, the first line of its text, DRAFT on every page of its PDF and Word file', async () => {
    const page = await read(dir, 'dist/draft/index.html');
    expect(page).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(page).toContain('<p class="draft-banner" role="note">Draft: not published, not for distribution.</p>');
    expect((await read(dir, 'dist/published/index.html'))).not.toContain('noindex');
    expect((await read(dir, 'dist/draft/draft.txt')).split('\n')[0]).toBe('Draft: not published, not for distribution.');
    const pdf = await readPdf(await readFile(path.join(dir, 'dist/submission/submission.pdf')));
    expect(pdf.pages.length).toBeGreaterThan(0);
    for (const p of pdf.pages) expect(p.text).toContain('DRAFT');
    const releasePdf = await readPdf(await readFile(path.join(dir, 'dist/draft/draft.pdf')));
    for (const p of releasePdf.pages) expect(p.text).toContain('DRAFT');
    expect((await readPdf(await readFile(path.join(dir, 'dist/published/published.pdf')))).text).not.toContain('DRAFT');
    const docx = await readDocx(await readFile(path.join(dir, 'dist/submission/submission.docx')));
    expect(await docx.part('word/header1.xml')).toContain('DRAFT');
    expect(await docx.part('word/document.xml')).toMatch(/<w:headerReference w:type="default"/);
  });

  it('lists the drafts in check, and refuses to send one', async () => {
    const checked = await clarion(dir, 'check');
    expect(checked.stdout).toContain('statements/draft.md is a draft: built for proofing, marked DRAFT, not listed in the newsroom, feeds or sitemap, and never sent (write "status: published" to publish it)');
    expect(checked.stdout).toContain('statements/submission.md is a draft');
    const refused = await send(dir, ['statements/draft.md', '--to', 'press/list.csv', '--yes'], { CLARION_SMTP_URL: 'smtp://127.0.0.1:9' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('statements/draft.md:1:1 error the statement is a draft, and drafts are never sent — write "status: published" (or remove the status line), run clarion build, then send it (status)\nNothing was sent.\n');
  });

  it('lists a draft once it is published', async () => {
    await writeFile(path.join(dir, 'statements/draft.md'), statement({ ...RELEASE, title: 'Not yet', status: 'published' }, 'Draft text.'));
    expect((await clarion(dir, 'build', '--formats', 'html,text')).code).toBe(0);
    expect(await read(dir, 'dist/index.html')).toContain('href="draft/"');
    expect(await read(dir, 'dist/draft/index.html')).not.toContain('draft-banner');
  });

  it('shows each correction under the headline in the page, the text and the PDF, oldest first', async () => {
    const page = await read(dir, 'dist/corrected/index.html');
    expect(page).toMatch(/<p class="correction"><strong>Correction \(28 November 2023\):<\/strong> The district is Kotli.<\/p>\s*<p class="correction"><strong>Correction \(29 November 2023\):<\/strong> The attack was on 24 November, not 25 November.<\/p>/);
    const text = (await read(dir, 'dist/corrected/corrected.txt')).split('\n');
    expect(text.slice(2, 9)).toEqual(['A mosque attacked', '', '27 November 2023', '', 'Correction (28 November 2023): The district is Kotli.', '', 'Correction (29 November 2023): The attack was on 24 November, not 25']);
    const pdf = await readPdf(await readFile(path.join(dir, 'dist/corrected/corrected.pdf')));
    expect(pdf.text.replace(/\s+/g, ' ')).toContain('Correction (29 November 2023): The attack was on 24 November, not 25 November.');
  });

  it('marks a corrected statement in the newsroom, and updates its feed entry to its latest correction', async () => {
    expect(await read(dir, 'dist/index.html')).toContain('<span class="corrected">Corrected <time datetime="2023-11-29">29 November 2023</time></span>');
    const feed = new XMLParser({ ignoreAttributes: false }).parse(await read(dir, 'dist/feed.xml')) as { feed: { entry: { id: string; published: string; updated: string }[] } };
    const entry = feed.feed.entry.find((e) => e.id.endsWith('/corrected/'))!;
    expect({ published: entry.published, updated: entry.updated }).toEqual({ published: '2023-11-27T00:00:00Z', updated: '2023-11-29T00:00:00Z' });
    const plain = feed.feed.entry.find((e) => e.id.endsWith('/published/'))!;
    expect(plain.updated).toBe(plain.published);
  });

  describe('sending a correction', () => {
    let smtp: TestSmtp;
    beforeAll(async () => {
      smtp = await startSmtp();
    });
    afterAll(async () => {
      await smtp.close();
    });

    it('reaches, marked, those who got the release, once; a second plain send reaches nobody', async () => {
      const env = { CLARION_SMTP_URL: smtp.url };
      await writeFile(path.join(dir, 'press/first.csv'), `name,email\nReporter,${PEOPLE[0]}\n`);
      expect((await send(dir, ['statements/corrected.md', '--to', 'press/first.csv', '--yes', '--rate', '60000'], env)).code).toBe(0);
      expect((await send(dir, ['statements/corrected.md', '--to', 'press/list.csv', '--yes', '--rate', '60000'], env)).code).toBe(0);
      expect(smtp.messages.map((m) => m.to[0])).toEqual([PEOPLE[0], PEOPLE[1]]);
      // Everyone has it now: a plain send again reaches nobody.
      expect((await send(dir, ['statements/corrected.md', '--to', 'press/list.csv', '--yes'], env)).stdout).toContain('Sent 0 messages (2 recipients already had it)');
      const corrected = await send(dir, ['statements/corrected.md', '--to', 'press/list.csv', '--yes', '--correction', '--rate', '60000'], env);
      expect(corrected.code).toBe(0);
      expect(smtp.messages).toHaveLength(4);
      const marked = await Promise.all(smtp.messages.slice(2).map((m) => simpleParser(m.raw)));
      expect(marked.map((m) => m.subject)).toEqual(['CORRECTION: A mosque attacked', 'CORRECTION: A mosque attacked']);
      const first = await simpleParser(smtp.messages[0]!.raw);
      expect(marked[0]!.messageId).not.toBe(first.messageId);
      expect(marked[0]!.text).toContain('Correction (29 November 2023): The attack was on 24 November');
      // Once sent, the correction reaches nobody twice.
      expect((await send(dir, ['statements/corrected.md', '--to', 'press/list.csv', '--yes', '--correction'], env)).stdout).toContain('Sent 0 messages (2 recipients already had it)');
      expect(smtp.messages).toHaveLength(4);
    });

    it('is refused for a statement without corrections', async () => {
      const refused = await send(dir, ['statements/published.md', '--to', 'press/list.csv', '--correction'], { CLARION_SMTP_URL: smtp.url });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('statements/published.md:1:1 error the statement has no correction to send');
    });
  });
});
