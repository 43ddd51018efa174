/**
 * One statement source to a validated `Statement` or the list of everything wrong with it.
 * Pure: bytes and context in, data out; the file system is read elsewhere.
 */
import type { Diagnostic } from '../report/diagnostic.ts';
import { parseMoment, type Moment } from '../util/moments.ts';
import { suggest } from '../util/suggest.ts';
import { decodeSource } from './decode-source.ts';
import { explainIssues, slugify } from './explain-issues.ts';
import { parseYaml } from './parse-yaml.ts';
import { contactSchema, statementFieldNames, statementSchema, type Organization } from './schema.ts';
import { directionOf, type Statement } from './statement.ts';
import { splitFrontMatter } from './split-front-matter.ts';

export interface StatementContext {
  organization: Organization;
  /** Template families available (folder names in templates/). */
  kinds: readonly string[];
}

export interface ParsedStatement {
  statement?: Statement;
  diagnostics: Diagnostic[];
}

export const DEFAULT_KIND = 'press-release';
const HEADLINE_ADVISED = 100;
const YEAR_MS = 366 * 24 * 3600 * 1000;

export function parseStatement(file: string, bytes: Uint8Array, context: StatementContext): ParsedStatement {
  const decoded = decodeSource(file, bytes);
  if (!decoded.ok) return { diagnostics: [decoded.diagnostic] };
  const split = splitFrontMatter(decoded.text);
  if (split === 'no-front-matter') {
    return { diagnostics: [{ file, line: 1, column: 1, severity: 'error', rule: 'no-front-matter', message: 'the file does not start with front matter', hint: 'begin the file with a line "---", then title: and date: lines, then another "---"' }] };
  }
  if (split === 'unclosed-front-matter') {
    return { diagnostics: [{ file, line: 1, column: 1, severity: 'error', rule: 'unclosed-front-matter', message: 'the front matter opened on line 1 never closes', hint: 'add a line "---" after the last field, before the text' }] };
  }

  const yaml = parseYaml(file, split.yaml, split.yamlLine);
  const diagnostics: Diagnostic[] = [...yaml.diagnostics];
  const bodyEmpty = split.body.trim() === '';
  const emptyBody = (): Diagnostic => ({ file, line: split.bodyLine - 1, column: 1, severity: 'error', rule: 'empty-body', message: 'the statement has no text after the front matter', hint: 'write the statement below the closing "---"' });
  if (yaml.diagnostics.length > 0) {
    if (bodyEmpty) diagnostics.push(emptyBody());
    return { diagnostics };
  }
  const data = yaml.data ?? {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    diagnostics.push({ file, line: split.yamlLine, column: 1, severity: 'error', rule: 'not-a-map', message: 'the front matter must be a list of "field: value" lines', hint: 'write e.g. title: Your headline' });
    return { diagnostics };
  }

  const result = statementSchema.safeParse(data);
  if (!result.success) {
    const fieldsAt = (path: readonly (string | number)[]) => (path.length === 0 ? statementFieldNames : Object.keys(contactSchema.shape));
    diagnostics.push(...explainIssues(result.error.issues, { file, yaml, data, fieldsAt }));
  }
  const fields = result.success ? result.data : undefined;
  const at = (field: string) => yaml.locate([field]);
  const raw = data as Record<string, unknown>;

  // Checks across fields and against the project, made even when other fields are wrong.
  const kind = typeof raw.kind === 'string' ? raw.kind : DEFAULT_KIND;
  if (!context.kinds.includes(kind) && !diagnostics.some((d) => d.field === 'kind')) {
    const guess = suggest(kind, context.kinds);
    diagnostics.push({
      file, ...at('kind'), severity: 'error', rule: 'unknown-kind', field: 'kind',
      message: `there is no template folder for kind "${kind}"`,
      hint: `use one of: ${context.kinds.join(', ') || '(none: templates/ is empty)'}${guess ? ` (did you mean "${guess}"?)` : ''}`,
    });
  }
  const slug = typeof raw.slug === 'string' ? raw.slug : slugify(baseName(file));
  if (raw.slug === undefined && slug === '') {
    diagnostics.push({ file, line: 1, column: 1, severity: 'error', rule: 'no-slug', message: 'no slug can be made from the file name', hint: 'add a line "slug: …" using a-z, 0-9 and -, or rename the file' });
  }
  if (bodyEmpty) diagnostics.push(emptyBody());

  if (!fields || diagnostics.some((d) => d.severity === 'error')) return { diagnostics };

  const date = parseMoment(fields.date) as Moment;
  const embargo = fields.embargo ? (parseMoment(fields.embargo, { requireZone: true }) as Moment) : undefined;
  if ([...fields.title].length > HEADLINE_ADVISED) {
    diagnostics.push({ file, ...at('title'), severity: 'warning', rule: 'long-headline', field: 'title', message: `the headline is ${[...fields.title].length} characters long`, hint: `headlines under ${HEADLINE_ADVISED} characters read best` });
  }
  if (!fields.summary) {
    diagnostics.push({ file, line: 1, column: 1, severity: 'warning', rule: 'missing-summary', field: 'summary', message: 'there is no summary', hint: 'add "summary: …" (one or two sentences) for listings, search engines and social media' });
  }
  if (!fields.location) {
    diagnostics.push({ file, line: 1, column: 1, severity: 'warning', rule: 'missing-location', field: 'location', message: 'there is no location for the dateline', hint: 'add e.g. "location: Rabwah, Pakistan"' });
  }
  if (embargo && Math.abs(embargo.instant.getTime() - date.instant.getTime()) > YEAR_MS) {
    diagnostics.push({ file, ...at('embargo'), severity: 'warning', rule: 'distant-embargo', field: 'embargo', message: `the embargo is more than a year from the statement's date (${fields.date})`, hint: 'check the year of the embargo and of the date' });
  }

  const lang = fields.lang ?? context.organization.lang;
  const statement: Statement = {
    file,
    slug,
    title: fields.title,
    ...(fields.subtitle ? { subtitle: fields.subtitle } : {}),
    date,
    ...(fields.location ? { location: fields.location } : {}),
    lang,
    dir: directionOf(lang),
    kind,
    ...(fields.summary ? { summary: fields.summary } : {}),
    tags: fields.tags ?? [],
    ...(embargo ? { embargo } : {}),
    contacts: fields.contacts ?? context.organization.contacts,
    notes: fields.notes ?? [],
    organizations: fields.organizations ?? [],
    body: split.body,
    bodyLine: split.bodyLine,
  };
  return { statement, diagnostics };
}

function baseName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  return name.replace(/\.(md|markdown)$/i, '');
}
