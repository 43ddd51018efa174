/**
 * What the text layer needs to know of a page's fonts: how many bytes a character code takes, each
 * code's advance width, the font's name, and what its ToUnicode map says each code is.
 */
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFRef, type PDFContext, type PDFObject } from 'pdf-lib';
import { decodeStream } from './decode-stream.ts';
import { latin1 } from './content-stream.ts';

export interface FontInfo {
  /** The resource's name on the page, e.g. `F5`. */
  key: string;
  ref?: PDFRef;
  dict: PDFDict;
  /** BaseFont without its subset tag, e.g. `NotoNastaliqUrdu-Regular`. */
  name: string;
  /** 2 for composite (Type0) fonts, 1 for simple ones. */
  codeLength: 1 | 2;
  /** Advance of a code in thousandths of the font size. */
  width(code: number): number;
  /** What the font's ToUnicode map gives for each code. */
  toUnicode: Map<number, string>;
}

// pdf-lib's classes have private constructors: matched by prototype.
export function lookup<T extends PDFObject>(context: PDFContext, value: PDFObject | undefined, type: { prototype: T }): T | undefined {
  const object = value instanceof PDFRef ? context.lookup(value) : value;
  return object !== undefined && Object.prototype.isPrototypeOf.call(type.prototype, object) ? (object as T) : undefined;
}

const num = (context: PDFContext, value: PDFObject | undefined) => lookup(context, value, PDFNumber)?.asNumber();

/** The fonts of a page's resources, by resource name. */
export function pageFonts(context: PDFContext, resources: PDFDict | undefined): Map<string, FontInfo> {
  const fonts = new Map<string, FontInfo>();
  const dict = lookup(context, resources?.get(PDFName.of('Font')), PDFDict);
  for (const [name, value] of dict?.entries() ?? []) {
    const font = lookup(context, value, PDFDict);
    if (font) fonts.set(name.decodeText(), readFont(context, name.decodeText(), font, value instanceof PDFRef ? value : undefined));
  }
  return fonts;
}

function readFont(context: PDFContext, key: string, dict: PDFDict, ref: PDFRef | undefined): FontInfo {
  const name = String(dict.get(PDFName.of('BaseFont')) ?? '').replace(/^\/([A-Z]{6}\+)?/, '');
  const toUnicode = readToUnicode(context, dict.get(PDFName.of('ToUnicode')));
  if (dict.get(PDFName.of('Subtype')) === PDFName.of('Type0')) {
    const descendant = lookup(context, lookup(context, dict.get(PDFName.of('DescendantFonts')), PDFArray)?.get(0), PDFDict);
    const widths = cidWidths(context, descendant);
    const fallback = num(context, descendant?.get(PDFName.of('DW'))) ?? 1000;
    return { key, ref, dict, name, codeLength: 2, width: (code) => widths.get(code) ?? fallback, toUnicode };
  }
  const first = num(context, dict.get(PDFName.of('FirstChar'))) ?? 0;
  const list = lookup(context, dict.get(PDFName.of('Widths')), PDFArray);
  // Type 3 glyph widths are in glyph space, which FontMatrix maps to text space (usually 1/1000).
  const matrix = lookup(context, dict.get(PDFName.of('FontMatrix')), PDFArray);
  const scale = matrix ? (num(context, matrix.get(0)) ?? 0.001) * 1000 : 1;
  return { key, ref, dict, name, codeLength: 1, width: (code) => (num(context, list?.get(code - first)) ?? 0) * scale, toUnicode };
}

/** The W array of a CIDFont: `c [w1 w2 ...]` and `cfirst clast w` entries. */
function cidWidths(context: PDFContext, descendant: PDFDict | undefined): Map<number, number> {
  const widths = new Map<number, number>();
  const array = lookup(context, descendant?.get(PDFName.of('W')), PDFArray)?.asArray() ?? [];
  for (let i = 0; i < array.length; ) {
    const first = num(context, array[i]) ?? 0;
    const next = lookup(context, array[i + 1], PDFArray);
    if (next) {
      next.asArray().forEach((w, j) => widths.set(first + j, num(context, w) ?? 0));
      i += 2;
    } else {
      const last = num(context, array[i + 1]) ?? first;
      const w = num(context, array[i + 2]) ?? 0;
      for (let code = first; code <= last && code - first < 65536; code++) widths.set(code, w);
      i += 3;
    }
  }
  return widths;
}

/** The bfchar and bfrange entries of a ToUnicode CMap (ISO 32000-1 §9.10.3). */
export function readToUnicode(context: PDFContext, value: PDFObject | undefined): Map<number, string> {
  const map = new Map<number, string>();
  const stream = lookup(context, value, PDFRawStream);
  if (!stream) return map;
  const text = latin1(decodeStream(stream));
  const utf16 = (hex: string) => {
    const units = (hex.match(/.{1,4}/g) ?? []).map((h) => parseInt(h.padEnd(4, '0'), 16));
    return String.fromCharCode(...units);
  };
  for (const [, body] of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, target] of body!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) map.set(parseInt(code!, 16), utf16(target!));
  }
  for (const [, body] of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, rest] of body!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]*>|\[[^\]]*\])/g)) {
      const first = parseInt(lo!, 16);
      const last = Math.min(parseInt(hi!, 16), first + 65535);
      if (rest!.startsWith('[')) {
        [...rest!.matchAll(/<([0-9a-fA-F]*)>/g)].forEach(([, target], i) => first + i <= last && map.set(first + i, utf16(target!)));
      } else {
        const base = rest!.slice(1, -1);
        const start = utf16(base);
        for (let code = first; code <= last; code++) {
          map.set(code, start.slice(0, -1) + String.fromCharCode(start.charCodeAt(start.length - 1) + code - first));
        }
      }
    }
  }
  return map;
}
