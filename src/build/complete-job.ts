/**
 * Completes each rendered statement: the formats the browser makes (the PDF and the share card,
 * side by side), then those made from other formats (the thumbnail from the PDF, the email with
 * the PDF attached). Chromium starts with the first statement that needs it, if the build did not
 * start it earlier, so PDFs print while later statements are still being rendered. The pages it
 * prints are staged inside the output folder (their relative asset URLs resolve there) and
 * removed at the end. A statement any of whose formats fails has none of its outputs written.
 */
import { mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserJob, Output, OutputFormat, Rendered, Views } from '../formats/index.ts';
import type { BrowserOwner } from '../print/browser-owner.ts';
import { launchWithRetry } from '../print/browser-owner.ts';
import type { BrowserPrinter } from '../print/printer.ts';
import type { Diagnostic } from '../report/diagnostic.ts';
import { STATEMENTS_DIR } from '../sources/load-statements.ts';
import type { Organization } from '../sources/schema.ts';
import type { Statement } from '../sources/statement.ts';
import { outputPath } from '../write/output-path.ts';
import { toWriteError, writeAtomic } from '../write/write-atomic.ts';
import { madeWhileRendering, type RenderedJob } from './render-job.ts';

export const PRINT_STAGING = '.clarion-print';

export interface CompleteContext {
  root: string;
  outDir: string;
  organization: Organization;
  generator: string;
  /** The formats of the build. */
  formats: readonly OutputFormat[];
  /** The build's browser: started by the first statement that needs it, closed by the build. */
  browser: BrowserOwner;
  /** SOURCE_DATE_EPOCH, when set: the date stamped into documents instead of the statement's. */
  documentDate?: Date;
  timeoutMs?: number;
  /** The benchmark's baseline: a fresh browser for every statement, one at a time (what most scripts do). */
  naive?: boolean;
}

export interface JobCompleter {
  /** Every output of the statement, in the registry's order; undefined when one of its formats failed. */
  complete(job: RenderedJob): Promise<Output[] | undefined>;
  /** Settles once Chromium is at work on the statements given so far (at once when none needs it). */
  busy(): Promise<void>;
  /** Waits for every statement; the problems found and the statements that failed. */
  finish(): Promise<{ diagnostics: Diagnostic[]; failed: string[] }>;
}

const isNamed = (error: unknown, name: string) => error instanceof Error && error.name === name;
const FAILED_HINT = 'the other outputs of this statement are not written either; fix the cause and build again';

interface Sink {
  diagnostics: Diagnostic[];
  failed: string[];
  allowedRoots: string[];
  /** Whether the staging folder was made. */
  staging?: boolean;
}

export function createJobCompleter(ctx: CompleteContext): JobCompleter {
  const sink: Sink = { diagnostics: [], failed: [], allowedRoots: [path.join(ctx.outDir, 'assets'), path.join(ctx.outDir, PRINT_STAGING), path.join(ctx.root, STATEMENTS_DIR)] };
  const pending: Promise<unknown>[] = [];
  let queue: Promise<unknown> = Promise.resolve();
  let printing = false;
  const naively = async (job: RenderedJob): Promise<Output[] | undefined> => {
    let launched: BrowserPrinter | undefined;
    try {
      return await completeJob(ctx, sink, job, async () => (launched = await launchWithRetry({ concurrency: 1, ...(ctx.timeoutMs ? { timeoutMs: ctx.timeoutMs } : {}) })));
    } finally {
      await launched?.close();
    }
  };
  return {
    complete(job) {
      let done: Promise<Output[] | undefined>;
      if (ctx.naive) {
        // The baseline starts a browser per statement, one statement after the other.
        done = queue.then(() => naively(job));
        queue = done.catch(() => {});
      } else {
        done = completeJob(ctx, sink, job, () => {
          printing = true;
          return ctx.browser.start();
        });
      }
      // Waited for by finish(); holding nothing, so that a statement's outputs are freed once written.
      pending.push(done.then(() => {}, () => {}));
      return done;
    },
    busy: () => (printing ? ctx.browser.start().then(() => {}, () => {}) : Promise.resolve()),
    async finish() {
      try {
        await Promise.all(pending);
      } finally {
        await rm(path.join(ctx.outDir, PRINT_STAGING), { recursive: true, force: true });
      }
      return { diagnostics: sink.diagnostics, failed: sink.failed };
    },
  };
}

/** One statement's remaining formats; its outputs, or undefined when one failed (and the problem in `sink`). */
async function completeJob(ctx: CompleteContext, sink: Sink, job: RenderedJob, printer: () => Promise<BrowserPrinter>): Promise<Output[] | undefined> {
  const s = job.statement;
  const fail = (message: string, hint: string) => {
    sink.diagnostics.push({ file: s.file, line: 1, column: 1, severity: 'error', rule: 'pdf', message, hint });
    sink.failed.push(s.file);
    return undefined;
  };
  const later = ctx.formats.filter((f) => f.appliesTo(s) && !madeWhileRendering(f));
  const printed = later.filter((f) => f.browser && f.needs.every((v) => (job.views as Views)[v] !== undefined));
  let browser: BrowserJob | undefined;
  if (printed.length > 0) {
    try {
      browser = browserJob(ctx, sink, await printer(), s);
    } catch (error) {
      return fail('the PDF was not made', cannotLaunch(error));
    }
  }
  // The browser's formats side by side; one made from another starts when that one is done.
  const made = new Map<string, readonly Output[]>(job.made);
  const running = new Map<string, Promise<Rendered>>();
  for (const format of later) {
    const before = (format.after ?? []).flatMap((name) => running.get(name) ?? []);
    running.set(format.name, Promise.all(before).then(async () => {
      const result = await format.render({ statement: s, views: job.views, organization: ctx.organization, made, ...(job.pageUrl ? { pageUrl: job.pageUrl } : {}), generator: ctx.generator, documentDate: ctx.documentDate ?? s.date.instant, ...(format.browser && browser ? { browser } : {}) });
      made.set(format.name, result.outputs);
      return result;
    }));
  }
  const settled = await Promise.allSettled(running.values());
  const names = [...running.keys()];
  const rejected = settled.findIndex((r) => r.status === 'rejected');
  if (rejected >= 0) {
    const error = (settled[rejected] as PromiseRejectedResult).reason as unknown;
    if (!isNamed(error, 'PrintError') || !(error instanceof Error)) throw error;
    const noun = later.find((f) => f.name === names[rejected])?.noun ?? `the ${names[rejected]}`;
    return fail(error.message.replace(`${s.file} `, `${noun} `), FAILED_HINT);
  }
  for (const result of settled as PromiseFulfilledResult<Rendered>[]) {
    sink.diagnostics.push(...(result.value.diagnostics ?? []));
    blocked(s, result.value.warnings ?? [], sink.diagnostics);
  }
  return ctx.formats.flatMap((f) => [...(made.get(f.name) ?? [])]);
}

function browserJob(ctx: CompleteContext, sink: Sink, printer: BrowserPrinter, s: Statement): BrowserJob {
  return {
    printer,
    stage: (html, suffix) => {
      // A folder the pages may load from: it is there before a job names it (the document itself
      // is written only if a page must load it from its file).
      if (!sink.staging) makeFolder(path.join(ctx.outDir, PRINT_STAGING));
      sink.staging = true;
      const relative = `${PRINT_STAGING}/${s.folder}${suffix ? `.${suffix}` : ''}.html`;
      let written: Promise<unknown> | undefined;
      const write = async () => void (await (written ??= writeAtomic(ctx.outDir, relative, html)));
      return { htmlFile: outputPath(ctx.outDir, relative), staged: { html, write } };
    },
    allowedRoots: sink.allowedRoots,
    ...(ctx.timeoutMs ? { timeoutMs: ctx.timeoutMs } : {}),
    label: s.file,
  };
}

/** What the browser refused to load, but images of the statement's own text: those were reported where they are written. */
function blocked(s: Statement, warnings: readonly string[], diagnostics: Diagnostic[]): void {
  for (const warning of warnings) {
    const url = /^blocked request to (https?:\S+?)…? \(/.exec(warning)?.[1];
    if (url && s.body.includes(url)) continue;
    diagnostics.push({ file: s.file, line: 1, column: 1, severity: 'warning', rule: 'pdf-blocked-request', message: warning, hint: 'use images stored beside the statement; the PDF is printed without network access' });
  }
}

function makeFolder(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw toWriteError(folder, error);
  }
}

function cannotLaunch(error: unknown): string {
  return isNamed(error, 'ChromiumNotFoundError') ? (error as Error).message : `Chromium could not start: ${error instanceof Error ? error.message : String(error)}`;
}
