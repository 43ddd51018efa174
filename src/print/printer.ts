/**
 * The one owner of the browser (after pagedjs-cli's Printer): launch once, print each job on a
 * page of its own, close. Pages run no JavaScript and reach no network; a PDF depends only on the
 * files the caller wrote. The same pages also take screenshots (share cards), under the same
 * rules. What a PDF says about itself (title, dates, language) is the PDF format's to stamp
 * (outputs/pdf/print-pdf.ts): the printer returns Chromium's PDF as printed.
 */
import os from 'node:os';
import { findChromium } from './find-chromium.ts';
import { jobRunner, type PageJob } from './run-job.ts';
import type { PageTask } from './run-on-page.ts';
import { openSessions } from './sessions.ts';
import { screenshotTaker, type ScreenshotJob, type ScreenshotResult } from './take-screenshot.ts';

export type { ScreenshotJob, ScreenshotResult };

export interface PrintJob extends PageJob {
  paper: 'A4' | 'Letter';
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

/** The printer that launchPrinter() starts: prints PDFs and takes screenshots. */
export interface BrowserPrinter extends Printer {
  screenshot(job: ScreenshotJob): Promise<ScreenshotResult>;
}

export interface PrinterOptions {
  /** Default os.availableParallelism(). */
  concurrency?: number;
  executablePath?: string;
  /** Default 60_000. */
  timeoutMs?: number;
}

export async function launchPrinter(options: PrinterOptions = {}): Promise<BrowserPrinter> {
  const executablePath = options.executablePath ?? findChromium();
  const sessions = await openSessions(executablePath);
  const runJob = jobRunner(sessions, {
    concurrency: Math.max(1, options.concurrency ?? os.availableParallelism()),
    timeoutMs: options.timeoutMs ?? 60_000,
  });
  return {
    async print(job) {
      const { result, warnings } = await runJob(job, printTask(job));
      return { pdf: result, warnings };
    },
    screenshot: screenshotTaker(runJob),
    close: () => sessions.close(),
  };
}

function printTask(job: PrintJob): PageTask<Uint8Array> {
  return {
    label: job.label,
    verb: 'print',
    run: async (page) => {
      // A print page that draws no frames (page-pool.ts) lays itself out only when asked: laid
      // out now, it asks for the fonts its text uses, and page.pdf() waits for them (it awaits
      // document.fonts.ready in puppeteer's isolated world, which works with JavaScript
      // disabled, as this evaluation does). Without it, the fonts loaded while Chromium laid out
      // the print, and a line could be placed a fraction of a point apart from one build to the next.
      await page.evaluate('void document.documentElement.getBoundingClientRect()');
      return page.pdf({
        format: job.paper,
        preferCSSPageSize: true,
        printBackground: true,
        tagged: true,
        outline: true,
        displayHeaderFooter: false,
        waitForFonts: true,
        timeout: 0,
      });
    },
  };
}
