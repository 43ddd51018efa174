/**
 * The proof stage, PDFs: every PDF the test builds left is read back with pdf.js (and its font
 * dictionaries with pdf-lib), as a reader and a screen reader would: tagged, with a structure of
 * headings and paragraphs; every font embedded and bundled with Clarion (none from the machine);
 * the statement's language and title in the document information; an outline that opens on the
 * headline; A4 or Letter pages; and the words of the web page's text in the same order (right to
 * left PDFs are laid out in visual order: there, every Latin word as often as in the page).
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Root } from 'hast';
import { select } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { LAYER_FONT_NAME } from '../../src/formats/pdf/layer-font.ts';
import { readPdf, type ReadPdf } from '../support/read-pdf.ts';
import { repoRoot } from '../support/project.ts';
import { wordsOf } from '../words/read-words.ts';
import { shown, testOutputs, type StatementOutputs } from './outputs.ts';

/** PostScript names of the bundled families (templates/fonts.yaml): "Source Serif 4" is SourceSerif4-*. */
const BUNDLED = (parse(readFileSync(path.join(repoRoot, 'templates/fonts.yaml'), 'utf8')) as { family: string }[]).map((f) => f.family.replace(/\s+/g, ''));
const PAPER = [[595, 842], [612, 792]];

/**
 * Defects known today, found by these checks in code outside the tests. Each must still be seen
 * somewhere: a new defect fails, and so does a fixed one until it is taken off this list.
 */
const KNOWN = {
  cut: { sources: ['statements/lists-50.md', 'statements/wide-table.md'], where: 'what is wider than the page (fifty nested list levels, a table of 2,000 columns) is cut at its edge' },
};
const seen = new Set<keyof typeof KNOWN>();

interface Checked {
  file: string;
  statement?: StatementOutputs;
  pdf: ReadPdf;
  fonts: string[];
}

let pdfs: Checked[] = [];

beforeAll(async () => {
  const outputs = await testOutputs();
  pdfs = await Promise.all(
    (outputs.distinct.get('.pdf') ?? []).map(async (file) => {
      const bytes = await readFile(file);
      const statement = outputs.owner.get(file)?.statement;
      const pdf = await readPdf(bytes);
      return { file, pdf, fonts: pdf.fonts, ...(statement ? { statement } : {}) };
    }),
  );
}, 600_000);

const parseHtml = (html: string) => unified().use(rehypeParse).parse(html) as Root;

/** The words of the statement's text (`.body`) in its web page, in order. */
function pageWords(statement: StatementOutputs | undefined, options: { quotesSeparate?: boolean } = {}): string[] | undefined {
  const page = statement?.file('index.html');
  if (!page) return undefined;
  const body = select('.body', parseHtml(readFileSync(page, 'utf8')));
  return body ? wordsOf(toText(body), options) : undefined;
}

/** The first of `wanted` that `words` does not hold in order (other words may come between), or -1. */
function firstOutOfOrder(wanted: readonly string[], words: readonly string[]): number {
  let at = 0;
  for (let i = 0; i < wanted.length; i++) {
    while (at < words.length && words[at] !== wanted[i]) at++;
    if (at === words.length) return i;
    at++;
  }
  return -1;
}

const latin = (words: readonly string[]) => words.filter((w) => /^[\p{Script=Latin}\p{M}]+$/u.test(w));

describe('every PDF of the test builds', () => {
  it('was found', () => {
    expect(pdfs.length, 'run the suite first: the proof stage checks what its builds left').toBeGreaterThan(20);
    console.info(`proof: ${pdfs.length} distinct PDFs`);
  });

  it('opens in pdf.js, tagged, with text on its first page, on A4 or Letter paper', () => {
    const problems: string[] = [];
    for (const { file, pdf } of pdfs) {
      if (!pdf.tagged) problems.push(`${shown(file)}: not tagged`);
      if (!pdf.pages[0]?.text.trim()) problems.push(`${shown(file)}: no text on page 1`);
      for (const [i, page] of pdf.pages.entries()) {
        const size = [Math.round(page.width), Math.round(page.height)];
        if (!PAPER.some(([w, h]) => Math.abs(size[0]! - w!) <= 1 && Math.abs(size[1]! - h!) <= 1)) problems.push(`${shown(file)}: page ${i + 1} is ${size.join(' × ')} pt, neither A4 nor Letter`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has a tagged structure of one H1 (the headline) and paragraphs', () => {
    const problems: string[] = [];
    for (const { file, pdf } of pdfs) {
      const h1 = pdf.structure.filter((r) => r === 'H1').length;
      if (h1 !== 1) problems.push(`${shown(file)}: ${h1} H1 elements`);
      if (!pdf.structure.includes('P')) problems.push(`${shown(file)}: no P element`);
    }
    expect(problems).toEqual([]);
  });

  it('embeds every font, each one bundled with Clarion (templates/fonts.yaml), none from the machine', () => {
    const problems: string[] = [];
    for (const { file, pdf, fonts } of pdfs) {
      if (!pdf.fontsEmbedded) problems.push(`${shown(file)}: a font is not embedded`);
      if (fonts.length === 0) problems.push(`${shown(file)}: no font`);
      for (const font of fonts) {
        if (BUNDLED.some((family) => font === family || font.startsWith(`${family}-`))) continue;
        // Clarion's own invisible font: the text layer it adds to pages with right-to-left text (src/formats/pdf/text-layer.ts).
        if (font === LAYER_FONT_NAME) continue;
        problems.push(`${shown(file)}: ${font} is not a bundled font`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("carries the statement's language and headline in its document information, and an outline that opens on the headline", () => {
    const problems: string[] = [];
    let compared = 0;
    for (const { file, pdf, statement } of pdfs) {
      if (pdf.outline.length === 0) problems.push(`${shown(file)}: no outline`);
      if (!pdf.lang) problems.push(`${shown(file)}: no language`);
      const listing = statement?.listing;
      if (!listing) continue;
      compared++;
      if (pdf.lang !== listing.lang) problems.push(`${shown(file)}: language ${pdf.lang}, the statement's is ${listing.lang}`);
      if (pdf.info.Title !== listing.title) problems.push(`${shown(file)}: title ${JSON.stringify(pdf.info.Title)}, the headline is ${JSON.stringify(listing.title)}`);
      // Word for word (a note mark such as the "*" of a submission's supporters is not a word).
      const opening = pdf.outline[0];
      if (opening?.depth !== 0) problems.push(`${shown(file)}: the outline does not open at its top level`);
      else if (wordsOf(opening.title).join(' ') !== wordsOf(listing.title).join(' ')) {
        problems.push(`${shown(file)}: the outline opens on ${JSON.stringify(opening.title)}, not the headline ${JSON.stringify(listing.title)}`);
      }
    }
    expect(compared).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });

  it("holds the words of the web page's text, in the same order (right to left: every Latin word)", () => {
    const problems: string[] = [];
    let compared = 0;
    for (const { file, pdf, statement } of pdfs) {
      const rtl = statement?.listing?.dir === 'rtl';
      // Right to left, words are taken apart at apostrophes: reordered for display, "x’y" can come back as "y’x".
      const wanted = pageWords(statement, { quotesSeparate: rtl });
      if (!wanted?.length) continue;
      compared++;
      if (rtl) {
        // Laid out in visual order, and pdf.js runs adjacent table cells together: each word is
        // looked for in the text without its spaces.
        const squashed = pdf.text.normalize('NFKC').replace(/\s+/g, '');
        for (const word of new Set(latin(wanted))) if (!squashed.includes(word)) problems.push(`${shown(file)}: "${word}" is not in the PDF`);
        continue;
      }
      // A word hyphenated at the end of a line is one word.
      const at = firstOutOfOrder(wanted, wordsOf(pdf.text.replace(/-\n/g, '')));
      if (at < 0) continue;
      if (KNOWN.cut.sources.includes(statement!.source)) seen.add('cut');
      else problems.push(`${shown(file)}: word ${at + 1} of ${wanted.length} missing or out of order: ${wanted.slice(Math.max(0, at - 5), at).join(' ')} [${wanted.slice(at, at + 5).join(' ')}]`);
    }
    expect(compared).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });

  it('still shows each defect known today (a fixed one is taken off the list in pdfs.test.ts)', () => {
    expect(Object.entries(KNOWN).filter(([key]) => !seen.has(key as keyof typeof KNOWN)).map(([key, { where }]) => `${key} is no longer seen: ${where}`)).toEqual([]);
  });
});
