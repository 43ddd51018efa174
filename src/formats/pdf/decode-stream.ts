/**
 * A PDF stream's decoded bytes. Chromium compresses its streams with FlateDecode alone: those are
 * inflated by zlib, many times faster than pdf-lib's decoder written in JavaScript (which took
 * most of the time spent looking for right-to-left text in a PDF that has none). Any other
 * filter, and data zlib refuses (pdf-lib's decoder is more lenient), go to pdf-lib.
 */
import { inflateSync } from 'node:zlib';
import { PDFName, decodePDFRawStream, type PDFRawStream } from 'pdf-lib';

export function decodeStream(stream: PDFRawStream): Uint8Array {
  if (stream.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode') && !stream.dict.has(PDFName.of('DecodeParms'))) {
    try {
      return inflateSync(stream.contents);
    } catch {
      // Truncated or damaged data: decoded below as far as it goes.
    }
  }
  return decodePDFRawStream(stream).decode();
}
