/**
 * The first block of a UN submission: the UN body, session, agenda item or country, and who
 * submits it, co-sponsors grouped General, then Special, then Roster (ECOSOC practice). Plain
 * lines, shared by the web page, the PDF, the text and the Word file, in the statement's language
 * where the UN takes it (English, French, Spanish: the wording of the UN's own documents), in
 * English otherwise (the profile's language check warns about those).
 */
import type { Statement } from '../../sources/statement.ts';
import type { SubmissionFields } from './fields.ts';
import { submissionOf } from './submission.ts';

type Status = SubmissionFields['status'];

const ORDER: readonly Status[] = ['general', 'special', 'roster'];

/** How one language words the heading's lines. */
interface Wording {
  session(n: number): string;
  agendaItem(item: number): string;
  /** "X and Y, non-governmental organizations in special consultative status". */
  group(names: string, status: Status, plural: boolean): string;
  submittedBy(joint: boolean, groups: string): string;
  /** Between two groups of co-sponsors. */
  separator: string;
}

const ordinalRule = (lang: string) => new Intl.PluralRules(lang, { type: 'ordinal' });

const english: Wording = {
  session: (n) => `${n}${({ one: 'st', two: 'nd', few: 'rd' } as Partial<Record<Intl.LDMLPluralRule, string>>)[ordinalRule('en').select(n)] ?? 'th'} session`,
  agendaItem: (item) => `Agenda item ${item}`,
  group: (names, status, plural) =>
    `${names}, non-governmental organization${plural ? 's' : ''} ${status === 'roster' ? 'on the roster' : `in ${status} consultative status`}`,
  submittedBy: (joint, groups) => `${joint ? 'Joint written statement' : 'Written statement'} submitted by ${groups}`,
  separator: '; ',
};

const FRENCH_STATUS: Record<Status, [string, string]> = {
  general: ['dotée du statut consultatif général', 'dotées du statut consultatif général'],
  special: ['dotée du statut consultatif spécial', 'dotées du statut consultatif spécial'],
  roster: ['inscrite sur la Liste', 'inscrites sur la Liste'],
};

const french: Wording = {
  // 1re session, 55e session.
  session: (n) => `${n}${ordinalRule('fr').select(n) === 'one' ? 're' : 'e'} session`,
  agendaItem: (item) => `Point ${item} de l’ordre du jour`,
  group: (names, status, plural) => `${names}, ${plural ? 'organisations non gouvernementales' : 'organisation non gouvernementale'} ${FRENCH_STATUS[status][plural ? 1 : 0]}`,
  submittedBy: (joint, groups) => `Exposé écrit présenté ${joint ? 'conjointement ' : ''}par ${groups}`,
  // A narrow no-break space before the semicolon, as French sets it (and as the statement's text is set).
  separator: '\u202f; ',
};

const SPANISH_STATUS: Record<Status, [string, string]> = {
  general: ['reconocida como entidad consultiva general', 'reconocidas como entidades consultivas generales'],
  special: ['reconocida como entidad consultiva especial', 'reconocidas como entidades consultivas especiales'],
  roster: ['incluida en la Lista', 'incluidas en la Lista'],
};

const spanish: Wording = {
  session: (n) => `${n}º período de sesiones`,
  agendaItem: (item) => `Tema ${item} de la agenda`,
  group: (names, status, plural) => `${names}, ${plural ? 'organizaciones no gubernamentales' : 'organización no gubernamental'} ${SPANISH_STATUS[status][plural ? 1 : 0]}`,
  submittedBy: (joint, groups) => `Exposición escrita ${joint ? 'conjunta ' : ''}presentada por ${groups}`,
  separator: '; ',
};

const WORDINGS: Record<string, Wording> = { en: english, fr: french, es: spanish };

/** The language the heading is worded in: the statement's, where the UN takes it; English otherwise. */
export function headingLanguage(lang: string): string {
  const base = lang.toLowerCase().split('-')[0] ?? 'en';
  return WORDINGS[base] ? base : 'en';
}

export function submissionHeading(statement: Statement, organizationName: string): string[] {
  const submission = statement.kindData === undefined ? undefined : submissionOf(statement);
  if (!submission) return [];
  const lang = headingLanguage(statement.lang);
  const wording = WORDINGS[lang]!;
  const f = submission.fields;
  const lines: string[] = [];
  if (f.body) lines.push(f.body);
  if (f.session !== undefined) lines.push(typeof f.session === 'number' ? wording.session(f.session) : f.session);
  if (f.agenda_item !== undefined) lines.push(wording.agendaItem(f.agenda_item));
  if (f.country) lines.push(f.country);
  const all = [{ name: organizationName, status: f.status }, ...(f.submitters ?? [])];
  const list = new Intl.ListFormat(lang, { type: 'conjunction' });
  const groups = ORDER.flatMap((status) => {
    const names = all.filter((o) => o.status === status).map((o) => o.name);
    return names.length === 0 ? [] : [wording.group(list.format(names), status, names.length > 1)];
  });
  lines.push(wording.submittedBy(submission.joint, groups.join(wording.separator)));
  return lines;
}
