/**
 * Thumbnails are drawn on a worker thread, which a fresh one replaces after a number of
 * thumbnails (draw-thumbnail.ts): the bytes are those drawn in this thread, whichever worker drew
 * them, and every thumbnail asked for comes back.
 */
import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { drawThumbnail, retireThumbnailWorker, thumbnailWorkers } from '../../src/formats/thumbnail/draw-thumbnail.ts';
import { pdfThumbnail } from '../../src/formats/thumbnail/pdf-thumbnail.ts';

async function onePagePdf(words: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  page.drawRectangle({ x: 50, y: 700, width: 495, height: 80, color: rgb(0.1, 0.2, 0.5) });
  page.drawText(words, { x: 60, y: 650, size: 24, font });
  return doc.save({ useObjectStreams: false });
}

describe('the thumbnail worker', () => {
  const perWorker = thumbnailWorkers.perWorker;
  afterAll(() => {
    thumbnailWorkers.perWorker = perWorker;
  });

  it('draws the bytes this thread draws, and hands over to a fresh worker after its share', async () => {
    const pdfs = await Promise.all(['First release', 'Second release', 'Third release'].map(onePagePdf));
    const here = await Promise.all(pdfs.map(async (pdf) => (await pdfThumbnail(pdf)).png));
    retireThumbnailWorker();
    thumbnailWorkers.perWorker = 2;
    const before = thumbnailWorkers.started;
    const drawn = await Promise.all(pdfs.map((pdf) => drawThumbnail(pdf)));
    expect(drawn.map((png) => Buffer.from(png).toString('base64'))).toEqual(here.map((png) => Buffer.from(png).toString('base64')));
    // Distinct pages give distinct thumbnails: the comparison above cannot pass by accident.
    expect(new Set(here.map((png) => Buffer.from(png).toString('base64'))).size).toBe(3);
    // Three thumbnails, two a worker: two workers.
    expect(thumbnailWorkers.started - before).toBe(2);
  });
});
