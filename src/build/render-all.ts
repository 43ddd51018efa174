/**
 * Renders every statement, on worker threads when there are enough statements to pay for them
 * (Markdown parsing and typography are CPU-bound), and hands each result over as soon as it is
 * ready so that printing can start at once. `admit` holds each statement back until the caller
 * has room for it, so rendering runs only a little ahead of printing.
 */
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Statement } from '../sources/statement.ts';
import type { Project } from '../project/load-project.ts';
import { createRenderer, type RenderResult, type RenderSetup } from './render-job.ts';

/**
 * Run from the sources, a worker registers the TypeScript loader first; compiled (see
 * scripts/compile.mjs), the worker is a module beside this one.
 */
const workerScript = import.meta.url.endsWith('.ts') ? new URL('./render-worker-entry.mjs', import.meta.url) : new URL('./render-worker.js', import.meta.url);

/** Statements per worker below which starting a worker (about a second) costs more than it saves. */
const PER_WORKER = 150;

/** Statements from which a build that prints renders on a worker (measured: at 1,000, 12% faster; at 100 and 200, no faster). */
const PRINTING_WORKER = 500;

/**
 * Worker threads worth starting for this many statements: none for small builds. A build that
 * prints renders ahead of the printer only so far (make-statements.ts) and its cores are busy
 * printing: one worker for a large one, which spares the main thread, the one that answers
 * Chromium, the parsing and its garbage. CLARION_RENDER_THREADS=N sets the number (0: none).
 */
export function renderThreads(count: number, env: NodeJS.ProcessEnv = process.env, printing = false): number {
  const forced = env.CLARION_RENDER_THREADS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), 16);
  if (printing) return count >= PRINTING_WORKER ? 1 : 0;
  const threads = Math.min(os.availableParallelism(), 4, Math.floor(count / PER_WORKER));
  return threads < 2 ? 0 : threads;
}

export async function renderAll(
  statements: readonly Statement[],
  setup: RenderSetup,
  onResult: (statement: Statement, result: RenderResult) => Promise<void>,
  options: { project?: Project; threads?: number; printing?: boolean; admit?: () => Promise<void> } = {},
): Promise<void> {
  const threads = options.threads ?? renderThreads(statements.length, process.env, options.printing);
  const admit = options.admit ?? (() => Promise.resolve());
  if (threads === 0) {
    const render = createRenderer(setup, options.project);
    for (const statement of statements) {
      await admit();
      await onResult(statement, await render(statement));
      // Let the printer answer Chromium between two statements.
      await new Promise((resolve) => setImmediate(resolve));
    }
    return;
  }
  let next = 0;
  // Each result is handled as it comes. The first failure (Ctrl-C among them) stops the sending
  // and is thrown once every handling has settled, as the loop above would throw it; no failure is
  // left unhandled (which would end the process).
  const handling: Promise<void>[] = [];
  let failure: { error: unknown } | undefined;
  let stop: (error: unknown) => void = () => {};
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  stopped.catch(() => {});
  const handle = (work: Promise<void>) =>
    handling.push(
      work.catch((error: unknown) => {
        failure ??= { error };
        stop(error);
      }),
    );
  const workers = Array.from({ length: threads }, () => new Worker(workerScript, { workerData: setup }));
  const feeding = Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve, reject) => {
          const send = () => {
            if (failure || next >= statements.length) return resolve();
            const id = next++;
            admit().then(() => worker.postMessage({ id, statement: statements[id] }), reject);
          };
          worker.on('message', ({ id, result }: { id: number; result: RenderResult }) => {
            handle(onResult(statements[id]!, result));
            send();
          });
          worker.once('error', reject);
          // After the last statement, this settles nothing: the promise is already resolved.
          worker.once('exit', (code) => reject(new Error(`a render worker stopped (exit code ${code})`)));
          send();
        }),
    ),
  );
  // Once stopped, the workers that are terminated below reject it: nobody listens any more.
  feeding.catch(() => {});
  try {
    await Promise.race([stopped, feeding]);
  } finally {
    // Stopped or failed, the statements already handed over still settle before the workers go.
    await Promise.all(handling);
    await Promise.all(workers.map((w) => w.terminate()));
  }
  if (failure) throw failure.error;
}
