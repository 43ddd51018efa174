/** pdf.js's worker half, loaded into the main thread (formats/thumbnail/pdf-thumbnail.ts); pdf.js reads it from globalThis.pdfjsWorker. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
