/**
 * The pure parts of the PDF text layer: the content-stream reader, the layer's font, and the
 * simulation of pdf.js's reordering that decides how a line is written (checked against the
 * installed pdf.js's own code, so that a pdf.js that reorders otherwise is noticed).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forReader, readBack, readerDirection, visualOrder } from '../../src/formats/pdf/bidi.ts';
import { parseContent } from '../../src/formats/pdf/content-stream.ts';
import { glyphlessTrueType, LayerEncoding } from '../../src/formats/pdf/layer-font.ts';

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

describe('the content-stream reader', () => {
  it('reads operands of every kind, and where each operation lies', () => {
    const source = 'q 1 0 0 -1 .5 -3. cm BT /F#235 11.33 Tf [<0102> -250 (a\\(b\\)) ] TJ ET /Span <</ActualText <FEFF0627> /MCID 3>> BDC EMC Q';
    const operations = parseContent(bytes(source));
    expect(operations.map((op) => op.operator)).toEqual(['q', 'cm', 'BT', 'Tf', 'TJ', 'ET', 'BDC', 'EMC', 'Q']);
    expect(operations[1]!.operands).toEqual([1, 0, 0, -1, 0.5, -3].map((value) => ({ type: 'number', value })));
    expect(operations[3]!.operands[0]).toEqual({ type: 'name', value: 'F#5' });
    const array = operations[4]!.operands[0];
    expect(array).toEqual({ type: 'array', items: [{ type: 'string', bytes: new Uint8Array([1, 2]) }, { type: 'number', value: -250 }, { type: 'string', bytes: bytes('a(b)') }] });
    const dict = operations[6]!.operands[1];
    expect(dict?.type === 'dict' && dict.entries.get('MCID')).toEqual({ type: 'number', value: 3 });
    for (const op of operations) expect(source.slice(op.start, op.end).endsWith(op.operator)).toBe(true);
    expect(source.slice(operations[3]!.start, operations[3]!.end)).toBe('/F#235 11.33 Tf');
  });

  it('skips an inline image whatever its data holds', () => {
    const operations = parseContent(bytes('BI /W 1 /H 1 /BPC 8 /CS /G ID \u00ff) ]EI x EI Q'));
    expect(operations.map((op) => op.operator)).toEqual(['BI', 'Q']);
  });
});

describe("the layer's font", () => {
  it('is a TrueType font whose checksums hold', () => {
    const font = Buffer.from(glyphlessTrueType());
    const tables = font.readUInt16BE(4);
    let sum = 0;
    for (let i = 0; i + 4 <= font.length; i += 4) sum = (sum + font.readUInt32BE(i)) >>> 0;
    expect(sum).toBe(0xb1b0afba);
    const tags = Array.from({ length: tables }, (_, i) => font.toString('latin1', 12 + i * 16, 16 + i * 16));
    expect(tags).toEqual([...tags].sort());
    expect(tags).toEqual(expect.arrayContaining(['cmap', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'name', 'post']));
  });

  it('maps each code it gives out to its character, astral ones included, the same way every time', () => {
    const encode = () => {
      const encoding = new LayerEncoding();
      return { hex: encoding.encode('ab پ 😀'), cmap: encoding.toUnicode(), widths: encoding.widths() };
    };
    const { hex, cmap, widths } = encode();
    expect(hex).toBe('006100620020067e0020d800');
    expect(cmap).toContain('<067E> <067E>');
    expect(cmap).toContain('<D800> <D83DDE00>');
    expect(widths).toEqual([[0x20, 80]]);
    expect(encode()).toEqual({ hex, cmap, widths });
  });
});

/** pdf.js's own bidi() (src/core/bidi.js), taken from the installed pdf.js worker. */
function pdfjsBidi(): (text: string) => { str: string } {
  const worker = readFileSync(createRequire(import.meta.url).resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'), 'utf8');
  const start = worker.indexOf('const baseTypes = [');
  const begin = worker.indexOf('function bidi(str', start);
  const end = worker.indexOf('\n}\n', begin);
  expect(start >= 0 && begin > start && end > begin, "pdf.js's bidi() is not where it was: read src/core/bidi.js of the new pdf.js and compare it with src/formats/pdf/bidi.ts").toBe(true);
  const code = `${worker.slice(start, begin).replace(/\bwarn\(/g, '(() => {})(')}${worker.slice(begin, end + 2)}\nreturn bidi;`;
  return new Function(code)() as (text: string) => { str: string };
}

describe("pdf.js's reordering, as the layer writes for it", () => {
  const bidi = pdfjsBidi();
  const alphabet = ['a', 'Z', 'é', ' ', '1', '2', '.', ',', ':', '-', '(', ')', '<', '«', '’', '…', '—', 'ا', 'ل', 'ع', 'ن', 'َ', '٠', '،', '۱', 'א', 'ی', 'ے', '+', '%', '#', '/'];

  it("is pdf.js's own, quirks included", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(readBack(text)).toBe(bidi(text).str);
      }),
      { numRuns: 3000, seed: 20261206 },
    );
  });

  it('guesses a direction as pdf.js does, and what it is given for a line reads back as the line', () => {
    expect(readerDirection('Kotli مسجد Zürich Rabwah Genève')).toBe('ltr');
    expect(readerDirection('احمدیوں کے خلاف تشدد جاری، 2023ء')).toBe('rtl');
    for (const line of ['احمدیوں کے خلاف تشدد جاری، 2023ء میں', 'Kotli مسجد Zürich', 'الحرية…11 agir› !12', 'PLD 2014 SC 699 میں']) {
      expect(bidi(forReader(line)).str).toBe(line);
    }
    expect(visualOrder('مسجد 40', true)).toBe('40 دجسم');
  });
});
