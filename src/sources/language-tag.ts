/**
 * The one rule for language tags (statement and organisation `lang`, `clarion new --lang`, the
 * file names of translations): a well-formed BCP 47 tag whose language, script and region are
 * known to the Unicode CLDR data that Node.js carries (what Intl can name). Case and old
 * spellings are accepted and mean their standard form (`EN` is `en`, `en-UK` is `en-GB`, `iw`
 * is `he`), which is the form every output uses; whoever wrote them gets a warning.
 */
export const LANGUAGE_TAG_EXAMPLES = 'a language code, then optionally a script or region, e.g. en, fr, ur, en-GB, pt-BR, zh-Hant-TW';

type SubtagType = 'language' | 'script' | 'region';
const namers = new Map<SubtagType, Intl.DisplayNames>();

/** The English name CLDR gives a subtag, or undefined for one it does not know. */
export function subtagName(type: SubtagType, code: string): string | undefined {
  let namer = namers.get(type);
  if (!namer) {
    namer = new Intl.DisplayNames(['en'], { type, fallback: 'none' });
    namers.set(type, namer);
  }
  try {
    return namer.of(code);
  } catch {
    return undefined;
  }
}

/** The standard form of a valid language tag, or undefined when it is not one. */
export function canonicalLanguageTag(tag: string): string | undefined {
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
  if (canonical === undefined) return undefined;
  const locale = new Intl.Locale(canonical);
  if (!locale.language || locale.language === 'und' || subtagName('language', locale.language) === undefined) return undefined;
  // Zzzz and ZZ are CLDR's "unknown script" and "unknown region": they tell nothing.
  if (locale.script && (locale.script === 'Zzzz' || subtagName('script', locale.script) === undefined)) return undefined;
  if (locale.region && (locale.region === 'ZZ' || subtagName('region', locale.region) === undefined)) return undefined;
  // CLDR names the whole tag only when its variants (`-1996`, `-valencia`) are known too.
  if (subtagName('language', canonical) === undefined) return undefined;
  return canonical;
}

export function isLanguageTag(tag: string): boolean {
  return canonicalLanguageTag(tag) !== undefined;
}

/** The tag as every output uses it: its standard form when it is valid, else as written. */
export function standardLanguageTag(tag: string): string {
  return canonicalLanguageTag(tag) ?? tag;
}

/** English name of a tag, e.g. "Portuguese (Brazil)" for pt-BR. */
export function languageTagName(tag: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language', languageDisplay: 'standard', fallback: 'none' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
