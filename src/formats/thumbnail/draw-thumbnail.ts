/**
 * Thumbnails are drawn on a worker thread of their own: pdf.js and the PNG encoder are about
 * 100 ms of work a PDF, which on the main thread held back the browser's next jobs, the other
 * formats and the writes (half of the main thread's time in a default build). One worker, started
 * while Chromium starts (the format's load()); it does not keep the process alive. The bytes are
 * those pdfThumbnail() makes. Its memory stays flat: each canvas is freed as soon as it is encoded
 * (pdf-thumbnail.ts), and the build keeps only a few statements in flight (make-statements.ts).
 */
import { Worker } from 'node:worker_threads';

/** Run from the sources, the worker registers the TypeScript loader first; compiled, it is a module beside this one. */
const workerScript = import.meta.url.endsWith('.ts') ? new URL('./thumbnail-worker-entry.mjs', import.meta.url) : new URL('./thumbnail-worker.js', import.meta.url);

interface Waiting {
  resolve: (png: Uint8Array) => void;
  reject: (error: Error) => void;
}

/** A worker, the thumbnails it was given, and those it has still to send back. */
interface Drawer {
  worker: Worker;
  given: number;
  waiting: Map<number, Waiting>;
}

/**
 * `perWorker`: thumbnails a worker draws before a fresh one takes over. Memory that pdf.js and the
 * canvas leave behind in a worker (about 0.3 MB a thumbnail, which no garbage collection returns)
 * goes with it; starting one costs about 300 ms. `started` counts the workers started.
 */
export const thumbnailWorkers = { perWorker: 100, started: 0 };

let current: Drawer | undefined;
let nextId = 0;

function drawer(): Drawer {
  if (current && current.given < thumbnailWorkers.perWorker) return current;
  // The worker that has drawn its share finishes what it was given, then stops.
  retireThumbnailWorker();
  const d: Drawer = { worker: new Worker(workerScript), given: 0, waiting: new Map() };
  thumbnailWorkers.started++;
  d.worker.on('message', ({ id, png, error }: { id: number; png?: Uint8Array; error?: string }) => {
    const job = d.waiting.get(id);
    d.waiting.delete(id);
    if (d.waiting.size === 0) {
      if (d === current) d.worker.unref();
      else void d.worker.terminate();
    }
    if (png) job?.resolve(png);
    else job?.reject(new Error(error ?? 'the thumbnail was not drawn'));
  });
  const fail = (error: Error) => {
    if (current === d) current = undefined;
    for (const job of d.waiting.values()) job.reject(error);
    d.waiting.clear();
  };
  d.worker.on('error', fail);
  d.worker.on('exit', (code) => fail(new Error(`the thumbnail worker stopped (exit code ${code})`)));
  return (current = d);
}

/** Stops the worker once it has drawn what it was given; the next thumbnail starts a fresh one. */
export function retireThumbnailWorker(): void {
  const d = current;
  current = undefined;
  if (d?.waiting.size === 0) void d.worker.terminate();
}

/** Starts the worker (pdf.js loads there) while there is nothing to draw yet, e.g. while Chromium starts. */
export function startThumbnailWorker(): void {
  const d = drawer();
  if (d.waiting.size === 0) d.worker.unref();
}

/** A PNG of the PDF's first page (pdf-thumbnail.ts), drawn on the thumbnail worker. */
export function drawThumbnail(pdf: Uint8Array): Promise<Uint8Array> {
  const d = drawer();
  d.given++;
  const id = nextId++;
  return new Promise<Uint8Array>((resolve, reject) => {
    d.waiting.set(id, { resolve, reject });
    d.worker.ref();
    // A copy: the PDF stays the caller's, to write.
    const copy = new Uint8Array(pdf);
    d.worker.postMessage({ id, pdf: copy }, [copy.buffer]);
  });
}
