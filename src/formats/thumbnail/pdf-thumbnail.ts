/**
 * A small PNG of a PDF's first page, for the newsroom index: rendered from the PDF itself with
 * pdf.js (its fonts drawn from the file, never from the machine), so it shows what was printed.
 * The same PDF gives the same bytes.
 *
 * pdf.js runs in this thread (its "fake worker": builds run it on the thumbnail worker, see
 * draw-thumbnail.ts). Its worker half is loaded with this module, not at the first thumbnail.
 * Thumbnails are drawn one at a time, in the order their PDFs were printed: drawn side by side in
 * one thread they would all finish late together, each holding its document and canvas.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { limiter } from '../../util/limiter.ts';

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= pdfWorker;

/** Width of the thumbnail in pixels (the height follows the page). */
export const THUMBNAIL_WIDTH = 240;

interface CanvasAndContext {
  canvas: { toBuffer(type: 'image/png'): Buffer };
  context: unknown;
}

interface CanvasFactory {
  create(width: number, height: number): CanvasAndContext;
  destroy(canvasAndContext: CanvasAndContext): void;
}

const oneAtATime = limiter(1);

export function pdfThumbnail(pdf: Uint8Array): Promise<{ png: Uint8Array; width: number; height: number }> {
  return oneAtATime(() => draw(pdf));
}

async function draw(pdf: Uint8Array): Promise<{ png: Uint8Array; width: number; height: number }> {
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0, disableFontFace: true }).promise;
  try {
    const page = await doc.getPage(1);
    const scale = THUMBNAIL_WIDTH / page.getViewport({ scale: 1 }).width;
    const viewport = page.getViewport({ scale });
    const width = Math.round(viewport.width);
    const height = Math.round(viewport.height);
    const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
    const drawn = factory.create(width, height);
    try {
      await page.render({ canvasContext: drawn.context as never, viewport, canvas: drawn.canvas as never }).promise;
      return { png: new Uint8Array(drawn.canvas.toBuffer('image/png')), width, height };
    } finally {
      // The canvas's memory is outside the JavaScript heap, which does not see it grow: free it now.
      factory.destroy(drawn);
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
}
