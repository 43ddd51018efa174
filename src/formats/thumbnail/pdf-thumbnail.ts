/**
 * A small PNG of a PDF's first page, for the newsroom index: rendered from the PDF itself with
 * pdf.js (its fonts drawn from the file, never from the machine), so it shows what was printed.
 * The same PDF gives the same bytes.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Width of the thumbnail in pixels (the height follows the page). */
export const THUMBNAIL_WIDTH = 240;

interface CanvasFactory {
  create(width: number, height: number): { canvas: { toBuffer(type: 'image/png'): Buffer }; context: unknown };
}

export async function pdfThumbnail(pdf: Uint8Array): Promise<{ png: Uint8Array; width: number; height: number }> {
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0, disableFontFace: true }).promise;
  try {
    const page = await doc.getPage(1);
    const scale = THUMBNAIL_WIDTH / page.getViewport({ scale: 1 }).width;
    const viewport = page.getViewport({ scale });
    const width = Math.round(viewport.width);
    const height = Math.round(viewport.height);
    const { canvas, context } = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory.create(width, height);
    await page.render({ canvasContext: context as never, viewport, canvas: canvas as never }).promise;
    return { png: new Uint8Array(canvas.toBuffer('image/png')), width, height };
  } finally {
    await doc.destroy();
  }
}
