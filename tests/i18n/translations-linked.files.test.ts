/**
 * A statement and its translations belong together in every format: the text release and the
 * email name the other languages with their addresses, the newsroom shows them as one entry, and
 * a right-to-left text release reads right to left in a mail client (each line that does not
 * start with a right-to-left letter starts with a right-to-left mark).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { clarion, makeProject, read } from '../support/project.ts';

const SLUG = 'ahmadi-mosques-desecrated';
const SITE = 'https://press.example.org/';

describe('translations linked in every format', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await makeProject({}, { samples: true });
    const result = await clarion(dir, 'build', '--formats', 'html,text,eml');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('names the other languages, with their addresses, in the text release', async () => {
    const en = await read(dir, `dist/${SLUG}/${SLUG}.txt`);
    expect(en).toContain(`\n\nAlso in:\nاردو: ${SITE}${SLUG}/ur/\n\n`);
    const ur = await read(dir, `dist/${SLUG}/ur/${SLUG}.txt`);
    expect(ur).toContain(`\n\nدیگر زبانوں میں:\n\u200FEnglish: ${SITE}${SLUG}/\n\n`);
  });

  it('names them in both parts of the email', async () => {
    const mail = await simpleParser(await readFile(path.join(dir, 'dist', SLUG, `${SLUG}.eml`)));
    expect(mail.text).toContain(`Also in:\nاردو: ${SITE}${SLUG}/ur/`);
    expect(String(mail.html)).toMatch(new RegExp(`Also in: <a href="${SITE}${SLUG}/ur/" hreflang="ur" lang="ur"[^>]*>اردو</a>`));
  });

  it('writes a right-to-left text release that reads right to left line by line', async () => {
    const ur = await read(dir, `dist/${SLUG}/ur/${SLUG}.txt`);
    const lines = ur.split('\n').filter((l) => l !== '');
    expect(lines.length).toBeGreaterThan(40);
    for (const line of lines) expect(/^(\u200F|\p{Script=Arabic})/u.test(line), JSON.stringify(line)).toBe(true);
    // Nothing else changes: without the marks, the lines are as wrapped.
    expect(ur).toContain('\u200F27 نومبر، 2023');
    // A left-to-right release has none.
    expect(await read(dir, `dist/${SLUG}/${SLUG}.txt`)).not.toContain('\u200F');
  });
});
