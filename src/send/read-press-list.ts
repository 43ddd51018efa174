/**
 * The press list of `clarion send`, read and reported: problems of the whole list stop the send;
 * bad rows (an invalid address, too few fields) stop it too, unless --skip-bad, which skips them
 * with a warning each; warnings (an address listed twice) are printed and the send goes on.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Io } from '../cli/io.ts';
import { formatDiagnostic, sortDiagnostics, type Diagnostic } from '../report/diagnostic.ts';
import { readRecipients, type Recipient } from './read-recipients.ts';
import { listing, plural } from './send-report.ts';

export type PressList = { recipients: Recipient[]; unsubscribed: Recipient[] } | { diagnostics: Diagnostic[]; why?: string };

/** The list's recipients; its problems, reported; bad rows skipped only with --skip-bad. */
export async function readPressList(io: Io, root: string, listPath: string, skipBad: boolean): Promise<PressList> {
  let listBytes: Uint8Array;
  try {
    listBytes = await readFile(path.resolve(root, listPath));
  } catch {
    return { diagnostics: [{ file: listPath, line: 1, column: 1, severity: 'error', rule: 'missing-list', field: 'recipients', message: 'the press list does not exist', hint: 'give the path of a .csv (name,email) or .yaml file' }] };
  }
  const list = readRecipients(listPath, listBytes);
  if (list.diagnostics.some((d) => d.severity === 'error')) return { diagnostics: [...list.diagnostics, ...list.badRows] };
  const lines = [...new Set(list.badRows.map((d) => d.line))];
  const rows = `${plural(lines.length, 'bad row')} (${lines.length === 1 ? 'line' : 'lines'} ${listing(lines.map(String))})`;
  if (lines.length && !skipBad) {
    return { diagnostics: [...list.diagnostics, ...list.badRows], why: `the list has ${rows} — fix them, or add --skip-bad to send to the others` };
  }
  const skipped = list.badRows.map((d) => ({ ...d, severity: 'warning' as const }));
  const reported = sortDiagnostics([...list.diagnostics, ...skipped]).map(formatDiagnostic);
  if (lines.length) reported.push(`Skipping ${rows} of ${listPath} (--skip-bad): they are sent nothing.`);
  if (reported.length) io.stderr(reported.join('\n') + '\n');
  return { recipients: list.recipients, unsubscribed: list.unsubscribed };
}
