/**
 * A build: read the project and the statements, plan what to build, make it (render, print,
 * write as each statement is ready), then publish the site from everything published. A
 * statement that fails leaves the others, and its own previous outputs, untouched.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { buildAssets } from '../project/build-assets.ts';
import type { CliOptions } from '../cli/options.ts';
import { builds, selectFormats, UnknownFormatError, type OutputFormat } from '../formats/index.ts';
import { kindNamed } from '../kinds/index.ts';
import { loadProject, type Project } from '../project/load-project.ts';
import { browserOwner, type BrowserOwner } from '../print/browser-owner.ts';
import { uniqueDiagnostics } from '../report/diagnostic.ts';
import { UsageError } from '../sources/find-sources.ts';
import { ORGANIZATION_FILE, STATEMENTS_DIR, TEMPLATES_DIR } from '../sources/load-statements.ts';
import { listingOf } from '../site/listing.ts';
import { publishedSet } from '../site/published-set.ts';
import { siteAhead } from '../site/publish-site.ts';
import type { SiteInputs } from '../site/render-site.ts';
import type { Organization } from '../sources/schema.ts';
import { sourceDateEpoch } from '../util/source-date-epoch.ts';
import { VERSION } from '../version.ts';
import { acquireBuildLock } from '../write/build-lock.ts';
import { loadParseCache } from '../sources/parse-cache.ts';
import { readOnce, type ReadOnce } from '../util/read-once.ts';
import { writeAtomic, WriteError } from '../write/write-atomic.ts';
import { createJobCompleter } from './complete-job.ts';
import { buildInputs, sharedTemplateFiles, statementKeys, type KeyOptions } from './keys.ts';
import { makeStatements } from './make-statements.ts';
import { listOutputs, presentIn, presentOnDisk } from './outputs-present.ts';
import { readManifest, type Manifest } from './manifest.ts';
import { planBuild } from './plan.ts';
import { publish } from './publish.ts';
import { emptyResult, type BuildResult } from './result.ts';
import type { RenderSetup } from './render-job.ts';
import { readSources, type Sources } from './sources.ts';

const GENERATOR = `Clarion ${VERSION}`;

export type BuildOptions = Pick<CliOptions, 'paths' | 'out' | 'formats' | 'strict' | 'concurrency' | 'now' | 'timeout' | 'force'> & {
  /** Benchmark baseline only: a fresh browser for every PDF, one at a time. */
  naive?: boolean;
  /** Worker threads for rendering (default: chosen from the number of statements; 0 = none). */
  renderThreads?: number;
  /** A browser kept warm by the caller between builds (watch mode): used, not closed. */
  browser?: BrowserOwner;
  /** Called as each statement is rendered. */
  onProgress?: (done: number, total: number, current: string) => void;
  /** Stops the build (Ctrl-C): the browser is closed, nothing more is written. */
  signal?: AbortSignal;
  /** Watch mode: write each statement's page and text as soon as they are rendered, before its PDF. */
  writeEarly?: boolean;
};

/** The formats the options ask for; an unknown one is a usage error. */
export function formatsOf(options: Pick<BuildOptions, 'formats'>): OutputFormat[] {
  try {
    return selectFormats(options.formats);
  } catch (error) {
    if (error instanceof UnknownFormatError) throw new UsageError(error.message);
    throw error;
  }
}

/** The browser that builds with these options print with: one per build, or one for all of watch mode's. */
export function browserFor(options: BuildOptions): BrowserOwner {
  const formats = formatsOf(options);
  return browserOwner({
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    ...(options.timeout ? { timeoutMs: options.timeout * 1000 } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    // While Chromium starts, the formats load what they render with: the first statement does not wait for it.
    onStart: () => {
      for (const format of formats) void format.load?.().catch(() => {});
    },
  });
}

export async function runBuild(root: string, options: BuildOptions): Promise<BuildResult> {
  const formats = formatsOf(options);
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
    return emptyResult([{ file: error.file, line: 1, column: 1, severity: 'error', rule: 'write', message: `cannot write: ${error.reason}`, hint: error.hint }]);
  } finally {
    // No Chromium outlives the build, whatever happened (but the one watch mode lends).
    if (!options.browser) await browser.close();
    await release?.();
  }
}

async function buildLocked(root: string, outDir: string, formats: OutputFormat[], options: BuildOptions, browser: BrowserOwner): Promise<BuildResult> {
  const launchedBefore = browser.launched;
  const keyOptions = { formats: formats.map((f) => f.name), strict: options.strict ?? false };
  // Only a whole build records its inputs (a build of some paths reads only those: watch mode's rebuilds).
  const whole = options.paths.length === 0;
  const listed = whole ? listOutputs(outDir) : undefined;
  // Each source is read once: the inputs' hash, the parse and the keys see the same bytes.
  const reads = readOnce();
  const [previous, inputs] = await Promise.all([
    // Statements parsed and templates compiled by an earlier build, and whether it checked the
    // manifest (unless everything is to be done again); the manifest is read even with --force:
    // it says what is published and which files are Clarion's.
    (options.force ? Promise.resolve() : loadParseCache(outDir)).then(() => readManifest(outDir)),
    whole ? buildInputs(root, keyOptions, reads) : '',
  ]);
  // When a source of the PDFs changed since the last build without failures, Chromium starts at
  // once, while the statements are read and rendered: the first PDF need not wait for it. The code
  // that drives it is loaded first, which the parsing would hold back.
  const prints = formats.some((f) => f.browser) && !options.naive;
  if (prints && whole && (options.force || previous?.inputs !== inputs)) {
    void browser.start().catch(() => {});
    await browser.loaded();
  }
  const sources = await readSources(root, options, previous, reads);
  const result = emptyResult(sources.diagnostics);
  result.wordCounts = sources.loaded.statements.flatMap((s) => kindNamed(s.kind).summary?.(s) ?? []);
  const organization = sources.loaded.organization;
  const project = organization && loadProject(root, { kinds: sources.statements.map((s) => s.kind), newsroom: builds(formats, 'html'), organization });
  if (project) project.fontFaces();
  result.diagnostics.push(...(project?.diagnostics ?? []));
  // Without the organisation profile or the fonts, no page can be made: nothing is written.
  if (!organization || !project || project.broken) {
    result.failed = [...new Set([...sources.failed, ...sources.loaded.files])].sort();
    result.kept = keptOf(result.failed, previous?.statements ?? {});
    return result;
  }
  const ready = await prepare({ root, outDir, formats, options, sources, previous, organization, keyOptions, project, reads, listed }, result);
  options.signal?.throwIfAborted();
  // Otherwise Chromium starts here, while the statements are rendered (a failed start is reported
  // by the statements that needed it).
  if (prints && ready.plan.build.length > 0) void browser.start().catch(() => {});
  const failed = new Set(ready.plan.failed);
  const { done, ahead } = await make(ready, browser, failed, result);
  result.browserLaunched = (browser.launched && !launchedBefore) || (options.naive === true && ready.plan.build.length > 0);
  options.signal?.throwIfAborted();
  result.built = done.made.map((m) => ({ file: m.statement.file, slug: m.statement.folder, outputs: m.outputs.map((f) => `${options.out}/${f}`) }));
  await publish({
    outDir, previous, manifest: ready.manifest, made: done.made, keyOf: ready.keyOf, unpublished: ready.unpublished, site: ready.site, ahead, force: options.force ?? false,
    whole, sources: sources.loaded.files, inputs, failed, diagnostics: result.diagnostics,
    compiled: [...project.templates.values(), ...(project.newsroom ? [project.newsroom] : [])].flatMap((set) => set.compiled),
  }, result);
  result.failed = [...failed].sort();
  result.kept = keptOf(result.failed, ready.manifest.statements);
  return result;
}

interface PrepareInput {
  root: string;
  outDir: string;
  formats: OutputFormat[];
  options: BuildOptions;
  sources: Sources;
  previous: Manifest | undefined;
  organization: Organization;
  keyOptions: KeyOptions;
  project: Project;
  reads: ReadOnce;
  /** The files in the output folder as a whole build found them. */
  listed: Promise<ReadonlySet<string>> | undefined;
}

/** The templates loaded, the shared assets written, the plan made, and what the site and the statements are made with. */
async function prepare(input: PrepareInput, result: BuildResult) {
  const { root, outDir, formats, options, sources, previous, organization, project } = input;
  const templatesDir = path.join(root, TEMPLATES_DIR);
  const assets = buildAssets([...project.templates.values(), ...(project.newsroom ? [project.newsroom] : [])], project.fontFaces(), project.logo);
  // Shared assets first: content-hashed, so a file already there is the same file, and writing
  // a new one never disturbs a published page. Side by side: a hundred fonts written one after
  // another took a third of a second.
  const missing = assets.files.filter((asset) => !existsSync(path.join(outDir, asset.path)));
  await Promise.all(missing.map((asset) => writeAtomic(outDir, asset.path, asset.content)));
  result.files += missing.length;
  const keyOf = statementKeys(root, project.templates, input.keyOptions, input.reads);
  const plan = planBuild({
    statements: sources.statements, failed: sources.failed, kinds: new Set(project.templates.keys()), previous: previous?.statements ?? {}, force: options.force ?? false, keyOf,
    present: input.listed ? presentIn(await input.listed) : presentOnDisk(outDir),
    exists: sources.exists,
  });
  result.upToDate = plan.upToDate;
  // The entries of statements whose source is gone go (their outputs are removed at the end).
  const manifest: Manifest = { clarion: VERSION, statements: { ...(previous?.statements ?? {}) } };
  const unpublished = plan.gone.flatMap((file) => manifest.statements[file]!.outputs);
  for (const file of plan.gone) delete manifest.statements[file];
  const documentDate = sourceDateEpoch();
  const names = formats.map((f) => f.name);
  const site: SiteInputs = {
    root, templatesDir, newsroom: project.newsroom, shared: sharedTemplateFiles(templatesDir), organization, fonts: project.fonts, strings: (lang) => project.strings(lang).strings, organizationBytes: readFileSync(path.join(root, ORGANIZATION_FILE)), formats: names, assets, generator: GENERATOR,
    now: options.now ?? documentDate ?? new Date(), version: VERSION,
  };
  const setup: RenderSetup = { root, templatesDir, statementsDir: realpathSync(path.join(root, STATEMENTS_DIR)), organization, hrefs: Object.fromEntries(assets.hrefs), formats: names, strict: options.strict ?? false, generator: GENERATOR, ...(documentDate ? { documentDate } : {}) };
  return { ...input, keyOf, plan, manifest, unpublished, site, setup, documentDate };
}

type Prepared = Awaited<ReturnType<typeof prepare>>;

/** The statements made: rendered, printed and written; the site rendered ahead while Chromium prints. */
async function make(ready: Prepared, browser: BrowserOwner, failed: Set<string>, result: BuildResult) {
  const { options, outDir, organization } = ready;
  const completer = createJobCompleter({ root: ready.root, outDir, organization, generator: GENERATOR, formats: ready.formats, browser, ...(ready.documentDate ? { documentDate: ready.documentDate } : {}), ...(options.timeout ? { timeoutMs: options.timeout * 1000 } : {}), ...(options.naive ? { naive: true } : {}) });
  try {
    const making = makeStatements(ready.plan.build, {
      root: ready.root, outDir, project: ready.project, completer, setup: ready.setup,
      printing: ready.formats.some((f) => f.browser),
      ...(options.renderThreads !== undefined ? { threads: options.renderThreads } : {}),
      ...(options.writeEarly ? { writeEarly: true } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    // While Chromium prints, the site is rendered as it will be if every statement succeeds (once
    // Chromium is at work, so that the first PDF does not wait for it).
    const rendered = await making.rendered;
    const listings = Object.fromEntries(rendered.map((s) => [s.file, { listing: listingOf(s) }]));
    const ahead = siteAhead(ready.site, publishedSet({ ...ready.manifest.statements, ...listings }), options.force ? undefined : ready.previous?.site, completer.busy());
    const done = await making.done;
    result.diagnostics.push(...done.diagnostics);
    for (const file of done.failed) failed.add(file);
    result.files += done.files;
    return { done, ahead };
  } finally {
    const printed = await completer.finish();
    // Chromium closes while the site is written.
    if (!options.browser) void browser.close();
    result.diagnostics.push(...printed.diagnostics);
    for (const file of printed.failed) failed.add(file);
  }
}

/** Failed statements that stay published (listed, with their last good outputs). */
function keptOf(failed: readonly string[], entries: Manifest['statements']): BuildResult['kept'] {
  return failed.flatMap((file) => (entries[file]?.listing ? [{ file, folder: entries[file].slug }] : []));
}

