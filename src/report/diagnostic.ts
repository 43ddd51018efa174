/** A problem found in a source file, with its place. Errors stop a statement; warnings do not. */
export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Path as the user wrote it or relative to the working directory, e.g. `statements/x.md`. */
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /** Stable id of the rule that found the problem, e.g. `invalid-date`. */
  rule: string;
  /** The front-matter field concerned, e.g. `contacts[0].email`, when there is one. */
  field?: string;
  /** What happened. */
  message: string;
  /** What to do about it. */
  hint?: string;
}

export function formatDiagnostic(d: Diagnostic): string {
  const what = d.hint ? `${d.message} — ${d.hint}` : d.message;
  return `${d.file}:${d.line}:${d.column} ${d.severity} ${what} (${d.field ?? d.rule})`;
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    else warnings++;
  }
  return { errors, warnings };
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
}

/** The diagnostics without repeats: a problem of a shared file (the profile) found once per statement is reported once. */
export function uniqueDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = JSON.stringify([d.file, d.line, d.column, d.severity, d.rule, d.field, d.message, d.hint]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** With --strict, a warning counts as an error. */
export function promoteWarning(d: Diagnostic): Diagnostic {
  return d.severity === 'warning' ? { ...d, severity: 'error' } : d;
}
