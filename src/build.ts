/**
 * `clarion build`: validate, render every statement to each format, print PDFs, write atomically,
 * report. A statement that fails leaves the others, and its own previous outputs, untouched.
 */
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { buildAssets, type AssetFile, type Assets } from './assets/build-assets.ts';
import { publishImage } from './assets/publish-image.ts';
import type { ImageResolver } from './markdown/resolve-images.ts';
import { loadFontFaces } from './assets/fonts.ts';
import type { CliOptions } from './cli-args.ts';
import type { Io } from './cli.ts';
import { promoteWarning } from './check.ts';
import { renderIndex } from './outputs/render-index.ts';
import { createPrintQueue, sourceDateEpoch } from './outputs/print-all.ts';
import { renderStatement } from './outputs/render-statement.ts';
import { countBySeverity, formatDiagnostic, sortDiagnostics, type Diagnostic } from './report/diagnostic.ts';
import { UsageError } from './sources/find-sources.ts';
import { loadStatements, ORGANIZATION_FILE, STATEMENTS_DIR, TEMPLATES_DIR } from './sources/load-statements.ts';
import type { Organization } from './sources/schema.ts';
import type { Statement } from './sources/statement.ts';
import { loadKind, TemplateError, type Kind } from './templates/load-kind.ts';
import { loadStrings } from './templates/locale.ts';
import type { FormatLink } from './templates/view-model.ts';
import { VERSION } from './version.ts';
import { writeAtomic } from './write/write-atomic.ts';

export const FORMATS = ['html', 'text', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];

const GENERATOR = `Clarion ${VERSION}`;

interface Planned {
  statement: Statement;
  files: { path: string; content: string | Uint8Array }[];
  print?: string;
}

export interface BuildResult {
  built: { file: string; slug: string; outputs: string[] }[];
  failed: string[];
  diagnostics: Diagnostic[];
  files: number;
}

export async function build(io: Io, options: CliOptions): Promise<number> {
  const started = performance.now();
  const result = await runBuild(io.cwd, options);
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  if (options.json) {
    io.stdout(JSON.stringify({ ...result, diagnostics: sortDiagnostics(result.diagnostics) }, null, 2) + '\n');
  } else {
    const diagnostics = sortDiagnostics(result.diagnostics).filter((d) => !options.quiet || d.severity === 'error');
    if (diagnostics.length) io.stderr(diagnostics.map(formatDiagnostic).join('\n') + '\n');
    if (!options.quiet) {
      for (const b of result.built) io.stdout(`${b.file} → ${b.outputs.join(', ')}\n`);
    }
    const n = result.built.length;
    let summary = `Built ${n} statement${n === 1 ? '' : 's'} (${result.files} file${result.files === 1 ? '' : 's'}) in ${seconds} s`;
    if (result.failed.length) summary += `; ${result.failed.length} failed: ${result.failed.join(', ')}`;
    io.stdout(summary + '\n');
  }
  return countBySeverity(result.diagnostics).errors > 0 || result.failed.length > 0 ? 1 : 0;
}

export type BuildOptions = Pick<CliOptions, 'paths' | 'out' | 'formats' | 'strict' | 'concurrency' | 'now' | 'timeout'> & {
  /** Benchmark baseline only: a fresh browser for every PDF, one at a time. */
  naive?: boolean;
};

export async function runBuild(root: string, options: BuildOptions): Promise<BuildResult> {
  const formats = parseFormats(options.formats);
  const outDir = path.resolve(root, options.out);
  const loaded = await loadStatements(root, options.paths.length ? options.paths : undefined);
  const diagnostics = options.strict ? loaded.diagnostics.map(promoteWarning) : [...loaded.diagnostics];
  const failed = new Set(loaded.files.filter((f) => diagnostics.some((d) => d.file === f && d.severity === 'error')));
  const result: BuildResult = { built: [], failed: [], diagnostics, files: 0 };
  const organization = loaded.organization;
  if (!organization) {
    result.failed = [...new Set([...failed, ...loaded.files])].sort();
    return result;
  }

  // Templates: a broken template fails the statements of its kind only.
  const templatesDir = path.join(root, TEMPLATES_DIR);
  const kinds = new Map<string, Kind>();
  for (const name of new Set(loaded.statements.map((s) => s.kind))) {
    try {
      kinds.set(name, loadKind(root, templatesDir, name));
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      diagnostics.push({ file: error.file, line: error.line, column: error.column, severity: 'error', rule: 'template', message: error.reason, hint: 'fix the template; statements of this kind are not built until then' });
    }
  }
  let newsroom: Kind | undefined;
  if (formats.includes('html')) {
    try {
      newsroom = loadKind(root, templatesDir, 'newsroom', ['index']);
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      diagnostics.push({ file: error.file, line: error.line, column: error.column, severity: 'error', rule: 'template', message: error.reason, hint: 'fix the template; the newsroom index is not written until then' });
    }
  }
  const logo = resolveLogo(root, organization, diagnostics);
  const assets = buildAssets([...kinds.values(), ...(newsroom ? [newsroom] : [])], loadFontFaces(path.join(templatesDir, 'fonts.yaml')), logo);
  // Shared assets first: content-hashed, so writing them never disturbs a published page.
  for (const asset of assets.files) {
    await writeAtomic(outDir, asset.path, asset.content);
    result.files++;
  }

  const media = new Map<string, AssetFile>();
  const statementsDir = realpathSync(path.join(root, STATEMENTS_DIR));
  const printing = formats.includes('pdf')
    ? createPrintQueue({ root, outDir, organization, generator: GENERATOR, ...(options.concurrency ? { concurrency: options.concurrency } : {}), ...(options.naive ? { naive: true } : {}), ...(options.timeout ? { timeoutMs: options.timeout * 1000 } : {}) })
    : undefined;
  const planned: Planned[] = [];
  try {
    for (const statement of loaded.statements) {
      const kind = kinds.get(statement.kind);
      if (!kind || failed.has(statement.file)) {
        failed.add(statement.file);
        continue;
      }
      const published = media.size;
      const resolveImage = (url: string) => publishImage(url, path.join(root, statement.file), statementsDir, media);
      const plan = planStatement(statement, organization, kind, assets, formats, diagnostics, options.strict ?? false, resolveImage);
      if (!plan) {
        failed.add(statement.file);
        continue;
      }
      planned.push(plan);
      // Its images must be in place before its PDF is printed.
      for (const image of [...media.values()].slice(published)) {
        await writeAtomic(outDir, image.path, image.content);
        result.files++;
      }
      if (plan.print !== undefined) printing?.add(plan);
      // Let the printer answer Chromium (requests, results) between two statements.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } finally {
    if (printing) {
      const printed = await printing.finish();
      diagnostics.push(...printed.diagnostics);
      for (const file of printed.failed) failed.add(file);
    }
  }

  const written: Statement[] = [];
  for (const plan of planned) {
    if (failed.has(plan.statement.file)) continue;
    for (const file of plan.files) await writeAtomic(outDir, file.path, file.content);
    result.files += plan.files.length;
    written.push(plan.statement);
    result.built.push({ file: plan.statement.file, slug: plan.statement.slug, outputs: plan.files.map((f) => `${options.out}/${f.path}`) });
  }
  if (newsroom) {
    const index = renderIndex({
      newsroom,
      localesDir: path.join(templatesDir, 'locales'),
      organization,
      statements: written,
      links: (s, strings) => formatLinks(s, formats, strings),
      assets,
      generator: GENERATOR,
      now: options.now ?? sourceDateEpoch() ?? new Date(),
    });
    await writeAtomic(outDir, 'index.html', index);
    result.files++;
  }
  result.failed = [...failed].sort();
  return result;
}

function parseFormats(given: readonly string[] | undefined): Format[] {
  if (!given) return [...FORMATS];
  for (const f of given) {
    if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(`unknown format "${f}" — use one or more of ${FORMATS.join(', ')}`);
  }
  return FORMATS.filter((f) => given.includes(f));
}

export function formatLinks(statement: Statement, formats: readonly Format[], strings: Record<string, string>, prefix = ''): FormatLink[] {
  const links: FormatLink[] = [];
  if (formats.includes('html')) links.push({ format: 'html', label: strings.format_html ?? 'Web page', href: `${prefix}index.html`, type: 'text/html' });
  if (formats.includes('pdf')) links.push({ format: 'pdf', label: strings.format_pdf ?? 'PDF', href: `${prefix}${statement.slug}.pdf`, type: 'application/pdf' });
  if (formats.includes('text')) links.push({ format: 'text', label: strings.format_text ?? 'Plain text', href: `${prefix}${statement.slug}.txt`, type: 'text/plain' });
  return links;
}

function planStatement(statement: Statement, organization: Organization, kind: Kind, assets: Assets, formats: readonly Format[], diagnostics: Diagnostic[], strict: boolean, resolveImage: ImageResolver): Planned | undefined {
  const { strings } = loadStrings(path.join(path.dirname(kind.dir), 'locales'), statement.lang);
  const hrefs = assets.hrefs.get(kind.name) ?? {};
  const pageAssets = Object.fromEntries(Object.entries(hrefs).map(([k, v]) => [k, `../${v}`]));
  try {
    const rendered = renderStatement({
      statement,
      organization,
      organizationFile: ORGANIZATION_FILE,
      kind,
      strings,
      formats: formatLinks(statement, formats, strings),
      assets: pageAssets,
      ...(organization.website ? { canonicalUrl: new URL(`${statement.slug}/`, withSlash(organization.website)).href } : {}),
      generator: GENERATOR,
      resolveImage,
      want: { html: formats.includes('html'), text: formats.includes('text'), print: formats.includes('pdf') },
    });
    const problems = strict ? rendered.diagnostics.map(promoteWarning) : rendered.diagnostics;
    diagnostics.push(...problems);
    if (problems.some((d) => d.severity === 'error')) return undefined;
    const files: Planned['files'] = [];
    if (rendered.html !== undefined) files.push({ path: `${statement.slug}/index.html`, content: rendered.html });
    if (rendered.text !== undefined) files.push({ path: `${statement.slug}/${statement.slug}.txt`, content: rendered.text });
    return { statement, files, ...(rendered.print !== undefined ? { print: rendered.print } : {}) };
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    diagnostics.push({ file: error.file, line: error.line, column: error.column, severity: 'error', rule: 'template', message: `${error.reason} (while building ${statement.file})`, hint: 'fix the template' });
    return undefined;
  }
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** The logo must be a file inside statements/: a profile may not make Clarion read other files. */
function resolveLogo(root: string, organization: Organization, diagnostics: Diagnostic[]): string | undefined {
  if (!organization.logo) return undefined;
  const statementsDir = realpathSync(path.join(root, STATEMENTS_DIR));
  const candidate = path.resolve(statementsDir, organization.logo);
  const problem = (message: string, hint: string) => {
    diagnostics.push({ file: ORGANIZATION_FILE, line: 1, column: 1, severity: 'warning', rule: 'logo', field: 'logo', message, hint });
    return undefined;
  };
  if (!existsSync(candidate)) return problem(`the logo "${organization.logo}" does not exist`, 'give the path of an image inside statements/, e.g. assets/logo.svg; the outputs are built without a logo');
  const real = realpathSync(candidate);
  if (path.relative(statementsDir, real).startsWith('..') || path.isAbsolute(path.relative(statementsDir, real))) {
    return problem(`the logo "${organization.logo}" is outside statements/`, 'copy the image into statements/ and point at it there');
  }
  return real;
}
