/**
 * The text layer of right-to-left PDFs (src/formats/pdf/text-layer.ts), end to end: the Urdu
 * sample and an Arabic statement with Latin names and numbers are built twice, once as Chromium
 * prints them (the layer switched off) and once as Clarion writes them, and read back with pdf.js
 * and pdftotext.
 *
 * The measure: the source's words (title, subtitle, body and notes; Intl.Segmenter word segments
 * of the statement's language, format characters such as the zero-width non-joiner left out,
 * since pdf.js drops them) found in order in the extracted text: the longest common subsequence
 * of the two word lists, as a share of the source's words.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, decodePDFRawStream, type PDFObject } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseContent } from '../../src/formats/pdf/content-stream.ts';
import { pageFonts } from '../../src/formats/pdf/fonts.ts';
import { pageText } from '../../src/formats/pdf/page-glyphs.ts';
import * as textLayer from '../../src/formats/pdf/text-layer.ts';
import { textRuns } from '../../src/formats/pdf/text-runs.ts';
import { clarion, makeProject } from '../support/project.ts';
import { readPdf } from '../support/read-pdf.ts';

const SAMPLE = 'ahmadi-mosques-desecrated';
const CASES = [
  { lang: 'ur', source: `statements/${SAMPLE}/ur.md`, pdf: `${SAMPLE}/ur/${SAMPLE}.pdf` },
  { lang: 'ar', source: 'statements/arabic-statement.md', pdf: 'arabic-statement/arabic-statement.pdf' },
] as const;

/** The words a reader should find: title, subtitle, body and notes, without Markdown's marks. */
function sourceWords(markdown: string, lang: string): string[] {
  const [, front = '', ...rest] = markdown.split(/^---$/m);
  const header = front
    .split('\n')
    .filter((line) => /^(title|subtitle):/.test(line))
    .map((line) => line.replace(/^\w+:\s*/, ''));
  const body = rest
    .join('---')
    .replace(/\[\^[^\]]+\]:?/g, ' ')
    .replace(/\]\([^)]*\)/g, ' ')
    .replace(/[*>#[\]`_]/g, ' ');
  return words([...header, body].join('\n'), lang);
}

function words(text: string, lang: string): string[] {
  const segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
  return [...segmenter.segment(text.normalize('NFKC').replace(/\p{Cf}/gu, ''))].filter((s) => s.isWordLike).map((s) => s.segment);
}

/** The share of `wanted` found in order in `found` (longest common subsequence). */
function inOrder(wanted: readonly string[], found: readonly string[]): number {
  let previous = new Uint32Array(found.length + 1);
  let current = new Uint32Array(found.length + 1);
  for (const word of wanted) {
    for (let j = 1; j <= found.length; j++) current[j] = word === found[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    [previous, current] = [current, previous];
  }
  return previous[found.length]! / wanted.length;
}

const pdftotext = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });

interface Built {
  before: Uint8Array;
  after: Uint8Array;
  beforeFile: string;
  afterFile: string;
}

describe('the text layer of right-to-left PDFs', () => {
  let dir: string;
  const built = new Map<string, Built>();
  const measured: string[] = [];

  beforeAll(async () => {
    dir = await makeProject({ 'statements/arabic-statement.md': await readFile(path.join(import.meta.dirname, 'fixtures/arabic-statement.md')) }, { samples: true });
    // "Before": the same build with the layer switched off, as Chromium printed it (and stamped).
    const sources = [...CASES.map((c) => c.source), `statements/${SAMPLE}/en.md`];
    const off = vi.spyOn(textLayer, 'addTextLayer').mockReturnValue(false);
    const before = await clarion(dir, 'build', ...sources, '--formats', 'pdf', '--out', 'before');
    off.mockRestore();
    expect(before.code, before.stderr).toBe(0);
    const after = await clarion(dir, 'build', ...sources, '--formats', 'pdf', '--out', 'after');
    expect(after.code, after.stderr).toBe(0);
    for (const c of [...CASES, { lang: 'en', source: `statements/${SAMPLE}/en.md`, pdf: `${SAMPLE}/${SAMPLE}.pdf` }]) {
      const [beforeFile, afterFile] = ['before', 'after'].map((out) => path.join(dir, out, c.pdf)) as [string, string];
      built.set(c.lang, { before: await readFile(beforeFile), after: await readFile(afterFile), beforeFile, afterFile });
    }
  }, 240_000);

  afterAll(() => {
    if (measured.length) console.info(`words found in order:\n${measured.join('\n')}`);
  });

  it.each(CASES)('gives pdf.js and pdftotext at least 95% of the words of the $lang statement, in order', async ({ lang, source }) => {
    const wanted = sourceWords(await readFile(path.join(dir, source), 'utf8'), lang);
    const pdf = built.get(lang)!;
    const share = async (reader: 'pdf.js' | 'pdftotext', which: 'before' | 'after') => {
      const text = reader === 'pdf.js' ? (await readPdf(pdf[which])).text : pdftotext(which === 'before' ? pdf.beforeFile : pdf.afterFile);
      return inOrder(wanted, words(text, lang));
    };
    for (const reader of ['pdf.js', 'pdftotext'] as const) {
      const [was, is] = [await share(reader, 'before'), await share(reader, 'after')];
      measured.push(`  ${lang} ${reader}: ${(was * 100).toFixed(1)}% as Chromium prints it, ${(is * 100).toFixed(1)}% with the layer (${wanted.length} words)`);
      expect(is, `${reader} on the ${lang} PDF`).toBeGreaterThanOrEqual(0.95);
    }
  });

  it.each(CASES)('leaves the pages of the $lang statement as drawn, pixel for pixel', async ({ lang }) => {
    const pdf = built.get(lang)!;
    const out = await mkdtemp(path.join(os.tmpdir(), 'text-layer-pixels-'));
    for (const [name, file] of [['before', pdf.beforeFile], ['after', pdf.afterFile]] as const) execFileSync('pdftoppm', ['-r', '110', file, path.join(out, name)]);
    const pages = (await readdir(out)).filter((f) => f.startsWith('before')).sort();
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const [a, b] = await Promise.all([readFile(path.join(out, page)), readFile(path.join(out, page.replace('before', 'after')))]);
      expect(a.equals(b), `${lang} ${page}: the rasterised page changed`).toBe(true);
    }
  });

  it.each(CASES)('keeps the tags, the outline and the metadata of the $lang statement', async ({ lang, source }) => {
    const pdf = built.get(lang)!;
    const [before, after] = await Promise.all([PDFDocument.load(pdf.before, { updateMetadata: false }), PDFDocument.load(pdf.after, { updateMetadata: false })]);
    // The same structure elements, of the same types, in the same order; the layer's lines are
    // content of their blocks (marked-content references), which the element tree leaves out.
    expect(elementTree(after)).toEqual(elementTree(before));
    expect(String(after.catalog.get(PDFName.of('MarkInfo')))).toBe(String(before.catalog.get(PDFName.of('MarkInfo'))));
    expect(after.catalog.get(PDFName.of('Lang'))?.toString()).toBe(before.catalog.get(PDFName.of('Lang'))?.toString());
    const [readBefore, readAfter] = [await readPdf(pdf.before), await readPdf(pdf.after)];
    expect(readAfter.outline).toEqual(readBefore.outline);
    // The outline opens on the headline as written, in logical order (not as Chromium laid it out).
    const title = /^title: (.*)$/m.exec(await readFile(path.join(dir, source), 'utf8'))![1]!.replace(/^(["'])(.*)\1$/, '$2');
    expect(readAfter.outline[0]?.title).toBe(title);
    expect(readAfter.info).toEqual(readBefore.info);
    expect(readAfter.tagged).toBe(true);
    expect(readAfter.fontsEmbedded).toBe(true);
    // Every MCID of every page has its element in the parent tree.
    expect(unparentedContent(after)).toEqual([]);
  });

  it('leaves a left-to-right PDF byte for byte as it was', () => {
    const pdf = built.get('en')!;
    expect(Buffer.from(pdf.after).equals(Buffer.from(pdf.before))).toBe(true);
  });

  // The layer reads Chromium's output (src/formats/pdf/text-runs.ts): if a new Chromium writes
  // right-to-left text otherwise, this says so before readers get garbage.
  it.each(CASES)("finds Chromium's PDF of the $lang statement in the shape the text layer relies on", async ({ lang, source }) => {
    const doc = await PDFDocument.load(built.get(lang)!.before, { updateMetadata: false });
    const shape = (what: string) => `Chromium's PDF output changed shape: ${what}. The text layer (src/formats/pdf/text-runs.ts, text-layer.ts) relies on it; read a new PDF's content streams and adapt it.`;
    let reversed = 0;
    let actual = 0;
    const texts: string[] = [];
    for (const page of doc.getPages()) {
      const operations = parseContent(pageContent(doc, page.node.get(PDFName.of('Contents'))));
      const fonts = pageFonts(doc.context, page.node.Resources());
      for (const font of fonts.values()) expect(font.codeLength === 2 && font.toUnicode.size > 0, shape(`font ${font.name} is not a Type0 font with a ToUnicode map`)).toBe(true);
      const text = pageText(operations, fonts);
      for (const span of text.spans) {
        const inText = text.textObjects.some((t) => span.open > t.open && span.close < t.close);
        if (span.tag === 'ReversedChars') {
          reversed++;
          expect(inText, shape('a /ReversedChars sequence is not inside a text object')).toBe(true);
        }
        if (span.actualText !== undefined) actual++;
        if (span.mcid !== undefined) expect(inText, shape('a marked-content sequence with an MCID lies inside a text object')).toBe(false);
      }
      for (const run of textRuns(text)) {
        const first = operations.slice(run.open + 1, run.close).find((op) => op.operator === 'Tf' || op.operator === 'Tm');
        expect(first?.operator, shape('a text object does not set its font before showing text')).toBe('Tf');
        expect(operations.slice(run.open, run.close).some((op) => op.operator === 'Tm'), shape('a text object does not set its text matrix (Tm) at the line')).toBe(true);
        if (!run.glyphs.every((g) => g.clipped)) texts.push(run.text);
      }
    }
    expect(reversed, shape('right-to-left runs are no longer marked /ReversedChars')).toBeGreaterThan(20);
    expect(actual, shape('clusters no longer carry /ActualText')).toBeGreaterThan(20);
    // Read run by run, Chromium's own text has the source's words.
    const wanted = sourceWords(await readFile(path.join(dir, source), 'utf8'), lang);
    const found = new Set(words(texts.join(' '), lang));
    const share = wanted.filter((w) => found.has(w)).length / wanted.length;
    expect(share, shape(`its runs give back ${(share * 100).toFixed(1)}% of the words`)).toBeGreaterThan(0.97);
  });
});

function pageContent(doc: PDFDocument, contents: PDFObject | undefined): Uint8Array {
  const resolved = contents instanceof PDFRef ? doc.context.lookup(contents) : contents;
  const streams = resolved instanceof PDFArray ? resolved.asArray().map((ref) => doc.context.lookup(ref)) : [resolved];
  return new Uint8Array(Buffer.concat(streams.filter((s): s is PDFRawStream => s instanceof PDFRawStream).map((s) => Buffer.from(decodePDFRawStream(s).decode()))));
}

/** The structure elements as a nested list of their types, content references left out. */
function elementTree(doc: PDFDocument): unknown {
  const visit = (value: PDFObject | undefined, depth: number): unknown[] => {
    const object = value instanceof PDFRef ? doc.context.lookup(value) : value;
    if (depth > 64) return [];
    if (object instanceof PDFArray) return object.asArray().flatMap((item) => visit(item, depth + 1));
    if (!(object instanceof PDFDict) || !object.has(PDFName.of('S'))) return [];
    return [{ type: String(object.get(PDFName.of('S'))), kids: visit(object.get(PDFName.of('K')), depth + 1) }];
  };
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
  return visit(root.get(PDFName.of('K')), 0);
}

/** MCIDs in the pages' content that the parent tree does not lead to a structure element. */
function unparentedContent(doc: PDFDocument): string[] {
  const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
  const nums = (doc.context.lookup(root.get(PDFName.of('ParentTree'))) as PDFDict).lookup(PDFName.of('Nums'), PDFArray);
  const parents = new Map<number, PDFArray>();
  for (let i = 0; i + 1 < nums.size(); i += 2) {
    const entry = nums.lookup(i + 1);
    if (entry instanceof PDFArray) parents.set((nums.lookup(i) as PDFNumber).asNumber(), entry);
  }
  const missing: string[] = [];
  doc.getPages().forEach((page, index) => {
    const key = page.node.lookupMaybe(PDFName.of('StructParents'), PDFNumber)?.asNumber();
    const operations = parseContent(pageContent(doc, page.node.get(PDFName.of('Contents'))));
    for (const op of operations) {
      const props = op.operator === 'BDC' ? op.operands[1] : undefined;
      const mcid = props?.type === 'dict' ? props.entries.get('MCID') : undefined;
      if (mcid?.type !== 'number') continue;
      const element = key === undefined ? undefined : parents.get(key)?.get(mcid.value);
      if (!(element instanceof PDFRef) || !(doc.context.lookup(element) instanceof PDFDict)) missing.push(`page ${index + 1} MCID ${mcid.value}`);
    }
  });
  return missing;
}

