/**
 * The first block of a UN submission: the UN body, session, agenda item or country, and who
 * submits it, co-sponsors grouped General, then Special, then Roster (ECOSOC practice). Plain
 * lines, shared by the web page, the PDF, the text and the Word file. English wording.
 */
import type { Statement } from '../../sources/statement.ts';
import { submissionOf } from './submission.ts';

const ORDER = ['general', 'special', 'roster'] as const;

function ordinal(n: number): string {
  const suffixes: Partial<Record<Intl.LDMLPluralRule, string>> = { one: 'st', two: 'nd', few: 'rd' };
  const suffix = suffixes[new Intl.PluralRules('en', { type: 'ordinal' }).select(n)] ?? 'th';
  return `${n}${suffix}`;
}

export function submissionHeading(statement: Statement, organizationName: string): string[] {
  const submission = statement.kindData === undefined ? undefined : submissionOf(statement);
  if (!submission) return [];
  const f = submission.fields;
  const lines: string[] = [];
  if (f.body) lines.push(f.body);
  if (f.session !== undefined) lines.push(typeof f.session === 'number' ? `${ordinal(f.session)} session` : f.session);
  if (f.agenda_item !== undefined) lines.push(`Agenda item ${f.agenda_item}`);
  if (f.country) lines.push(f.country);
  const all = [{ name: organizationName, status: f.status }, ...(f.submitters ?? [])];
  const list = new Intl.ListFormat('en', { type: 'conjunction' });
  const groups = ORDER.flatMap((status) => {
    const names = all.filter((o) => o.status === status).map((o) => o.name);
    if (names.length === 0) return [];
    const what = status === 'roster' ? 'on the roster' : `in ${status} consultative status`;
    return [`${list.format(names)}, non-governmental organization${names.length > 1 ? 's' : ''} ${what}`];
  });
  lines.push(`${submission.joint ? 'Joint written statement' : 'Written statement'} submitted by ${groups.join('; ')}`);
  return lines;
}
