/** `clarion check`: validate and report, nothing written. */
import { loadStatements } from './sources/load-statements.ts';
import { countBySeverity, type Diagnostic } from './report/diagnostic.ts';

export interface CheckResult {
  diagnostics: Diagnostic[];
  checked: number;
  exitCode: 0 | 1;
}

export async function check(root: string, paths: readonly string[] | undefined, options: { strict?: boolean } = {}): Promise<CheckResult> {
  const loaded = await loadStatements(root, paths && paths.length > 0 ? paths : undefined);
  const diagnostics = options.strict ? loaded.diagnostics.map(promoteWarning) : loaded.diagnostics;
  const { errors } = countBySeverity(diagnostics);
  return { diagnostics, checked: loaded.files.length, exitCode: errors > 0 ? 1 : 0 };
}

export function promoteWarning(d: Diagnostic): Diagnostic {
  return d.severity === 'warning' ? { ...d, severity: 'error' } : d;
}
