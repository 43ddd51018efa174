/**
 * A press list to recipients, each with the line it is on. Two formats, told apart by the file
 * name: CSV as spreadsheets save it (.csv or .tsv: see readCsvList), or YAML, a list of
 * `{name, email}`. Every problem is reported at once, as Diagnostics, in three kinds: a problem
 * of the whole list (it cannot be read: nothing can be sent), a bad row (an invalid address, too
 * few fields: nothing is sent unless the caller skips bad rows), and warnings (an address listed
 * twice is sent once). Those the list marks as unsubscribed are set apart, never sent anything.
 * Pure: the caller reads the file.
 */
import { z } from 'zod';
import type { Diagnostic } from '../report/diagnostic.ts';
import { decodeSource } from '../sources/decode-source.ts';
import type { ListProblems, ListRow } from './list-row.ts';
import { readCsvList } from './read-csv-list.ts';
import { readYamlList } from './read-yaml-list.ts';

export interface Recipient {
  name?: string;
  address: string;
  /** Where the recipient is in the list (1-based). */
  line: number;
  column: number;
}

export interface RecipientList {
  /** Valid recipients, each address once, in list order, without those who unsubscribed. */
  recipients: Recipient[];
  /** Those the list marks as unsubscribed (each once): they are sent nothing. */
  unsubscribed: Recipient[];
  /** Problems of the whole list (an error: nothing can be sent) and warnings. */
  diagnostics: Diagnostic[];
  /** Rows that cannot be sent to, as errors at their lines. */
  badRows: Diagnostic[];
}

const FIELD = 'recipients';
const emailAddress = z.email();

export function readRecipients(file: string, bytes: Uint8Array): RecipientList {
  const list: RecipientList = { recipients: [], unsubscribed: [], diagnostics: [], badRows: [] };
  const decoded = decodeSource(file, bytes);
  if (!decoded.ok) return { ...list, diagnostics: [{ ...decoded.diagnostic, field: FIELD }] };
  const diagnostic = (line: number, column: number, rule: string, message: string, hint: string, severity: Diagnostic['severity'] = 'error'): Diagnostic => ({ file, line, column, severity, rule, field: FIELD, message, hint });
  const problems: ListProblems = {
    fatal: (line, rule, message, hint, column = 1) => list.diagnostics.push(diagnostic(line, column, rule, message, hint)),
    badRow: (line, rule, message, hint, column = 1) => list.badRows.push(diagnostic(line, column, rule, message, hint)),
  };

  let rows: ListRow[];
  if (/\.(csv|tsv)$/i.test(file)) rows = readCsvList(decoded.text, problems);
  else if (/\.ya?ml$/i.test(file)) rows = readYamlList(file, decoded.text, problems, (found) => list.diagnostics.push(...found.map((d) => ({ ...d, field: FIELD }))));
  else {
    problems.fatal(1, 'list-format', `the list "${file}" is neither CSV nor YAML`, 'give a .csv file (a spreadsheet saved as CSV, with a column of addresses), or a .yaml file with a list of {name, email}');
    return list;
  }

  const valid = rows.filter((row) => {
    if (emailAddress.safeParse(row.address).success) return true;
    problems.badRow(row.line, 'invalid-email', `${JSON.stringify(row.address)} is not an email address`, 'correct the address or remove the row', row.column);
    return false;
  });
  // Someone marked unsubscribed on any row is sent nothing, whatever the other rows say.
  const optedOut = new Set(valid.filter((row) => row.unsubscribed).map((row) => row.address.toLowerCase()));
  const seen = new Map<string, ListRow>();
  for (const row of valid) {
    const key = row.address.toLowerCase();
    const first = seen.get(key);
    if (first) {
      const hint = optedOut.has(key) ? 'it is marked unsubscribed, so it is sent nothing; remove one of the two' : 'it is sent one message; remove one of the two';
      list.diagnostics.push(diagnostic(row.line, row.column, 'duplicate-recipient', `${JSON.stringify(row.address)} is listed twice (first on line ${first.line})`, hint, 'warning'));
      continue;
    }
    seen.set(key, row);
    const recipient: Recipient = { ...(row.name ? { name: row.name } : {}), address: row.address, line: row.line, column: row.column };
    (optedOut.has(key) ? list.unsubscribed : list.recipients).push(recipient);
  }
  if (rows.length === 0 && list.badRows.length === 0 && !list.diagnostics.some((d) => d.severity === 'error')) {
    problems.fatal(1, 'no-recipients', 'the list has no recipients', 'add one line per recipient, with a name and an email address');
  }
  const byPlace = (a: Diagnostic, b: Diagnostic) => a.line - b.line || a.column - b.column;
  return { ...list, diagnostics: list.diagnostics.sort(byPlace), badRows: list.badRows.sort(byPlace) };
}
