/**
 * Makes the statements of a build: each is rendered (on worker threads for large builds), its
 * images are published, the browser and the formats made from others complete it, and its outputs
 * are written as soon as they are all made, atomically, file by file. A statement any of whose
 * formats fails writes nothing: its previous outputs stay.
 */
import path from 'node:path';
import type { Output } from '../formats/index.ts';
import type { Diagnostic } from '../report/diagnostic.ts';
import type { Statement } from '../sources/statement.ts';
import type { Project } from '../project/load-project.ts';
import { gate } from '../util/gate.ts';
import { writeAtomic, WriteError } from '../write/write-atomic.ts';
import type { JobCompleter } from './complete-job.ts';
import type { RenderedJob, RenderResult, RenderSetup } from './render-job.ts';

export interface MakeContext {
  root: string;
  outDir: string;
  setup: RenderSetup;
  project: Project;
  completer: JobCompleter;
  threads?: number;
  /** The build prints (its browser's formats): no render workers unless asked for. */
  printing?: boolean;
  /** Watch mode: write what rendering made at once, without waiting for the PDF. */
  writeEarly?: boolean;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, current: string) => void;
}

export interface MadeStatement {
  statement: Statement;
  outputs: string[];
  /** The source images it shows (paths relative to the project). */
  media: string[];
}

export interface Making {
  /** Settles when every statement is rendered, with those that rendered without errors. */
  rendered: Promise<Statement[]>;
  /** Settles when every statement is made and written. */
  done: Promise<{ made: MadeStatement[]; failed: string[]; diagnostics: Diagnostic[]; files: number }>;
}

/**
 * Statements rendered but not yet written, at most (after the first, which is made alone):
 * enough to keep the browser's pages and the main thread busy, few enough that the first
 * statements finish early (their thumbnails and emails do not queue behind the rendering of the
 * rest) and that memory does not grow with the build.
 */
export const IN_FLIGHT = 8;

export function makeStatements(statements: readonly Statement[], ctx: MakeContext): Making {
  const diagnostics: Diagnostic[] = [];
  const failed: string[] = [];
  const made: MadeStatement[] = [];
  const rendered: Statement[] = [];
  const pending: Promise<void>[] = [];
  const mediaWritten = new Set<string>();
  let files = 0;
  let progress = 0;
  const room = inFlight();
  const leave = room.leave;

  const write = async (outputs: readonly Output[]) => {
    for (const output of outputs) {
      await writeAtomic(ctx.outDir, output.path, output.content);
      files++;
    }
  };
  const finish = async (job: RenderedJob, media: string[], early: ReadonlySet<string>) => {
    const s = job.statement;
    const outputs = await ctx.completer.complete(job);
    if (!outputs) return void failed.push(s.file);
    ctx.signal?.throwIfAborted();
    try {
      await write(outputs.filter((o) => !early.has(o.path)));
    } catch (error) {
      if (!(error instanceof WriteError)) throw error;
      diagnostics.push({ file: s.file, line: 1, column: 1, severity: 'error', rule: 'write', message: `${error.file}: cannot write: ${error.reason}`, hint: error.hint });
      return void failed.push(s.file);
    }
    files += early.size;
    made.push({ statement: s, outputs: outputs.map((o) => o.path), media });
  };
  const onResult = async (statement: Statement, outcome: RenderResult) => {
    ctx.signal?.throwIfAborted();
    diagnostics.push(...outcome.diagnostics);
    ctx.onProgress?.(++progress, statements.length, statement.file);
    if (!outcome.job) {
      leave();
      return void failed.push(statement.file);
    }
    rendered.push(statement);
    // Its images must be in place before its PDF is printed.
    const fresh = outcome.media.filter((image) => !mediaWritten.has(image.path));
    for (const image of fresh) mediaWritten.add(image.path);
    await write(fresh);
    const early = ctx.writeEarly ? await writeFirst(ctx.outDir, outcome.job) : new Set<string>();
    const media = outcome.mediaSources.map((m) => path.relative(ctx.root, m).split(path.sep).join('/'));
    const finishing = finish(outcome.job, media, early).finally(leave);
    // Heard through `done`; when rendering stops first (Ctrl-C), nobody waits for it.
    finishing.catch(() => {});
    pending.push(finishing);
  };

  const rendering = (async () => {
    // The renderers load only when there is something to render.
    if (statements.length === 0) return [];
    const { renderAll } = await import('./render-all.ts');
    await renderAll(statements, ctx.setup, onResult, { project: ctx.project, admit: room.enter, printing: ctx.printing ?? false, ...(ctx.threads !== undefined ? { threads: ctx.threads } : {}) });
    return rendered;
  })();
  const done = rendering.then(async () => {
    await Promise.all(pending);
    made.sort((a, b) => a.statement.file.localeCompare(b.statement.file));
    return { made, failed, diagnostics, files };
  });
  // Whoever waits hears of a failure; the other promise must not raise it a second time.
  rendering.catch(() => {});
  done.catch(() => {});
  return { rendered: rendering, done };
}

/**
 * The first statement is made alone: its outputs appear early, while the browser is still cold,
 * instead of sharing it with the next ones (then IN_FLIGHT at once).
 */
function inFlight(): { enter: () => Promise<void>; leave: () => void } {
  const room = gate(1);
  return {
    enter: room.enter,
    leave: () => {
      room.release();
      room.resize(IN_FLIGHT);
    },
  };
}

/** Watch mode: the page and the text appear at once; the PDF follows when it is printed. */
async function writeFirst(outDir: string, job: RenderedJob): Promise<Set<string>> {
  const early = new Set<string>();
  for (const output of job.made.flatMap(([, outputs]) => outputs)) {
    await writeAtomic(outDir, output.path, output.content);
    early.add(output.path);
  }
  return early;
}
