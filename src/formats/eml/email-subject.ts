/**
 * The subject of an emailed release: the headline, prefixed with the embargo moment (in the
 * organisation's zone) when there is one, e.g.
 * "EMBARGOED until 28 November 2023 at 09:00 GMT+5: Violence against Ahmadis continues ...".
 */
import type { Organization } from '../../sources/schema.ts';
import type { Statement } from '../../sources/statement.ts';
import { formatMoment } from '../../templates/format.ts';

export function emailSubject(statement: Pick<Statement, 'title' | 'embargo' | 'lang'>, organization: Pick<Organization, 'timezone'>): string {
  const title = statement.title.replace(/\s+/g, ' ').trim();
  if (!statement.embargo) return title;
  return `EMBARGOED until ${formatMoment(statement.embargo.instant, statement.lang, organization.timezone)}: ${title}`;
}
