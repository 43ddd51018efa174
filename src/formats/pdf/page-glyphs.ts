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
const PATH = new Set(['m', 'l', 'c', 'v', 'y', 'h']);

/** The glyphs and marked content of a page's operations, with the fonts of its resources. */
export function pageText(operations: readonly Operation[], fonts: ReadonlyMap<string, FontInfo>): PageText {
  const reader = new Interpreter(operations.length, fonts);
  operations.forEach((operation, index) => reader.step(operation, index));
  return reader.result;
}

class Interpreter {
  readonly result: PageText = { glyphs: [], spans: [], textObjects: [], ctm: [] };
  private readonly open: MarkedSpan[] = [];
  private readonly saved: { ctm: Matrix; text: TextState; clip: Box | undefined }[] = [];
  private ctm: Matrix = IDENTITY;
  private text: TextState = { charSpacing: 0, wordSpacing: 0, scale: 1, leading: 0, size: 0, rise: 0 };
  private tm: Matrix = IDENTITY;
  private tlm: Matrix = IDENTITY;
  /** The text matrix last set with Tm. */
  private origin: Matrix = IDENTITY;
  // The clipping area when it is a rectangle (undefined: the whole page, or a shape this does not follow).
  private clip: Box | undefined;
  private path: Box | undefined | null = null;
  private clipping = false;

  constructor(
    private readonly count: number,
    private readonly fonts: ReadonlyMap<string, FontInfo>,
  ) {}

  step({ operator, operands }: Operation, index: number): void {
    this.result.ctm.push(this.ctm);
    const n = numbers(operands);
    if (this.graphics(operator, n) || this.textState(operator, operands, n) || this.positioning(operator, n)) return;
    if (this.showing(operator, operands, n, index)) return;
    this.marked(operator, operands, index);
  }

  private graphics(operator: string, n: number[]): boolean {
    switch (operator) {
      case 'q':
        this.saved.push({ ctm: this.ctm, text: { ...this.text }, clip: this.clip });
        return true;
      case 'Q': {
        const state = this.saved.pop();
        if (state) ({ ctm: this.ctm, text: this.text, clip: this.clip } = state);
        return true;
      }
      case 'cm':
        this.ctm = multiply(n as Matrix, this.ctm);
        return true;
      case 're': {
        const [x = 0, y = 0, w = 0, h = 0] = n;
        const corners = [apply(this.ctm, x, y), apply(this.ctm, x + w, y + h)];
        const box: Box = [Math.min(corners[0]![0], corners[1]![0]), Math.min(corners[0]![1], corners[1]![1]), Math.max(corners[0]![0], corners[1]![0]), Math.max(corners[0]![1], corners[1]![1])];
        // Only a path of one upright rectangle is followed.
        this.path = this.path === null && this.ctm[1] === 0 && this.ctm[2] === 0 ? box : undefined;
        return true;
      }
      case 'W':
      case 'W*':
        this.clipping = true;
        return true;
    }
    if (PATH.has(operator)) {
      this.path = undefined;
      return true;
    }
    if (!PAINTING.has(operator)) return false;
    // A clip of another shape keeps the rectangle known so far: a glyph is never taken for clipped wrongly.
    if (this.clipping && this.path) this.clip = intersect(this.clip, this.path);
    this.path = null;
    this.clipping = false;
    return true;
  }

  private textState(operator: string, operands: Operand[], n: number[]): boolean {
    const text = this.text;
    switch (operator) {
      case 'Tc':
        text.charSpacing = n[0] ?? 0;
        return true;
      case 'Tw':
        text.wordSpacing = n[0] ?? 0;
        return true;
      case 'Tz':
        text.scale = (n[0] ?? 100) / 100;
        return true;
      case 'TL':
        text.leading = n[0] ?? 0;
        return true;
      case 'Ts':
        text.rise = n[0] ?? 0;
        return true;
      case 'Tf': {
        const name = operands[0];
        text.font = name?.type === 'name' ? this.fonts.get(name.value) : undefined;
        text.size = n[1] ?? 0;
        return true;
      }
    }
    return false;
  }

  private positioning(operator: string, n: number[]): boolean {
    switch (operator) {
      case 'BT':
        this.tm = this.tlm = this.origin = IDENTITY;
        this.result.textObjects.push({ open: this.result.ctm.length - 1, close: this.count });
        return true;
      case 'ET': {
        const last = this.result.textObjects.at(-1);
        if (last && last.close === this.count) last.close = this.result.ctm.length - 1;
        return true;
      }
      case 'Td':
        this.moveLine(n[0] ?? 0, n[1] ?? 0);
        return true;
      case 'TD':
        this.text.leading = -(n[1] ?? 0);
        this.moveLine(n[0] ?? 0, n[1] ?? 0);
        return true;
      case 'Tm':
        this.tm = this.tlm = this.origin = n as Matrix;
        return true;
      case 'T*':
        this.moveLine(0, -this.text.leading);
        return true;
    }
    return false;
  }

  private showing(operator: string, operands: Operand[], n: number[], index: number): boolean {
    const last = operands.at(-1);
    switch (operator) {
      case '"':
        this.text.wordSpacing = n[0] ?? 0;
        this.text.charSpacing = n[1] ?? 0;
      // falls through
      case "'":
        this.moveLine(0, -this.text.leading);
      // falls through
      case 'Tj':
        if (last?.type === 'string') this.show(last.bytes, index);
        return true;
      case 'TJ':
        for (const item of operands[0]?.type === 'array' ? operands[0].items : []) {
          if (item.type === 'string') this.show(item.bytes, index);
          else if (item.type === 'number') this.tm = multiply([1, 0, 0, 1, (-item.value / 1000) * this.text.size * this.text.scale, 0], this.tm);
        }
        return true;
    }
    return false;
  }

  private marked(operator: string, operands: Operand[], index: number): void {
    if (operator === 'EMC') {
      const span = this.open.pop();
      if (span) span.close = index;
      return;
    }
    if (operator !== 'BMC' && operator !== 'BDC') return;
    const tag = operands[0]?.type === 'name' ? operands[0].value : '';
    const props = operands[1]?.type === 'dict' ? operands[1].entries : undefined;
    const span: MarkedSpan = { open: index, close: this.count, tag, depth: this.open.length };
    const mcid = props?.get('MCID');
    if (mcid?.type === 'number') span.mcid = mcid.value;
    const actual = props?.get('ActualText');
    if (actual?.type === 'string') span.actualText = decodeTextString(actual.bytes);
    this.result.spans.push(span);
    this.open.push(span);
  }

  private moveLine(tx: number, ty: number): void {
    this.tlm = multiply([1, 0, 0, 1, tx, ty], this.tlm);
    this.tm = this.tlm;
  }

  private show(bytes: Uint8Array, op: number): void {
    const { text, clip } = this;
    const font = text.font;
    if (!font) return;
    const step = font.codeLength;
    // The origin of the line (Tm) is the same for every glyph of this operation.
    const [originX, originY] = apply(multiply(this.origin, this.ctm), 0, text.rise);
    const m = multiply(this.tm, this.ctm);
    const size = Math.hypot(text.size * m[2], text.size * m[3]);
    const scaleX = text.size * text.scale;
    for (let i = 0; i + step <= bytes.length; i += step) {
      const code = step === 2 ? (bytes[i]! << 8) | bytes[i + 1]! : bytes[i]!;
      const w0 = font.width(code) / 1000;
      // The text rendering matrix [size·scale 0 0 size 0 rise] × Tm × CTM, applied to (0, 0) and (w0, 0).
      const x = text.rise * m[2] + m[4];
      const y = text.rise * m[3] + m[5];
      const clipped = clip !== undefined && (x < clip[0] || x > clip[2] || y < clip[1] || y > clip[3]);
      this.result.glyphs.push({ code, font, x, y, endX: x + w0 * scaleX * m[0], endY: y + w0 * scaleX * m[1], size, originX, originY, clipped, op });
      const tx = (w0 * text.size + text.charSpacing + (step === 1 && code === 32 ? text.wordSpacing : 0)) * text.scale;
      // Tm = [1 0 0 1 tx 0] × Tm: the matrix, and Tm × CTM with it, move along their own x axis.
      this.tm = [this.tm[0], this.tm[1], this.tm[2], this.tm[3], this.tm[4] + tx * this.tm[0], this.tm[5] + tx * this.tm[1]];
      m[4] += tx * m[0];
      m[5] += tx * m[1];
    }
  }
}
