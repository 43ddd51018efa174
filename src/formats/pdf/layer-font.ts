/**
 * The font of the invisible text layer: a TrueType font with one empty glyph, every character code
 * drawn with it, and a ToUnicode map that gives each code its character (the approach of the
 * invisible text that OCR tools put under scanned pages, Tesseract's "GlyphLessFont"). Text in
 * it is never painted (rendering mode 3), so it needs no outlines; it is embedded all the same,
 * as PDF/A and PDF/UA ask, and never uses .notdef. Codes are UTF-16 code units, except those of
 * characters beyond the Basic Multilingual Plane, which take codes in the surrogate range in order
 * of first use. Built the same way every time: no clock, no random subset tag.
 */
import { PDFDict, PDFName, PDFString, type PDFContext, type PDFRef } from 'pdf-lib';

export const LAYER_FONT_NAME = 'ClarionTextLayer';
/** Advance of every glyph, in thousandths of the font size. */
export const LAYER_GLYPH_WIDTH = 500;

/** Advance of a character of the layer in thousandths of the font size: marks, format characters and spaces take little or none. */
const widths = new Map<string, number>();

export function layerWidth(char: string): number {
  let width = widths.get(char);
  if (width === undefined) widths.set(char, (width = measure(char)));
  return width;
}

function measure(char: string): number {
  if (/\p{Mn}|\p{Me}|\p{Cf}/u.test(char)) return 0;
  if (/\s/u.test(char)) return SPACE_WIDTH;
  return LAYER_GLYPH_WIDTH;
}

/**
 * A space is a narrow gap: enough for pdftotext to part the words (it wants 3% of the size), not so
 * much that pdf.js adds a space of its own after a mark that starts the next word (10%).
 */
export const SPACE_WIDTH = 80;

/** Codes for the characters of the layer: one per UTF-16 code unit of the BMP, private ones above it. */
export class LayerEncoding {
  private readonly astral = new Map<string, number>();
  private readonly used = new Map<number, string>();

  /** The 2-byte codes of a string, as a hex string for a content stream. */
  encode(text: string): string {
    let hex = '';
    for (const char of text) {
      const point = char.codePointAt(0)!;
      let code = point;
      if (point > 0xffff || (point >= 0xd800 && point <= 0xdfff)) {
        code = this.astral.get(char) ?? Math.min(0xd800 + this.astral.size, 0xdfff);
        this.astral.set(char, code);
      }
      this.used.set(code, char);
      hex += code.toString(16).padStart(4, '0');
    }
    return hex;
  }

  get empty(): boolean {
    return this.used.size === 0;
  }

  /** The W array of the codes given out that are not LAYER_GLYPH_WIDTH wide: `[c [w] c [w] ...]`. */
  widths(): number[][] {
    return [...this.used]
      .filter(([, char]) => layerWidth(char) !== LAYER_GLYPH_WIDTH)
      .sort((a, b) => a[0] - b[0])
      .map(([code, char]) => [code, layerWidth(char)]);
  }

  /** The ToUnicode CMap of every code given out. */
  toUnicode(): string {
    const hex = (n: number) => n.toString(16).padStart(4, '0').toUpperCase();
    const codes = [...this.used].sort((a, b) => a[0] - b[0]);
    const lines = codes.map(([code, char]) => `<${hex(code)}> <${[...Buffer.from(char, 'utf16le').swap16()].map((b) => b.toString(16).padStart(2, '0')).join('').toUpperCase()}>`);
    const blocks: string[] = [];
    for (let i = 0; i < lines.length; i += 100) blocks.push(`${Math.min(100, lines.length - i)} beginbfchar\n${lines.slice(i, i + 100).join('\n')}\nendbfchar`);
    return cmap(`${LAYER_FONT_NAME}-UCS`, blocks);
  }
}

/** A ToUnicode CMap around bfchar/bfrange blocks. */
export function cmap(name: string, blocks: readonly string[]): string {
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    `/CMapName /${name} def`,
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...blocks,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

/** Adds the layer's font to the document; returns the Type0 font dictionary's reference. */
export function embedLayerFont(context: PDFContext, encoding: LayerEncoding): PDFRef {
  const program = glyphlessTrueType();
  const fontFile = context.flateStream(program, { Length1: program.length });
  // Every CID is drawn with glyph 1, the empty one (never .notdef).
  const cidToGid = new Uint8Array(0x20000);
  for (let i = 1; i < cidToGid.length; i += 2) cidToGid[i] = 1;
  const descriptor = context.obj({
    Type: 'FontDescriptor',
    FontName: LAYER_FONT_NAME,
    Flags: 5,
    FontBBox: [0, -200, LAYER_GLYPH_WIDTH, 800],
    ItalicAngle: 0,
    Ascent: 800,
    Descent: -200,
    CapHeight: 700,
    StemV: 80,
    FontFile2: context.register(fontFile),
  });
  const descendant = context.obj({
    Type: 'Font',
    Subtype: 'CIDFontType2',
    BaseFont: LAYER_FONT_NAME,
    CIDSystemInfo: { Supplement: 0 },
    FontDescriptor: context.register(descriptor),
    DW: LAYER_GLYPH_WIDTH,
    W: encoding.widths().flatMap(([code, width]) => [code!, [width!]]),
    CIDToGIDMap: context.register(context.flateStream(cidToGid)),
  });
  // pdf-lib's obj() makes names of JS strings; these two are strings.
  const info = descendant.get(PDFName.of('CIDSystemInfo')) as PDFDict;
  info.set(PDFName.of('Registry'), PDFString.of('Adobe'));
  info.set(PDFName.of('Ordering'), PDFString.of('Identity'));
  const font = context.obj({
    Type: 'Font',
    Subtype: 'Type0',
    BaseFont: LAYER_FONT_NAME,
    Encoding: 'Identity-H',
    DescendantFonts: [context.register(descendant)],
    ToUnicode: context.register(context.flateStream(new TextEncoder().encode(encoding.toUnicode()))),
  });
  return context.register(font);
}

/**
 * A TrueType font of two glyphs, .notdef and an empty one, both LAYER_GLYPH_WIDTH wide on a
 * 1000-unit em, with the tables PDF readers and rasterisers expect.
 */
export function glyphlessTrueType(): Uint8Array {
  const u16 = (...values: number[]) => values.flatMap((v) => [(v >> 8) & 0xff, v & 0xff]);
  const u32 = (...values: number[]) => values.flatMap((v) => [(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff]);
  const name = (() => {
    const records: [number, string][] = [
      [1, LAYER_FONT_NAME],
      [2, 'Regular'],
      [4, LAYER_FONT_NAME],
      [6, LAYER_FONT_NAME],
    ];
    const strings = records.map(([, s]) => [...Buffer.from(s, 'utf16le').swap16()]);
    let offset = 0;
    const header = [...u16(0, records.length, 6 + records.length * 12)];
    records.forEach(([id], i) => {
      header.push(...u16(3, 1, 0x409, id, strings[i]!.length, offset));
      offset += strings[i]!.length;
    });
    return [...header, ...strings.flat()];
  })();
  const tables: Record<string, number[]> = {
    'OS/2': [
      ...u16(1, LAYER_GLYPH_WIDTH, 400, 5, 0, 650, 700, 0, 140, 650, 700, 0, 480, 50, 250, 0),
      ...new Array(10).fill(0),
      ...u32(0, 0, 0, 0),
      ...[0x20, 0x20, 0x20, 0x20],
      ...u16(0x40, 0x20, 0xffff, 800, 0xff38, 0, 800, 200),
      ...u32(1, 0),
    ],
    cmap: [...u16(0, 1, 3, 1), ...u32(12), ...u16(4, 24, 0, 2, 2, 0, 0, 0xffff, 0, 0xffff, 1, 0)],
    glyf: [],
    head: [...u32(0x00010000, 0x00010000, 0, 0x5f0f3cf5), ...u16(0x000b, 1000), ...u32(0, 0, 0, 0), ...u16(0, 0xff38, LAYER_GLYPH_WIDTH, 800, 0, 8, 2, 0, 0)],
    hhea: [...u32(0x00010000), ...u16(800, 0xff38, 0, LAYER_GLYPH_WIDTH, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2)],
    hmtx: u16(LAYER_GLYPH_WIDTH, 0, LAYER_GLYPH_WIDTH, 0),
    loca: u16(0, 0, 0),
    maxp: [...u32(0x00010000), ...u16(2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0)],
    name,
    post: [...u32(0x00030000, 0), ...u16(0xff9c, 50), ...u32(0, 0, 0, 0, 0)],
  };
  const tags = Object.keys(tables).sort();
  const padded = (bytes: number[]) => [...bytes, ...new Array((4 - (bytes.length % 4)) % 4).fill(0)];
  const checksum = (bytes: number[]) => {
    const p = padded(bytes);
    let sum = 0;
    for (let i = 0; i < p.length; i += 4) sum = (sum + ((p[i]! << 24) | (p[i + 1]! << 16) | (p[i + 2]! << 8) | p[i + 3]!)) >>> 0;
    return sum;
  };
  const entrySelector = Math.floor(Math.log2(tags.length));
  const searchRange = 2 ** entrySelector * 16;
  const directory = [...u32(0x00010000), ...u16(tags.length, searchRange, entrySelector, tags.length * 16 - searchRange)];
  let offset = 12 + tags.length * 16;
  const bodies: number[] = [];
  for (const tag of tags) {
    const bytes = tables[tag]!;
    directory.push(...[...tag].map((c) => c.charCodeAt(0)), ...u32(checksum(bytes), offset, bytes.length));
    bodies.push(...padded(bytes));
    offset += padded(bytes).length;
  }
  const font = [...directory, ...bodies];
  // head.checkSumAdjustment makes the whole font sum to 0xB1B0AFBA.
  const headOffset = 12 + tags.length * 16 + tags.slice(0, tags.indexOf('head')).reduce((n, t) => n + padded(tables[t]!).length, 0);
  const adjustment = (0xb1b0afba - checksum(font)) >>> 0;
  font.splice(headOffset + 8, 4, ...u32(adjustment));
  return new Uint8Array(font);
}
