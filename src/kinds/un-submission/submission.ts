/**
 * A UN submission's own checks, once its front matter is valid: the `submission` block is there,
 * its profile exists, and the text keeps to the profile's word limit. What it finds is kept as
 * the statement's `kindData` for the outputs.
 */
import type { Diagnostic } from '../../report/diagnostic.ts';
import { englishLanguageName } from '../../util/language-name.ts';
import { parseMarkdown } from '../../markdown/parse-markdown.ts';
import type { Statement } from '../../sources/statement.ts';
import { suggest } from '../../util/suggest.ts';
import type { KindInput } from '../kind.ts';
import type { SubmissionFields } from './fields.ts';
import { limitBasis, limitFor, PROFILES_FILE, type Profile } from './profiles.ts';
import { supportersNote } from './supporters-note.ts';
import { checkWordLimit, countWords } from './word-count.ts';

export const NAME = 'un-submission';

/** What the outputs of a submission need: its block, its profile and its word count. */
export interface Submission {
  fields: SubmissionFields;
  profile: Profile;
  joint: boolean;
  words: { total: number; body: number; notes: number; limit?: number };
}

export function submissionOf(statement: Statement): Submission {
  return statement.kindData as Submission;
}

/** What the pages of a submission over its word limit say: it is built so that staff see what to cut. */
export const OVER_LIMIT_MARK = 'Over the word limit: not for submission';

export function checkSubmission(input: KindInput): { data?: Submission; diagnostics: Diagnostic[]; proof?: string } {
  const { file, locate } = input;
  const fields = input.fields.submission as SubmissionFields | undefined;
  if (fields === undefined) {
    return {
      diagnostics: [{
        file, line: 1, column: 1, severity: 'error', rule: 'missing-field', field: 'submission',
        message: `a statement of kind ${NAME} needs a "submission" block`,
        hint: 'add e.g. submission: {profile: hrc-written-statement, status: general, body: Human Rights Council, session: 55, agenda_item: 4}',
      }],
    };
  }
  if (!input.valid) return { diagnostics: [] };
  const profiles = (input.settings as ReadonlyMap<string, Profile> | undefined) ?? new Map<string, Profile>();
  const profile = profiles.get(fields.profile);
  if (!profile) {
    const known = [...profiles.keys()];
    const guess = suggest(fields.profile, known);
    return {
      diagnostics: [{
        file, ...locate(['submission', 'profile']), severity: 'error', rule: 'unknown-profile', field: 'submission.profile',
        message: `there is no submission profile "${fields.profile}"`,
        hint: `use one of: ${known.join(', ') || `(none: ${PROFILES_FILE} is missing)`}${guess ? ` (did you mean "${guess}"?)` : ''}`,
      }],
    };
  }
  if (!input.complete) return { diagnostics: [] };
  const language = languageProblem(input, profile);
  const joint = (fields.submitters?.length ?? 0) > 0;
  const tree = parseMarkdown(input.body, { file, firstLine: input.bodyLine, lang: input.lang, allowHtml: false }).tree;
  const note = supportersNote(fields.supporters ?? [], input.lang);
  const words = countWords(tree, { lang: input.lang, includeNotes: profile.countNotes, ...(note ? { extraNotes: [note] } : {}) });
  const unit = { status: fields.status, joint };
  const limit = limitFor(profile, unit);
  const verdict = checkWordLimit(words.total, limit, { profile: profile.id, status: fields.status, joint, basis: limitBasis(profile, unit) });
  const diagnostics: Diagnostic[] = [
    ...(language ? [language] : []),
    ...(verdict ? [{ file, ...locate(['submission'], { key: true }), severity: verdict.severity, rule: verdict.rule, field: 'submission', message: verdict.message, hint: verdict.hint }] : []),
  ];
  const over = verdict?.rule === 'over-word-limit';
  return { data: { fields, profile, joint, words: { total: words.total, body: words.body, notes: words.notes, ...(limit !== undefined ? { limit } : {}) } }, diagnostics, ...(over ? { proof: OVER_LIMIT_MARK } : {}) };
}

/** A warning when the profile names the languages its body accepts and the statement is in another. */
function languageProblem(input: KindInput, profile: Profile): Diagnostic | undefined {
  const accepted = profile.languages;
  const lang = input.lang.toLowerCase();
  if (!accepted || accepted.some((l) => lang === l || lang.startsWith(`${l}-`))) return undefined;
  const names = new Intl.ListFormat('en', { type: 'disjunction' }).format(accepted.map(englishLanguageName));
  const where = input.fields.lang !== undefined ? input.locate(['lang']) : input.locate(['submission', 'profile']);
  return {
    file: input.file, ...where, severity: 'warning', rule: 'submission-language', field: input.fields.lang !== undefined ? 'lang' : 'submission.profile',
    message: `a ${profile.name} is accepted in ${names}; this statement is in ${englishLanguageName(input.lang)}`,
    hint: `submit a version in ${names} (lang: ${accepted.join(', ')}), or change "languages" of ${profile.id} in ${PROFILES_FILE} if the rules have changed`,
  };
}
