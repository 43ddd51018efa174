/** Decoding a PDF stream: zlib for plain FlateDecode, pdf-lib for the rest, the same bytes either way. */
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream, decodePDFRawStream, type PDFDict } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { decodeStream } from '../../src/formats/pdf/decode-stream.ts';

const text = new TextEncoder().encode('BT /F1 12 Tf 72 712 Td (Every word as written) Tj ET\n'.repeat(50));

async function stream(contents: Uint8Array, dict: Record<string, unknown>): Promise<PDFRawStream> {
  const doc = await PDFDocument.create();
  return PDFRawStream.of(doc.context.obj(dict as never) as unknown as PDFDict, contents);
}

describe('decodeStream', () => {
  it('inflates a FlateDecode stream to the bytes pdf-lib decodes', async () => {
    const s = await stream(deflateSync(text), { Filter: 'FlateDecode' });
    expect(Buffer.from(decodeStream(s)).equals(Buffer.from(text))).toBe(true);
    expect(Buffer.from(decodeStream(s)).equals(Buffer.from(decodePDFRawStream(s).decode()))).toBe(true);
  });

  it('leaves other filters, and data zlib refuses, to pdf-lib', async () => {
    const plain = await stream(text, {});
    expect(Buffer.from(decodeStream(plain)).equals(Buffer.from(text))).toBe(true);
    // Damaged: zlib refuses it, and pdf-lib says what it says of it (as it did before).
    const deflated = deflateSync(text);
    const damaged = await stream(Buffer.concat([deflated.subarray(0, 20), Buffer.alloc(20, 0xff)]), { Filter: 'FlateDecode' });
    expect(damaged.dict.get(PDFName.of('Filter'))).toBe(PDFName.of('FlateDecode'));
    const ours = (() => { try { return Buffer.from(decodeStream(damaged)).toString('hex'); } catch (error) { return `threw ${(error as Error).message}`; } })();
    const theirs = (() => { try { return Buffer.from(decodePDFRawStream(damaged).decode()).toString('hex'); } catch (error) { return `threw ${(error as Error).message}`; } })();
    expect(ours).toBe(theirs);
  });
});
