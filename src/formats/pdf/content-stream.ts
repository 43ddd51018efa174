/**
 * A PDF content stream read as operations (operands, then an operator), each with the byte range
 * it came from, so that a rewrite can copy every operation it leaves alone byte for byte.
 * ISO 32000-1 §7.2 (lexical conventions) and §7.8.2 (content streams).
 */

export type Operand =
  | { type: 'number'; value: number }
  | { type: 'name'; value: string }
  | { type: 'string'; bytes: Uint8Array }
  | { type: 'array'; items: Operand[] }
  | { type: 'dict'; entries: Map<string, Operand> }
  | { type: 'keyword'; value: string };

export interface Operation {
  operator: string;
  operands: Operand[];
  /** Byte offsets of the operation, from its first operand to the end of its operator. */
  start: number;
  end: number;
}

// 1: white space, 2: delimiter, 0: regular.
const CLASS = new Uint8Array(256);
for (const byte of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[byte] = 1;
for (const byte of [0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]) CLASS[byte] = 2;
const isWhite = (byte: number) => CLASS[byte] === 1;
const isRegular = (byte: number) => CLASS[byte] === 0;
const HEX = new Int8Array(256).fill(-1);
for (let i = 0; i < 16; i++) HEX['0123456789abcdef'.charCodeAt(i)] = HEX['0123456789ABCDEF'.charCodeAt(i)] = i;

export class ContentSyntaxError extends Error {}

/** Every operation of a content stream, in order. */
export function parseContent(data: Uint8Array): Operation[] {
  const reader = new Reader(data);
  const operations: Operation[] = [];
  let operands: Operand[] = [];
  let start = -1;
  for (;;) {
    reader.skipSpace();
    if (reader.at >= data.length) break;
    if (start < 0) start = reader.at;
    const token = reader.object();
    if (token.type !== 'keyword' || token.value === 'true' || token.value === 'false' || token.value === 'null') {
      operands.push(token);
      continue;
    }
    if (token.value === 'BI') reader.skipInlineImage();
    operations.push({ operator: token.value, operands, start, end: reader.at });
    operands = [];
    start = -1;
  }
  if (operands.length) throw new ContentSyntaxError('operands without an operator at the end of the content stream');
  return operations;
}

class Reader {
  at = 0;
  constructor(private readonly data: Uint8Array) {}

  skipSpace(): void {
    const { data } = this;
    while (this.at < data.length) {
      const byte = data[this.at]!;
      if (isWhite(byte)) this.at++;
      else if (byte === 0x25) while (this.at < data.length && data[this.at] !== 0x0a && data[this.at] !== 0x0d) this.at++;
      else break;
    }
  }

  object(): Operand {
    const { data } = this;
    const byte = data[this.at]!;
    if (byte === 0x2f) return { type: 'name', value: this.name() };
    if (byte === 0x28) return { type: 'string', bytes: this.literal() };
    if (byte === 0x3c && data[this.at + 1] === 0x3c) return this.dict();
    if (byte === 0x3c) return { type: 'string', bytes: this.hex() };
    if (byte === 0x5b) return this.array();
    const begin = this.at;
    while (this.at < data.length && isRegular(data[this.at]!)) this.at++;
    if (this.at === begin) throw new ContentSyntaxError(`unexpected "${String.fromCharCode(byte)}" at byte ${begin}`);
    const value = number(data, begin, this.at);
    if (value !== undefined) return { type: 'number', value };
    return { type: 'keyword', value: String.fromCharCode(...data.subarray(begin, this.at)) };
  }

  private name(): string {
    const { data } = this;
    const begin = ++this.at;
    while (this.at < data.length && isRegular(data[this.at]!)) this.at++;
    return latin1(data.subarray(begin, this.at)).replace(/#([0-9a-fA-F]{2})/g, (_all, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }

  private literal(): Uint8Array {
    const { data } = this;
    const out: number[] = [];
    let depth = 0;
    this.at++;
    while (this.at < data.length) {
      const byte = data[this.at++]!;
      if (byte === 0x5c) {
        const next = data[this.at++]!;
        const escaped: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c };
        if (next >= 0x30 && next <= 0x37) {
          let octal = next - 0x30;
          for (let i = 0; i < 2 && data[this.at]! >= 0x30 && data[this.at]! <= 0x37; i++) octal = octal * 8 + data[this.at++]! - 0x30;
          out.push(octal & 0xff);
        } else if (next === 0x0d) {
          if (data[this.at] === 0x0a) this.at++;
        } else if (next !== 0x0a) {
          out.push(escaped[next] ?? next);
        }
      } else if (byte === 0x28) {
        depth++;
        out.push(byte);
      } else if (byte === 0x29) {
        if (depth-- === 0) return new Uint8Array(out);
        out.push(byte);
      } else {
        out.push(byte);
      }
    }
    throw new ContentSyntaxError('a string is not closed');
  }

  private hex(): Uint8Array {
    const { data } = this;
    const end = data.indexOf(0x3e, this.at);
    if (end < 0) throw new ContentSyntaxError('a hexadecimal string is not closed');
    const out = new Uint8Array((end - this.at) >> 1);
    let n = 0;
    let high = -1;
    for (let i = this.at + 1; i < end; i++) {
      const digit = HEX[data[i]!]!;
      if (digit < 0) continue;
      if (high < 0) high = digit;
      else {
        out[n++] = (high << 4) | digit;
        high = -1;
      }
    }
    if (high >= 0) out[n++] = high << 4;
    this.at = end + 1;
    return out.subarray(0, n);
  }

  private array(): Operand {
    const items: Operand[] = [];
    this.at++;
    for (;;) {
      this.skipSpace();
      if (this.at >= this.data.length) throw new ContentSyntaxError('an array is not closed');
      if (this.data[this.at] === 0x5d) {
        this.at++;
        return { type: 'array', items };
      }
      items.push(this.object());
    }
  }

  private dict(): Operand {
    const entries = new Map<string, Operand>();
    this.at += 2;
    for (;;) {
      this.skipSpace();
      if (this.at >= this.data.length) throw new ContentSyntaxError('a dictionary is not closed');
      if (this.data[this.at] === 0x3e && this.data[this.at + 1] === 0x3e) {
        this.at += 2;
        return { type: 'dict', entries };
      }
      const key = this.object();
      if (key.type !== 'name') throw new ContentSyntaxError(`a dictionary key is not a name at byte ${this.at}`);
      this.skipSpace();
      entries.set(key.value, this.object());
    }
  }

  /** An inline image's data (after ID) may hold any bytes: it ends at the first EI between white space. */
  skipInlineImage(): void {
    const { data } = this;
    const id = findKeyword(data, 'ID', this.at);
    if (id < 0) throw new ContentSyntaxError('an inline image has no data');
    for (let i = id + 3; i + 1 < data.length; i++) {
      if (data[i] === 0x45 && data[i + 1] === 0x49 && isWhite(data[i - 1]!) && (i + 2 >= data.length || isWhite(data[i + 2]!))) {
        this.at = i + 2;
        return;
      }
    }
    throw new ContentSyntaxError('an inline image is not closed');
  }
}

/** The number a token spells (`12`, `-.5`, `3.`), or undefined. */
function number(data: Uint8Array, begin: number, end: number): number | undefined {
  let i = begin;
  let sign = 1;
  if (data[i] === 0x2b || data[i] === 0x2d) sign = data[i++] === 0x2d ? -1 : 1;
  let value = 0;
  let digits = 0;
  let scale = 0;
  for (; i < end; i++) {
    const byte = data[i]!;
    if (byte >= 0x30 && byte <= 0x39) {
      value = value * 10 + byte - 0x30;
      digits++;
      if (scale) scale *= 10;
    } else if (byte === 0x2e && !scale) {
      scale = 1;
    } else {
      return undefined;
    }
  }
  if (!digits) return undefined;
  return (sign * value) / (scale || 1);
}

function findKeyword(data: Uint8Array, word: string, from: number): number {
  for (let i = from; i + word.length <= data.length; i++) {
    if ((i === 0 || !isRegular(data[i - 1]!)) && latin1(data.subarray(i, i + word.length)) === word && (i + word.length === data.length || !isRegular(data[i + word.length]!))) return i;
  }
  return -1;
}

export function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}
