/**
 * Every glyph a page shows, where it shows it, and the marked content around it: what the text
 * layer is placed from. A small interpreter of the graphics and text state (ISO 32000-1 §8.4,
 * §9.3, §9.4, §14.6), enough for the content streams Chromium writes and any other well-formed one.
 */
import type { Operand, Operation } from './content-stream.ts';
import type { FontInfo } from './fonts.ts';

export type Matrix = [number, number, number, number, number, number];

export interface Glyph {
  code: number;
  font: FontInfo;
  /** The glyph's origin and the end of its advance, in the page's default user space. */
  x: number;
  y: number;
  endX: number;
  endY: number;
  /** The font size in user space (the height of 1 em). */
  size: number;
  /** Where the text matrix last set (Tm) puts its origin, in user space: Chromium sets it at the start of each line, on the baseline. */
  originX: number;
  originY: number;
  /** Its origin lies outside the clipping rectangle (Chromium paints the parts of a line cut by a page break on both pages, clipped). */
  clipped: boolean;
  /** Index of the operation that shows it. */
  op: number;
}

export interface MarkedSpan {
  /** Index of the BMC/BDC operation and of its EMC (operations.length when never closed). */
  open: number;
  close: number;
  tag: string;
  mcid?: number;
  /** The span's ActualText, when it has one. */
  actualText?: string;
  depth: number;
}

export interface PageText {
  glyphs: Glyph[];
  spans: MarkedSpan[];
  /** For each BT, the index of its ET. */
  textObjects: { open: number; close: number }[];
  /** The current transformation matrix before each operation. */
  ctm: Matrix[];
}

export const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
export const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function intersect(a: Box | undefined, b: Box): Box {
  if (!a) return b;
  return [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
}

/** A PDF text string: UTF-16BE after a byte order mark, else (close enough here) Latin-1. */
export function decodeTextString(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let out = '';
    for (let i = 2; i + 1 < bytes.length; i += 2) out += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
    return out;
  }
  return String.fromCharCode(...bytes);
}

const numbers = (operands: Operand[]) => operands.map((o) => (o.type === 'number' ? o.value : 0));

interface TextState {
  charSpacing: number;
  wordSpacing: number;
  scale: number;
  leading: number;
  font?: FontInfo;
  size: number;
  rise: number;
}

/** An axis-aligned rectangle in user space: left, bottom, right, top. */
type Box = [number, number, number, number];

const PAINTING = new Set(['n', 'f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*']);

/** The glyphs and marked content of a page's operations, with the fonts of its resources. */
export function pageText(operations: readonly Operation[], fonts: ReadonlyMap<string, FontInfo>): PageText {
  const glyphs: Glyph[] = [];
  const spans: MarkedSpan[] = [];
  const textObjects: PageText['textObjects'] = [];
  const ctms: Matrix[] = [];
  const open: MarkedSpan[] = [];
  const saved: { ctm: Matrix; text: TextState; clip: Box | undefined }[] = [];
  let ctm: Matrix = IDENTITY;
  // The clipping area when it is a rectangle (undefined: the whole page, or a shape this does not follow).
  let clip: Box | undefined;
  let path: Box | undefined | null = null;
  let clipping = false;
  let text: TextState = { charSpacing: 0, wordSpacing: 0, scale: 1, leading: 0, size: 0, rise: 0 };
  let tm: Matrix = IDENTITY;
  let tlm: Matrix = IDENTITY;
  let origin: Matrix = IDENTITY;

  const moveLine = (tx: number, ty: number) => {
    tlm = multiply([1, 0, 0, 1, tx, ty], tlm);
    tm = tlm;
  };
  const show = (bytes: Uint8Array, op: number) => {
    const font = text.font;
    if (!font) return;
    const step = font.codeLength;
    // The origin of the line (Tm) is the same for every glyph of this operation.
    const [originX, originY] = apply(multiply(origin, ctm), 0, text.rise);
    const m = multiply(tm, ctm);
    const size = Math.hypot(text.size * m[2], text.size * m[3]);
    const scaleX = text.size * text.scale;
    for (let i = 0; i + step <= bytes.length; i += step) {
      const code = step === 2 ? (bytes[i]! << 8) | bytes[i + 1]! : bytes[i]!;
      const w0 = font.width(code) / 1000;
      // The text rendering matrix [size·scale 0 0 size 0 rise] × Tm × CTM, applied to (0, 0) and (w0, 0).
      const x = text.rise * m[2] + m[4];
      const y = text.rise * m[3] + m[5];
      const endX = x + w0 * scaleX * m[0];
      const endY = y + w0 * scaleX * m[1];
      const clipped = clip !== undefined && (x < clip[0] || x > clip[2] || y < clip[1] || y > clip[3]);
      glyphs.push({ code, font, x, y, endX, endY, size, originX, originY, clipped, op });
      const tx = (w0 * text.size + text.charSpacing + (step === 1 && code === 32 ? text.wordSpacing : 0)) * text.scale;
      // Tm = [1 0 0 1 tx 0] × Tm, and so (Tm × CTM) moves along its own x axis.
      tm = [tm[0], tm[1], tm[2], tm[3], tm[4] + tx * tm[0], tm[5] + tx * tm[1]];
      m[4] += tx * m[0];
      m[5] += tx * m[1];
    }
  };

  operations.forEach(({ operator, operands }, index) => {
    ctms.push(ctm);
    const n = numbers(operands);
    switch (operator) {
      case 'q':
        saved.push({ ctm, text: { ...text }, clip });
        break;
      case 'Q': {
        const state = saved.pop();
        if (state) ({ ctm, text, clip } = state);
        break;
      }
      case 're': {
        const [x = 0, y = 0, w = 0, h = 0] = n;
        const corners = [apply(ctm, x, y), apply(ctm, x + w, y), apply(ctm, x, y + h), apply(ctm, x + w, y + h)];
        const box: Box = [Math.min(...corners.map((c) => c[0])), Math.min(...corners.map((c) => c[1])), Math.max(...corners.map((c) => c[0])), Math.max(...corners.map((c) => c[1]))];
        // Only a path of one upright rectangle is followed.
        path = path === null && ctm[1] === 0 && ctm[2] === 0 ? box : undefined;
        break;
      }
      case 'm':
      case 'l':
      case 'c':
      case 'v':
      case 'y':
      case 'h':
        path = undefined;
        break;
      case 'W':
      case 'W*':
        clipping = true;
        break;
      case 'cm':
        ctm = multiply(n as Matrix, ctm);
        break;
      default:
        if (PAINTING.has(operator)) {
          // A clip of another shape keeps the rectangle known so far: a glyph is never taken for clipped wrongly.
          if (clipping && path) clip = intersect(clip, path);
          path = null;
          clipping = false;
        }
        break;
      case 'BT':
        tm = tlm = origin = IDENTITY;
        textObjects.push({ open: index, close: operations.length });
        break;
      case 'ET': {
        const last = textObjects.at(-1);
        if (last && last.close === operations.length) last.close = index;
        break;
      }
      case 'Tc':
        text.charSpacing = n[0] ?? 0;
        break;
      case 'Tw':
        text.wordSpacing = n[0] ?? 0;
        break;
      case 'Tz':
        text.scale = (n[0] ?? 100) / 100;
        break;
      case 'TL':
        text.leading = n[0] ?? 0;
        break;
      case 'Ts':
        text.rise = n[0] ?? 0;
        break;
      case 'Tf': {
        const name = operands[0];
        text.font = name?.type === 'name' ? fonts.get(name.value) : undefined;
        text.size = n[1] ?? 0;
        break;
      }
      case 'Td':
        moveLine(n[0] ?? 0, n[1] ?? 0);
        break;
      case 'TD':
        text.leading = -(n[1] ?? 0);
        moveLine(n[0] ?? 0, n[1] ?? 0);
        break;
      case 'Tm':
        tm = tlm = origin = n as Matrix;
        break;
      case 'T*':
        moveLine(0, -text.leading);
        break;
      case "'":
      case '"': {
        if (operator === '"') {
          text.wordSpacing = n[0] ?? 0;
          text.charSpacing = n[1] ?? 0;
        }
        moveLine(0, -text.leading);
        const string = operands.at(-1);
        if (string?.type === 'string') show(string.bytes, index);
        break;
      }
      case 'Tj': {
        const string = operands[0];
        if (string?.type === 'string') show(string.bytes, index);
        break;
      }
      case 'TJ': {
        const array = operands[0];
        for (const item of array?.type === 'array' ? array.items : []) {
          if (item.type === 'string') show(item.bytes, index);
          else if (item.type === 'number') tm = multiply([1, 0, 0, 1, (-item.value / 1000) * text.size * text.scale, 0], tm);
        }
        break;
      }
      case 'BMC':
      case 'BDC': {
        const tag = operands[0]?.type === 'name' ? operands[0].value : '';
        const props = operands[1]?.type === 'dict' ? operands[1].entries : undefined;
        const mcid = props?.get('MCID');
        const span: MarkedSpan = { open: index, close: operations.length, tag, depth: open.length };
        if (mcid?.type === 'number') span.mcid = mcid.value;
        const actual = props?.get('ActualText');
        if (actual?.type === 'string') span.actualText = decodeTextString(actual.bytes);
        spans.push(span);
        open.push(span);
        break;
      }
      case 'EMC': {
        const span = open.pop();
        if (span) span.close = index;
        break;
      }
    }
  });
  return { glyphs, spans, textObjects, ctm: ctms };
}
