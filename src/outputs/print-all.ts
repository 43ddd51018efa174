/**
 * Prints the PDFs of a build with one browser, owned by the build (browserOwner): Chromium starts
 * with the first document if the build did not start it earlier, so PDFs print while later
 * statements are still being rendered; print HTML is staged inside the output folder (its relative
 * asset URLs resolve there) and removed at the end; the build closes the browser in `finally`.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../report/diagnostic.ts';
import { STATEMENTS_DIR } from '../sources/load-statements.ts';
import type { Organization } from '../sources/schema.ts';
import type { Statement } from '../sources/statement.ts';
import { launchWithRetry, type BrowserOwner } from '../print/browser-owner.ts';
import type { BrowserPrinter as Printer } from '../print/printer.ts';
import { sourceDateEpoch } from '../util/source-date-epoch.ts';
import { writeAtomic } from '../write/write-atomic.ts';

// The PDF format (pdf-lib) is loaded only when a PDF is to be made: a build with nothing to print
// starts faster.
const loadPdf = () => import('./pdf/print-pdf.ts');
const loadThumbnails = () => import('../formats/thumbnail/pdf-thumbnail.ts');
const isNamed = (error: unknown, name: string) => error instanceof Error && error.name === name;

export const PRINT_STAGING = '.clarion-print';

export interface Printable {
  statement: Statement;
  files: { path: string; content: string | Uint8Array }[];
  /** The HTML to print as the PDF. */
  print?: string;
  /** The HTML of the share card (1200×630 PNG). */
  card?: string;
  /** The web page's absolute URL, when the organisation has a website. */
  pageUrl?: string;
}

export interface PrintContext {
  root: string;
  outDir: string;
  organization: Organization;
  generator: string;
  timeoutMs?: number;
  /** The benchmark's baseline: a fresh browser for every PDF, one at a time (what most scripts do). */
  naive?: boolean;
  /** The build's browser: started by the first job if not before, closed by the build. */
  browser: BrowserOwner;
  /** Also make a PNG of each PDF's first page (for the newsroom index). */
  thumbnails?: boolean;
}

export interface PrintQueue {
  /** Starts printing a statement's PDF; on success the PDF joins the statement's files. */
  add(job: Printable): void;
  /**
   * Settles once Chromium is at work on the jobs added so far (at once when there are none): work
   * that the PDFs do not need can wait for this, and then runs while they print.
   */
  busy(): Promise<void>;
  /** Waits for every PDF; returns problems and the statements whose PDF failed. The browser is left to its owner. */
  finish(): Promise<{ diagnostics: Diagnostic[]; failed: string[] }>;
}

export function createPrintQueue(ctx: PrintContext): PrintQueue {
  const diagnostics: Diagnostic[] = [];
  const failed: string[] = [];
  const pending: Promise<void>[] = [];
  const staging = path.join(ctx.outDir, PRINT_STAGING);
  const sourceDate = sourceDateEpoch();
  const fail = (s: Statement, message: string, hint: string) => {
    diagnostics.push({ file: s.file, line: 1, column: 1, severity: 'error', rule: 'pdf', message, hint });
    failed.push(s.file);
  };
  const cannotLaunch = (error: unknown) =>
    isNamed(error, 'ChromiumNotFoundError') ? (error as Error).message : `Chromium could not start: ${error instanceof Error ? error.message : String(error)}`;

  const allowedRoots = [path.join(ctx.outDir, 'assets'), staging, path.join(ctx.root, STATEMENTS_DIR)];
  const blocked = (s: Statement, warnings: string[]) => {
    for (const warning of warnings) {
      // An image of the statement's own text was reported where it is written (markdown stage).
      const url = /^blocked request to (https?:\S+?)…? \(/.exec(warning)?.[1];
      if (url && s.body.includes(url)) continue;
      diagnostics.push({ file: s.file, line: 1, column: 1, severity: 'warning', rule: 'pdf-blocked-request', message: warning, hint: 'use images stored beside the statement; the PDF is printed without network access' });
    }
  };
  const printPdf = async (printer: Printer, s: Statement, html: string, pageUrl: string | undefined) => {
    // Staged as deep as the page itself, so its relative asset URLs resolve the same way.
    const htmlFile = await writeAtomic(ctx.outDir, `${PRINT_STAGING}/${s.folder}.html`, printableLinks(html, pageUrl));
    const printed = await (await loadPdf()).printPdf(printer, {
      label: s.file,
      htmlFile,
      allowedRoots,
      paper: ctx.organization.paper,
      metadata: {
        title: s.title,
        author: ctx.organization.name,
        ...(s.summary ? { subject: s.summary } : {}),
        ...(s.tags.length ? { keywords: s.tags } : {}),
        lang: s.lang,
        creator: ctx.generator,
        producer: ctx.generator,
        date: sourceDate ?? s.date.instant,
        headings: headingsOf(html),
      },
      ...(ctx.timeoutMs ? { timeoutMs: ctx.timeoutMs } : {}),
    });
    return { files: [{ path: `${s.folder}/${s.slug}.pdf`, content: printed.pdf }], warnings: printed.warnings, pdf: printed.pdf };
  };
  const drawThumbnail = async (s: Statement, pdf: Uint8Array) => {
    const { png } = await (await loadThumbnails()).pdfThumbnail(pdf);
    return { files: [{ path: `${s.folder}/thumbnail.png`, content: png }], warnings: [] };
  };
  const captureCard = async (printer: Printer, s: Statement, html: string) => {
    const htmlFile = await writeAtomic(ctx.outDir, `${PRINT_STAGING}/${s.folder}.card.html`, html);
    const shot = await printer.screenshot({ label: s.file, htmlFile, allowedRoots, width: 1200, height: 630, ...(ctx.timeoutMs ? { timeoutMs: ctx.timeoutMs } : {}) });
    return { files: [{ path: `${s.folder}/card.png`, content: shot.png }], warnings: shot.warnings };
  };
  const printOne = async (printer: Printer, job: Printable) => {
    const s = job.statement;
    // The PDF and the share card side by side, on pages of their own; the thumbnail is drawn
    // from the PDF.
    const printing = job.print !== undefined ? printPdf(printer, s, job.print, job.pageUrl) : undefined;
    const [pdf, thumbnail, card] = await Promise.allSettled([
      printing,
      ctx.thumbnails ? printing?.then((printed) => drawThumbnail(s, printed.pdf)) : undefined,
      job.card !== undefined ? captureCard(printer, s, job.card) : undefined,
    ]);
    const problem = pdf.status === 'rejected' ? { error: pdf.reason as unknown, what: 'the PDF ' } : card.status === 'rejected' ? { error: card.reason as unknown, what: 'the share card ' } : thumbnail.status === 'rejected' ? { error: thumbnail.reason as unknown, what: 'the thumbnail ' } : undefined;
    if (problem) {
      const { error, what } = problem;
      if (!isNamed(error, 'PrintError') || !(error instanceof Error)) throw error;
      fail(s, error.message.replace(`${s.file} `, what), 'the other outputs of this statement are not written either; fix the cause and build again');
      return;
    }
    for (const made of [pdf, thumbnail, card]) {
      if (made.status !== 'fulfilled' || !made.value) continue;
      blocked(s, made.value.warnings);
      job.files.push(...made.value.files);
    }
  };

  if (ctx.naive) {
    const jobs: Printable[] = [];
    return {
      add: (job) => void jobs.push(job),
      // The baseline starts a browser per PDF, as it prints.
      busy: () => Promise.resolve(),
      async finish() {
        try {
          for (const job of jobs) {
            let printer: Printer;
            try {
              printer = await launchWithRetry({ concurrency: 1, ...(ctx.timeoutMs ? { timeoutMs: ctx.timeoutMs } : {}) });
            } catch (error) {
              fail(job.statement, 'the PDF was not made', cannotLaunch(error));
              continue;
            }
            try {
              await printOne(printer, job);
            } finally {
              await printer.close();
            }
          }
        } finally {
          await rm(staging, { recursive: true, force: true });
        }
        return { diagnostics, failed };
      },
    };
  }

  return {
    add(job) {
      // Chromium starts when the first PDF is wanted, if the build did not start it earlier.
      pending.push(
        ctx.browser.start().then(
          (p) => printOne(p, job),
          (error: unknown) => fail(job.statement, 'the PDF was not made', cannotLaunch(error)),
        ),
      );
    },
    busy: () => (pending.length > 0 ? ctx.browser.start().then(() => {}, () => {}) : Promise.resolve()),
    async finish() {
      try {
        await Promise.all(pending);
      } finally {
        await rm(staging, { recursive: true, force: true });
      }
      return { diagnostics, failed };
    },
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: '\u00a0' };

/** The text of each h1-h6 of an HTML document we rendered, in order. */
export function headingsOf(html: string): string[] {
  return [...html.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) =>
    m[2]!
      .replace(/<[^>]*>/g, '')
      .replace(/&(#?\w+);/g, (all, name: string) =>
        ENTITIES[name] ?? (name.startsWith('#x') ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith('#') ? String.fromCodePoint(Number(name.slice(1))) : all),
      )
      .trim(),
  );
}

/**
 * Links in the body that are relative (or empty) would point at the temporary print file once
 * printed, naming the build folder in the PDF: they are made absolute against the web page's
 * URL when there is one, and otherwise left as text. In-page links (#...) stay.
 */
export function printableLinks(html: string, pageUrl: string | undefined): string {
  return html.replace(/<a href="([^"]*)"([^>]*)>/g, (tag, href: string, rest: string) => {
    if (href.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(href)) return tag;
    if (!pageUrl || href === '') return `<a${rest}>`;
    return `<a href="${new URL(href.replace(/&amp;/g, '&'), pageUrl).href.replace(/&/g, '&amp;')}"${rest}>`;
  });
}
