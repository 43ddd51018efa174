/**
 * Gives a PDF printed by Chromium a text layer that reads back right, on every page with
 * right-to-left text (Arabic, Urdu in Nastaliq...). Chromium writes such text in a way readers
 * get wrong (text-runs.ts says how); the page as drawn is kept, and:
 *
 * - each glyph run of the page is made mute: an empty ActualText for readers that honour it
 *   (pdftotext, Acrobat), and a copy of its font whose ToUnicode map gives every glyph a zero
 *   width space, which pdf.js drops;
 * - each line of the page gets its words as invisible text (rendering mode 3, in the font of
 *   layer-font.ts) over the drawn line, in the order layer-line.ts explains, tagged as content of
 *   the block it belongs to (structure.ts).
 *
 * Pages without right-to-left text are left as they are, byte for byte. The same PDF gives the
 * same bytes: nothing depends on the clock or on chance.
 */
import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, type PDFDocument, type PDFPage } from 'pdf-lib';
import { decodeStream } from './decode-stream.ts';
import { parseContent, type Operation } from './content-stream.ts';
import { cmap, embedLayerFont, LayerEncoding, layerWidth } from './layer-font.ts';
import { layerCells } from './layer-line.ts';
import { lookup, pageFonts, type FontInfo } from './fonts.ts';
import { multiply, pageText, type Matrix } from './page-glyphs.ts';
import { PageStructure } from './structure.ts';
import { RIGHT_TO_LEFT, textLines, type TextLine } from './text-lines.ts';
import { textRuns, type TextRun } from './text-runs.ts';

const LAYER_FONT = 'ClarionText';
const muteName = (key: string) => `ClarionMute${key}`;

interface Edit {
  at: number;
  end: number;
  text: string;
}

interface PageWork {
  page: PDFPage;
  data: Uint8Array;
  edits: Edit[];
  fonts: Map<string, FontInfo>;
  muted: Set<string>;
}

/** Adds the text layer where a page has right-to-left text; returns whether anything changed. */
export function addTextLayer(doc: PDFDocument, rtl: boolean): boolean {
  const encoding = new LayerEncoding();
  const work: PageWork[] = [];
  // Codes drawn with each font, by font object: the mute copy maps each of them.
  const codes = new Map<PDFDict, Set<number>>();
  for (const page of doc.getPages()) {
    const done = layerPage(doc, page, rtl, encoding, codes);
    if (done) work.push(done);
  }
  if (work.length === 0) return false;
  const layerFont = embedLayerFont(doc.context, encoding);
  const mutes = new Map<PDFDict, PDFRef>();
  for (const { page, data, edits, fonts, muted } of work) {
    page.node.set(PDFName.of('Contents'), doc.context.register(doc.context.flateStream(applyEdits(data, edits))));
    const fontDict = fontResources(doc, page);
    fontDict.set(PDFName.of(LAYER_FONT), layerFont);
    for (const key of muted) {
      const font = fonts.get(key)!;
      let mute = mutes.get(font.dict);
      if (!mute) {
        mute = muteFont(doc, font.dict, codes.get(font.dict) ?? new Set());
        mutes.set(font.dict, mute);
      }
      fontDict.set(PDFName.of(muteName(key)), mute);
    }
  }
  return true;
}

function layerPage(doc: PDFDocument, page: PDFPage, rtl: boolean, encoding: LayerEncoding, codes: Map<PDFDict, Set<number>>): PageWork | undefined {
  const data = pageContent(doc, page);
  const fonts = pageFonts(doc.context, page.node.Resources());
  // Most pages have no right-to-left text: they are not read any further.
  const marked = Buffer.from(data.buffer, data.byteOffset, data.byteLength).includes('/ReversedChars');
  if (!marked && ![...fonts.values()].some((font) => [...font.toUnicode.values()].some((t) => RIGHT_TO_LEFT.test(t)))) return undefined;
  const operations = parseContent(data);
  const text = pageText(operations, fonts);
  const runs = textRuns(text);
  if (!runs.some((run) => run.reversed || RIGHT_TO_LEFT.test(run.text))) return undefined;
  const visible = runs.filter((run) => !run.glyphs.every((g) => g.clipped));
  const lines = textLines(visible);
  const edits: Edit[] = [];
  const muted = new Set<string>();
  for (const run of runs) {
    muteRun(run, data, operations, edits, muted);
    for (const glyph of run.glyphs) {
      const set = codes.get(glyph.font.dict) ?? new Set<number>();
      set.add(glyph.code);
      codes.set(glyph.font.dict, set);
    }
  }
  const structure = new PageStructure(doc.context, page.node, page.ref, Math.max(-1, ...text.spans.map((s) => s.mcid ?? -1)));
  let last = 0;
  for (const line of lines) {
    const after = insertionPoint(line, operations);
    last = Math.max(last, after);
    const at = operations[last]!.end;
    edits.push({ at, end: at, text: layerLine(line, rtl, text.ctm[last + 1] ?? text.ctm[last]!, structure, encoding) });
  }
  return { page, data, edits, fonts, muted };
}

/** The index of the operation after which a line's layer goes: past its last run, out of any marked content around it. */
function insertionPoint(line: TextLine, operations: readonly Operation[]): number {
  let at = 0;
  for (const run of line.runs) at = Math.max(at, run.outermost ? run.outermost.close : run.close);
  return Math.min(at, operations.length - 1);
}

/** Removes Chromium's marks inside a run, switches it to mute fonts and wraps it in an empty ActualText. */
function muteRun(run: TextRun, data: Uint8Array, operations: readonly Operation[], edits: Edit[], muted: Set<string>): void {
  const remove = (index: number) => {
    const op = operations[index];
    if (op) edits.push({ at: op.start, end: op.end, text: '' });
  };
  for (const span of run.inner) {
    if (span.close < run.close && (span.tag === 'ReversedChars' || span.actualText !== undefined)) {
      remove(span.open);
      remove(span.close);
    }
  }
  for (let i = run.open + 1; i < run.close; i++) {
    const op = operations[i]!;
    const name = op.operands[0];
    if (op.operator !== 'Tf' || name?.type !== 'name') continue;
    muted.add(name.value);
    // The name is the operation's first token: `/F5 11.33 Tf`.
    let end = op.start + 1;
    while (end < op.end && !/[\s/\[\]<>(){}%]/.test(String.fromCharCode(data[end]!))) end++;
    edits.push({ at: op.start, end, text: `/${escapeName(muteName(name.value))}` });
  }
  const bt = operations[run.open]!;
  const et = operations[run.close]!;
  edits.push({ at: bt.start, end: bt.start, text: '/Span <</ActualText ()>> BDC\n' });
  edits.push({ at: et.end, end: et.end, text: '\nEMC' });
}

const escapeName = (name: string) => name.replace(/[^!-~]|[#()<>[\]{}/%]/g, (c) => `#${c.charCodeAt(0).toString(16).padStart(2, '0')}`);

/** The content for one line of the layer, tagged as content of its block when the page is tagged. */
function layerLine(line: TextLine, rtl: boolean, ctm: Matrix, structure: PageStructure, encoding: LayerEncoding): string {
  const cells = layerCells(line, rtl).filter((cell) => Number.isFinite(cell.left) && Number.isFinite(cell.right));
  const inverse = invert(ctm);
  const size = line.size;
  if (!(size > 0) || cells.length === 0) return '';
  let body = `BT\n3 Tr\n/${LAYER_FONT} ${num(size)} Tf\n`;
  for (const cell of cells) {
    const drawn = [...cell.text.trimEnd()].reduce((n, c) => n + layerWidth(c), 0) / 1000;
    const fit = (100 * (cell.right - cell.left)) / (drawn * size);
    const scale = drawn > 0 && Number.isFinite(fit) ? fit : 100;
    const tm = multiply([1, 0, 0, 1, cell.left, line.baseline], inverse);
    body += `${num(Math.min(Math.max(scale, 1), 10000))} Tz\n${tm.map(num).join(' ')} Tm\n<${encoding.encode(cell.text)}> Tj\n`;
  }
  body += 'ET\n';
  const mcids = line.runs.flatMap((run) => (run.tagged?.mcid !== undefined ? [run.tagged.mcid] : []));
  const block = structure.tagged ? structure.blockOf(mcids) : undefined;
  if (!block) return `\nq\n${body}Q\n`;
  const mcid = structure.append(block);
  return `\n/${escapeName(structure.type(block))} <</MCID ${mcid}>> BDC\nq\n${body}Q\nEMC\n`;
}

function invert(m: Matrix): Matrix {
  const det = m[0] * m[3] - m[1] * m[2] || 1;
  return [m[3] / det, -m[1] / det, -m[2] / det, m[0] / det, (m[2] * m[5] - m[3] * m[4]) / det, (m[1] * m[4] - m[0] * m[5]) / det];
}

/** A number for a content stream: at most 4 decimals, no exponent, no "-0". */
function num(n: number): string {
  const rounded = Math.round(n * 10_000) / 10_000;
  return Object.is(rounded, -0) || rounded === 0 ? '0' : String(rounded);
}

function applyEdits(data: Uint8Array, edits: Edit[]): Uint8Array {
  const sorted = [...edits].sort((a, b) => a.at - b.at || a.end - b.end);
  const parts: Buffer[] = [];
  let at = 0;
  for (const edit of sorted) {
    parts.push(Buffer.from(data.subarray(at, edit.at)), Buffer.from(edit.text, 'latin1'));
    at = Math.max(at, edit.end);
  }
  parts.push(Buffer.from(data.subarray(at)));
  return new Uint8Array(Buffer.concat(parts));
}

function pageContent(doc: PDFDocument, page: PDFPage): Uint8Array {
  const contents = page.node.get(PDFName.of('Contents'));
  const resolved = contents instanceof PDFRef ? doc.context.lookup(contents) : contents;
  const streams = resolved instanceof PDFArray ? resolved.asArray().map((ref) => doc.context.lookup(ref)) : [resolved];
  const parts = streams.filter((s): s is PDFRawStream => s instanceof PDFRawStream).map((s) => Buffer.from(decodeStream(s)));
  // Separate streams of one page are one content stream split anywhere between tokens.
  return new Uint8Array(Buffer.concat(parts.flatMap((p, i) => (i ? [Buffer.from('\n'), p] : [p]))));
}

function fontResources(doc: PDFDocument, page: PDFPage): PDFDict {
  const resources = page.node.Resources() ?? doc.context.obj({});
  if (!page.node.Resources()) page.node.set(PDFName.of('Resources'), resources);
  let fonts = lookup(doc.context, resources.get(PDFName.of('Font')), PDFDict);
  if (!fonts) {
    fonts = doc.context.obj({});
    resources.set(PDFName.of('Font'), fonts);
  }
  return fonts;
}

/** A copy of a font whose ToUnicode map gives each code it draws a zero width space (pdf.js drops those). */
function muteFont(doc: PDFDocument, font: PDFDict, used: ReadonlySet<number>): PDFRef {
  const copy = font.clone(doc.context);
  const twoBytes = copy.get(PDFName.of('Subtype')) === PDFName.of('Type0');
  const hex = (n: number) => n.toString(16).padStart(twoBytes ? 4 : 2, '0').toUpperCase();
  const lines = [...used].sort((a, b) => a - b).map((code) => `<${hex(code)}> <200B>`);
  const blocks: string[] = [];
  for (let i = 0; i < lines.length; i += 100) blocks.push(`${Math.min(100, lines.length - i)} beginbfchar\n${lines.slice(i, i + 100).join('\n')}\nendbfchar`);
  const space = twoBytes ? '<0000> <FFFF>' : '<00> <FF>';
  const map = cmap('ClarionMute', blocks).replace('<0000> <FFFF>', space);
  copy.set(PDFName.of('ToUnicode'), doc.context.register(doc.context.flateStream(new TextEncoder().encode(map))));
  return doc.context.register(copy);
}

