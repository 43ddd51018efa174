/** A language tag that breaks the rule (src/sources/language-tag.ts), explained where it was written. */
import { suggestLanguageTag } from './language-names.ts';
import { canonicalLanguageTag, LANGUAGE_TAG_EXAMPLES, languageTagName } from './language-tag.ts';

export interface LanguageTagProblem {
  severity: 'error' | 'warning';
  rule: 'invalid-lang' | 'lang-not-standard';
  message: string;
  hint: string;
}

/**
 * What is wrong with a language tag: `subject` names the value (`lang "French"`), `fix` says what
 * to type for a tag (`write "lang: fr"`). Undefined when the tag is valid and in standard form.
 */
export function languageTagProblem(value: string, subject: string, fix: (tag: string) => string): LanguageTagProblem | undefined {
  const canonical = canonicalLanguageTag(value);
  if (canonical === value) return undefined;
  if (canonical !== undefined) {
    return { severity: 'warning', rule: 'lang-not-standard', message: `${subject} is a non-standard spelling of ${canonical}`, hint: `${fix(canonical)}; the outputs use ${canonical}` };
  }
  const guess = suggestLanguageTag(value);
  const hint = guess ? `did you mean ${guess} (${languageTagName(guess)})? ${fix(guess)}` : `use a BCP 47 tag: ${LANGUAGE_TAG_EXAMPLES}`;
  return { severity: 'error', rule: 'invalid-lang', message: `${subject} is not a language tag`, hint };
}

/** The problem of a `lang:` line of front matter or of the organisation profile. */
export function langFieldProblem(value: string): LanguageTagProblem | undefined {
  return languageTagProblem(value, `lang "${value}"`, (tag) => `write "lang: ${tag}"`);
}
