/**
 * `clarion check`: everything `build` would report before a browser is involved, nothing
 * written. The statements are read and validated, their templates loaded, and every format is
 * rendered in memory by the build's own planner, so that a missing image, an unsafe link, raw
 * HTML, a footnote without its note or a template error is found here as in a build.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { kindNamed } from './kinds/index.ts';
import { FORMATS } from './outputs/formats.ts';
import { loadTemplates } from './project/load-kinds.ts';
import { loadStatements, STATEMENTS_DIR, TEMPLATES_DIR, type LoadedStatements } from './sources/load-statements.ts';
import { countBySeverity, uniqueDiagnostics, type Diagnostic } from './report/diagnostic.ts';
import type { WordCount } from './report/reporter.ts';
import type { Statement } from './sources/statement.ts';

export interface CheckResult {
  diagnostics: Diagnostic[];
  checked: number;
  /** The word count of every UN submission, against its limit. */
  wordCounts: WordCount[];
  exitCode: 0 | 1;
}

/** Each statement's line from its kind (a UN submission's word count against its limit). */
export function wordCountsOf(statements: readonly Statement[]): WordCount[] {
  return statements.flatMap((s) => kindNamed(s.kind).summary?.(s) ?? []);
}

export async function check(root: string, paths: readonly string[] | undefined, options: { strict?: boolean } = {}): Promise<CheckResult> {
  const loaded = await loadStatements(root, paths && paths.length > 0 ? paths : undefined);
  const found = uniqueDiagnostics([...loaded.diagnostics, ...(await renderingProblems(root, loaded))]);
  const diagnostics = options.strict ? found.map(promoteWarning) : found;
  const { errors } = countBySeverity(diagnostics);
  return { diagnostics, checked: loaded.files.length, wordCounts: wordCountsOf(loaded.statements), exitCode: errors > 0 ? 1 : 0 };
}

/** What rendering the valid statements in every format reports (templates, Markdown, images, email). */
async function renderingProblems(root: string, loaded: LoadedStatements): Promise<Diagnostic[]> {
  const organization = loaded.organization;
  if (!organization || loaded.statements.length === 0) return [];
  const templatesDir = path.join(root, TEMPLATES_DIR);
  const templates = loadTemplates(root, templatesDir, loaded.statements.map((s) => s.kind), { newsroom: true, organization });
  const diagnostics = [...templates.diagnostics];
  const { planAll } = await import('./outputs/plan-all.ts');
  await planAll(
    loaded.statements.filter((s) => templates.kinds.has(s.kind)),
    { root, templatesDir, statementsDir: realpathSync(path.join(root, STATEMENTS_DIR)), organization, hrefs: {}, formats: [...FORMATS], strict: false, generator: 'Clarion' },
    async (_statement, outcome) => {
      diagnostics.push(...outcome.diagnostics);
    },
    { kinds: templates.kinds, threads: 0 },
  );
  return diagnostics;
}

export function promoteWarning(d: Diagnostic): Diagnostic {
  return d.severity === 'warning' ? { ...d, severity: 'error' } : d;
}
