/**
 * The rows of a press list written in YAML: a list of `{name, email}` (and `unsubscribed: true`
 * for someone who asked to be taken off), or of bare addresses. Pure.
 */
import type { Diagnostic } from '../report/diagnostic.ts';
import { parseYaml } from '../sources/parse-yaml.ts';
import type { ListProblems, ListRow } from './list-row.ts';
import { unsubscribedValue } from './read-csv-list.ts';

/** `yamlDiagnostics` takes the parser's own problems (they concern the whole file). */
export function readYamlList(file: string, text: string, problems: ListProblems, yamlDiagnostics: (d: Diagnostic[]) => void): ListRow[] {
  const yaml = parseYaml(file, text, 1, { what: 'the press list' });
  if (yaml.diagnostics.length) {
    yamlDiagnostics(yaml.diagnostics);
    return [];
  }
  if (yaml.data === null || yaml.data === undefined) return [];
  if (!Array.isArray(yaml.data)) {
    problems.fatal(1, 'list-format', 'the list must be a YAML list of recipients', 'write one "- name: ...\\n  email: ..." item per recipient');
    return [];
  }
  const rows: ListRow[] = [];
  yaml.data.forEach((item: unknown, i) => {
    const at = yaml.locate([i]);
    if (typeof item === 'string') {
      rows.push({ address: item.trim(), unsubscribed: false, ...at });
      return;
    }
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      problems.badRow(at.line, 'list-format', 'this item is not a recipient', 'write it as "- name: ..." with "email: ..." on the next line', at.column);
      return;
    }
    const { name, email, unsubscribed } = item as { name?: unknown; email?: unknown; unsubscribed?: unknown };
    if (typeof email !== 'string') {
      problems.badRow(at.line, 'missing-email', 'this recipient has no email address', 'add a line "email: name@example.org"', at.column);
      return;
    }
    const optedOut = unsubscribed === undefined || unsubscribed === null ? false : typeof unsubscribed === 'boolean' ? unsubscribed : unsubscribedValue(String(unsubscribed));
    if (optedOut === undefined) {
      const place = yaml.locate([i, 'unsubscribed']);
      problems.badRow(place.line, 'unsubscribed-value', `"unsubscribed" is ${JSON.stringify(unsubscribed)}, neither true nor false`, 'write "unsubscribed: true" for someone who unsubscribed, and leave it out for the others', place.column);
      return;
    }
    const shownName = typeof name === 'string' || typeof name === 'number' ? String(name).replace(/\s+/g, ' ').trim() : '';
    rows.push({ ...(shownName ? { name: shownName } : {}), address: email.trim(), unsubscribed: optedOut, ...yaml.locate([i, 'email']) });
  });
  return rows;
}
