/**
 * `clarion send` run from the command line against a real SMTP server on 127.0.0.1, every message
 * read back with mailparser: the Date of a sent message, List-Unsubscribe, those the list marks
 * as unsubscribed, lists as spreadsheets save them, --skip-bad, and permanent refusals.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SendRecord } from '../../src/send/send-log.ts';
import { clarion, makeProject, ORGANIZATION, statement } from '../support/project.ts';
import { startSmtp, writeBuiltRelease, type SmtpOptions, type TestSmtp } from './support.ts';

const SLUG = 'forty-mosques';
const SOURCE = `statements/${SLUG}.md`;
const LOG = `.clarion/send-log/${SLUG}.jsonl`;
const PRESS = 'newsroom@press.example.org';
const FAST = ['--yes', '--rate', '60000'];

async function project(files: Record<string, string | Uint8Array> = {}, options: { build?: boolean } = { build: true }): Promise<string> {
  const dir = await makeProject({
    'statements/organization.yaml': `${ORGANIZATION}press_email: ${PRESS}\n`,
    [SOURCE]: statement({ title: 'Forty mosques desecrated in 2023', date: '2023-11-27', location: 'Rabwah, Pakistan', summary: 'S.' }, 'The community **denounced** the attack.'),
    ...files,
  });
  if (options.build) await writeBuiltRelease(dir, SOURCE);
  return dir;
}

async function logRecords(dir: string): Promise<SendRecord[]> {
  const file = path.join(dir, LOG);
  if (!existsSync(file)) return [];
  return (await readFile(file, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as SendRecord);
}

const toOf = (mail: ParsedMail) => (mail.to && !Array.isArray(mail.to) ? mail.to.value : []);

describe('clarion send, as a mail tool', () => {
  let smtp: TestSmtp;
  const server = async (options: SmtpOptions = {}) => {
    await smtp?.close();
    smtp = await startSmtp(options);
    process.env.CLARION_SMTP_URL = smtp.url;
  };
  beforeEach(() => server());
  afterEach(async () => {
    delete process.env.CLARION_SMTP_URL;
    await smtp.close();
  });

  it('dates each message the moment it is sent, while the draft in dist/ keeps the statement date', async () => {
    const dir = await project({ 'press/list.csv': 'name,email\nAnn,ann@news.example\nBob,bob@wire.example\n' }, { build: false });
    expect((await clarion(dir, 'build', '--formats', 'html,text,eml')).code).toBe(0);
    const draftFile = path.join(dir, `dist/${SLUG}/${SLUG}.eml`);
    const draft = await readFile(draftFile);
    expect((await simpleParser(draft)).date?.toISOString()).toBe('2023-11-27T00:00:00.000Z');

    const before = Date.now();
    const result = await clarion(dir, 'send', SOURCE, '--to', 'press/list.csv', ...FAST);
    const after = Date.now();
    expect(result.code).toBe(0);
    expect(smtp.messages).toHaveLength(2);
    for (const received of smtp.messages) {
      const date = (await simpleParser(received.raw)).date!;
      // The Date header counts whole seconds.
      expect(date.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
      expect(date.getTime()).toBeLessThanOrEqual(after);
    }
    expect(Buffer.compare(await readFile(draftFile), draft)).toBe(0);
  });

  it('gives every message List-Unsubscribe: the press address, or unsubscribe_email when the profile sets it', async () => {
    const dir = await project({ 'press/list.csv': 'name,email\nAnn,ann@news.example\n' });
    expect((await clarion(dir, 'send', SOURCE, '--to', 'press/list.csv', ...FAST)).code).toBe(0);
    const first = await simpleParser(smtp.messages[0]!.raw);
    expect(first.headers.get('list')).toEqual({ unsubscribe: { mail: `${PRESS}?subject=unsubscribe` } });
    expect(first.headers.has('list-unsubscribe-post')).toBe(false);
    // The statement's language, as the draft has it.
    expect(first.headers.get('content-language')).toBe('en');

    const other = await project({
      'statements/organization.yaml': `${ORGANIZATION}press_email: ${PRESS}\nunsubscribe_email: lists@press.example.org\n`,
      'press/list.csv': 'name,email\nAnn,ann@news.example\n',
    });
    expect((await clarion(other, 'send', SOURCE, '--to', 'press/list.csv', ...FAST)).code).toBe(0);
    const second = await simpleParser(smtp.messages[1]!.raw);
    expect(second.headers.get('list')).toEqual({ unsubscribe: { mail: 'lists@press.example.org?subject=unsubscribe' } });
    expect(second.from?.value[0]?.address).toBe(PRESS);

    const bad = await project({ 'statements/organization.yaml': `${ORGANIZATION}unsubscribe_email: lists-at-press\n`, 'press/list.csv': 'name,email\nAnn,ann@news.example\n' }, { build: false });
    const refused = await clarion(bad, 'send', SOURCE, '--to', 'press/list.csv', ...FAST);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^statements\/organization\.yaml:16:20 error unsubscribe_email "lists-at-press" .*\nNothing was sent\.\n$/);
    expect(smtp.messages).toHaveLength(2);
  });

  it('never sends anything to those the list marks as unsubscribed (CSV and YAML), and says so', async () => {
    const csv = 'name,email,unsubscribed\nAnn,ann@news.example,\nBob,bob@wire.example,yes\nCarl,carl@daily.example,x\nDora,dora@radio.example,no\n';
    const dir = await project({ 'press/list.csv': csv, 'press/list.yaml': '- name: Ann\n  email: ann@news.example\n- name: Bob\n  email: bob@wire.example\n  unsubscribed: true\n' });
    const dry = await clarion(dir, 'send', SOURCE, '--to', 'press/list.csv');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('unsubscribed Bob <bob@wire.example> (press/list.csv:3): sent nothing\nunsubscribed Carl <carl@daily.example> (press/list.csv:4): sent nothing\n');
    expect(dry.stdout).toContain('Dry run: 2 messages would be sent; 2 unsubscribed, sent nothing. Nothing was sent: add --yes to send.');
    expect(dry.stdout).not.toMatch(/would send .*(bob|carl)@/);

    const sent = await clarion(dir, 'send', SOURCE, '--to', 'press/list.csv', ...FAST);
    expect(sent.code).toBe(0);
    expect(sent.stdout).toContain('unsubscribed Bob <bob@wire.example> (press/list.csv:3): sent nothing');
    expect(sent.stdout).toContain(`Sent 2 messages; 2 unsubscribed, sent nothing. Log: ${LOG}`);
    expect(smtp.messages.map((m) => m.to)).toEqual([['ann@news.example'], ['dora@radio.example']]);
    expect((await logRecords(dir)).map((r) => r.address)).toEqual(['ann@news.example', 'dora@radio.example']);

    // Nor in a later run with another list that marks them.
    const yaml = await clarion(dir, 'send', SOURCE, '--to', 'press/list.yaml', ...FAST);
    expect(yaml.stdout).toContain('unsubscribed Bob <bob@wire.example> (press/list.yaml:4): sent nothing');
    expect(smtp.countFor('bob@wire.example')).toBe(0);
    expect(smtp.countFor('carl@daily.example')).toBe(0);
  });

  it('reads lists as spreadsheets save them: semicolons, tabs, no header, a BOM, CRLF, quoted fields', async () => {
    const lists = {
      'press/excel.csv': `\uFEFFName;E-mail;Outlet\r\n"Reporter; Jane";jane@news.example;Daily\r\nJean Dupont;jean@presse.example;"Le ""Quotidien"""\r\n`,
      'press/export.tsv': 'Zoë Ångström\tzoe@radio.example\tRadio\nJosé\tjose@tv.example\tTV\n',
    };
    const dir = await project(lists);
    expect((await clarion(dir, 'send', SOURCE, '--to', 'press/excel.csv', ...FAST)).code).toBe(0);
    expect((await clarion(dir, 'send', SOURCE, '--to', 'press/export.tsv', ...FAST)).code).toBe(0);
    const addressed = await Promise.all(smtp.messages.map(async (m) => toOf(await simpleParser(m.raw))[0]));
    expect(addressed).toEqual([
      { name: 'Reporter; Jane', address: 'jane@news.example' },
      { name: 'Jean Dupont', address: 'jean@presse.example' },
      { name: 'Zoë Ångström', address: 'zoe@radio.example' },
      { name: 'José', address: 'jose@tv.example' },
    ]);
  });

  it('sends nothing while the list has bad rows, unless --skip-bad, which skips them', async () => {
    let transactions = 0;
    await server({ onMailFrom: () => void transactions++ });
    const dir = await project({ 'press/list.csv': 'name;email\nAnn;ann@news.example\nBob\nCarl;carl@@daily.example\nDora;dora@radio.example\n' });
    const refused = await clarion(dir, 'send', SOURCE, '--to', 'press/list.csv', ...FAST);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      'press/list.csv:3:1 error this row has 1 field, but the address is field 2 — separate the fields with ";", as on the first line (recipients)\n' +
        'press/list.csv:4:1 error "carl@@daily.example" is not an email address — correct the address or remove the row (recipients)\n' +
        'Nothing was sent: the list has 2 bad rows (lines 3 and 4) — fix them, or add --skip-bad to send to the others\n',
    );
    expect(transactions).toBe(0);
    expect(existsSync(path.join(dir, '.clarion'))).toBe(false);

    const skipped = await clarion(dir, 'send', SOURCE, '--to', 'press/list.csv', '--skip-bad', ...FAST);
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toBe(
      'press/list.csv:3:1 warning this row has 1 field, but the address is field 2 — separate the fields with ";", as on the first line (recipients)\n' +
        'press/list.csv:4:1 warning "carl@@daily.example" is not an email address — correct the address or remove the row (recipients)\n' +
        'Skipping 2 bad rows (lines 3 and 4) of press/list.csv (--skip-bad): they are sent nothing.\n',
    );
    expect(smtp.messages.map((m) => m.to[0])).toEqual(['ann@news.example', 'dora@radio.example']);
    // A list that cannot be read at all is not a bad row: --skip-bad does not send it.
    const unreadable = await project({ 'press/list.csv': 'name,contact\nAnn,nobody\n' });
    const none = await clarion(unreadable, 'send', SOURCE, '--to', 'press/list.csv', '--skip-bad', ...FAST);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('the list has no "email" column');
  });

  it('explains each permanent refusal in plain words, in the list of failures and in the log', async () => {
    await server({
      refuse: (a) =>
        a === 'bob@wire.example' ? { code: 550, message: '5.1.1 <bob@wire.example>: Recipient address rejected: User unknown' }
        : a === 'carl@daily.example' ? { code: 552, message: '5.2.2 Mailbox full' }
        : undefined,
      refuseData: (to) => (to.includes('dora@radio.example') ? { code: 554, message: '5.7.1 Message rejected as spam' } : undefined),
    });
    const dir = await project({ 'press/list.csv': 'name,email\nAnn,ann@news.example\nBob,bob@wire.example\nCarl,carl@daily.example\nDora,dora@radio.example\n' });
    const result = await clarion(dir, 'send', SOURCE, '--to', 'press/list.csv', ...FAST);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('failed       Bob <bob@wire.example>: the mailbox does not exist or refuses mail from you: check the address (550 5.1.1 <bob@wire.example>: Recipient address rejected: User unknown; 1 attempt)');
    expect(result.stdout).toContain('Sent 1 message; 3 failed.');
    expect(result.stderr).toContain(
      'Not sent (run the same command again to retry them):\n' +
        '  Bob <bob@wire.example>: the mailbox does not exist or refuses mail from you: check the address (the server said: 550 5.1.1 <bob@wire.example>: Recipient address rejected: User unknown)\n' +
        "  Carl <carl@daily.example>: the recipient's mailbox is full (the server said: 552 5.2.2 Mailbox full)\n" +
        "  Dora <dora@radio.example>: the server refused the message: it may look like spam; ask the recipient's mail administrator (the server said: 554 5.7.1 Message rejected as spam)\n",
    );
    const failed = (await logRecords(dir)).filter((r) => r.result === 'failed');
    expect(failed.map((r) => [r.address, r.attempts, r.error, r.meaning])).toEqual([
      ['bob@wire.example', 1, '550 5.1.1 <bob@wire.example>: Recipient address rejected: User unknown', 'the mailbox does not exist or refuses mail from you: check the address'],
      ['carl@daily.example', 1, '552 5.2.2 Mailbox full', "the recipient's mailbox is full"],
      ['dora@radio.example', 1, '554 5.7.1 Message rejected as spam', "the server refused the message: it may look like spam; ask the recipient's mail administrator"],
    ]);
    expect(smtp.messages.map((m) => m.to[0])).toEqual(['ann@news.example']);
  });
});
