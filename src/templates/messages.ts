/**
 * Locale strings are ICU MessageFormat messages (intl-messageformat): plural, select, number and
 * date arguments, so that grammar is the locale's job. Each text argument `x` also comes with
 * `x_initial` (`vowel` or `other`), for the elisions a language makes before a vowel: French
 * writes `À propos {name_initial, select, vowel {d’{name}} other {de {name}}}`.
 */
import { IntlMessageFormat } from 'intl-messageformat';

const compiled = new Map<string, IntlMessageFormat | undefined>();
const VOWEL_START = /^[aeiouyhàâäæéèêëîïôöœùûü]/i;

function compile(message: string, lang: string): IntlMessageFormat | undefined {
  const key = `${lang}\u0000${message}`;
  if (!compiled.has(key)) {
    try {
      compiled.set(key, new IntlMessageFormat(message, lang, undefined, { ignoreTag: true }));
    } catch {
      compiled.set(key, undefined);
    }
  }
  return compiled.get(key);
}

/** Whether a message is valid ICU MessageFormat (locale files are checked with this). */
export function isMessage(message: string): boolean {
  return compile(message, 'en') !== undefined;
}

export function formatMessage(message: string, lang: string, values: Record<string, unknown> = {}): string {
  const args: Record<string, unknown> = { ...values };
  for (const [name, value] of Object.entries(values)) {
    if (typeof value === 'string') args[`${name}_initial`] = VOWEL_START.test(value) ? 'vowel' : 'other';
  }
  const format = compile(message, lang);
  // A message that is not ICU (a locale file's typo) is shown with its {placeholders} filled in.
  if (!format) return message.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
  const out = format.format(args);
  return Array.isArray(out) ? out.join('') : String(out);
}
