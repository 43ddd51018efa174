/**
 * One task on one page, under a deadline: it settles at the first of its result, the deadline, a
 * crash. Puppeteer may take 30 s to notice that the browser died, and a goto() or pdf() in
 * progress can only be cut short by closing its page.
 */
import type { Page } from 'puppeteer';
import { openPage, showDocument, type PooledPage, type Staged } from './page-pool.ts';
import { ChromiumCrash, duration, PrintError } from './print-error.ts';
import type { Session } from './sessions.ts';

/** What a job does with its page once the document has loaded. */
export interface PageTask<T> {
  label: string;
  /** Words its errors: "could not be printed", "did not finish capturing". */
  verb: 'print' | 'capture';
  /** Before the document is loaded (e.g. the viewport). */
  prepare?: (page: Page, pooled: PooledPage) => Promise<void>;
  run: (page: Page, pooled: PooledPage) => Promise<T>;
  /** Puts the page back as the pool expects it; a page whose reset fails is closed. */
  reset?: (page: Page) => Promise<void>;
  /** The pages it runs on: those of prints, or those kept for screenshots. */
  pool?: 'print' | 'capture';
}

/** The document a task runs on, and the folders it may load from (real paths). */
export interface PageDocument {
  url: string;
  roots: string[];
  staged?: Staged;
}

export async function runOnPage<T>(session: Session, task: PageTask<T>, document: PageDocument, timeoutMs: number): Promise<{ result: T; warnings: string[] }> {
  const warnings = new Set<string>();
  const stop = new AbortController();
  const stopped = new Promise<never>((_, reject) => stop.signal.addEventListener('abort', () => reject(stop.signal.reason)));
  const timer = setTimeout(
    () => stop.abort(new PrintError(task.label, `${task.label} did not finish ${task.verb === 'print' ? 'printing' : 'capturing'} in ${duration(timeoutMs)}`)),
    timeoutMs,
  );
  const onDisconnected = () => stop.abort(new ChromiumCrash('Chromium quit unexpectedly'));
  const { browser } = session;
  // on/off, not once: puppeteer's off() does not find a listener once() wrapped, and every job
  // would leave one behind, holding its document and its result.
  browser.on('disconnected', onDisconnected);
  if (!browser.connected) onDisconnected();

  const work = onPooledPage(session, task, document, warnings, stop);
  try {
    const result = await Promise.race([work, stopped]);
    // Requests are made in no fixed order: sorted, the same document gives the same report.
    return { result, warnings: [...warnings].sort() };
  } finally {
    clearTimeout(timer);
    browser.off('disconnected', onDisconnected);
  }
}

/** Runs the task on a page from the pool (or a new one), and puts the page back if it is still good. */
async function onPooledPage<T>(session: Session, task: PageTask<T>, document: PageDocument, warnings: Set<string>, stop: AbortController): Promise<T> {
  const idle = task.pool === 'capture' ? session.idleCapture : session.idle;
  const pooled: PooledPage = idle.pop() ?? (await openPage(session.browser, session.frameless));
  const { page } = pooled;
  const closePage = () => void page.close().catch(() => {});
  stop.signal.addEventListener('abort', closePage);
  let reusable = false;
  try {
    stop.signal.throwIfAborted();
    const onError = () => stop.abort(new ChromiumCrash('the page crashed'));
    page.on('error', onError);
    pooled.job = { roots: document.roots, warnings };
    if (task.prepare) await task.prepare(page, pooled);
    await showDocument(pooled, document.url, document.staged);
    const result = await task.run(page, pooled);
    page.off('error', onError);
    if (task.reset) await task.reset(page);
    reusable = !stop.signal.aborted;
    return result;
  } finally {
    stop.signal.removeEventListener('abort', closePage);
    pooled.job = undefined;
    // A page that failed, timed out or crashed is closed; a good one goes back to the pool
    // (the pool's pages are closed with the browser).
    if (reusable && session.browser.connected) idle.push(pooled);
    else await page.close().catch(() => {});
  }
}
