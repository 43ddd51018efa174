/** Terminal and JSON reports of diagnostics, in the vfile-reporter spirit: place, severity, what, rule. */
import { countBySeverity, formatDiagnostic, sortDiagnostics, type Diagnostic } from './diagnostic.ts';

export interface WordCount {
  file: string;
  words: number;
  limit?: number;
  profile: string;
  status: string;
  joint: boolean;
}

/** `statements/x.md 1,234 of 2,000 words (hrc-written-statement, general status)`. */
export function formatWordCount(c: WordCount): string {
  const n = new Intl.NumberFormat('en');
  const of = c.limit !== undefined ? `${n.format(c.words)} of ${n.format(c.limit)} words` : `${n.format(c.words)} words (no limit)`;
  return `${c.file} ${of} (${c.profile}, ${c.status} status${c.joint ? ', joint' : ''})`;
}

export function formatReport(diagnostics: Diagnostic[], checkedFiles: number, wordCounts: readonly WordCount[] = [], drafts: readonly string[] = []): string {
  const lines = sortDiagnostics([...diagnostics]).map(formatDiagnostic);
  lines.push(...wordCounts.map(formatWordCount));
  lines.push(...drafts.map(formatDraft));
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

/** A draft, as check lists it. */
export function formatDraft(file: string): string {
  return `${file} is a draft: built for proofing, marked DRAFT, not listed in the newsroom, feeds or sitemap, and never sent (write "status: published" to publish it)`;
}

export function jsonReport(diagnostics: Diagnostic[], checkedFiles: number, wordCounts: readonly WordCount[] = [], drafts: readonly string[] = []): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  return JSON.stringify({ checked: checkedFiles, errors, warnings, diagnostics: sortDiagnostics([...diagnostics]), ...(wordCounts.length ? { wordCounts } : {}), ...(drafts.length ? { drafts } : {}) }, null, 2) + '\n';
}
