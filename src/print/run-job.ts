/**
 * Runs jobs on the browser's pages: at most `concurrency` prints at once, and beside them one
 * capture at a time (take-screenshot.ts: a capture waiting behind the prints queued after it
 * would leave the share cards to the end of the build), each refused up front if its
 * document lies outside its allowed folders, and run once more from scratch if Chromium or its
 * page crashed under it.
 */
import { pathToFileURL } from 'node:url';
import { firstLine } from '../util/first-line.ts';
import { limiter } from '../util/limiter.ts';
import { blockReason, realRoots } from './block-reason.ts';
import { ChromiumCrash, PrintError } from './print-error.ts';
import type { Staged } from './page-pool.ts';
import { runOnPage, type PageDocument, type PageTask } from './run-on-page.ts';
import type { Session, Sessions } from './sessions.ts';

/** What every job names: its document and what it may load. */
export interface PageJob {
  /** E.g. the statement's source path, used in warnings and errors. */
  label: string;
  /** Absolute path of a self-contained HTML that references CSS, fonts and images by relative file: URLs. */
  htmlFile: string;
  /**
   * Its text and how to write it there, when the caller holds it: a page already showing a
   * document of that folder takes the text in place, and the file is written only for a page
   * that must load it (page-pool.ts). Without it, the file is there already.
   */
  staged?: Staged;
  /** Absolute folders: only file: URLs inside these (and data: URLs) may load. */
  allowedRoots: string[];
  /** Default: the printer's timeout. */
  timeoutMs?: number;
}

export type RunJob = <T>(job: PageJob, task: PageTask<T>) => Promise<{ result: T; warnings: string[] }>;

export function jobRunner(sessions: Sessions, options: { concurrency: number; timeoutMs: number }): RunJob {
  const runLimited = limiter(options.concurrency);
  return async (job, task) => {
    const timeoutMs = job.timeoutMs ?? options.timeoutMs;
    const roots = realRoots(job.allowedRoots);
    const url = pathToFileURL(job.htmlFile).href;
    const refuse = () => {
      const why = blockReason(url, roots);
      if (why) throw new PrintError(job.label, `cannot ${task.verb} ${job.htmlFile}: ${why}`);
    };
    // A staged document is checked when it is written for a page to load; taken in place, it
    // loads from no file, and resolves its URLs in a folder whose document passed the check.
    const staged = job.staged && { html: job.staged.html, write: () => job.staged!.write().then(refuse) };
    if (!staged) refuse();
    const run = () => withOneRetry(sessions, task, { url, roots, ...(staged ? { staged } : {}) }, timeoutMs);
    return task.pool === 'capture' ? run() : runLimited(run);
  };
}

/** One retry: after a crash the job is run again from scratch, in a relaunched browser if need be. */
async function withOneRetry<T>(sessions: Sessions, task: PageTask<T>, document: PageDocument, timeoutMs: number): Promise<{ result: T; warnings: string[] }> {
  const { label } = task;
  const done = task.verb === 'print' ? 'printed' : 'captured';
  const closed = () => new PrintError(label, `${label} was not ${done}: the printer was closed`);
  for (let attempt = 1; ; attempt++) {
    if (sessions.closed) throw closed();
    let session: Session;
    try {
      session = await sessions.live();
    } catch (error) {
      throw new PrintError(label, `${label} was not ${done}: ${firstLine(error)}`);
    }
    try {
      return await runOnPage(session, task, document, timeoutMs);
    } catch (error) {
      if (error instanceof PrintError) throw error;
      if (sessions.closed) throw closed();
      const crashed = error instanceof ChromiumCrash || !session.browser.connected;
      if (crashed && attempt === 1) continue;
      throw new PrintError(label, `${label} could not be ${done}: ${firstLine(error)}`);
    }
  }
}
