/**
 * One statement source to a validated `Statement` or the list of everything wrong with it.
 * Pure: bytes and context in, data out; the file system is read elsewhere.
 */
import type { Diagnostic } from '../report/diagnostic.ts';
import { parseMoment, type Moment } from '../util/moments.ts';
import { suggest } from '../util/suggest.ts';
import { decodeSource } from './decode-source.ts';
import { explainIssues } from './explain-issues.ts';
import { langFieldProblem } from './explain-language-tag.ts';
import { standardLanguageTag } from './language-tag.ts';
import { fileSlug } from './slug.ts';
import { parseYaml } from './parse-yaml.ts';
import { parseMarkdown } from '../markdown/parse-markdown.ts';
import { limitBasis, limitFor, type Profile } from '../kinds/un-submission/profiles.ts';
import { supportersNote } from '../kinds/un-submission/supporters-note.ts';
import { checkWordLimit, countWords } from '../kinds/un-submission/word-count.ts';
import { contactSchema, statementFieldNames, statementSchema, submissionSchema, type Organization } from './schema.ts';
import { directionOf, type Statement } from './statement.ts';
import { splitFrontMatter } from './split-front-matter.ts';

export interface StatementContext {
  organization: Organization;
  /** Template families available (folder names in templates/). */
  kinds: readonly string[];
  /** UN submission profiles (templates/un-submission/profiles.yaml), when that kind exists. */
  profiles?: ReadonlyMap<string, Profile>;
  /** For one language of a statement folder (`statements/<slug>/<lang>.md`). */
  translation?: {
    slug: string;
    lang: string;
    /** The default-language version's front matter: fields this file leaves out come from it. */
    inherit?: Record<string, unknown>;
  };
}

/** Fields a translation never takes from the default-language version. */
const NOT_INHERITED = new Set(['title', 'lang', 'slug']);

export const UN_KIND = 'un-submission';

export interface ParsedStatement {
  statement?: Statement;
  diagnostics: Diagnostic[];
  /** The front matter as written (for translations to inherit from). */
  data?: Record<string, unknown>;
}

export const DEFAULT_KIND = 'press-release';
const HEADLINE_ADVISED = 100;
const YEAR_MS = 366 * 24 * 3600 * 1000;

/** Larger sources are refused: no statement is this long, and parsing one would stall the build. */
export const MAX_STATEMENT_BYTES = 1024 * 1024;
/** Block quotes and lists nested deeper than this are refused (they would exhaust the parser). */
export const MAX_NESTING = 50;

export function parseStatement(file: string, bytes: Uint8Array, context: StatementContext): ParsedStatement {
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

  const yaml = parseYaml(file, split.yaml, split.yamlLine, { fields: statementFieldNames });
  const diagnostics: Diagnostic[] = [...yaml.diagnostics];
  const bodyEmpty = split.body.trim() === '';
  const emptyBody = (): Diagnostic => ({ file, line: split.bodyLine - 1, column: 1, severity: 'error', rule: 'empty-body', message: 'the statement has no text after the front matter', hint: 'write the statement below the closing "---"' });
  // Slips that could be repaired (a colon in the title...) leave data to check the rest of the file with.
  if (yaml.data === undefined) {
    if (bodyEmpty) diagnostics.push(emptyBody());
    return { diagnostics };
  }
  const own = yaml.data ?? {};
  if (typeof own !== 'object' || Array.isArray(own)) {
    diagnostics.push({ file, line: split.yamlLine, column: 1, severity: 'error', rule: 'not-a-map', message: 'the front matter must be a list of "field: value" lines', hint: 'write e.g. title: Your headline' });
    return { diagnostics };
  }
  const translation = context.translation;
  const written = own as Record<string, unknown>;
  const langProblem = typeof written.lang === 'string' ? langFieldProblem(written.lang) : undefined;
  if (translation && langProblem?.severity === 'error') diagnostics.push({ file, ...yaml.locate(['lang']), field: 'lang', ...langProblem });
  else if (translation && typeof written.lang === 'string' && standardLanguageTag(written.lang) !== translation.lang) {
    const standard = standardLanguageTag(written.lang);
    diagnostics.push({ file, ...yaml.locate(['lang']), severity: 'error', rule: 'lang-mismatch', field: 'lang', message: `lang "${written.lang}" does not match the file name (${translation.lang}.md)`, hint: `remove the lang line or rename the file ${standard}.md` });
  }
  const inherited = Object.fromEntries(Object.entries(translation?.inherit ?? {}).filter(([k]) => !NOT_INHERITED.has(k)));
  const data: Record<string, unknown> = translation ? { ...inherited, ...written, lang: translation.lang } : written;
  if (translation) delete data.slug;

  const result = statementSchema.safeParse(data);
  if (!result.success) {
    const fieldsAt = (path: readonly (string | number)[]) =>
      path.length === 0 ? statementFieldNames : path[0] === 'submission' ? (path.length === 1 ? Object.keys(submissionSchema.shape) : ['name', 'status']) : Object.keys(contactSchema.shape);
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
  const slug = translation ? translation.slug : typeof raw.slug === 'string' ? raw.slug : fileSlug(file);
  if (bodyEmpty) diagnostics.push(emptyBody());
  const deep = deepestNesting(split.body);
  if (deep.depth > MAX_NESTING) {
    diagnostics.push({ file, line: split.bodyLine + deep.line, column: 1, severity: 'error', rule: 'too-deep', message: `block quotes, lists or footnotes are nested ${deep.depth} levels deep here`, hint: `nest at most ${MAX_NESTING} levels; this is usually text pasted with stray ">" or indentation` });
  }
  const brackets = deepestBrackets(split.body);
  if (brackets.depth > MAX_NESTING) {
    diagnostics.push({ file, line: split.bodyLine + brackets.line, column: brackets.column, severity: 'error', rule: 'too-deep', message: `links or images are nested ${brackets.depth} levels deep here`, hint: `nest at most ${MAX_NESTING} levels; this is usually text pasted with stray "[" and "]"` });
  }
  const crowded = crowdedEmphasis(split.body);
  if (crowded) {
    diagnostics.push({ file, line: split.bodyLine + crowded.line, column: crowded.column, severity: 'error', rule: 'too-many-marks', message: `this paragraph has ${crowded.count} emphasis marks (*, _ or ~)`, hint: `a paragraph may have at most ${MAX_EMPHASIS_MARKS}; this is usually text pasted with stray "*" or "_": remove them or write them as \\* and \\_` });
  }
  if (langProblem?.severity === 'warning') diagnostics.push({ file, ...at('lang'), field: 'lang', ...langProblem });
  for (const field of ['title', 'subtitle', 'location', 'summary']) {
    const value = written[field];
    const found = typeof value === 'string' ? invisibleCharacters(value) : [];
    if (found.length === 0) continue;
    diagnostics.push({ file, ...at(field), severity: 'warning', rule: 'invisible-characters', field, message: `the ${field} contains invisible or direction-changing characters (${found.join(', ')}) that can disguise text`, hint: `retype the ${field} or remove them` });
  }
  if (kind === UN_KIND && raw.submission === undefined) {
    diagnostics.push({
      file, line: 1, column: 1, severity: 'error', rule: 'missing-field', field: 'submission',
      message: `a statement of kind ${UN_KIND} needs a "submission" block`,
      hint: 'add e.g. submission: {profile: hrc-written-statement, status: general, body: Human Rights Council, session: 55, agenda_item: 4}',
    });
  }
  if (kind !== UN_KIND && raw.submission !== undefined) {
    diagnostics.push({ file, ...yaml.locate(['submission'], { key: true }), severity: 'error', rule: 'submission-kind', field: 'submission', message: `"submission" is only used by kind ${UN_KIND}`, hint: `add "kind: ${UN_KIND}" or remove the submission block` });
  }
  const profileId = fields?.submission?.profile;
  const profile = profileId !== undefined ? context.profiles?.get(profileId) : undefined;
  if (fields?.submission && kind === UN_KIND && !profile) {
    const known = [...(context.profiles?.keys() ?? [])];
    const guess = profileId ? suggest(profileId, known) : undefined;
    diagnostics.push({
      file, ...yaml.locate(['submission', 'profile']), severity: 'error', rule: 'unknown-profile', field: 'submission.profile',
      message: `there is no submission profile "${profileId}"`,
      hint: `use one of: ${known.join(', ') || '(none: templates/un-submission/profiles.yaml is missing)'}${guess ? ` (did you mean "${guess}"?)` : ''}`,
    });
  }

  if (!fields || diagnostics.some((d) => d.severity === 'error')) return { diagnostics, data: written };

  const date = parseMoment(fields.date) as Moment;
  const embargo = fields.embargo ? (parseMoment(fields.embargo, { requireZone: true }) as Moment) : undefined;
  if ([...fields.title].length > HEADLINE_ADVISED) {
    diagnostics.push({ file, ...at('title'), severity: 'warning', rule: 'long-headline', field: 'title', message: `the headline is ${[...fields.title].length} characters long`, hint: `headlines under ${HEADLINE_ADVISED} characters read best` });
  }
  if (!fields.summary) {
    diagnostics.push({ file, line: 1, column: 1, severity: 'warning', rule: 'missing-summary', field: 'summary', message: 'there is no summary', hint: 'add "summary: …" (one or two sentences) for listings, search engines and social media' });
  }
  if (!fields.location && kind !== UN_KIND) {
    diagnostics.push({ file, line: 1, column: 1, severity: 'warning', rule: 'missing-location', field: 'location', message: 'there is no location for the dateline', hint: 'add e.g. "location: Rabwah, Pakistan"' });
  }
  if (embargo && Math.abs(embargo.instant.getTime() - date.instant.getTime()) > YEAR_MS) {
    diagnostics.push({ file, ...at('embargo'), severity: 'warning', rule: 'distant-embargo', field: 'embargo', message: `the embargo is more than a year from the statement's date (${fields.date})`, hint: 'check the year of the embargo and of the date' });
  }

  const lang = standardLanguageTag(fields.lang ?? context.organization.lang);
  let submission: Statement['submission'];
  if (fields.submission && profile) {
    const joint = (fields.submission.submitters?.length ?? 0) > 0;
    const tree = parseMarkdown(split.body, { file, firstLine: split.bodyLine, lang, allowHtml: false }).tree;
    const note = supportersNote(fields.submission.supporters ?? [], lang);
    const words = countWords(tree, { lang, includeNotes: profile.countNotes, ...(note ? { extraNotes: [note] } : {}) });
    const unit = { status: fields.submission.status, joint };
    const limit = limitFor(profile, unit);
    const verdict = checkWordLimit(words.total, limit, { profile: profile.id, status: fields.submission.status, joint, basis: limitBasis(profile, unit) });
    if (verdict) diagnostics.push({ file, ...yaml.locate(['submission'], { key: true }), severity: verdict.severity, rule: verdict.rule, field: 'submission', message: verdict.message, hint: verdict.hint });
    submission = { fields: fields.submission, profile, joint, words: { total: words.total, body: words.body, notes: words.notes, ...(limit !== undefined ? { limit } : {}) } };
  }
  const statement: Statement = {
    file,
    slug,
    folder: slug,
    translations: [],
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
    ...(submission ? { submission } : {}),
    body: split.body,
    bodyLine: split.bodyLine,
  };
  return { statement, diagnostics, data: written };
}

/**
 * The deepest nesting of block quotes, list items and footnote definitions, from the lines'
 * prefixes (no parsing): each ">", list marker and "[^label]:" opens a level, and indentation
 * counts a level per two columns.
 */
export function deepestNesting(markdown: string): { depth: number; line: number } {
  let deepest = { depth: 0, line: 0 };
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const depth = containerDepth(lines[i]!);
    if (depth > deepest.depth) deepest = { depth, line: i };
  }
  return deepest;
}

const LIST_MARKER = /(?:[*+-]|\d{1,9}[.)])(?=[ \t]|$)/y;
const FOOTNOTE_LABEL = /\[\^[^\]\s]{1,999}\]:/y;
const THEMATIC_BREAK = /^[ \t>]*([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

function containerDepth(line: string): number {
  const breakLine = THEMATIC_BREAK.test(line);
  let levels = 0;
  let indent = 0;
  let i = 0;
  while (i < line.length) {
    const c = line[i]!;
    if (c === ' ' || c === '\t') {
      indent += c === '\t' ? 4 : 1;
      i++;
      continue;
    }
    if (c === '>') {
      levels++;
      // The space after each ">" belongs to the quote marker, not to indentation.
      i += line[i + 1] === ' ' ? 2 : 1;
      continue;
    }
    LIST_MARKER.lastIndex = i;
    if (!breakLine && LIST_MARKER.test(line)) {
      levels++;
      i = LIST_MARKER.lastIndex;
      for (let gap = 0; gap < 4 && line[i] === ' '; gap++) i++;
      continue;
    }
    FOOTNOTE_LABEL.lastIndex = i;
    if (FOOTNOTE_LABEL.test(line)) {
      levels++;
      i = FOOTNOTE_LABEL.lastIndex;
      while (line[i] === ' ') i++;
      continue;
    }
    break;
  }
  return levels + Math.floor(indent / 2);
}

const TABLE_ROW = /^(?:\||[\p{L}\p{N}])(?!\d*[.)])/u;
const TABLE_DELIMITER = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;

/** The cells of a table row: pipes split it, unless escaped; leading and trailing pipes do not count. Zero when it has no pipe. */
function cells(line: string): number {
  let pipes = 0;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') pipes++;
  }
  if (pipes === 0) return 0;
  const trimmed = line.trim();
  return pipes + 1 - (trimmed.startsWith('|') ? 1 : 0) - (trimmed.endsWith('|') && !trimmed.endsWith('\\|') && trimmed.length > 1 ? 1 : 0);
}

/** Emphasis marks one paragraph may hold: the parser's time grows with the square of their number. */
export const MAX_EMPHASIS_MARKS = 500;

/**
 * The first paragraph with more than MAX_EMPHASIS_MARKS "*", "_" or "~" in runs that touch a
 * word (possible emphasis marks), with their count and the place of the first mark over the limit.
 * Only lines that surely start a new block (blank, a heading, a list item, a code fence at the
 * margin, each row of a table at the margin) start a new count: when unsure, lines are counted
 * as one paragraph.
 */
export function crowdedEmphasis(markdown: string): { count: number; line: number; column: number } | undefined {
  const lines = markdown.split('\n');
  let count = 0;
  let over: { line: number; column: number } | undefined;
  let fence: string | undefined;
  let table = false;
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!;
    if (fence !== undefined) {
      const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line)?.[1];
      if (close && close[0] === fence[0] && close.length >= fence.length) fence = undefined;
      continue;
    }
    // Each table row is an inline of its own. Only a table at the margin after a blank line is
    // trusted to be one (its header and delimiter rows with as many cells), and only while its
    // rows start with "|", a letter or a digit, so that no other block can pass for a row.
    if (table && !(TABLE_ROW.test(line) && cells(line) > 0)) table = false;
    const header = lines[l - 1];
    const startsTable = !table && header !== undefined && TABLE_DELIMITER.test(line) && TABLE_ROW.test(header) && (l < 2 || /^[ \t]*$/.test(lines[l - 2]!)) && cells(line) > 0 && cells(header) === cells(line);
    const newBlock = table || startsTable || /^[ \t>]*$/.test(line) || /^(?:> ?)*[ ]{0,3}(?:#{1,6}(?:[ \t]|$)|(?:[-+*]|1[.)])[ \t]+\S)/.test(line);
    const opensFence = /^(`{3,}|~{3,})/.exec(line)?.[1];
    if (startsTable) table = true;
    if (newBlock || opensFence) {
      if (over) return { count, ...over };
      count = 0;
      if (opensFence && !(opensFence[0] === '`' && line.slice(opensFence.length).includes('`'))) {
        fence = opensFence;
        continue;
      }
    }
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (c === '\\') {
        i++;
        continue;
      }
      if (c !== '*' && c !== '_' && c !== '~') continue;
      let end = i;
      while (line[end + 1] === c) end++;
      const before = line[i - 1];
      const after = line[end + 1];
      if ((before !== undefined && /\S/.test(before)) || (after !== undefined && /\S/.test(after))) {
        // Each character of a run can open or close one level ("***" is emphasis in strong).
        const run = end - i + 1;
        if (!over && count + run > MAX_EMPHASIS_MARKS) over = { line: l, column: i + 1 + (MAX_EMPHASIS_MARKS - count) };
        count += run;
      }
      i = end;
    }
  }
  return over ? { count, ...over } : undefined;
}

/**
 * The deepest nesting of paired square brackets in a paragraph (links and images inside links
 * and images), and where its outermost "[" is. Parsing such nests takes time growing with the
 * square of their depth. Backslash-escaped brackets do not count; a blank line ends a paragraph.
 */
export function deepestBrackets(markdown: string): { depth: number; line: number; column: number } {
  let deepest = { depth: 0, line: 0, column: 0 };
  const open: { line: number; column: number; inner: number }[] = [];
  const lines = markdown.split('\n');
  for (let l = 0; l < lines.length; l++) {
    const text = lines[l]!;
    if (/^[\s>]*$/.test(text)) {
      open.length = 0;
      continue;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '\\') i++;
      else if (c === '[') open.push({ line: l, column: i + 1, inner: 0 });
      else if (c === ']' && open.length > 0) {
        const pair = open.pop()!;
        const depth = pair.inner + 1;
        if (depth > deepest.depth) deepest = { depth, line: pair.line, column: pair.column };
        const outer = open[open.length - 1];
        if (outer && outer.inner < depth) outer.inner = depth;
      }
    }
  }
  return deepest;
}

function codePointBefore(text: string, index: number): string {
  if (index === 0) return '';
  const low = text.charCodeAt(index - 1);
  return low >= 0xdc00 && low <= 0xdfff && index >= 2 ? text.slice(index - 2, index) : text.slice(index - 1, index);
}

/** Characters that show nothing or reorder what follows: they can make a headline read as something else. */
const INVISIBLE_NAMES: Record<string, string> = {
  '\u200B': 'ZERO WIDTH SPACE',
  '\u200C': 'ZERO WIDTH NON-JOINER',
  '\u200D': 'ZERO WIDTH JOINER',
  '\u2060': 'WORD JOINER',
  '\uFEFF': 'ZERO WIDTH NO-BREAK SPACE',
  '\u202A': 'LEFT-TO-RIGHT EMBEDDING',
  '\u202B': 'RIGHT-TO-LEFT EMBEDDING',
  '\u202C': 'POP DIRECTIONAL FORMATTING',
  '\u202D': 'LEFT-TO-RIGHT OVERRIDE',
  '\u202E': 'RIGHT-TO-LEFT OVERRIDE',
  '\u2066': 'LEFT-TO-RIGHT ISOLATE',
  '\u2067': 'RIGHT-TO-LEFT ISOLATE',
  '\u2068': 'FIRST STRONG ISOLATE',
  '\u2069': 'POP DIRECTIONAL ISOLATE',
};
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u202A-\u202E\u2066-\u2069]/gu;
const JOINING_LETTER = /^[\p{L}\p{M}]$/u;
const NON_JOINING_SCRIPT = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}]$/u;
const EMOJI_PART = /^[\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F]$/u;

/**
 * The invisible or direction-changing characters in a value, as "U+202E RIGHT-TO-LEFT OVERRIDE".
 * Joiners (U+200C, U+200D) are part of the spelling between letters of the scripts that use them
 * (Arabic, Urdu, Persian, Indic...) and inside emoji sequences: there they are not reported.
 */
export function invisibleCharacters(value: string): string[] {
  const found = new Set<string>();
  for (const match of value.matchAll(INVISIBLE)) {
    const char = match[0];
    if (char === '\u200C' || char === '\u200D') {
      const before = codePointBefore(value, match.index);
      const next = value.codePointAt(match.index + 1);
      const after = next === undefined ? '' : String.fromCodePoint(next);
      const letters = (c: string) => JOINING_LETTER.test(c) && !NON_JOINING_SCRIPT.test(c);
      if ((letters(before) && letters(after)) || (EMOJI_PART.test(before) && EMOJI_PART.test(after))) continue;
    }
    found.add(char);
  }
  return [...found].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ${INVISIBLE_NAMES[c]}`);
}
