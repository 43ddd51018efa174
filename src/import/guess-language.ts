/**
 * The statement's language, when the command line does not give it: the document's Language
 * property if it has one, else, for text written in a script most of whose readers are served by
 * one tag, that tag (Urdu, Arabic, Persian, Hebrew...). Word's own language settings are not
 * read: they say what the proofing tools were set to (often en-US, and ar-SA for right-to-left
 * text, whatever the document), not what the statement is written in. Pure.
 */
import { canonicalLanguageTag, languageTagName, standardLanguageTag } from '../sources/language-tag.ts';
import type { Finding } from './finding.ts';

export interface LanguageChoice {
  /** The tag to write as `lang:`, when it is not the organisation's. */
  lang?: string;
  finding?: Finding;
}

/** The language a text is written in, from its letters, when they tell; undefined for Latin script and others. */
export function languageOfText(text: string): string | undefined {
  const letters = [...text.matchAll(/\p{L}/gu)].length;
  if (letters === 0) return undefined;
  const share = (pattern: RegExp) => (text.match(pattern)?.length ?? 0) / letters;
  if (share(/\p{Script=Arabic}/gu) > 0.5) {
    // Letters Urdu writes and Arabic does not (ٹ ڈ ڑ ں ے ہ ھ), then those of Persian (پ چ ژ گ ی ک).
    if (/[\u0679\u0688\u0691\u06ba\u06be\u06c1\u06d2]/u.test(text)) return 'ur';
    if (/[\u067e\u0686\u0698\u06af]/u.test(text) && /[\u06cc\u06a9]/u.test(text)) return 'fa';
    return 'ar';
  }
  if (share(/\p{Script=Hebrew}/gu) > 0.5) return 'he';
  return undefined;
}

export function chooseLanguage(options: { given?: string; property?: string; text: string; organization: string }): LanguageChoice {
  const differs = (tag: string) => (tag === options.organization ? {} : { lang: tag });
  if (options.given !== undefined) return differs(standardLanguageTag(options.given));
  const property = options.property === undefined ? undefined : canonicalLanguageTag(options.property.trim());
  if (property) return differs(property);
  const guess = languageOfText(options.text);
  if (!guess || guess === options.organization.split('-')[0]) return {};
  return {
    lang: guess,
    finding: { what: `the statement's language was taken to be ${languageTagName(guess)} (${guess}), from its script`, todo: `check lang: in the front matter, or import again with --lang` },
  };
}
