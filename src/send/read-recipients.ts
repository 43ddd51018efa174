/**
 * A press list to recipients, each with the line it is on. Two formats, told apart by the file
 * name: CSV with a header line `name,email` (any order; other columns are ignored), or YAML, a
 * list of `{name, email}`. Every problem is reported at once, as Diagnostics: an invalid address
 * is an error (nothing may be sent until the list is right), an address listed twice is a
 * warning (it is sent once). Pure: the caller reads the file.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import type { Diagnostic } from '../report/diagnostic.ts';
import { decodeSource } from '../sources/decode-source.ts';
import { parseYaml } from '../sources/parse-yaml.ts';

export interface Recipient {
  name?: string;
  address: string;
  /** Where the recipient is in the list (1-based). */
  line: number;
  column: number;
}

export interface RecipientList {
  /** Valid recipients, each address once, in list order. */
  recipients: Recipient[];
  diagnostics: Diagnostic[];
}

interface Entry {
  name?: string;
  address: string;
  line: number;
  column: number;
}

const FIELD = 'recipients';
const emailAddress = z.email();

export function readRecipients(file: string, bytes: Uint8Array): RecipientList {
  const decoded = decodeSource(file, bytes);
  if (!decoded.ok) return { recipients: [], diagnostics: [{ ...decoded.diagnostic, field: FIELD }] };
  const diagnostics: Diagnostic[] = [];
  const problem = (line: number, column: number, rule: string, message: string, hint: string, severity: Diagnostic['severity'] = 'error') =>
    diagnostics.push({ file, line, column, severity, rule, field: FIELD, message, hint });

  let entries: Entry[];
  if (/\.csv$/i.test(file)) entries = readCsv(decoded.text, problem);
  else if (/\.ya?ml$/i.test(file)) entries = readYamlList(file, decoded.text, problem, diagnostics);
  else {
    problem(1, 1, 'list-format', `the list "${file}" is neither CSV nor YAML`, 'give a .csv file with the header line name,email, or a .yaml file with a list of {name, email}');
    return { recipients: [], diagnostics };
  }

  const recipients: Recipient[] = [];
  const seen = new Map<string, Entry>();
  for (const entry of entries) {
    if (!emailAddress.safeParse(entry.address).success) {
      problem(entry.line, entry.column, 'invalid-email', `${JSON.stringify(entry.address)} is not an email address`, 'correct it or remove it; nothing is sent while the list has errors');
      continue;
    }
    const key = entry.address.toLowerCase();
    const first = seen.get(key);
    if (first) {
      problem(entry.line, entry.column, 'duplicate-recipient', `${JSON.stringify(entry.address)} is listed twice (first on line ${first.line})`, 'it is sent one message; remove one of the two', 'warning');
      continue;
    }
    seen.set(key, entry);
    recipients.push({ ...(entry.name ? { name: entry.name } : {}), address: entry.address, line: entry.line, column: entry.column });
  }
  if (entries.length === 0 && !diagnostics.some((d) => d.severity === 'error')) {
    problem(1, 1, 'no-recipients', 'the list has no recipients', 'add one line per recipient, with a name and an email address');
  }
  return { recipients, diagnostics: diagnostics.sort((a, b) => a.line - b.line || a.column - b.column) };
}

type Problem = (line: number, column: number, rule: string, message: string, hint: string) => void;

function readCsv(text: string, problem: Problem): Entry[] {
  let rows: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    rows = parseCsv(text, { info: true, raw: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as unknown as typeof rows;
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    problem(e.lines ?? 1, 1, 'csv-syntax', `the list is not valid CSV: ${String(e.message ?? error).replace(/^[^:]*: /, '')}`, 'put a value that holds a comma or a quote between double quotes, and double the quotes inside it ("")');
    return [];
  }
  const header = rows.shift();
  const columns = header?.record.map((c) => c.trim().toLowerCase().replace(/^e-mail$/, 'email')) ?? [];
  const emailColumn = columns.indexOf('email');
  const nameColumn = columns.indexOf('name');
  if (!header || emailColumn < 0) {
    problem(header ? startLine(header) : 1, 1, 'list-header', 'the list has no "email" column', 'start the file with the header line name,email');
    return [];
  }
  return rows.map((row) => {
    const name = nameColumn >= 0 ? oneLine(row.record[nameColumn] ?? '') : '';
    return { ...(name ? { name } : {}), address: (row.record[emailColumn] ?? '').trim(), line: startLine(row), column: 1 };
  });
}

/** csv-parse counts lines up to the end of a record; a quoted value may span several. (Line ends are LF: see decodeSource.) */
function startLine(row: { info: { lines: number }; raw: string }): number {
  // The raw text of a record may start with the blank lines skipped before it.
  const inner = row.raw.replace(/^\n+/, '').replace(/\n$/, '');
  return row.info.lines - (inner.match(/\n/g)?.length ?? 0);
}

function readYamlList(file: string, text: string, problem: Problem, diagnostics: Diagnostic[]): Entry[] {
  const yaml = parseYaml(file, text, 1, { what: 'the press list' });
  if (yaml.diagnostics.length) {
    diagnostics.push(...yaml.diagnostics.map((d) => ({ ...d, field: FIELD })));
    return [];
  }
  if (yaml.data === null || yaml.data === undefined) return [];
  if (!Array.isArray(yaml.data)) {
    problem(1, 1, 'list-format', 'the list must be a YAML list of recipients', 'write one "- name: ...\\n  email: ..." item per recipient');
    return [];
  }
  const entries: Entry[] = [];
  yaml.data.forEach((item: unknown, i) => {
    if (typeof item === 'string') {
      entries.push({ address: item.trim(), ...yaml.locate([i]) });
      return;
    }
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      const at = yaml.locate([i]);
      problem(at.line, at.column, 'list-format', 'this item is not a recipient', 'write it as "- name: ..." with "email: ..." on the next line');
      return;
    }
    const { name, email } = item as { name?: unknown; email?: unknown };
    if (typeof email !== 'string') {
      const at = yaml.locate([i]);
      problem(at.line, at.column, 'missing-email', 'this recipient has no email address', 'add a line "email: name@example.org"');
      return;
    }
    const shownName = typeof name === 'string' || typeof name === 'number' ? oneLine(String(name)) : '';
    entries.push({ ...(shownName ? { name: shownName } : {}), address: email.trim(), ...yaml.locate([i, 'email']) });
  });
  return entries;
}

function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
