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

let worker: Worker | undefined;
let nextId = 0;
const waiting = new Map<number, Waiting>();

function started(): Worker {
  if (worker) return worker;
  const w = new Worker(workerScript);
  w.on('message', ({ id, png, error }: { id: number; png?: Uint8Array; error?: string }) => {
    const job = waiting.get(id);
    waiting.delete(id);
    if (waiting.size === 0) w.unref();
    if (png) job?.resolve(png);
    else job?.reject(new Error(error ?? 'the thumbnail was not drawn'));
  });
  const fail = (error: Error) => {
    worker = undefined;
    for (const job of waiting.values()) job.reject(error);
    waiting.clear();
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`the thumbnail worker stopped (exit code ${code})`)));
  return (worker = w);
}

/** Starts the worker (pdf.js loads there) while there is nothing to draw yet, e.g. while Chromium starts. */
export function startThumbnailWorker(): void {
  if (waiting.size === 0) started().unref();
}

/** A PNG of the PDF's first page (pdf-thumbnail.ts), drawn on the thumbnail worker. */
export function drawThumbnail(pdf: Uint8Array): Promise<Uint8Array> {
  const w = started();
  const id = nextId++;
  return new Promise<Uint8Array>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    w.ref();
    // A copy: the PDF stays the caller's, to write.
    const copy = new Uint8Array(pdf);
    w.postMessage({ id, pdf: copy }, [copy.buffer]);
  });
}
