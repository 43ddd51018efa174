/**
 * The pages jobs run on. A page is set up once (no JavaScript, every request filtered) and reused,
 * which halves the time per PDF; what its request filter allows is the job's it prints.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, CDPSession, Page } from 'puppeteer';
import { blockReason } from './block-reason.ts';

/** A document's text, and how to write it to its file when a page must load it from there. */
export interface Staged {
  html: string;
  write(): Promise<void>;
}

/** A page of the pool, with what its request filter needs to know about the job it prints. */
export interface PooledPage {
  page: Page;
  job?: { roots: string[]; warnings: Set<string> };
  /** The folder (file: URL) of the document the page shows: the next one from there is swapped in without a navigation. */
  folder?: string;
  /**
   * A page that draws a frame only when asked (begin-frame control), and the DevTools session
   * that asks: a screenshot of it is the frame it draws (take-screenshot.ts).
   */
  frames?: CDPSession;
}

/**
 * A new page that runs no JavaScript and loads only what its current job allows (nothing between
 * jobs). A page draws no frames of its own where the browser can open it so (`frameless`, a
 * session with the browser itself made at launch, launch-chromium.ts): Chromium otherwise renders
 * a page it shows sixty times a second, which a print never looks at, and that took a third of
 * the machine's time per PDF (the PDF's bytes are the same); a screenshot asks for the one frame
 * it needs.
 */
export async function openPage(browser: Browser, frameless?: CDPSession): Promise<PooledPage> {
  const controlled = frameless && (await framelessPage(browser, frameless).catch(() => undefined));
  const page = controlled || (await browser.newPage());
  const pooled: PooledPage = { page, ...(controlled ? { frames: await controlled.createCDPSession() } : {}) };
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

/**
 * Loads the document into the page. 'load' waits for images and stylesheets (the job then waits
 * for the fonts). A page already showing a document of the same folder takes the next one in
 * place (relative URLs resolve the same way): a navigation costs Chromium more than printing a
 * short document does. A staged document is written to its file only when the page navigates to it.
 */
export async function showDocument(pooled: PooledPage, documentUrl: string, staged?: Staged): Promise<void> {
  const { page } = pooled;
  const folder = new URL('.', documentUrl).href;
  if (pooled.folder === folder) {
    const html = staged ? staged.html : await readFile(fileURLToPath(documentUrl), 'utf8');
    await page.setContent(html, { waitUntil: 'load', timeout: 0 });
  } else {
    await staged?.write();
    pooled.folder = undefined;
    await page.goto(documentUrl, { waitUntil: 'load', timeout: 0 });
    pooled.folder = folder;
  }
}

let opened = 0;

/** A page whose frames only DevTools would ask for (begin-frame control); undefined if Chromium opens none. */
async function framelessPage(browser: Browser, control: CDPSession): Promise<Page | undefined> {
  // Named by a URL of its own, to be found among the browser's targets.
  const url = `about:blank#print-${++opened}`;
  // Chromium gone (killed, crashed) opens nothing: stop waiting then, not after the timeout.
  let closed = () => {};
  const gone = new Promise<never>((_, reject) => (closed = () => reject(new Error('Chromium closed before the page opened'))));
  browser.on('disconnected', closed);
  const found = Promise.race([browser.waitForTarget((target) => target.url() === url, { timeout: 30_000 }), gone]);
  // A page that is never opened is never found: that wait fails quietly.
  found.catch(() => {});
  try {
    await control.send('Target.createTarget', { url, enableBeginFrameControl: true });
    return (await (await found).page()) ?? undefined;
  } finally {
    browser.off('disconnected', closed);
  }
}

function shorten(url: string): string {
  return url.length > 200 ? `${url.slice(0, 200)}…` : url;
}
