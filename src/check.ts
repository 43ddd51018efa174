/** `clarion check`: validate and report, nothing written. */
import { loadStatements } from './sources/load-statements.ts';
import { countBySeverity, type Diagnostic } from './report/diagnostic.ts';
import type { WordCount } from './report/reporter.ts';
import type { Statement } from './sources/statement.ts';

export interface CheckResult {
  diagnostics: Diagnostic[];
  checked: number;
  /** The word count of every UN submission, against its limit. */
  wordCounts: WordCount[];
  exitCode: 0 | 1;
}

export function wordCountsOf(statements: readonly Statement[]): WordCount[] {
  return statements.flatMap((s) =>
    s.submission
      ? [{ file: s.file, words: s.submission.words.total, ...(s.submission.words.limit !== undefined ? { limit: s.submission.words.limit } : {}), profile: s.submission.profile.id, status: s.submission.fields.status, joint: s.submission.joint }]
      : [],
  );
}

export async function check(root: string, paths: readonly string[] | undefined, options: { strict?: boolean } = {}): Promise<CheckResult> {
  const loaded = await loadStatements(root, paths && paths.length > 0 ? paths : undefined);
  const diagnostics = options.strict ? loaded.diagnostics.map(promoteWarning) : loaded.diagnostics;
  const { errors } = countBySeverity(diagnostics);
  return { diagnostics, checked: loaded.files.length, wordCounts: wordCountsOf(loaded.statements), exitCode: errors > 0 ? 1 : 0 };
}

export function promoteWarning(d: Diagnostic): Diagnostic {
  return d.severity === 'warning' ? { ...d, severity: 'error' } : d;
}
