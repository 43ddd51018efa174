/**
 * The rows of a press list saved from a spreadsheet: comma-, semicolon- or tab-separated (told
 * from the first line, or an Excel `sep=;` line), with or without a header line, with quoted
 * fields. The text is already decoded (UTF-8, no BOM, LF: see decodeSource). Pure.
 *
 * With a header, the columns are found by name (`email`, `name` or `first name` and `last name`,
 * `unsubscribed`), in any order. Without one (no cell of the first line looks like an address),
 * the first column whose value looks like an address is the email, and the one before it the
 * name; so too under a header that names no email column (`Nom,Courriel`).
 */
import { parse as parseCsv } from 'csv-parse/sync';
import type { ListProblems, ListRow } from './list-row.ts';

type Delimiter = ',' | ';' | '\t';

interface CsvRecord {
  record: string[];
  info: { lines: number };
  raw: string;
}

interface Columns {
  email: number;
  name?: number;
  first?: number;
  last?: number;
  unsubscribed?: number;
}

export function readCsvList(text: string, problems: ListProblems): ListRow[] {
  const { delimiter, body } = findDelimiter(text);
  let records: CsvRecord[];
  try {
    records = parseCsv(body, {
      delimiter, info: true, raw: true, trim: true, relax_quotes: true, relax_column_count: true,
      skip_empty_lines: true, skip_records_with_empty_values: true,
    }) as unknown as CsvRecord[];
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    problems.fatal(e.lines ?? 1, 'csv-syntax', `the list is not valid CSV: ${String(e.message ?? error).replace(/^[^:]*: /, '')}`, 'put a value that holds a comma or a quote between double quotes, and double the quotes inside it ("")');
    return [];
  }
  const first = records[0];
  if (!first) return [];
  const headed = !first.record.some(looksLikeAddress);
  const columns = headed ? columnsByName(first.record, records[1]?.record) : columnsByContent(first.record);
  if (!columns) {
    problems.fatal(startLine(first), 'list-header', 'the list has no "email" column', 'start the file with a header line such as name,email; or leave the header out and put an address on every line');
    return [];
  }
  const rows: ListRow[] = [];
  for (const row of headed ? records.slice(1) : records) {
    const line = startLine(row);
    const cells = row.record;
    if (cells.length <= columns.email) {
      problems.badRow(line, 'too-few-fields', `this row has ${plural(cells.length, 'field')}, but the address is field ${columns.email + 1}`, `separate the fields with ${shown(delimiter)}, as on the first line`);
      continue;
    }
    const unsubscribed = columns.unsubscribed === undefined ? false : unsubscribedValue(cells[columns.unsubscribed] ?? '');
    if (unsubscribed === undefined) {
      problems.badRow(line, 'unsubscribed-value', `"unsubscribed" is ${JSON.stringify(cells[columns.unsubscribed!])}, neither yes nor no`, 'write yes (or x, true, 1) for someone who unsubscribed, and leave it empty for the others');
      continue;
    }
    const name = nameOf(cells, columns);
    rows.push({ ...(name ? { name } : {}), address: cells[columns.email]!.trim(), unsubscribed, line, column: 1 });
  }
  return rows;
}

/**
 * The delimiter that the first line uses most outside quotes; on a tie the rarer in names
 * (a tab, then a semicolon). An Excel `sep=` line says it outright, and is blanked (so that line
 * numbers still count it).
 */
function findDelimiter(text: string): { delimiter: Delimiter; body: string } {
  const sep = /^sep=([,;\t])[ \t]*(?=\n|$)/i.exec(text);
  if (sep) return { delimiter: sep[1] as Delimiter, body: text.slice(sep[0].length) };
  const counts: Record<Delimiter, number> = { '\t': 0, ';': 0, ',': 0 };
  let quoted = false;
  for (const c of text.replace(/^\n+/, '')) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === '\n') break;
    else if (!quoted && c in counts) counts[c as Delimiter]++;
  }
  const best = (['\t', ';', ','] as const).reduce((a, b) => (counts[b] > counts[a] ? b : a));
  return { delimiter: counts[best] > 0 ? best : ',', body: text };
}

const HEADER_NAMES: Record<keyof Columns, string[]> = {
  email: ['email', 'emailaddress', 'mail'],
  name: ['name', 'fullname'],
  first: ['firstname', 'givenname'],
  last: ['lastname', 'surname', 'familyname'],
  unsubscribed: ['unsubscribed'],
};

/** The columns a header names; the email column, when it has no name we know, from the first row under it. */
function columnsByName(header: string[], firstRow: string[] | undefined): Columns | undefined {
  const names = header.map((cell) => cell.toLowerCase().replace(/[\s_-]+/g, ''));
  const find = (key: keyof Columns) => {
    const i = names.findIndex((n) => HEADER_NAMES[key].includes(n));
    return i < 0 ? {} : { [key]: i };
  };
  const named = { ...find('name'), ...find('first'), ...find('last'), ...find('unsubscribed') };
  const email = names.findIndex((n) => HEADER_NAMES.email.includes(n));
  if (email >= 0) return { email, ...named };
  if (!firstRow?.some(looksLikeAddress)) return undefined;
  const { email: found, name } = columnsByContent(firstRow);
  const namedName = 'name' in named || 'first' in named || 'last' in named;
  return { email: found, ...(namedName || name === undefined ? {} : { name }), ...named };
}

function columnsByContent(cells: string[]): Columns {
  const email = cells.findIndex(looksLikeAddress);
  return { email, ...(email > 0 ? { name: email - 1 } : {}) };
}

/** The whole cell is an address (a header such as "Twitter (@handle)" is not). */
function looksLikeAddress(cell: string): boolean {
  return /^[^\s@()<>,;"]+@[^\s@()<>,;"]+\.[^\s@()<>,;"]+$/.test(cell.trim());
}

function nameOf(cells: string[], columns: Columns): string {
  const cell = (i: number | undefined) => (i === undefined ? '' : (cells[i] ?? ''));
  const name = columns.name !== undefined ? cell(columns.name) : `${cell(columns.first)} ${cell(columns.last)}`;
  return name.replace(/\s+/g, ' ').trim();
}

const YES = ['yes', 'y', 'true', '1', 'x'];
const NO = ['', 'no', 'n', 'false', '0'];

/** true, false, or undefined for a value that says neither. */
export function unsubscribedValue(value: string): boolean | undefined {
  const v = value.trim().toLowerCase();
  return YES.includes(v) ? true : NO.includes(v) ? false : undefined;
}

/** csv-parse counts lines up to the end of a record; a quoted value may span several. */
function startLine(row: CsvRecord): number {
  // The raw text of a record may start with the blank lines skipped before it.
  const inner = row.raw.replace(/^\n+/, '').replace(/\n$/, '');
  return row.info.lines - (inner.match(/\n/g)?.length ?? 0);
}

function shown(delimiter: Delimiter): string {
  return delimiter === '\t' ? 'a tab' : `"${delimiter}"`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
