/** The thumbnail worker: draws the first page of each PDF the main thread sends it (pdf-thumbnail.ts). */
import { parentPort } from 'node:worker_threads';
import { pdfThumbnail } from './pdf-thumbnail.ts';

parentPort!.on('message', async ({ id, pdf }: { id: number; pdf: Uint8Array }) => {
  try {
    const { png } = await pdfThumbnail(pdf);
    parentPort!.postMessage({ id, png }, [png.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
