/**
 * One statement source to a validated `Statement` or the list of everything wrong with it.
 * Pure: bytes and context in, data out; the file system is read elsewhere. Every problem of the
 * file is reported at once: the common checks, then its kind's own.
 */
import { DEFAULT_KIND, kindNamed, kindOfField, statementFieldNames, statementSchema, type Kind } from '../kinds/index.ts';
import type { Diagnostic } from '../report/diagnostic.ts';
import { parseMoment, type Moment } from '../util/moments.ts';
import { suggest } from '../util/suggest.ts';
import { bodyLimitProblems } from './body-limits.ts';
import { decodeSource } from './decode-source.ts';
import { explainIssues } from './explain-issues.ts';
import { langFieldProblem } from './explain-language-tag.ts';
import { invisibleCharacters } from './invisible-characters.ts';
import { standardLanguageTag } from './language-tag.ts';
import { parseYaml, type ParsedYaml } from './parse-yaml.ts';
import { fieldNamesAt } from './schema-fields.ts';
import type { Organization, StatementFields } from './schema.ts';
import { fileSlug } from './slug.ts';
import { splitFrontMatter } from './split-front-matter.ts';
import { directionOf, type Statement } from './statement.ts';

export interface StatementContext {
  organization: Organization;
  /** Template families available (folder names in templates/). */
  kinds: readonly string[];
  /** Each kind's settings (e.g. the UN profiles), by kind name, loaded once per build. */
  settings?: ReadonlyMap<string, unknown>;
  /** For one language of a statement folder (`statements/<slug>/<lang>.md`). */
  translation?: {
    slug: string;
    lang: string;
    /** The default-language version's front matter: fields this file leaves out come from it. */
    inherit?: Record<string, unknown>;
  };
}

export interface ParsedStatement {
  statement?: Statement;
  diagnostics: Diagnostic[];
  /** The front matter as written (for translations to inherit from). */
  data?: Record<string, unknown>;
}

/** Fields a translation never takes from the default-language version. */
const NOT_INHERITED = new Set(['title', 'lang', 'slug']);
const HEADLINE_ADVISED = 100;
const YEAR_MS = 366 * 24 * 3600 * 1000;
/** Larger sources are refused: no statement is this long, and parsing one would stall the build. */
export const MAX_STATEMENT_BYTES = 1024 * 1024;

type Split = Exclude<ReturnType<typeof splitFrontMatter>, string>;

export function parseStatement(file: string, bytes: Uint8Array, context: StatementContext): ParsedStatement {
  const read = readSource(file, bytes);
  if ('diagnostics' in read) return read;
  const { split } = read;
  const yaml = parseYaml(file, split.yaml, split.yamlLine, { fields: statementFieldNames });
  const diagnostics: Diagnostic[] = [...yaml.diagnostics];
  const bodyEmpty = split.body.trim() === '';
  const emptyBody = (): Diagnostic => ({ file, line: split.bodyLine - 1, column: 1, severity: 'error', rule: 'empty-body', message: 'the statement has no text after the front matter', hint: 'write the statement below the closing "---"' });
  // Slips that could be repaired (a colon in the title...) leave data to check the rest of the file with.
  if (yaml.data === undefined) return { diagnostics: bodyEmpty ? [...diagnostics, emptyBody()] : diagnostics };
  if (typeof yaml.data !== 'object' || yaml.data === null || Array.isArray(yaml.data)) {
    return { diagnostics: [...diagnostics, { file, line: split.yamlLine, column: 1, severity: 'error', rule: 'not-a-map', message: 'the front matter must be a list of "field: value" lines', hint: 'write e.g. title: Your headline' }] };
  }
  const written = yaml.data as Record<string, unknown>;
  const { data, problems: translationProblems } = withTranslation(file, written, yaml, context.translation);
  diagnostics.push(...translationProblems);

  const result = statementSchema.safeParse(data);
  if (!result.success) diagnostics.push(...explainIssues(result.error.issues, { file, yaml, data, fieldsAt: (path) => fieldNamesAt(statementSchema, path) }));
  const fields = result.success ? (result.data as StatementFields & Record<string, unknown>) : undefined;
  // Checks across fields and against the project, made even when other fields are wrong.
  const kindName = typeof data.kind === 'string' ? data.kind : DEFAULT_KIND;
  const kind = kindNamed(kindName);
  diagnostics.push(...projectProblems(file, data, yaml, kind, context, diagnostics.some((d) => d.field === 'kind')));
  if (bodyEmpty) diagnostics.push(emptyBody());
  diagnostics.push(...bodyLimitProblems(file, split.body, split.bodyLine));
  diagnostics.push(...valueProblems(file, written, yaml));
  const lang = standardLanguageTag((fields?.lang as string | undefined) ?? context.organization.lang);
  const complete = fields !== undefined && !diagnostics.some((d) => d.severity === 'error');
  const own = kind.check?.({ file, fields: fields ?? data, valid: fields !== undefined, complete, locate: yaml.locate, body: split.body, bodyLine: split.bodyLine, lang, settings: context.settings?.get(kind.name) });
  diagnostics.push(...(own?.diagnostics ?? []));
  if (!fields || !complete) return { diagnostics, data: written };
  diagnostics.push(...advice(file, fields, yaml, kind));
  // Errors of the kind's own that still let it build a proof (a submission over its word limit).
  const proof = own?.proof !== undefined && diagnostics.every((d) => d.severity !== 'error' || own.diagnostics.includes(d)) ? own.proof : undefined;
  if (!proof && diagnostics.some((d) => d.severity === 'error')) return { diagnostics, data: written };
  const slug = context.translation ? context.translation.slug : typeof data.slug === 'string' ? data.slug : fileSlug(file);
  const statement: Statement = {
    file,
    slug,
    folder: slug,
    translations: [],
    title: fields.title,
    ...(fields.subtitle ? { subtitle: fields.subtitle } : {}),
    date: parseMoment(fields.date) as Moment,
    ...(fields.location ? { location: fields.location } : {}),
    lang,
    dir: directionOf(lang),
    kind: kind.name,
    ...(fields.summary ? { summary: fields.summary } : {}),
    tags: fields.tags ?? [],
    ...(fields.embargo ? { embargo: parseMoment(fields.embargo, { requireZone: true }) as Moment } : {}),
    contacts: fields.contacts ?? context.organization.contacts,
    notes: fields.notes ?? [],
    organizations: fields.organizations ?? [],
    draft: fields.status === 'draft',
    ...(proof ? { proof } : {}),
    corrections: (fields.corrections ?? []).map((c) => ({ date: parseMoment(c.date) as Moment, note: c.note })).sort((a, b) => a.date.instant.getTime() - b.date.instant.getTime()),
    ...(own?.data !== undefined ? { kindData: own.data } : {}),
    body: split.body,
    bodyLine: split.bodyLine,
  };
  return { statement, diagnostics, data: written };
}

/** The source's text split into front matter and body, or why it cannot be. */
function readSource(file: string, bytes: Uint8Array): { split: Split } | { diagnostics: Diagnostic[] } {
  if (bytes.length > MAX_STATEMENT_BYTES) {
    const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
    return { diagnostics: [{ file, line: 1, column: 1, severity: 'error', rule: 'too-large', message: `the file is ${mb(bytes.length)}; a statement may be at most ${mb(MAX_STATEMENT_BYTES)}`, hint: 'split it into several statements, or move long annexes into a linked document' }] };
  }
  const decoded = decodeSource(file, bytes);
  if (!decoded.ok) return { diagnostics: [decoded.diagnostic] };
  const split = splitFrontMatter(decoded.text);
  if (split === 'no-front-matter') {
    return { diagnostics: [{ file, line: 1, column: 1, severity: 'error', rule: 'no-front-matter', message: 'the file does not start with front matter', hint: 'begin the file with a line "---", then title: and date: lines, then another "---"' }] };
  }
  if (split === 'unclosed-front-matter') {
    return { diagnostics: [{ file, line: 1, column: 1, severity: 'error', rule: 'unclosed-front-matter', message: 'the front matter opened on line 1 never closes', hint: 'add a line "---" after the last field, before the text' }] };
  }
  return { split };
}

/** A translation's front matter: its own fields over those it inherits, its language from its file name. */
function withTranslation(file: string, written: Record<string, unknown>, yaml: ParsedYaml, translation: StatementContext['translation']): { data: Record<string, unknown>; problems: Diagnostic[] } {
  if (!translation) return { data: written, problems: [] };
  const problems: Diagnostic[] = [];
  const langProblem = typeof written.lang === 'string' ? langFieldProblem(written.lang) : undefined;
  if (langProblem?.severity === 'error') problems.push({ file, ...yaml.locate(['lang']), field: 'lang', ...langProblem });
  else if (typeof written.lang === 'string' && standardLanguageTag(written.lang) !== translation.lang) {
    const standard = standardLanguageTag(written.lang);
    problems.push({ file, ...yaml.locate(['lang']), severity: 'error', rule: 'lang-mismatch', field: 'lang', message: `lang "${written.lang}" does not match the file name (${translation.lang}.md)`, hint: `remove the lang line or rename the file ${standard}.md` });
  }
  const inherited = Object.fromEntries(Object.entries(translation.inherit ?? {}).filter(([k]) => !NOT_INHERITED.has(k)));
  const data: Record<string, unknown> = { ...inherited, ...written, lang: translation.lang };
  delete data.slug;
  return { data, problems };
}

/** The kind exists in templates/, and no field of another kind is used. */
function projectProblems(file: string, data: Record<string, unknown>, yaml: ParsedYaml, kind: Kind, context: StatementContext, kindFlagged: boolean): Diagnostic[] {
  const problems: Diagnostic[] = [];
  if (!context.kinds.includes(kind.name) && !kindFlagged) {
    const guess = suggest(kind.name, context.kinds);
    problems.push({
      file, ...yaml.locate(['kind']), severity: 'error', rule: 'unknown-kind', field: 'kind',
      message: `there is no template folder for kind "${kind.name}"`,
      hint: `use one of: ${context.kinds.join(', ') || '(none: templates/ is empty)'}${guess ? ` (did you mean "${guess}"?)` : ''}`,
    });
  }
  for (const field of Object.keys(data)) {
    const owner = kindOfField(field);
    if (!owner || owner.name === kind.name) continue;
    problems.push({ file, ...yaml.locate([field], { key: true }), severity: 'error', rule: `${field}-kind`, field, message: `"${field}" is only used by kind ${owner.name}`, hint: `add "kind: ${owner.name}" or remove the ${field} block` });
  }
  return problems;
}

/** A language tag in a non-standard spelling, and characters that can disguise a value. */
function valueProblems(file: string, written: Record<string, unknown>, yaml: ParsedYaml): Diagnostic[] {
  const problems: Diagnostic[] = [];
  // Not a tag at all is the schema's error (or the translation's); a tag spelt otherwise, a warning.
  const langProblem = typeof written.lang === 'string' ? langFieldProblem(written.lang) : undefined;
  if (langProblem?.severity === 'warning') problems.push({ file, ...yaml.locate(['lang']), field: 'lang', ...langProblem });
  for (const field of ['title', 'subtitle', 'location', 'summary']) {
    const value = written[field];
    const found = typeof value === 'string' ? invisibleCharacters(value) : [];
    if (found.length === 0) continue;
    problems.push({ file, ...yaml.locate([field]), severity: 'warning', rule: 'invisible-characters', field, message: `the ${field} contains invisible or direction-changing characters (${found.join(', ')}) that can disguise text`, hint: `retype the ${field} or remove them` });
  }
  return problems;
}

/** Warnings about a valid statement: what readers and search engines will miss. */
function advice(file: string, fields: StatementFields, yaml: ParsedYaml, kind: Kind): Diagnostic[] {
  const at = (field: string) => yaml.locate([field]);
  const problems: Diagnostic[] = [];
  if ([...fields.title].length > HEADLINE_ADVISED) {
    problems.push({ file, ...at('title'), severity: 'warning', rule: 'long-headline', field: 'title', message: `the headline is ${[...fields.title].length} characters long`, hint: `headlines under ${HEADLINE_ADVISED} characters read best` });
  }
  if (!fields.summary) {
    problems.push({ file, line: 1, column: 1, severity: 'warning', rule: 'missing-summary', field: 'summary', message: 'there is no summary', hint: 'add "summary: …" (one or two sentences) for listings, search engines and social media' });
  }
  if (!fields.location && kind.dateline) {
    problems.push({ file, line: 1, column: 1, severity: 'warning', rule: 'missing-location', field: 'location', message: 'there is no location for the dateline', hint: 'add e.g. "location: Rabwah, Pakistan"' });
  }
  const date = parseMoment(fields.date) as Moment;
  const embargo = fields.embargo ? (parseMoment(fields.embargo, { requireZone: true }) as Moment) : undefined;
  (fields.corrections ?? []).forEach((c, i) => {
    if ((parseMoment(c.date) as Moment).instant.getTime() >= date.instant.getTime()) return;
    problems.push({ file, ...yaml.locate(['corrections', i, 'date']), severity: 'warning', rule: 'early-correction', field: `corrections[${i}].date`, message: `the correction is dated before the statement (${fields.date})`, hint: 'check the date of the correction' });
  });
  if (embargo && Math.abs(embargo.instant.getTime() - date.instant.getTime()) > YEAR_MS) {
    problems.push({ file, ...at('embargo'), severity: 'warning', rule: 'distant-embargo', field: 'embargo', message: `the embargo is more than a year from the statement's date (${fields.date})`, hint: 'check the year of the embargo and of the date' });
  }
  return problems;
}
