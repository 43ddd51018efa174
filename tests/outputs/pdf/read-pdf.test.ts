import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../support/read-pdf.ts';

describe('readPdf', () => {
  it('notices a font that is not embedded', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([612, 792]);
    // The standard 14 fonts are referenced by name only: the reader must supply them.
    page.drawText('Not embedded', { font: await doc.embedFont(StandardFonts.Helvetica), x: 72, y: 700 });
    doc.setTitle('Plain');
    const read = await readPdf(await doc.save());

    expect(read.text).toContain('Not embedded');
    expect(read.pages).toEqual([{ width: 612, height: 792, text: 'Not embedded' }]);
    expect(read.info.Title).toBe('Plain');
    expect(read.fontsEmbedded).toBe(false);
    expect(read.tagged).toBe(false);
    expect(read.outline).toEqual([]);
    expect(read.lang).toBeUndefined();
  });
});
