/** The email draft the build writes, read back with an independent parser. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { clarion, makeProject, read, statement } from '../support/project.ts';

const SLUG = 'ahmadi-mosques-desecrated';

describe('the .eml written by the build', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeProject(
      { 'statements/embargoed.md': statement({ title: 'Embargoed news', date: '2023-11-27', embargo: '2023-11-28T09:00 Asia/Karachi', location: 'Lahore', summary: 'S.' }, 'Text with a [link](https://example.org/a).') },
      { samples: true },
    );
    const result = await clarion(dir, 'build', '--formats', 'html,text,eml', '--now', '2023-11-27T00:00Z');
    expect(result.code).toBe(0);
  });

  it('is a draft from the press office, dated by the statement, with a stable Message-ID', async () => {
    const raw = await readFile(path.join(dir, 'dist', SLUG, `${SLUG}.eml`));
    const mail = await simpleParser(raw);
    expect(mail.from?.value[0]).toMatchObject({ address: 'press@example.org', name: 'Ahmadiyya Muslim Community Press Office' });
    expect(mail.subject).toBe('Violence against Ahmadis continues as a fortieth mosque is desecrated in 2023');
    expect(mail.date?.toISOString()).toBe('2023-11-27T00:00:00.000Z');
    expect(mail.messageId).toBe(`<${SLUG}.20231127@press.example.org>`);
    expect(mail.headers.get('x-unsent')).toBe('1');
    expect(mail.to).toBeUndefined();
    // multipart/alternative, the plain text first.
    expect(String(mail.headers.get('content-type') && (mail.headers.get('content-type') as { value: string }).value)).toBe('multipart/alternative');
    const source = raw.toString('latin1');
    expect(source.indexOf('Content-Type: text/plain')).toBeLessThan(source.indexOf('Content-Type: text/html'));
    for (const line of source.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
  });

  it('carries the .txt byte for byte and an HTML part that loads nothing from outside', async () => {
    const mail = await simpleParser(await readFile(path.join(dir, 'dist', SLUG, `${SLUG}.eml`)));
    expect(mail.text?.replace(/\r\n/g, '\n')).toBe(await read(dir, `dist/${SLUG}/${SLUG}.txt`));
    const html = String(mail.html);
    expect(html).toContain('Violence against Ahmadis continues');
    expect(html).not.toMatch(/<script|<link|<img[^>]+src="https?:|url\(\s*['"]?https?:/i);
    expect(html).toContain('href="https://www.ohchr.org/');
  });

  it('says EMBARGOED in the subject, with the moment in the organisation time zone', async () => {
    const mail = await simpleParser(await readFile(path.join(dir, 'dist/embargoed/embargoed.eml')));
    expect(mail.subject).toBe('EMBARGOED until 28 November 2023 at 04:00 GMT: Embargoed news');
    expect(mail.text).toContain('EMBARGOED UNTIL 28 November 2023 at 04:00 GMT (04:00 UTC)');
  });

  it('is the same bytes on every build', async () => {
    expect((await clarion(dir, 'build', '--formats', 'html,text,eml', '--out', 'again', '--now', '2023-11-27T00:00Z')).code).toBe(0);
    for (const file of [`${SLUG}/${SLUG}.eml`, 'embargoed/embargoed.eml']) {
      expect(Buffer.compare(await readFile(path.join(dir, 'dist', file)), await readFile(path.join(dir, 'again', file)))).toBe(0);
    }
  });
});
