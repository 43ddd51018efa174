/**
 * Screenshots (share cards) on the printer's pages, under the same rules as PDFs: a PNG of exactly
 * the size asked, the same bytes for the same files in any browser session.
 */
import type { Page } from 'puppeteer';
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
 * Screenshots are taken one at a time: a capture needs the page's compositor frame, which
 * Chromium produces reliably for one page at a time.
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
function captureTask(label: string, width: number, height: number): PageTask<Uint8Array> {
  return {
    label,
    verb: 'capture',
    pool: 'capture',
    prepare: async (page) => {
      await page.bringToFront();
      const viewport = page.viewport();
      if (viewport?.width !== width || viewport.height !== height || viewport.deviceScaleFactor !== 1) await page.setViewport({ width, height, deviceScaleFactor: 1 });
    },
    run: async (page) => {
      await fontsReady(page);
      // Chromium's PNG (IHDR, IDAT, IEND only; zlib at its default level) is the same bytes for
      // the same pixels, and software rendering gives the same pixels in every session.
      const png = await page.screenshot({ type: 'png', captureBeyondViewport: false, optimizeForSpeed: false, fromSurface: true, omitBackground: false });
      return new Uint8Array(png);
    },
  };
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
