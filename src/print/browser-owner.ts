/**
 * The one owner of the browser for a build (watch mode keeps one for all its builds): Chromium is
 * launched at most once, at the first start(), and closed by whoever made the owner. Puppeteer is
 * loaded only then: a build with nothing to print starts faster.
 */
import type { BrowserPrinter } from './printer.ts';

const loadPrinter = () => import('./printer.ts');
const isNamed = (error: unknown, name: string) => error instanceof Error && error.name === name;

export interface BrowserOwner {
  /** The printer, launched at the first call (once more if Chromium dies while starting). */
  start(): Promise<BrowserPrinter>;
  /**
   * Settles once the code that drives Chromium is loaded (the launch that start() asked for
   * follows at once). A build that would parse its statements meanwhile waits for it: loading
   * alongside the parsing, it took a second instead of a quarter, and Chromium started that late.
   */
  loaded(): Promise<void>;
  /** Whether a browser was launched (a build with nothing to print launches none). */
  readonly launched: boolean;
  /** Closes the browser if one was launched; safe to call more than once. */
  close(): Promise<void>;
  /** After a start that failed, lets the next start() try again (watch mode, between builds). */
  retryStart(): void;
}

export interface BrowserOptions {
  concurrency?: number;
  timeoutMs?: number;
  /** When aborted, the browser is closed at once and the jobs left fail. */
  signal?: AbortSignal;
  /** Called when Chromium starts: the build loads what its formats render with meanwhile. */
  onStart?: () => void;
}

export function browserOwner(options: BrowserOptions = {}): BrowserOwner {
  let printer: Promise<BrowserPrinter> | undefined;
  let failed = false;
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= printer ? printer.then((p) => p.close(), () => {}) : Promise.resolve());
  options.signal?.addEventListener('abort', () => void close());
  return {
    start() {
      if (closing) return Promise.reject(new Error('the build is stopping'));
      if (!printer) {
        printer = launchWithRetry({ ...(options.concurrency ? { concurrency: options.concurrency } : {}), ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) }, options.signal);
        // A failed start is reported by each job that needed the browser.
        printer.catch(() => (failed = true));
        options.onStart?.();
      }
      return printer;
    },
    loaded: () => loadPrinter().then(() => {}, () => {}),
    get launched() {
      return printer !== undefined && !failed;
    },
    close,
    retryStart() {
      if (failed && !closing) [printer, failed] = [undefined, false];
    },
  };
}

/** A browser that dies while starting is started once more before its PDFs are given up. */
export async function launchWithRetry(options: { concurrency?: number; timeoutMs?: number }, signal?: AbortSignal): Promise<BrowserPrinter> {
  const { launchPrinter } = await loadPrinter();
  try {
    return await launchPrinter(options);
  } catch (error) {
    if (isNamed(error, 'ChromiumNotFoundError') || signal?.aborted) throw error;
    return launchPrinter(options);
  }
}
