/**
 * The one owner of the browser (after pagedjs-cli's Printer): launch once, print each job on a
 * page of its own, close. Pages run no JavaScript and reach no network; a PDF depends only on the
 * files the caller wrote and on the metadata it passes. The same pages also take screenshots
 * (share cards), under the same rules.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page, type Viewport } from 'puppeteer';
import { blockReason, realRoots } from './block-reason.ts';
import { findChromium, headlessMode } from './find-chromium.ts';
import { stampMetadata } from './stamp-metadata.ts';

export interface PdfMetadata {
  title: string;
  author: string;
  subject?: string;
  keywords?: string[];
  lang: string;
  creator: string;
  producer?: string;
  /** Used for CreationDate and ModDate. */
  date: Date;
  /** The document's headings, in order: bookmark titles are restored from them. */
  headings?: string[];
}

export interface PrintJob {
  /** E.g. the statement's source path, used in warnings and errors. */
  label: string;
  /** Absolute path of a self-contained print HTML that references CSS, fonts and images by relative file: URLs. */
  htmlFile: string;
  /** Absolute folders: only file: URLs inside these (and data: URLs) may load. */
  allowedRoots: string[];
  paper: 'A4' | 'Letter';
  metadata: PdfMetadata;
  /** Default 60_000. */
  timeoutMs?: number;
}

export interface PrintResult {
  pdf: Uint8Array;
  /** E.g. `blocked request to https://example.com/x.png (only local files may load when printing)`. */
  warnings: string[];
}

export interface Printer {
  print(job: PrintJob): Promise<PrintResult>;
  close(): Promise<void>;
}

export interface ScreenshotJob {
  /** E.g. the statement's source path, used in warnings and errors. */
  label: string;
  /** Absolute path of a self-contained HTML that references CSS, fonts and images by relative file: URLs. */
  htmlFile: string;
  /** Absolute folders: only file: URLs inside these (and data: URLs) may load. */
  allowedRoots: string[];
  /** Size of the viewport and of the image, in CSS px (the device scale factor is 1). */
  width: number;
  height: number;
  /** Default: the printer's timeout. */
  timeoutMs?: number;
}

export interface ScreenshotResult {
  /** A PNG of exactly width × height pixels: the same bytes for the same files, in any browser session. */
  png: Uint8Array;
  warnings: string[];
}

/** The printer that launchPrinter() starts: prints PDFs and takes screenshots. */
export interface BrowserPrinter extends Printer {
  screenshot(job: ScreenshotJob): Promise<ScreenshotResult>;
}

export interface PrinterOptions {
  /** Default os.availableParallelism(). */
  concurrency?: number;
  executablePath?: string;
  timeoutMs?: number;
}

export class PrintError extends Error {
  override name = 'PrintError';
  constructor(
    readonly label: string,
    message: string,
  ) {
    super(message);
  }
}

/** Chromium's command line: quiet, no network, and every page rendering although most are in the background. */
export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
  // Pages printed or captured side by side are all background tabs but one: they must not be
  // throttled, or a screenshot of one of them waits for a frame that never comes.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
  // Request interception stops requests, not <link rel="preconnect"> or DNS prefetching: resolve no host at all.
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

/** A browser or page that died under a job: worth one more try. */
class ChromiumCrash extends Error {}

/** How long a polite browser.close() may take before the process is killed. */
const closeGraceMs = 5_000;

interface Session {
  browser: Browser;
  userDataDir: string;
  /** Pages ready for the next job: a page is set up once and reused, which halves the time per PDF. */
  idle: PooledPage[];
}

/** A page of the pool, with what its request filter needs to know about the job it prints. */
interface PooledPage {
  page: Page;
  job?: { roots: string[]; warnings: Set<string> };
  /** The folder (file: URL) of the document the page shows: the next one from there is swapped in without a navigation. */
  folder?: string;
}

async function openPage(browser: Browser): Promise<PooledPage> {
  const page = await browser.newPage();
  const pooled: PooledPage = { page };
  await page.setJavaScriptEnabled(false);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const job = pooled.job;
    const why = job ? blockReason(request.url(), job.roots) : 'no document is being printed';
    if (why === undefined) {
      void request.continue().catch(() => {});
    } else {
      job?.warnings.add(`blocked request to ${shorten(request.url())} (${why})`);
      void request.abort('blockedbyclient').catch(() => {});
    }
  });
  return pooled;
}

/** What a job does with its page once the document has loaded. */
interface PageTask<T> {
  label: string;
  /** Words its errors: "could not be printed", "did not finish capturing". */
  verb: 'print' | 'capture';
  /** Before the document is loaded (e.g. the viewport). */
  prepare?: (page: Page) => Promise<void>;
  run: (page: Page) => Promise<T>;
  /** Puts the page back as the pool expects it; a page whose reset fails is closed. */
  reset?: (page: Page) => Promise<void>;
}

export async function launchPrinter(options: PrinterOptions = {}): Promise<BrowserPrinter> {
  const executablePath = options.executablePath ?? findChromium();
  const defaultTimeoutMs = options.timeoutMs ?? 60_000;
  const runLimited = limiter(Math.max(1, options.concurrency ?? os.availableParallelism()));
  let closed = false;
  let current = startSession(executablePath);
  await current;

  /** The running browser; after a crash the first job to notice relaunches it for everyone. */
  async function liveSession(): Promise<Session> {
    const pending = current;
    const session = await pending;
    if (!session.browser.connected && current === pending) {
      current = endSession(session).then(() => startSession(executablePath));
    }
    return current;
  }

  /** Runs a task on a pooled page, at most `concurrency` at once, with one retry after a crash. */
  async function runJob<T>(job: { label: string; htmlFile: string; allowedRoots: string[]; timeoutMs?: number }, task: PageTask<T>, finish: (result: T) => Promise<T> = async (r) => r): Promise<{ result: T; warnings: string[] }> {
    const timeoutMs = job.timeoutMs ?? defaultTimeoutMs;
    const roots = realRoots(job.allowedRoots);
    const documentUrl = pathToFileURL(job.htmlFile).href;
    const why = blockReason(documentUrl, roots);
    if (why) throw new PrintError(job.label, `cannot ${task.verb} ${job.htmlFile}: ${why}`);
    const done = task.verb === 'print' ? 'printed' : 'captured';

    return runLimited(async () => {
      // One retry: after a crash the job is run again from scratch, in a relaunched browser if need be.
      for (let attempt = 1; ; attempt++) {
        if (closed) throw new PrintError(job.label, `${job.label} was not ${done}: the printer was closed`);
        let session: Session;
        try {
          session = await liveSession();
        } catch (error) {
          throw new PrintError(job.label, `${job.label} was not ${done}: ${firstLine(error)}`);
        }
        try {
          const { result, warnings } = await render(session, task, documentUrl, roots, timeoutMs);
          return { result: await finish(result), warnings };
        } catch (error) {
          if (error instanceof PrintError) throw error;
          if (closed) throw new PrintError(job.label, `${job.label} was not ${done}: the printer was closed`);
          const crashed = error instanceof ChromiumCrash || !session.browser.connected;
          if (crashed && attempt === 1) continue;
          throw new PrintError(job.label, `${job.label} could not be ${done}: ${firstLine(error)}`);
        }
      }
    });
  }

  async function print(job: PrintJob): Promise<PrintResult> {
    const { result, warnings } = await runJob(
      job,
      {
        label: job.label,
        verb: 'print',
        run: (page) =>
          // page.pdf() waits for document.fonts.ready in puppeteer's isolated world, which works
          // with JavaScript disabled.
          page.pdf({
            format: job.paper,
            preferCSSPageSize: true,
            printBackground: true,
            tagged: true,
            outline: true,
            displayHeaderFooter: false,
            waitForFonts: true,
            timeout: 0,
          }),
      },
      (pdf) => stampMetadata(pdf, job.metadata),
    );
    return { pdf: result, warnings };
  }

  // Screenshots are taken one at a time: a capture needs the page's compositor frame, which
  // Chromium produces reliably for one page at a time.
  let capturing: Promise<unknown> = Promise.resolve();
  function screenshot(job: ScreenshotJob): Promise<ScreenshotResult> {
    const next = capturing.then(() => captureOne(job), () => captureOne(job));
    capturing = next.catch(() => undefined);
    return next;
  }

  async function captureOne(job: ScreenshotJob): Promise<ScreenshotResult> {
    const { width, height } = job;
    if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > 8192 || height > 8192) {
      throw new PrintError(job.label, `${job.label}: a screenshot is 1 to 8192 whole pixels wide and high, not ${width}×${height}`);
    }
    let pooledViewport: Viewport | null = null;
    const { result, warnings } = await runJob(job, {
      label: job.label,
      verb: 'capture',
      prepare: async (page) => {
        pooledViewport = page.viewport();
        await page.bringToFront();
        await page.setViewport({ width, height, deviceScaleFactor: 1 });
      },
      run: async (page) => {
        await fontsReady(page);
        // Chromium's PNG (IHDR, IDAT, IEND only; zlib at its default level) is the same bytes for
        // the same pixels, and software rendering gives the same pixels in every session.
        const png = await page.screenshot({ type: 'png', captureBeyondViewport: false, optimizeForSpeed: false, fromSurface: true, omitBackground: false });
        return new Uint8Array(png);
      },
      reset: async (page) => {
        if (pooledViewport) await page.setViewport(pooledViewport);
      },
    });
    return { png: result, warnings };
  }

  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    const session = await current.catch(() => undefined);
    if (session) await endSession(session);
  }

  return { print, screenshot, close };
}

/**
 * Runs one task on a page from the pool and settles at the first of: its result, the deadline, a
 * crash. Puppeteer may take 30 s to notice that the browser died, and a goto() or pdf() in
 * progress can only be cut short by closing its page.
 */
async function render<T>(
  session: Session,
  task: PageTask<T>,
  documentUrl: string,
  roots: string[],
  timeoutMs: number,
): Promise<{ result: T; warnings: string[] }> {
  const warnings = new Set<string>();
  const stop = new AbortController();
  const stopped = new Promise<never>((_, reject) => stop.signal.addEventListener('abort', () => reject(stop.signal.reason)));
  const timer = setTimeout(
    () => stop.abort(new PrintError(task.label, `${task.label} did not finish ${task.verb === 'print' ? 'printing' : 'capturing'} in ${duration(timeoutMs)}`)),
    timeoutMs,
  );
  const onDisconnected = () => stop.abort(new ChromiumCrash('Chromium quit unexpectedly'));
  const { browser } = session;
  browser.once('disconnected', onDisconnected);
  if (!browser.connected) onDisconnected();

  const work = (async () => {
    const pooled = session.idle.pop() ?? (await openPage(session.browser));
    const { page } = pooled;
    const closePage = () => void page.close().catch(() => {});
    stop.signal.addEventListener('abort', closePage);
    let reusable = false;
    try {
      stop.signal.throwIfAborted();
      const onError = () => stop.abort(new ChromiumCrash('the page crashed'));
      page.once('error', onError);
      pooled.job = { roots, warnings };
      if (task.prepare) await task.prepare(page);
      // 'load' waits for images and stylesheets; the task then waits for the fonts. A page already
      // showing a document of the same folder takes the next one in place (relative URLs resolve the
      // same way): a navigation costs Chromium more than printing a short document does.
      const folder = new URL('.', documentUrl).href;
      if (pooled.folder === folder) {
        await page.setContent(await readFile(fileURLToPath(documentUrl), 'utf8'), { waitUntil: 'load', timeout: 0 });
      } else {
        pooled.folder = undefined;
        await page.goto(documentUrl, { waitUntil: 'load', timeout: 0 });
        pooled.folder = folder;
      }
      const result = await task.run(page);
      page.off('error', onError);
      if (task.reset) await task.reset(page);
      reusable = !stop.signal.aborted;
      return result;
    } finally {
      stop.signal.removeEventListener('abort', closePage);
      pooled.job = undefined;
      // A page that failed, timed out or crashed is closed; a good one goes back to the pool
      // (the pool's pages are closed with the browser).
      if (reusable && session.browser.connected) session.idle.push(pooled);
      else await page.close().catch(() => {});
    }
  })();

  try {
    const result = await Promise.race([work, stopped]);
    // Requests are made in no fixed order: sorted, the same document gives the same report.
    return { result, warnings: [...warnings].sort() };
  } finally {
    clearTimeout(timer);
    browser.off('disconnected', onDisconnected);
  }
}

/**
 * Waits for document.fonts.ready as page.pdf({ waitForFonts }) does: in puppeteer's isolated
 * world, which runs even though the page's own JavaScript is disabled.
 */
async function fontsReady(page: Page): Promise<void> {
  const frame = page.mainFrame() as unknown as { isolatedRealm?: () => { evaluate(expression: string): Promise<unknown> } };
  if (typeof frame.isolatedRealm !== 'function') throw new Error('this version of puppeteer cannot wait for fonts with JavaScript disabled');
  await frame.isolatedRealm().evaluate('document.fonts.ready.then(() => document.fonts.status)');
}

async function startSession(executablePath: string): Promise<Session> {
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'clarion-chromium-'));
  const launching = puppeteer.launch({
    executablePath,
    headless: headlessMode(executablePath),
    pipe: true,
    // Ctrl-C is ours to handle: the build closes the browser and reports what it stopped.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    userDataDir,
    args: [...chromiumArgs],
  });
  // Puppeteer's launch never settles if Chromium dies at some moments of its start: watch for that.
  const watch = watchStart(userDataDir);
  try {
    const browser = await Promise.race([launching, watch.failed]);
    return { browser, userDataDir, idle: [] };
  } catch (error) {
    // A launch that settles after all is closed at once.
    void launching.then((late) => late.close(), () => {});
    killProcessesUsing(userDataDir);
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 5 });
    throw new Error(`could not start Chromium (${executablePath}): ${firstLine(error)}`);
  } finally {
    watch.stop();
  }
}

/** How long Chromium may take to start. */
const startTimeoutMs = 30_000;

/**
 * Rejects when the Chromium started with this profile folder has died (on Linux, where /proc
 * lists processes) or has not started within startTimeoutMs.
 */
function watchStart(userDataDir: string): { failed: Promise<never>; stop: () => void } {
  let fail: (error: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => {});
  const started = Date.now();
  let seen = false;
  const timer = setInterval(() => {
    if (Date.now() - started > startTimeoutMs) return fail(new Error(`Chromium did not start in ${startTimeoutMs / 1000} s`));
    const running = processesUsing(userDataDir);
    if (running === undefined) return;
    if (running.length > 0) seen = true;
    else if (seen) fail(new Error('Chromium quit while starting'));
  }, 100);
  return { failed, stop: () => clearInterval(timer) };
}

/** Process ids whose command line names the folder; undefined where /proc cannot tell. */
function processesUsing(folder: string): number[] | undefined {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  const flag = `--user-data-dir=${folder}`;
  return pids
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'latin1').split('\0').includes(flag);
      } catch {
        return false;
      }
    })
    .map(Number);
}

function killProcessesUsing(folder: string): void {
  for (const pid of processesUsing(folder) ?? []) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

async function endSession({ browser, userDataDir }: Session): Promise<void> {
  const child = browser.process();
  try {
    await withTimeout(browser.close(), closeGraceMs, () => new Error('Chromium did not close'));
  } catch {
    // Closing hung or the browser is already gone: make sure no process is left behind.
  } finally {
    if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      killGroup(child.pid);
      await new Promise((resolve) => child.once('exit', resolve));
    }
    // Chromium may still be flushing its profile for a moment after exiting.
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 5 }).catch(() => {});
  }
}

function killGroup(pid: number): void {
  try {
    // Puppeteer starts Chromium as a process group leader: this takes its helpers down too.
    process.kill(-pid, 'SIGKILL');
  } catch {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}

async function withTimeout<T>(work: Promise<T>, ms: number, timeoutError: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(timeoutError()), ms)));
  try {
    return await Promise.race([work, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** At most `max` tasks at once; the rest wait in order. */
function limiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active < max) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next task rather than freeing it.
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}

function shorten(url: string): string {
  return url.length > 200 ? `${url.slice(0, 200)}…` : url;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}
