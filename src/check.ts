/**
 * `clarion check`: everything `build` would report before a browser is involved, nothing
 * written. The statements are read and validated, their templates loaded, and every format is
 * rendered in memory by the build's own planner, so that a missing image, an unsafe link, raw
 * HTML, a footnote without its note or a template error is found here as in a build.
 */
import { kindNamed } from './kinds/index.ts';
import { loadStatements } from './sources/load-statements.ts';
import { countBySeverity, promoteWarning, uniqueDiagnostics, type Diagnostic } from './report/diagnostic.ts';
import type { WordCount } from './report/reporter.ts';
import type { Statement } from './sources/statement.ts';

export interface CheckResult {
  diagnostics: Diagnostic[];
  checked: number;
  /** The word count of every UN submission, against its limit. */
  wordCounts: WordCount[];
  /** The drafts (built for proofing, never listed or sent). */
  drafts: string[];
  exitCode: 0 | 1;
}

/** Each statement's line from its kind (a UN submission's word count against its limit). */
export function wordCountsOf(statements: readonly Statement[]): WordCount[] {
  return statements.flatMap((s) => kindNamed(s.kind).summary?.(s) ?? []);
}

export async function check(root: string, paths: readonly string[] | undefined, options: { strict?: boolean } = {}): Promise<CheckResult> {
  const loaded = await loadStatements(root, paths && paths.length > 0 ? paths : undefined);
  const found = uniqueDiagnostics([...loaded.diagnostics, ...(await (await import('./build/render-in-memory.ts')).renderingProblems(root, loaded))]);
  const diagnostics = options.strict ? found.map(promoteWarning) : found;
  const { errors } = countBySeverity(diagnostics);
  const drafts = loaded.statements.filter((s) => s.draft).map((s) => s.file);
  return { diagnostics, checked: loaded.files.length, wordCounts: wordCountsOf(loaded.statements), drafts, exitCode: errors > 0 ? 1 : 0 };
}
