/**
 * The imported statement's text: the front matter `clarion new` writes (the required fields
 * filled in, every optional one as a comment), with the subtitle filled in when the document has
 * one, then the document's text as Markdown. Pure.
 */
import type { Root } from 'mdast';
import { stringify } from 'yaml';
import { newStatementText } from '../new-statement.ts';
import type { CoreProperties } from './core-properties.ts';
import type { Finding } from './finding.ts';
import { toMarkdown } from './to-markdown.ts';

export interface StatementParts {
  title: string;
  subtitle?: string;
  date: string;
  kind: string;
  lang?: string;
  tree: Root;
}

export function statementText(parts: StatementParts): string {
  const template = newStatementText({ title: parts.title, date: parts.date, kind: parts.kind, ...(parts.lang ? { lang: parts.lang } : {}) });
  const end = template.indexOf('\n---\n', 3) + '\n---\n'.length;
  let front = template.slice(0, end);
  if (parts.subtitle) front = front.replace(/^# subtitle:.*$/m, stringify({ subtitle: parts.subtitle }, { lineWidth: 0 }).trimEnd());
  const body = toMarkdown(parts.tree);
  return `${front}\n${body.trim() === '' ? 'The document had no text: write the statement here.\n' : body}`;
}

/**
 * The statement's date: the day the document was last saved (else created), in the
 * organisation's time zone, reported so that it is checked; else today, as `clarion new` gives.
 */
export function statementDate(properties: CoreProperties, today: Date, timeZone: string): { date: string; finding?: Finding } {
  const day = (moment: Date) => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(moment);
  const saved = properties.modified ?? properties.created;
  if (!saved) return { date: day(today) };
  const date = day(saved);
  const when = properties.modified ? 'last saved' : 'created';
  return { date, finding: { what: `date: ${date} is the day the document was ${when}`, todo: 'change it to the release date if that is another day' } };
}
