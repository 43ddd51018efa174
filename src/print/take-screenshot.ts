/**
 * Screenshots (share cards) on the printer's pages, under the same rules as PDFs: a PNG of exactly
 * the size asked, the same bytes for the same files in any browser session.
 */
import type { CDPSession, Page } from 'puppeteer';
import { PrintError } from './print-error.ts';
import type { PageJob, RunJob } from './run-job.ts';
import type { PageTask } from './run-on-page.ts';

export interface ScreenshotJob extends PageJob {
  /** Size of the viewport and of the image, in CSS px (the device scale factor is 1). */
  width: number;
  height: number;
}

export interface ScreenshotResult {
  /** A PNG of exactly width × height pixels: the same bytes for the same files, in any browser session. */
  png: Uint8Array;
  warnings: string[];
}

/**
 * Screenshots are taken one at a time, beside the prints: a page that draws its own frames draws
 * them only in front (one page at a time), and one page kept at the card's size serves them all.
 */
export function screenshotTaker(runJob: RunJob): (job: ScreenshotJob) => Promise<ScreenshotResult> {
  let capturing: Promise<unknown> = Promise.resolve();
  return (job) => {
    const next = capturing.then(() => captureOne(runJob, job), () => captureOne(runJob, job));
    capturing = next.catch(() => undefined);
    return next;
  };
}

async function captureOne(runJob: RunJob, job: ScreenshotJob): Promise<ScreenshotResult> {
  const { width, height } = job;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > 8192 || height > 8192) {
    throw new PrintError(job.label, `${job.label}: a screenshot is 1 to 8192 whole pixels wide and high, not ${width}×${height}`);
  }
  const { result, warnings } = await runJob(job, captureTask(job.label, width, height));
  return { png: result, warnings };
}

/**
 * Sets the viewport to the image's size, unless the page already has it, and captures. The page
 * goes back to the pool of screenshot pages at that size, so cards of one size never resize it.
 */
export function captureTask(label: string, width: number, height: number): PageTask<Uint8Array> {
  return {
    label,
    verb: 'capture',
    pool: 'capture',
    prepare: async (page, pooled) => {
      // A page that draws its own frames draws them only in front.
      if (!pooled.frames) await page.bringToFront();
      const viewport = page.viewport();
      if (viewport?.width !== width || viewport.height !== height || viewport.deviceScaleFactor !== 1) await page.setViewport({ width, height, deviceScaleFactor: 1 });
    },
    run: async (page, pooled) => {
      // Laid out first, the page asks for the fonts its text uses, and the wait covers them (as
      // for a print, printer.ts).
      await page.evaluate('void document.documentElement.getBoundingClientRect()');
      await fontsReady(page);
      // Chromium's PNG (IHDR, IDAT, IEND only; zlib at its default level) is the same bytes for
      // the same pixels, and software rendering gives the same pixels in every session, whether
      // the frame was asked for or drawn on Chromium's own schedule.
      if (pooled.frames) return drawFrame(pooled.frames, label);
      const png = await page.screenshot({ type: 'png', captureBeyondViewport: false, optimizeForSpeed: false, fromSurface: true, omitBackground: false });
      return new Uint8Array(png);
    },
  };
}

/** Tries at a frame: Chromium may give none while the page's renderer is still starting. */
const FRAME_TRIES = 3;

/**
 * Draws one frame of a page under begin-frame control, with all its compositing done before it is
 * drawn (launch-chromium.ts), and returns it as a PNG: a screenshot that waits for no frame.
 */
async function drawFrame(frames: CDPSession, label: string): Promise<Uint8Array> {
  for (let attempt = 1; attempt <= FRAME_TRIES; attempt++) {
    const { screenshotData } = await frames.send('HeadlessExperimental.beginFrame', { screenshot: { format: 'png' } });
    if (screenshotData) return new Uint8Array(Buffer.from(screenshotData, 'base64'));
  }
  throw new Error(`Chromium drew no frame of ${label} in ${FRAME_TRIES} tries`);
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
