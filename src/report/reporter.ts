/** Terminal and JSON reports of diagnostics, in the vfile-reporter spirit: place, severity, what, rule. */
import { countBySeverity, formatDiagnostic, sortDiagnostics, type Diagnostic } from './diagnostic.ts';

export function formatReport(diagnostics: Diagnostic[], checkedFiles: number): string {
  const lines = sortDiagnostics([...diagnostics]).map(formatDiagnostic);
  lines.push(summaryLine(diagnostics, checkedFiles));
  return lines.join('\n') + '\n';
}

export function summaryLine(diagnostics: readonly Diagnostic[], checkedFiles: number): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  const files = `${checkedFiles} statement${checkedFiles === 1 ? '' : 's'} checked`;
  if (errors === 0 && warnings === 0) return `✔ ${files}, no problems`;
  const parts = [];
  if (errors) parts.push(`${errors} error${errors === 1 ? '' : 's'}`);
  if (warnings) parts.push(`${warnings} warning${warnings === 1 ? '' : 's'}`);
  return `${errors ? '✖' : '⚠'} ${files}: ${parts.join(', ')}`;
}

export function jsonReport(diagnostics: Diagnostic[], checkedFiles: number): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  return JSON.stringify({ checked: checkedFiles, errors, warnings, diagnostics: sortDiagnostics([...diagnostics]) }, null, 2) + '\n';
}
