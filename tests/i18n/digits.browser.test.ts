/**
 * Numbers and dates in the locale's own digits where the locale says so (Intl): a statement in
 * Egyptian Arabic (ar-EG) writes its date and page numbers in Arabic-Indic digits, in the web
 * page, the text release and the PDF; one in Arabic as written in most of the Arab world (ar),
 * which Intl writes with 0-9, keeps them.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { counterStyle } from '../../src/templates/helpers.ts';
import { clarion, makeProject, read, statement } from '../support/project.ts';
import { readPdf } from '../support/read-pdf.ts';

describe("the locale's digits", () => {
  let dir: string;
  beforeAll(async () => {
    const front = { title: 'بيان', date: '2023-11-27', location: 'القاهرة', summary: 'ملخص.' };
    dir = await makeProject({
      'statements/egypt.md': statement({ ...front, lang: 'ar-EG' }, 'نص البيان.'),
      'statements/arabic.md': statement({ ...front, lang: 'ar' }, 'نص البيان.'),
    });
    const result = await clarion(dir, 'build', '--formats', 'html,text,pdf');
    expect(result.code).toBe(0);
  });

  it('chooses the counter style from Intl', () => {
    expect([counterStyle('ar-EG'), counterStyle('fa'), counterStyle('ar'), counterStyle('en'), counterStyle('ur')]).toEqual(['arabic-indic', 'persian', undefined, undefined, undefined]);
  });

  it('writes the date in the page and the text release with the locale digits', async () => {
    expect(await read(dir, 'dist/egypt/index.html')).toContain('٢٧ نوفمبر ٢٠٢٣');
    expect(await read(dir, 'dist/egypt/egypt.txt')).toContain('٢٧ نوفمبر ٢٠٢٣');
    expect(await read(dir, 'dist/arabic/arabic.txt')).toContain('27 نوفمبر 2023');
  });

  it('numbers the pages of the PDF with them', async () => {
    const egypt = await readPdf(await readFile(path.join(dir, 'dist/egypt/egypt.pdf')));
    expect(egypt.pages[0]!.text).toMatch(/١/);
    expect(egypt.pages[0]!.text).not.toMatch(/صفحة 1 /);
    const arabic = await readPdf(await readFile(path.join(dir, 'dist/arabic/arabic.pdf')));
    expect(arabic.pages[0]!.text).toMatch(/1/);
  });
});
