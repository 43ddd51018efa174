import { simpleParser, type ParsedMail } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { emailSubject } from '../../src/formats/eml/email-subject.ts';
import { composeEml, EmlInputError, type EmlInput } from '../../src/formats/eml/compose-eml.ts';
import { messageId, messageIdDomain, recipientMessageId } from '../../src/formats/eml/message-id.ts';
import { parseMoment, type Moment } from '../../src/util/moments.ts';
import { makeProject } from '../support/project.ts';
import { rawLines, renderRelease, type RenderedRelease } from './support.ts';

const SLUG = 'ahmadi-mosques-desecrated';
const moment = (text: string) => parseMoment(text, { requireZone: text.includes('T') }) as Moment;

/** The headers and the body parts of a message in the order they are in the file, read without mailparser. */
function mimeParts(raw: Uint8Array): { contentType: string; parts: string[] } {
  const text = Buffer.from(raw).toString('latin1');
  const head = text.slice(0, text.indexOf('\r\n\r\n'));
  const contentType = /^Content-Type: ([^;\r\n]+)/im.exec(head)?.[1] ?? '';
  const parts = [...text.matchAll(/^Content-Type: ([^;\r\n]+)/gim)].map((m) => m[1]!.toLowerCase()).slice(1);
  return { contentType: contentType.toLowerCase(), parts };
}

describe('composeEml: the draft release', () => {
  let release: RenderedRelease;
  let input: EmlInput;
  let eml: Uint8Array;
  let parsed: ParsedMail;
  beforeAll(async () => {
    const dir = await makeProject({}, { samples: true });
    release = await renderRelease(dir);
    input = {
      from: { name: release.organization.name, address: 'press@example.org' },
      subject: emailSubject(release.statement, release.organization),
      date: release.statement.date.instant,
      messageId: messageId(SLUG, release.statement.date.date, messageIdDomain(release.organization.website, 'press@example.org')),
      text: release.text,
      html: release.html,
      draft: true,
    };
    eml = await composeEml(input);
    parsed = await simpleParser(Buffer.from(eml));
  });

  it('has the From, Subject, Date, Message-ID and X-Unsent headers, and no recipient', () => {
    expect(parsed.from?.value).toEqual([{ name: release.organization.name, address: 'press@example.org' }]);
    expect(parsed.subject).toBe(release.statement.title);
    expect(parsed.date?.toISOString()).toBe('2023-11-27T00:00:00.000Z');
    expect(parsed.messageId).toBe(`<${SLUG}.20231127@press.example.org>`);
    expect(parsed.headers.get('x-unsent')).toBe('1');
    expect(parsed.headers.get('mime-version')).toBe('1.0');
    expect(parsed.to).toBeUndefined();
  });

  it('is multipart/alternative with the plain text first and the HTML last', () => {
    const { contentType, parts } = mimeParts(eml);
    expect(contentType).toBe('multipart/alternative');
    expect(parts).toEqual(['text/plain', 'text/html']);
    expect(Buffer.from(eml).toString('latin1')).toMatch(/Content-Type: text\/plain; charset=utf-8/);
  });

  it('carries the text release byte for byte', () => {
    expect(parsed.text).toBe(release.text);
    expect(Buffer.from(parsed.text!, 'utf8').equals(Buffer.from(release.text, 'utf8'))).toBe(true);
  });

  it('carries HTML that loads nothing from outside and runs nothing', () => {
    const html = parsed.html as string;
    expect(html).toContain(release.statement.title);
    expect(html).toContain('Media contacts');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/<(img|script|iframe|link|source|video|audio|embed|object)\b[^>]*\s(src|href|srcset)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|@font-face/i);
    // Links stay.
    expect(html).toContain('href="https://www.ohchr.org/');
  });

  it('keeps every line within RFC 5322 limits: CRLF only, 78 characters at most', () => {
    const text = Buffer.from(eml).toString('latin1');
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = rawLines(eml);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(78);
    expect(lines.every((l) => l.length <= 998)).toBe(true);
  });

  it('is byte-identical when composed again, and differs when the content does', async () => {
    const again = await composeEml({ ...input, from: { ...input.from } });
    expect(Buffer.from(again).equals(Buffer.from(eml))).toBe(true);
    const other = await composeEml({ ...input, text: input.text + 'x\n' });
    expect(Buffer.from(other).equals(Buffer.from(eml))).toBe(false);
  });

  it('addresses one recipient, without X-Unsent, when sending', async () => {
    const sent = await simpleParser(Buffer.from(await composeEml({ ...input, draft: false, to: [{ name: 'Jane Reporter', address: 'jane@news.example' }] })));
    expect(sent.to && !Array.isArray(sent.to) ? sent.to.value : undefined).toEqual([{ name: 'Jane Reporter', address: 'jane@news.example' }]);
    expect(sent.headers.has('x-unsent')).toBe(false);
    expect(sent.text).toBe(release.text);
  });

  it('has List-Unsubscribe (mailto:, subject unsubscribe) when given an address, and the draft has none', async () => {
    expect(parsed.headers.has('list')).toBe(false);
    const raw = await composeEml({ ...input, draft: false, to: [{ address: 'jane@news.example' }], unsubscribe: 'unsubscribe+press@example.org' });
    const sent = await simpleParser(Buffer.from(raw));
    expect(sent.headers.get('list')).toEqual({ unsubscribe: { mail: 'unsubscribe+press@example.org?subject=unsubscribe' } });
    expect(rawLines(raw)).toContain('List-Unsubscribe: <mailto:unsubscribe+press@example.org?subject=unsubscribe>');
    expect(rawLines(raw).some((l) => l.startsWith('List-Unsubscribe-Post'))).toBe(false);
    const long = 'press-office-unsubscribe-requests@communications.example-organisation.org';
    const folded = await composeEml({ ...input, draft: false, unsubscribe: long });
    expect((await simpleParser(Buffer.from(folded))).headers.get('list')).toEqual({ unsubscribe: { mail: `${long}?subject=unsubscribe` } });
    // A URL cannot be folded: a long one goes on a line of its own, within the 998 characters of RFC 5322.
    expect(rawLines(folded)).toContain(` <mailto:${long}?subject=unsubscribe>`);
    await expect(composeEml({ ...input, draft: false, unsubscribe: 'not an address' })).rejects.toThrow(EmlInputError);
  });
});

describe('composeEml: hard content', () => {
  const base: EmlInput = {
    from: { name: 'Bureau de presse « Exemple »', address: 'presse@example.org' },
    subject: 'EMBARGOED until 28 November 2023, 09:00 GMT+5: ' + 'Un titre très long, avec des accents et des “guillemets”, '.repeat(3),
    date: new Date('2023-11-27T10:00:00+05:00'),
    messageId: '<forty-mosques.20231127@press.example.org>',
    text: `EMBARGOED\n\n${'احمدی مسلمانوں کی مسجد '.repeat(30)}\n\n${'x'.repeat(998)}\n  indented line with trailing tab\t\n`,
    html: '<!doctype html><html><body><p>احمدی</p></body></html>',
    draft: true,
  };

  it('keeps non-Latin text, very long lines and encoded headers byte-exact and within 78 columns', async () => {
    const eml = await composeEml(base);
    const parsed = await simpleParser(Buffer.from(eml));
    expect(parsed.text).toBe(base.text);
    expect(parsed.subject).toBe(base.subject.trim());
    expect(parsed.from?.value[0]?.name).toBe(base.from.name);
    for (const line of rawLines(eml)) expect(line.length).toBeLessThanOrEqual(78);
    expect(Buffer.from(eml).toString('latin1')).not.toMatch(/[^\x00-\x7f]/); // 7-bit clean
  });

  it('puts attachments in multipart/mixed around the alternatives, content intact', async () => {
    const pdf = new Uint8Array(5000).map((_, i) => (i * 31) % 256);
    const eml = await composeEml({ ...base, attachments: [{ filename: 'forty-mosques.pdf', content: pdf, contentType: 'application/pdf' }] });
    const { contentType, parts } = mimeParts(eml);
    expect(contentType).toBe('multipart/mixed');
    expect(parts).toEqual(['multipart/alternative', 'text/plain', 'text/html', 'application/pdf']);
    const parsed = await simpleParser(Buffer.from(eml));
    expect(parsed.attachments).toHaveLength(1);
    expect(parsed.attachments[0]!.filename).toBe('forty-mosques.pdf');
    expect(Buffer.from(parsed.attachments[0]!.content).equals(Buffer.from(pdf))).toBe(true);
    for (const line of rawLines(eml)) expect(line.length).toBeLessThanOrEqual(78);
    expect(Buffer.from(await composeEml({ ...base, attachments: [{ filename: 'forty-mosques.pdf', content: pdf, contentType: 'application/pdf' }] })).equals(Buffer.from(eml))).toBe(true);
  });

  it('keeps a line break in the subject from starting a header', async () => {
    const parsed = await simpleParser(Buffer.from(await composeEml({ ...base, subject: 'Title\r\nBcc: victim@example.org' })));
    expect(parsed.subject).toBe('Title Bcc: victim@example.org');
    expect(parsed.bcc).toBeUndefined();
  });

  it('refuses a malformed address or Message-ID', async () => {
    await expect(composeEml({ ...base, to: [{ address: 'bob@' }] })).rejects.toThrow(EmlInputError);
    await expect(composeEml({ ...base, messageId: 'no-brackets@example.org' })).rejects.toThrow(EmlInputError);
  });
});

describe('Message-IDs and subjects', () => {
  it('derives the draft and recipient Message-IDs, within one 78-column header line', () => {
    const base = messageId('forty-mosques', '2023-11-27', 'press.example.org');
    expect(base).toBe('<forty-mosques.20231127@press.example.org>');
    const jane = recipientMessageId(base, 'Jane@News.example');
    expect(jane).toMatch(/^<forty-mosques\.20231127\.[0-9a-f]{10}@press\.example\.org>$/);
    expect(recipientMessageId(base, 'jane@news.example')).toBe(jane);
    expect(recipientMessageId(base, 'john@news.example')).not.toBe(jane);
    const long = messageId('a-'.repeat(60) + 'statement', '2023-11-27T10:00+05:00', 'press.example.org');
    expect(`Message-ID: ${recipientMessageId(long, 'jane@news.example')}`.length).toBeLessThanOrEqual(78);
    expect(long).not.toBe(messageId('a-'.repeat(60) + 'other', '2023-11-27', 'press.example.org'));
    expect(messageIdDomain(undefined, 'Press@Example.ORG')).toBe('example.org');
    const sample = messageId(SLUG, '2023-11-27', 'press.example.org');
    expect(sample).toBe(`<${SLUG}.20231127@press.example.org>`);
    expect(`Message-ID: ${recipientMessageId(sample, 'jane@news.example')}`.length).toBeLessThanOrEqual(78);
  });

  it('prefixes the headline with the embargo moment in the organisation zone', () => {
    const statement = { title: 'Forty mosques', lang: 'en', embargo: moment('2023-11-28T09:00+05:00') };
    expect(emailSubject(statement, { timezone: 'Asia/Karachi' })).toBe('EMBARGOED until 28 November 2023 at 09:00 GMT+5: Forty mosques');
    expect(emailSubject(statement, { timezone: 'Europe/London' })).toBe('EMBARGOED until 28 November 2023 at 04:00 GMT: Forty mosques');
    expect(emailSubject({ title: 'Forty\n mosques', lang: 'en' }, { timezone: 'UTC' })).toBe('Forty mosques');
  });
});
