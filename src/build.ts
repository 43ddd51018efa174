/**
 * `clarion build`: validate, render every statement to each format, print PDFs, write atomically,
 * report. A statement that fails leaves the others, and its own previous outputs, untouched.
 */
import { existsSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { buildAssets } from './assets/build-assets.ts';
import { loadFontFaces } from './assets/fonts.ts';
import type { Io } from './cli/io.ts';
import type { CliOptions } from './cli/options.ts';
import { promoteWarning, wordCountsOf } from './check.ts';
import { formatWordCount, type WordCount } from './report/reporter.ts';
import { FORMATS, makesThumbnails, type Format } from './outputs/formats.ts';
import type { Planned, PlanSetup } from './outputs/plan-statement.ts';
import { createPrintQueue } from './outputs/print-all.ts';
import { browserOwner, type BrowserOwner } from './print/browser-owner.ts';
import { sourceDateEpoch } from './util/source-date-epoch.ts';
import { listingOf, sameListing } from './site/listing.ts';
import { foldersTaken, publishedSet, withPublishedTranslations } from './site/published-set.ts';
import { publishSite, siteAhead, type SiteAhead } from './site/publish-site.ts';
import type { SiteInputs } from './site/render-site.ts';
import { countBySeverity, formatDiagnostic, sortDiagnostics, uniqueDiagnostics, type Diagnostic } from './report/diagnostic.ts';
import { UsageError } from './sources/find-sources.ts';
import { loadParseCache, PARSE_CACHE_FILE, parseCacheToWrite, parseCacheWritten } from './sources/parse-cache.ts';
import { loadStatements, ORGANIZATION_FILE, STATEMENTS_DIR, TEMPLATES_DIR } from './sources/load-statements.ts';
import type { Statement } from './sources/statement.ts';
import { loadTemplates } from './project/load-kinds.ts';
import { VERSION } from './version.ts';
import { hashFiles, hashParts, hashTree, MANIFEST_FILE, readManifest, serializeManifest, type Manifest } from './write/manifest.ts';
import { removeOutputs } from './write/remove-outputs.ts';
import { acquireBuildLock, LockedError } from './write/build-lock.ts';
import { writeAtomic, writeIfChanged, WriteError } from './write/write-atomic.ts';


const GENERATOR = `Clarion ${VERSION}`;


export interface BuildResult {
  built: { file: string; slug: string; outputs: string[] }[];
  /** Statements whose outputs were already up to date. */
  upToDate: string[];
  failed: string[];
  diagnostics: Diagnostic[];
  /** Files written (a build with nothing to do writes none). */
  files: number;
  /** Outputs of deleted or renamed statements, and site files the site no longer has, that were removed. */
  removed: string[];
  browserLaunched: boolean;
  /**
   * Every published statement after this build, the site's statements: those built or up to date,
   * and those that failed but whose previous outputs stay published.
   */
  published: { file: string; slug: string; folder: string; title: string; kind: string }[];
  /** Statements that failed but whose previous outputs stay published (and listed), with their folder. */
  kept: { file: string; folder: string }[];
  /** The word count of every UN submission, against its limit. */
  wordCounts: WordCount[];
}

/** `signal` is Ctrl-C: printing stops, Chromium closes, nothing more is written, and the exit code is 130. */
export async function build(io: Io, options: CliOptions & { signal?: AbortSignal }): Promise<number> {
  const started = performance.now();
  const progress = options.json || options.quiet ? undefined : createProgress(io);
  let result: BuildResult;
  try {
    result = await runBuild(io.cwd, { ...options, ...(progress ? { onProgress: progress.update } : {}) });
  } catch (error) {
    progress?.done();
    if (error instanceof LockedError) {
      io.stderr(`clarion: ${error.message}\n`);
      return 1;
    }
    if (options.signal?.aborted) {
      io.stderr('clarion: stopped; every output is either as it was or complete, none half-written\n');
      return 130;
    }
    throw error;
  }
  progress?.done();
  reportBuild(io, options, result, performance.now() - started);
  return buildExitCode(result);
}

export function buildExitCode(result: BuildResult): 0 | 1 {
  return countBySeverity(result.diagnostics).errors > 0 || result.failed.length > 0 ? 1 : 0;
}

/** Problems on stderr; one line per statement built and a summary line on stdout (or JSON). */
export function reportBuild(io: Io, options: Pick<CliOptions, 'json' | 'quiet' | 'out'>, result: BuildResult, ms: number): void {
  if (options.json) {
    io.stdout(JSON.stringify({ ...result, seconds: Number((ms / 1000).toFixed(2)), diagnostics: sortDiagnostics(result.diagnostics) }, null, 2) + '\n');
    return;
  }
  const diagnostics = sortDiagnostics(result.diagnostics).filter((d) => !options.quiet || d.severity === 'error');
  if (diagnostics.length) io.stderr(diagnostics.map(formatDiagnostic).join('\n') + '\n');
  for (const k of result.kept) io.stderr(`${k.file}: not built; its previous version stays published (${options.out}/${k.folder}/)\n`);
  if (!options.quiet) {
    for (const b of result.built) io.stdout(`${b.file} → ${b.outputs.join(', ')}\n`);
    for (const c of result.wordCounts) io.stdout(`${formatWordCount(c)}\n`);
  }
  const n = result.built.length;
  let summary = `Built ${n} statement${n === 1 ? '' : 's'} (${result.files} file${result.files === 1 ? '' : 's'}) in ${(ms / 1000).toFixed(2)} s`;
  if (result.upToDate.length) summary += `; ${result.upToDate.length} up to date`;
  if (result.removed.length) summary += `; removed ${result.removed.length} old file${result.removed.length === 1 ? '' : 's'}`;
  if (result.failed.length) summary += `; ${result.failed.length} failed: ${result.failed.join(', ')}`;
  io.stdout(summary + '\n');
}

/** On a terminal, a progress bar for builds that take more than a second; elsewhere nothing. */
function createProgress(io: Io): { update: (done: number, total: number, current: string) => void; done: () => void } | undefined {
  if (!io.isTTY) return undefined;
  const started = Date.now();
  let shown = false;
  return {
    update(done, total, current) {
      if (Date.now() - started < 1000 || total === 0) return;
      shown = true;
      const width = 24;
      const filled = Math.round((done / total) * width);
      io.stderr(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} ${current.slice(0, 48).padEnd(48)}`);
    },
    done() {
      if (shown) io.stderr('\r\x1b[2K');
    },
  };
}

export type BuildOptions = Pick<CliOptions, 'paths' | 'out' | 'formats' | 'strict' | 'concurrency' | 'now' | 'timeout' | 'force'> & {
  /** Benchmark baseline only: a fresh browser for every PDF, one at a time. */
  naive?: boolean;
  /** Worker threads for rendering (default: chosen from the number of statements; 0 = none). */
  renderThreads?: number;
  /** A browser kept warm by the caller between builds (watch mode): used, not closed. */
  browser?: BrowserOwner;
  /** Called as each statement is done. */
  onProgress?: (done: number, total: number, current: string) => void;
  /** Stops the build (Ctrl-C): the browser is closed, nothing more is written. */
  signal?: AbortSignal;
  /**
   * Watch mode: write each statement's page and text as soon as they are rendered, without
   * waiting for its PDF (which, if it then fails, leaves the new page beside the old PDF).
   */
  writeEarly?: boolean;
};

/** The browser that builds with these options print with: one per build, or one for all of watch mode's. */
export function browserFor(options: BuildOptions): BrowserOwner {
  return browserOwner({
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.timeout ? { timeoutMs: options.timeout * 1000 } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    thumbnails: makesThumbnails(parseFormats(options.formats)),
  });
}

export async function runBuild(root: string, options: BuildOptions): Promise<BuildResult> {
  const formats = parseFormats(options.formats);
  const outDir = path.resolve(root, options.out);
  let release: (() => Promise<void>) | undefined;
  // Watch mode lends the browser it keeps between builds; otherwise the build has its own.
  const browser = options.browser ?? browserFor(options);
  try {
    release = await acquireBuildLock(outDir);
    const result = await buildLocked(root, outDir, formats, options, browser);
    return { ...result, diagnostics: uniqueDiagnostics(result.diagnostics) };
  } catch (error) {
    if (!(error instanceof WriteError)) throw error;
    // A write the whole build depends on failed (the shared assets, the disk): stop here.
    return {
      built: [], upToDate: [], failed: [], files: 0, removed: [], browserLaunched: false, published: [], kept: [], wordCounts: [],
      diagnostics: [{ file: error.file, line: 1, column: 1, severity: 'error', rule: 'write', message: `cannot write: ${error.reason}`, hint: error.hint }],
    };
  } finally {
    // No Chromium outlives the build, whatever happened (but the one watch mode lends).
    if (!options.browser) await browser.close();
    await release?.();
  }
}

async function buildLocked(root: string, outDir: string, formats: Format[], options: BuildOptions, browser: BrowserOwner): Promise<BuildResult> {
  const signal = options.signal;
  const launchedBefore = browser.launched;
  // Read even with --force: it says what is published and which files are Clarion's.
  const previous = await readManifest(outDir);
  // When a source of the PDFs changed since the last build without failures (anything under
  // statements/ or templates/ but the newsroom's own templates), Chromium starts at once, while the
  // statements are read and rendered: the first PDF need not wait for it.
  const templatesRoot = path.join(root, TEMPLATES_DIR);
  const inputs = hashTree(root, [path.join(root, STATEMENTS_DIR), templatesRoot], [VERSION, JSON.stringify({ formats, strict: options.strict ?? false })], [path.join(templatesRoot, 'newsroom')]);
  const prints = (formats.includes('pdf') || formats.includes('card')) && !options.naive;
  if (prints && (options.force || previous?.inputs !== inputs)) void browser.start().catch(() => {});
  // Statements parsed by an earlier build (unless everything is to be done again).
  if (!options.force) await loadParseCache(outDir);
  const loaded = await loadStatements(root, options.paths.length ? options.paths : undefined);
  // A source that is gone is gone whatever the build was asked to do; a build of some statements
  // keeps the others (their sources are still there).
  const found = new Set(loaded.files);
  const sourceExists = (file: string) => found.has(file) || (options.paths.length > 0 && existsSync(path.join(root, file)));
  const diagnostics = options.strict ? loaded.diagnostics.map(promoteWarning) : [...loaded.diagnostics];
  diagnostics.push(...foldersTaken(loaded.statements, previous?.statements ?? {}, sourceExists));
  const failed = new Set(loaded.files.filter((f) => diagnostics.some((d) => d.file === f && d.severity === 'error')));
  const result: BuildResult = { built: [], upToDate: [], failed: [], diagnostics, files: 0, removed: [], browserLaunched: false, published: [], kept: [], wordCounts: wordCountsOf(loaded.statements) };
  const organization = loaded.organization;
  if (!organization) {
    result.failed = [...new Set([...failed, ...loaded.files])].sort();
    result.kept = keptOf(result.failed, previous?.statements ?? {});
    return result;
  }
  const statements = withPublishedTranslations(loaded.statements, previous?.statements ?? {}, sourceExists);

  // Templates: a broken template fails the statements of its kind only.
  const templatesDir = path.join(root, TEMPLATES_DIR);
  const templates = loadTemplates(root, templatesDir, statements.map((s) => s.kind), { newsroom: formats.includes('html'), organization });
  diagnostics.push(...templates.diagnostics);
  const { kinds, newsroom, logo } = templates;
  const assets = buildAssets([...kinds.values(), ...(newsroom ? [newsroom] : [])], loadFontFaces(path.join(templatesDir, 'fonts.yaml')), logo);
  // Shared assets first: content-hashed, so a file already there is the same file, and writing
  // a new one never disturbs a published page.
  for (const asset of assets.files) {
    if (existsSync(path.join(outDir, asset.path))) continue;
    await writeAtomic(outDir, asset.path, asset.content);
    result.files++;
  }

  // What each statement's outputs depend on, and which statements are already up to date. The
  // entries of statements whose source is gone go (their outputs are removed at the end).
  const manifest: Manifest = { clarion: VERSION, statements: { ...(previous?.statements ?? {}) } };
  const gone = Object.keys(manifest.statements).filter((file) => !sourceExists(file));
  const unpublished = gone.flatMap((file) => manifest.statements[file]!.outputs);
  for (const file of gone) delete manifest.statements[file];
  const organizationBytes = readFileSync(path.join(root, ORGANIZATION_FILE));
  const shared = [path.join(templatesDir, 'fonts.yaml'), ...listFiles(path.join(templatesDir, 'locales'))];
  const kindHashes = new Map([...kinds].map(([name, kind]) => [name, hashFiles([...kind.files, ...shared], root)]));
  const keyOf = (statement: Statement, media: readonly string[]) =>
    hashParts([VERSION, JSON.stringify({ formats, strict: options.strict ?? false }), readFileSync(path.join(root, statement.file)), organizationBytes, kindHashes.get(statement.kind) ?? '', hashFiles(media.map((m) => path.resolve(root, m)), root)]);
  const upToDate = (statement: Statement): boolean => {
    const entry = options.force ? undefined : previous?.statements[statement.file];
    // Its listing too: what the site shows of it (its date, its languages...) is what its pages say.
    return entry?.listing !== undefined && entry.slug === statement.folder && entry.key === keyOf(statement, entry.media) && sameListing(entry.listing, listingOf(statement)) && entry.outputs.every((f) => existsSync(path.join(outDir, f)));
  };

  const setup: PlanSetup = {
    root,
    templatesDir,
    statementsDir: realpathSync(path.join(root, STATEMENTS_DIR)),
    organization,
    hrefs: Object.fromEntries(assets.hrefs),
    formats,
    strict: options.strict ?? false,
    generator: GENERATOR,
    ...(sourceDateEpoch() ? { documentDate: sourceDateEpoch()! } : {}),
  };
  const site: SiteInputs = {
    root,
    templatesDir,
    newsroom,
    shared,
    organization,
    organizationBytes,
    formats,
    assets,
    generator: GENERATOR,
    now: options.now ?? sourceDateEpoch() ?? new Date(),
    version: VERSION,
  };
  const printing = formats.includes('pdf') || formats.includes('card')
    ? createPrintQueue({ root, outDir, organization, generator: GENERATOR, browser, ...(options.naive ? { naive: true } : {}), ...(makesThumbnails(formats) ? { thumbnails: true } : {}), ...(options.timeout ? { timeoutMs: options.timeout * 1000 } : {}) })
    : undefined;
  const planned: Planned[] = [];
  const mediaWritten = new Set<string>();
  const buildable = statements.filter((s) => {
    if (!kinds.has(s.kind) || failed.has(s.file)) {
      failed.add(s.file);
      return false;
    }
    if (upToDate(s)) {
      result.upToDate.push(s.file);
      return false;
    }
    return true;
  });
  signal?.throwIfAborted();
  // Otherwise Chromium starts here, while the statements are rendered (a failed start is reported
  // by the PDFs that needed it).
  if (prints && buildable.length > 0) void browser.start().catch(() => {});
  const mediaOf = new Map<string, string[]>();
  const early = new Set<string>();
  let progressDone = 0;
  let ahead: SiteAhead | undefined;
  try {
    // The renderers load only when there is something to render.
    const { planAll } = buildable.length > 0 ? await import('./outputs/plan-all.ts') : { planAll: async () => {} };
    await planAll(
      buildable,
      setup,
      async (statement, outcome) => {
        signal?.throwIfAborted();
        diagnostics.push(...outcome.diagnostics);
        options.onProgress?.(++progressDone, buildable.length, statement.file);
        if (!outcome.plan) {
          failed.add(statement.file);
          return;
        }
        planned.push(outcome.plan);
        mediaOf.set(statement.file, outcome.mediaSources.map((m) => path.relative(root, m).split(path.sep).join('/')));
        // Its images must be in place before its PDF is printed.
        for (const image of outcome.media) {
          if (mediaWritten.has(image.path)) continue;
          mediaWritten.add(image.path);
          await writeAtomic(outDir, image.path, image.content);
          result.files++;
        }
        if (options.writeEarly) {
          // Watch mode: the page and the text appear at once; the PDF follows when it is printed.
          for (const file of outcome.plan.files) {
            await writeAtomic(outDir, file.path, file.content);
            early.add(file.path);
          }
        }
        if (outcome.plan.print !== undefined || outcome.plan.card !== undefined) printing?.add(outcome.plan);
      },
      { kinds, ...(options.renderThreads !== undefined ? { threads: options.renderThreads } : {}) },
    );
    // While Chromium prints, the site is rendered as it will be if every PDF succeeds (once
    // Chromium is at work on the PDFs, so that the first PDF does not wait for it).
    const listings = Object.fromEntries(planned.filter((p) => !failed.has(p.statement.file)).map((p) => [p.statement.file, { listing: listingOf(p.statement) }]));
    ahead = siteAhead(site, publishedSet({ ...manifest.statements, ...listings }), options.force ? undefined : previous?.site, printing?.busy() ?? Promise.resolve());
  } finally {
    if (printing) {
      const printed = await printing.finish();
      // Chromium closes while the outputs are written.
      if (!options.browser) void browser.close();
      diagnostics.push(...printed.diagnostics);
      for (const file of printed.failed) failed.add(file);
    }
    result.browserLaunched = (browser.launched && !launchedBefore) || (options.naive === true && planned.length > 0);
  }
  signal?.throwIfAborted();
  planned.sort((a, b) => a.statement.file.localeCompare(b.statement.file));

  for (const plan of planned) {
    const s = plan.statement;
    if (failed.has(s.file)) continue;
    if (plan.eml) {
      const pdf = plan.files.find((f) => f.path.endsWith('.pdf'));
      const attachments = organization.email_attach_pdf && pdf ? [{ filename: path.basename(pdf.path), content: pdf.content as Uint8Array, contentType: 'application/pdf' }] : [];
      plan.files.push({ path: `${s.folder}/${s.slug}.eml`, content: await (await import('./formats/eml/compose-eml.ts')).composeEml({ ...plan.eml, ...(attachments.length ? { attachments } : {}) }) });
    }
    signal?.throwIfAborted();
    try {
      for (const file of plan.files) if (!early.has(file.path)) await writeAtomic(outDir, file.path, file.content);
    } catch (error) {
      if (!(error instanceof WriteError)) throw error;
      diagnostics.push({ file: s.file, line: 1, column: 1, severity: 'error', rule: 'write', message: `${error.file}: cannot write: ${error.reason}`, hint: error.hint });
      failed.add(s.file);
      continue;
    }
    result.files += plan.files.length;
    const media = mediaOf.get(s.file) ?? [];
    // Outputs of its previous folder (its slug changed) are no longer published.
    const before = manifest.statements[s.file];
    if (before && before.slug !== s.folder) unpublished.push(...before.outputs);
    manifest.statements[s.file] = { key: keyOf(s, media), slug: s.folder, outputs: plan.files.map((f) => f.path), media, listing: listingOf(s) };
    result.built.push({ file: s.file, slug: s.folder, outputs: plan.files.map((f) => `${options.out}/${f.path}`) });
  }
  // The site, from the whole published set, then the removal of what is no longer published:
  // only files the manifest says Clarion wrote, and none that a published statement has.
  const published = publishedSet(manifest.statements);
  result.published = published.map((p) => ({ file: p.file, slug: p.slug, folder: p.folder, title: p.title, kind: p.kind }));
  const siteOutcome = await publishSite(outDir, site, published, previous?.site, { ...(options.force ? { force: true } : {}), ...(ahead ? { ahead } : {}) });
  result.files += siteOutcome.written;
  if (siteOutcome.site) manifest.site = siteOutcome.site;
  const current = new Set(Object.values(manifest.statements).flatMap((e) => e.outputs));
  result.removed = [...new Set([...unpublished.filter((f) => !current.has(f)), ...siteOutcome.stale])].sort();
  await removeOutputs(outDir, result.removed);
  // A full build's statements make the whole cache (a build of some statements would drop the others).
  const cache = options.paths.length === 0 ? await parseCacheToWrite(outDir, loaded.files) : undefined;
  if (cache) {
    // Only a cache: a build that cannot write it is no slower next time than without it.
    await writeAtomic(outDir, PARSE_CACHE_FILE, cache).then(() => parseCacheWritten(outDir, cache), () => {});
  }
  // A build without failures records its inputs: the same inputs next time mean nothing to print.
  const clean = options.paths.length === 0 && failed.size === 0 && countBySeverity(diagnostics).errors === 0;
  if (clean) manifest.inputs = inputs;
  result.files += await writeIfChanged(outDir, MANIFEST_FILE, serializeManifest(manifest));
  result.failed = [...failed].sort();
  result.kept = keptOf(result.failed, manifest.statements);
  return result;
}

/** Failed statements that stay published (listed, with their last good outputs). */
function keptOf(failed: readonly string[], entries: Manifest['statements']): BuildResult['kept'] {
  return failed.flatMap((file) => (entries[file]?.listing ? [{ file, folder: entries[file].slug }] : []));
}

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir).map((f) => path.join(dir, f));
  } catch {
    return [];
  }
}

function parseFormats(given: readonly string[] | undefined): Format[] {
  if (!given) return [...FORMATS];
  for (const f of given) {
    if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`unknown format "${f}" — use one or more of ${FORMATS.join(', ')}`);
  }
  return FORMATS.filter((f) => given.includes(f));
}
