import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { createTransport } from 'nodemailer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCli } from '../../src/cli/program.ts';
import { emailSubject } from '../../src/formats/eml/email-subject.ts';
import { composeEml } from '../../src/formats/eml/compose-eml.ts';
import { messageId, recipientMessageId } from '../../src/formats/eml/message-id.ts';
import { sendCommand, type SendHooks } from '../../src/send/send-command.ts';
import { readSendLog, SendLockedError, SendLog, type SendRecord } from '../../src/send/send-log.ts';
import { sendRelease, type Release, type SendTransport } from '../../src/send/send-release.ts';
import { ORGANIZATION, makeProject, repoRoot, statement } from '../support/project.ts';
import { waitFor } from '../support/wait.ts';
import { startSmtp, writeBuiltRelease, type RenderedRelease, type TestSmtp } from './support.ts';

const SLUG = 'forty-mosques';
const SOURCE = `statements/${SLUG}/en.md`;
const LOG = `.clarion/send-log/${SLUG}.jsonl`;
const PEOPLE = ['ann@news.example', 'bob@wire.example', 'carl@daily.example', 'dora@radio.example', 'eve@tv.example'];
const LIST = `name,email\n${PEOPLE.map((a) => `${a.split('@')[0]!.replace(/^./, (c) => c.toUpperCase())} Reporter,${a}`).join('\n')}\n`;

async function project(files: Record<string, string> = {}, options: { build?: boolean } = {}): Promise<{ dir: string; release?: RenderedRelease }> {
  const dir = await makeProject({
    'statements/organization.yaml': `${ORGANIZATION}press_email: newsroom@press.example.org\n`,
    [SOURCE]: statement({ title: 'Forty mosques desecrated in 2023', date: '2023-11-27', location: 'Rabwah, Pakistan', embargo: '2023-11-28T09:00+05:00' }, 'The community **denounced** the attack, citing [the report](https://example.org/report).'),
    'press/list.csv': LIST,
    ...files,
  });
  return { dir, ...(options.build === false ? {} : { release: await writeBuiltRelease(dir, SOURCE) }) };
}

async function send(dir: string, argv: string[], hooks: SendHooks = {}) {
  let stdout = '';
  let stderr = '';
  const parsed = parseCli(['send', ...argv]);
  if (!('options' in parsed)) throw new Error('not a send');
  const code = await sendCommand({ cwd: dir, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, parsed.options, { backoffMs: 1, ...hooks });
  return { code, stdout, stderr };
}

async function logRecords(dir: string): Promise<SendRecord[]> {
  const file = path.join(dir, LOG);
  if (!existsSync(file)) return [];
  return (await readFile(file, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as SendRecord);
}

/** A real nodemailer transport that goes wrong after `k` messages, the way a test asks. */
function failingAfter(k: number, onFail: () => void): (url: string) => SendTransport {
  return (url) => {
    const real = createTransport(url);
    let sent = 0;
    return {
      async sendMail(mail) {
        if (sent >= k) {
          onFail();
          throw Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION' });
        }
        const info = await real.sendMail(mail);
        sent++;
        return info;
      },
      close: () => real.close(),
    };
  };
}

describe('clarion send', () => {
  let smtp: TestSmtp;
  let env: Record<string, string>;
  beforeEach(async () => {
    smtp = await startSmtp();
    env = { CLARION_SMTP_URL: smtp.url };
  });
  afterEach(async () => {
    await smtp.close();
  });

  it('dry run by default: lists who would get what, sends nothing, writes no log', async () => {
    const { dir } = await project({ 'press/list.csv': `${LIST}Ann again,ANN@news.example\n` });
    const result = await send(dir, [SOURCE, '--to', 'press/list.csv'], { env });
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toBe('From: Fixture Press Office <newsroom@press.example.org>');
    expect(lines[1]).toBe('Subject: EMBARGOED until 28 November 2023 at 04:00 GMT: Forty mosques desecrated in 2023');
    expect(lines.filter((l) => l.startsWith('would send'))).toHaveLength(PEOPLE.length);
    expect(lines).toContain(`would send   Ann Reporter <ann@news.example>  ${recipientMessageId(`<${SLUG}.20231127@press.example.org>`, 'ann@news.example')}`);
    expect(lines.at(-1)).toBe('Dry run: 5 messages would be sent. Nothing was sent: add --yes to send.');
    expect(result.stderr).toBe('press/list.csv:7:1 warning "ANN@news.example" is listed twice (first on line 2) — it is sent one message; remove one of the two (recipients)\n');
    expect(smtp.messages).toHaveLength(0);
    expect(existsSync(path.join(dir, '.clarion'))).toBe(false);
    // A slug names the statement too.
    expect((await send(dir, [SLUG, '--to', 'press/list.csv'], { env: {} })).stdout).toContain('Set CLARION_SMTP_URL first');
  });

  it('--yes: every recipient gets exactly one message, addressed to them alone; a rerun sends nothing', async () => {
    const { dir, release } = await project({ 'press/list.csv': `${LIST}Ann again,ANN@news.example\n` });
    const result = await send(dir, [SOURCE, '--to', 'press/list.csv', '--yes', '--rate', '60000'], { env });
    expect(result.stderr).toContain('listed twice');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Sending through 127.0.0.1:${smtp.port}, 60000 messages a minute at most`);
    expect(result.stdout.trim().split('\n').at(-1)).toBe(`Sent 5 messages. Log: ${LOG}`);
    expect(smtp.messages).toHaveLength(PEOPLE.length);
    const ids = new Set<string>();
    for (const [i, address] of PEOPLE.entries()) {
      expect(smtp.countFor(address)).toBe(1);
      const received = smtp.messages[i]!;
      expect(received.to).toEqual([address]);
      expect(received.from).toBe('newsroom@press.example.org');
      const mail = await simpleParser(received.raw);
      expect(mail.to && !Array.isArray(mail.to) ? mail.to.value.map((v) => v.address) : []).toEqual([address]);
      expect(mail.cc).toBeUndefined();
      expect(mail.from?.value[0]?.address).toBe('newsroom@press.example.org');
      expect(mail.subject).toBe('EMBARGOED until 28 November 2023 at 04:00 GMT: Forty mosques desecrated in 2023');
      expect(mail.headers.has('x-unsent')).toBe(false);
      expect(mail.text).toBe(release!.text);
      expect(mail.text).toBe(await readFile(path.join(dir, `dist/${SLUG}/${SLUG}.txt`), 'utf8'));
      expect(mail.html).toContain('href="https://example.org/report"');
      const expectedId = recipientMessageId(messageId(SLUG, '2023-11-27', 'press.example.org'), address);
      expect(mail.messageId).toBe(expectedId);
      ids.add(mail.messageId!);
      // What reached the server is what composeEml composed, byte for byte, dated when it was sent.
      const composed = await composeEml({
        from: { name: 'Fixture Press Office', address: 'newsroom@press.example.org' },
        to: [{ name: `${address.split('@')[0]!.replace(/^./, (c) => c.toUpperCase())} Reporter`, address }],
        subject: emailSubject(release!.statement, release!.organization),
        date: mail.date!,
        messageId: expectedId,
        text: release!.text,
        html: release!.html,
        draft: false,
        lang: 'en',
        unsubscribe: 'newsroom@press.example.org',
      });
      expect(received.raw.toString('latin1').replace(/\r\n$/, '')).toBe(Buffer.from(composed).toString('latin1').replace(/\r\n$/, ''));
    }
    expect(ids.size).toBe(PEOPLE.length);
    const records = await logRecords(dir);
    expect(records.map((r) => [r.address, r.result, r.attempts])).toEqual(PEOPLE.map((a) => [a, 'sent', 1]));
    expect(records.every((r) => r.messageId.startsWith(`<${SLUG}.20231127.`) && /^\d{4}-\d\d-\d\dT/.test(r.time))).toBe(true);
    expect(existsSync(path.join(dir, `.clarion/send-log/${SLUG}.lock`))).toBe(false);

    const again = await send(dir, [SOURCE, '--to', 'press/list.csv', '--yes', '--rate', '60000'], { env });
    expect(again.code).toBe(0);
    expect(again.stdout.split('\n').filter((l) => l.startsWith('already sent'))).toHaveLength(PEOPLE.length);
    expect(again.stdout).toContain('Sent 0 messages (5 recipients already had it).');
    expect(smtp.messages).toHaveLength(PEOPLE.length);
  });

  it('a server that refuses some recipients: they are logged as failed, listed, and the exit code is 1', async () => {
    await smtp.close();
    const refused = new Set(['bob@wire.example', 'eve@tv.example']);
    smtp = await startSmtp({ reject: (a) => refused.has(a) });
    const { dir } = await project();
    const result = await send(dir, [SOURCE, '--to', 'press/list.csv', '--yes', '--rate', '60000'], { env: { CLARION_SMTP_URL: smtp.url } });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Sent 3 messages; 2 failed.');
    expect(result.stderr).toMatch(/Not sent \(run the same command again to retry them\):\n {2}Bob Reporter <bob@wire\.example>: the mailbox does not exist or refuses mail from you: check the address \(the server said: 550 .*\)\n {2}Eve Reporter <eve@tv\.example>: .*550/);
    const records = await logRecords(dir);
    expect(records.filter((r) => r.result === 'failed').map((r) => [r.address, r.attempts])).toEqual([['bob@wire.example', 1], ['eve@tv.example', 1]]); // 5xx: not retried
    expect(records.find((r) => r.address === 'bob@wire.example')).toMatchObject({ error: expect.stringMatching(/^550 /), meaning: 'the mailbox does not exist or refuses mail from you: check the address' });
    expect(smtp.messages.map((m) => m.to[0])).toEqual(['ann@news.example', 'carl@daily.example', 'dora@radio.example']);

    // Once the server takes them, a rerun sends to those two only.
    refused.clear();
    const rerun = await send(dir, [SOURCE, '--to', 'press/list.csv', '--yes', '--rate', '60000'], { env: { CLARION_SMTP_URL: smtp.url } });
    expect(rerun.code).toBe(0);
    for (const address of PEOPLE) expect(smtp.countFor(address)).toBe(1);
    expect((await readSendLog(path.join(dir, LOG))).get('bob@wire.example')?.result).toBe('sent');
  });

  it('a network failure halfway: retried with back-off, then failed; a rerun completes without duplicates', async () => {
    const { dir } = await project();
    let failures = 0;
    const result = await send(dir, [SOURCE, '--to', 'press/list.csv', '--yes', '--rate', '60000'], { env, createTransport: failingAfter(2, () => failures++), attempts: 3 });
    expect(result.code).toBe(1);
    expect(smtp.messages).toHaveLength(2);
    expect(failures).toBe(3 * 3); // three recipients, three attempts each
    const records = await logRecords(dir);
    expect(records.map((r) => [r.result, r.attempts])).toEqual([['sent', 1], ['sent', 1], ['failed', 3], ['failed', 3], ['failed', 3]]);
    expect(records[2]!.error).toBe('Connection closed unexpectedly');

    const rerun = await send(dir, [SOURCE, '--to', 'press/list.csv', '--yes', '--rate', '60000'], { env });
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain('Sent 3 messages (2 recipients already had it).');
    for (const address of PEOPLE) expect(smtp.countFor(address)).toBe(1);
    expect(smtp.messages).toHaveLength(PEOPLE.length);
  });

  it('a run stopped halfway (Ctrl-C) stops after the message being sent; a rerun completes without duplicates', async () => {
    const { dir } = await project();
    const controller = new AbortController();
    const stopAfter = (k: number) => (url: string): SendTransport => {
      const real = createTransport(url);
      let sent = 0;
      return {
        async sendMail(mail) {
          const info = await real.sendMail(mail);
          if (++sent === k) controller.abort();
          return info;
        },
        close: () => real.close(),
      };
    };
    const result = await send(dir, [SOURCE, '--to', 'press/list.csv', '--yes', '--rate', '60000'], { env, createTransport: stopAfter(3), signal: controller.signal });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Sent 3 messages; stopped before 2 recipients.');
    expect(result.stderr).toContain('Stopping after the message being sent (press Ctrl-C again to stop at once)…\n');
    expect((await logRecords(dir)).map((r) => r.address)).toEqual(PEOPLE.slice(0, 3));
    const rerun = await send(dir, [SOURCE, '--to', 'press/list.csv', '--yes', '--rate', '60000'], { env });
    expect(rerun.code).toBe(0);
    for (const address of PEOPLE) expect(smtp.countFor(address)).toBe(1);
  });

  it('a process killed halfway (SIGKILL): the rerun sends only to those who did not get it', async () => {
    await smtp.close();
    let child: ReturnType<typeof spawn> | undefined;
    // Killed when the third message begins: the first two were accepted and logged before it.
    smtp = await startSmtp({
      onMailFrom: (n) => {
        if (n !== 3) return;
        child?.kill('SIGKILL');
        return Object.assign(new Error('4.3.2 Shutting down'), { responseCode: 421 }); // however slowly the signal lands
      },
    });
    const { dir } = await project();
    child = spawn(process.execPath, [path.join(repoRoot, 'bin/clarion.js'), 'send', SOURCE, '--to', 'press/list.csv', '--yes', '--rate', '60000'], {
      cwd: dir,
      env: { ...process.env, CLARION_SMTP_URL: smtp.url },
      stdio: 'ignore',
    });
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child!.once('exit', (_code, s) => resolve(s)));
    expect(signal).toBe('SIGKILL');
    await waitFor(() => smtp.openConnections() === 0, { what: 'the server to be done with the dropped connection' });
    expect(smtp.messages.map((m) => m.to[0])).toEqual(PEOPLE.slice(0, 2));
    expect((await logRecords(dir)).map((r) => [r.address, r.result])).toEqual(PEOPLE.slice(0, 2).map((a) => [a, 'sent']));
    expect(existsSync(path.join(dir, `.clarion/send-log/${SLUG}.lock`))).toBe(true); // left behind by the dead process

    const rerun = await send(dir, [SOURCE, '--to', 'press/list.csv', '--yes', '--rate', '60000'], { env: { CLARION_SMTP_URL: smtp.url } });
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toContain('Sent 3 messages (2 recipients already had it).');
    for (const address of PEOPLE) expect(smtp.countFor(address)).toBe(1);
  });

  it('invalid addresses are reported with their lines before anything is sent', async () => {
    let transactions = 0;
    await smtp.close();
    smtp = await startSmtp({ onMailFrom: () => void transactions++ });
    const { dir } = await project({ 'press/list.csv': 'name,email\nAnn,ann@news.example\nCarl,carl@daily.example\nBob,bob@\nDora,dora@@radio.example\n' });
    const result = await send(dir, [SOURCE, '--to', 'press/list.csv', '--yes'], { env: { CLARION_SMTP_URL: smtp.url } });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'press/list.csv:4:1 error "bob@" is not an email address — correct the address or remove the row (recipients)\n' +
        'press/list.csv:5:1 error "dora@@radio.example" is not an email address — correct the address or remove the row (recipients)\n' +
        'Nothing was sent: the list has 2 bad rows (lines 4 and 5) — fix them, or add --skip-bad to send to the others\n',
    );
    expect(result.stdout).toBe('');
    expect(transactions).toBe(0);
    expect(smtp.messages).toHaveLength(0);
    expect(existsSync(path.join(dir, '.clarion'))).toBe(false);
  });

  it('says what to do when the release is not built, the server is not set, or there is no From address', async () => {
    const { dir } = await project({}, { build: false });
    const unbuilt = await send(dir, [SOURCE, '--to', 'press/list.csv', '--yes'], { env });
    expect(unbuilt.code).toBe(1);
    expect(unbuilt.stderr).toContain(`dist/${SLUG}/${SLUG}.txt:1:1 error the built release is missing — run "clarion build" first (not-built)`);
    expect(unbuilt.stderr).toContain(`dist/${SLUG}/email.html:1:1 error the built release is missing`);

    await writeBuiltRelease(dir, SOURCE);
    const noServer = await send(dir, [SOURCE, '--to', 'press/list.csv', '--yes'], { env: {} });
    expect(noServer.code).toBe(1);
    expect(noServer.stderr).toContain('CLARION_SMTP_URL is not set — set it to your SMTP server, e.g. CLARION_SMTP_URL=smtp://user:password@smtp.example.org:587');
    expect((await send(dir, [SOURCE, '--to', 'press/list.csv', '--yes'], { env: { CLARION_SMTP_URL: 'http://example.org' } })).stderr).toContain('is not an smtp:// or smtps:// URL');

    await writeFile(path.join(dir, 'statements/organization.yaml'), 'name: Fixture Press Office\ncontacts:\n  - name: A. Example\n    phone: +44 20 7946 0000\n');
    const noFrom = await send(dir, [SOURCE, '--to', 'press/list.csv'], { env });
    expect(noFrom.code).toBe(1);
    expect(noFrom.stderr).toContain('statements/organization.yaml:1:1 error there is no address to send the release from — add a line "press_email: press@your-domain.org" to the organisation profile (or an email to one of its contacts) (press_email)');
    await writeFile(path.join(dir, 'statements/organization.yaml'), ORGANIZATION);
    expect((await send(dir, [SOURCE, '--to', 'press/list.csv'], { env })).stdout).toContain('From: Fixture Press Office <press@example.org>'); // the first contact's
    expect(smtp.messages).toHaveLength(0);

    const missingList = await send(dir, [SOURCE, '--to', 'press/nope.csv'], { env });
    expect(missingList.stderr).toContain('press/nope.csv:1:1 error the press list does not exist');
    const unknown = await send(dir, ['no-such-slug', '--to', 'press/list.csv'], { env });
    expect(unknown.stderr).toContain('no statement has the slug or path "no-such-slug"');
  });

  it('attaches the PDF when the organisation sets email_attach_pdf', async () => {
    const { dir } = await project({ 'statements/organization.yaml': `${ORGANIZATION}press_email: newsroom@press.example.org\nemail_attach_pdf: true\n`, 'press/list.yaml': '- name: Ann\n  email: ann@news.example\n' });
    const pdf = Buffer.from('%PDF-1.7\n% a stand-in\n%%EOF\n');
    await writeFile(path.join(dir, `dist/${SLUG}/${SLUG}.pdf`), pdf);
    const result = await send(dir, [SOURCE, '--to', 'press/list.yaml', '--yes', '--rate', '60000'], { env });
    expect(result.code).toBe(0);
    const mail = await simpleParser(smtp.messages[0]!.raw);
    expect(mail.attachments.map((a) => [a.filename, a.contentType, Buffer.from(a.content).equals(pdf)])).toEqual([[`${SLUG}.pdf`, 'application/pdf', true]]);
  });
});

describe('sendRelease: rate limit, back-off, log', () => {
  const release: Release = {
    slug: 'x', subject: 'Subject', messageIdBase: '<x.20231127@example.org>',
    text: 'Text\n', html: '<p>HTML</p>', from: { name: 'Press', address: 'press@example.org' }, lang: 'en', unsubscribe: 'press@example.org',
  };
  const recipients = ['a@example.org', 'b@example.org', 'c@example.org', 'd@example.org'].map((address) => ({ address }));

  /** A clock that only moves when the code under test waits. */
  function fakeTime() {
    let t = 1_000_000;
    const waits: number[] = [];
    return { waits, now: () => t, sleep: async (ms: number) => { waits.push(ms); t += ms; } };
  }

  async function tempLog(): Promise<string> {
    const { dir } = await project({}, { build: false });
    return path.join(dir, '.clarion/send-log/x.jsonl');
  }

  it('spaces messages to the rate by waiting, never by spinning', async () => {
    const time = fakeTime();
    const at: number[] = [];
    const transport: SendTransport = { sendMail: async () => { at.push(time.now()); return { response: '250 OK' }; } };
    const result = await sendRelease(release, { recipients, logFile: await tempLog(), send: true, transport, rate: 120, now: time.now, sleep: time.sleep });
    expect(result.counts.sent).toBe(4);
    expect(time.waits).toEqual([500, 500, 500]);
    expect(at.map((t) => t - at[0]!)).toEqual([0, 500, 1000, 1500]);
  });

  it('retries with exponential back-off, but not what the server refused for good', async () => {
    const time = fakeTime();
    const tries = new Map<string, number>();
    const transport: SendTransport = {
      sendMail: async (mail) => {
        const to = mail.envelope.to[0]!;
        tries.set(to, (tries.get(to) ?? 0) + 1);
        if (to === 'a@example.org' && tries.get(to)! < 3) throw Object.assign(new Error('421 try later'), { responseCode: 421 });
        if (to === 'b@example.org') throw Object.assign(new Error('550 no such user'), { responseCode: 550, response: '550 5.1.1 no such user' });
        if (to === 'c@example.org') throw Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' });
        return { response: '250 OK' };
      },
    };
    const logFile = await tempLog();
    const result = await sendRelease(release, { recipients, logFile, send: true, transport, rate: 60_000, attempts: 3, backoffMs: 100, now: time.now, sleep: time.sleep });
    expect(result.outcomes.map((o) => [o.address, o.status, o.attempts])).toEqual([
      ['a@example.org', 'sent', 3], ['b@example.org', 'failed', 1], ['c@example.org', 'failed', 3], ['d@example.org', 'sent', 1],
    ]);
    expect(time.waits.filter((w) => w >= 100)).toEqual([100, 200, 100, 200]);
    const log = await readSendLog(logFile);
    expect(log.get('b@example.org')).toMatchObject({ result: 'failed', error: '550 5.1.1 no such user', attempts: 1, messageId: recipientMessageId(release.messageIdBase, 'b@example.org') });
    expect(log.get('a@example.org')).toMatchObject({ result: 'sent', response: '250 OK', attempts: 3 });
  });

  it('refuses a second run of the same statement while one is sending, and survives a line cut short', async () => {
    const logFile = await tempLog();
    const first = await SendLog.open(logFile);
    await expect(SendLog.open(logFile)).rejects.toThrow(SendLockedError);
    await first.append({ address: 'a@example.org', messageId: '<a@x>', result: 'sent', attempts: 1, time: '2023-11-27T00:00:00.000Z' });
    await first.close();
    await writeFile(logFile, (await readFile(logFile, 'utf8')) + '{"address":"b@example.org","res', { flag: 'w' });
    const second = await SendLog.open(logFile);
    await second.append({ address: 'c@example.org', messageId: '<c@x>', result: 'sent', attempts: 1, time: '2023-11-27T00:00:00.000Z' });
    await second.close();
    expect([...(await readSendLog(logFile)).keys()]).toEqual(['a@example.org', 'c@example.org']);
  });
});
