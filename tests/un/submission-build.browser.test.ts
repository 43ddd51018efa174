/** UN submissions built end to end: word limits, and the same numbered paragraphs in every format. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Root } from 'hast';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import { countWordsInText } from '../../src/kinds/un-submission/word-count.ts';
import { clarion, read } from '../support/project.ts';
import { samplesBuild } from '../support/shared-build.ts';
import { readPdf } from '../support/read-pdf.ts';
import { readDocx } from './read-docx.ts';
import { overAndUnder } from './tiny-profile.ts';
import { proofPage } from '../../src/preview/proof-page.ts';

const SLUG = 'hrc55-ahmadiyya-places-of-worship';
const firstWords = (text: string, n = 6) => text.replace(/\s+/g, ' ').trim().split(' ').slice(0, n).join(' ');

describe('the sample Human Rights Council written statement', () => {
  let dir: string;
  let stdout: string;
  beforeAll(async () => {
    const result = await samplesBuild();
    dir = result.dir;
    stdout = result.stdout;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('is built as a web page, text, PDF and Word file', () => {
    expect(stdout).toContain(`dist/${SLUG}/${SLUG}.docx`);
    expect(stdout).toContain(`dist/${SLUG}/${SLUG}.pdf`);
  });

  it('numbers the same paragraphs the same way in all four formats', async () => {
    const page = unified().use(rehypeParse).parse(await read(dir, `dist/${SLUG}/index.html`)) as Root;
    const html = selectAll('.body > p', page)
      .map((p) => toText(p))
      .filter((t) => /^\d+\. /.test(t))
      .map((t) => firstWords(t));
    expect(html.length).toBe(6);
    expect(html.map((t) => t.split('.')[0])).toEqual(['1', '2', '3', '4', '5', '6']);

    const text = (await read(dir, `dist/${SLUG}/${SLUG}.txt`)).split('\n\n').filter((b) => /^\d+\. /.test(b)).map((b) => firstWords(b));
    expect(text).toEqual(html);

    const pdf = (await readPdf(await readFile(path.join(dir, 'dist', SLUG, `${SLUG}.pdf`)))).text.replace(/\s+/g, ' ');
    for (const opening of html) expect(pdf).toContain(opening);

    const docx = await readDocx(await readFile(path.join(dir, 'dist', SLUG, `${SLUG}.docx`)));
    const numbered = docx.paragraphs.filter((p) => p.numId !== undefined && p.style !== 'ListParagraph' && !/List/.test(p.style ?? ''));
    // Word draws the numbers itself (real numbering): the n-th numbered paragraph is number n.
    expect(numbered.map((p, i) => `${i + 1}. ${firstWords(p.text, 5)}`)).toEqual(html);
    expect(new Set(numbered.map((p) => p.numId)).size).toBe(1);
  });

  it('reports the same word count as the Word file holds, by the same definition', async () => {
    const docx = await readDocx(await readFile(path.join(dir, 'dist', SLUG, `${SLUG}.docx`)));
    const check = await clarion(dir, 'check', `statements/${SLUG}.md`);
    const reported = Number(/ (\d[\d,]*) of 2,000 words/.exec(check.stdout)![1]!.replace(/,/g, ''));
    const headingLines = 4;
    const body = docx.paragraphs.slice(headingLines + 1).map((p) => p.text).join('\n');
    const words = countWordsInText(body, 'en') + [...docx.footnotes.values()].reduce((n, t) => n + countWordsInText(t, 'en'), 0);
    expect(docx.paragraphs[headingLines]!.text).toBe('Pakistan must protect the places of worship of Ahmadi Muslims*');
    expect(words).toBe(reported);
  });
});

describe('a submission over the word limit', () => {
  it('still builds a submission over the limit, as a proof marked on every page, listed nowhere, and exits 1', async () => {
    const dir = await overAndUnder();
    const result = await clarion(dir, 'build', '--formats', 'html,text,pdf,docx');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('statements/over.md:5:1 error the statement has 101 words; the limit for tiny (general status) is 100 — cut at least 1 word (submission)');
    expect(result.stdout).toContain('statements/over.md → dist/over/index.html');
    expect(result.stdout).not.toMatch(/failed: .*over\.md/);
    const pdf = await readPdf(await readFile(path.join(dir, 'dist/over/over.pdf')));
    for (const p of pdf.pages) expect(p.text).toContain('Over the word limit: not for submission');
    expect((await readPdf(await readFile(path.join(dir, 'dist/under/under.pdf')))).text).not.toContain('Over the word limit');
    const docx = await readDocx(await readFile(path.join(dir, 'dist/over/over.docx')));
    expect(await docx.part('word/header1.xml')).toContain('Over the word limit: not for submission');
    const page = await read(dir, 'dist/over/index.html');
    expect(page).toContain('<p class="draft-banner" role="note">Over the word limit: not for submission</p>');
    expect(page).toContain('<p class="word-count">101 of 100 words (tiny, general status)</p>');
    expect(page).toContain('noindex');
    expect(await read(dir, 'dist/index.html')).not.toContain('href="over/"');
    expect(await read(dir, 'dist/index.html')).toContain('href="under/"');
    expect(proofPage({ folder: 'over', slug: 'over', title: 'A submission', hasPdf: true, wordCount: '101 of 100 words (tiny, general status)', notice: 'Over the word limit: not for submission' })).toContain('<strong id="notice">Over the word limit: not for submission</strong><span id="word-count">101 of 100 words (tiny, general status)</span>');
  });
});
