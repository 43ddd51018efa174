/**
 * The language tag someone meant when they wrote something else: a name ("French", "Français",
 * "اردو", "Portuguese (Brazil)", "British English"), a misspelt name ("Frensh"), or a tag in the
 * wrong shape ("pt_BR", "en-"). Names come from the CLDR data Intl carries (each language's
 * English name and its own name), not from a table of ours. Building the index takes a moment,
 * so it is built once, the first time a tag needs explaining.
 */
import { suggest } from '../util/suggest.ts';
import { canonicalLanguageTag, subtagName } from './language-tag.ts';

interface NameIndex {
  /** Lower-case name → language code. */
  exact: Map<string, string>;
  /** The same names without diacritics. */
  folded: Map<string, string>;
  /** Every name, for near misses. */
  names: string[];
  /** Lower-case English region name → region code. */
  regions: Map<string, string>;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
let index: NameIndex | undefined;

const key = (s: string) => s.normalize('NFC').toLowerCase().replace(/[\s()_,.]+/g, ' ').trim();
const fold = (s: string) => key(s).normalize('NFD').replace(/\p{M}/gu, '');

function displayNames(locale: string, type: 'language' | 'region', languageDisplay: 'dialect' | 'standard' = 'dialect'): Intl.DisplayNames {
  return new Intl.DisplayNames([locale], { type, fallback: 'none', languageDisplay });
}

function nameOf(names: Intl.DisplayNames, code: string): string | undefined {
  try {
    return names.of(code);
  } catch {
    return undefined;
  }
}

function buildIndex(): NameIndex {
  const built: NameIndex = { exact: new Map(), folded: new Map(), names: [], regions: new Map() };
  const add = (name: string | undefined, code: string) => {
    if (!name || built.exact.has(key(name))) return;
    built.exact.set(key(name), code);
    if (!built.folded.has(fold(name))) built.folded.set(fold(name), code);
    built.names.push(name);
  };
  const codes: string[] = [];
  for (const a of LETTERS) for (const b of LETTERS) codes.push(a + b);
  for (const a of LETTERS) for (const b of LETTERS) for (const c of LETTERS) codes.push(a + b + c);
  const known = codes.filter((code) => subtagName('language', code) !== undefined && canonicalLanguageTag(code) === code);
  for (const code of known) add(subtagName('language', code), code);
  for (const code of Intl.DisplayNames.supportedLocalesOf(known)) {
    if (known.includes(code)) add(nameOf(displayNames(code, 'language'), code), code);
  }
  const short = new Intl.DisplayNames(['en'], { type: 'region', style: 'short', fallback: 'none' });
  const regions: string[] = [];
  for (const a of LETTERS) for (const b of LETTERS) regions.push((a + b).toUpperCase());
  for (let n = 1; n < 1000; n++) regions.push(String(n).padStart(3, '0'));
  for (const region of regions) {
    const name = subtagName('region', region);
    if (!name || region === 'ZZ') continue;
    built.regions.set(key(name), region);
    const shortName = nameOf(short, region);
    if (shortName && !built.regions.has(key(shortName))) built.regions.set(key(shortName), region);
  }
  return built;
}

/** The valid tag closest to what was written, or undefined when nothing is close. */
export function suggestLanguageTag(written: string): string | undefined {
  const value = written.trim();
  if (!value) return undefined;
  index ??= buildIndex();
  return reshaped(value, index) ?? byName(value, index) ?? withRegion(value, index) ?? nearMiss(value, index);
}

/** "pt_BR", "en-", "en - GB", "en-XX": a tag with the wrong separators or an unknown last part. */
function reshaped(value: string, names: NameIndex): string | undefined {
  if (!/^[A-Za-z]{2,3}(?:[\s_-]+[A-Za-z0-9]+)*[\s_-]*$/.test(value)) return undefined;
  const parts = value.split(/[\s_-]+/).filter(Boolean);
  const whole = canonicalLanguageTag(parts.join('-'));
  if (whole) return whole;
  // "pt-Brazil": a language code and a region's name.
  const language = canonicalLanguageTag(parts[0]!);
  const region = names.regions.get(key(parts.slice(1).join(' ')));
  if (language && region) return canonicalLanguageTag(`${language}-${region}`);
  for (let n = parts.length - 1; n > 0; n--) {
    const tag = canonicalLanguageTag(parts.slice(0, n).join('-'));
    if (tag) return tag;
  }
  return undefined;
}

function byName(value: string, names: NameIndex): string | undefined {
  return names.exact.get(key(value)) ?? names.folded.get(fold(value));
}

/**
 * "Portuguese (Brazil)", "Brazilian Portuguese", "português (Brasil)", "Chinese (Traditional,
 * Taiwan)": a language's name inside a longer name, compared with CLDR's names of that language
 * in each region (and in the scripts it is written in there), in English and in the language.
 */
function withRegion(value: string, names: NameIndex): string | undefined {
  const parts = /^(.+?)\s*\((.+)\)$/.exec(value);
  const language = parts ? byName(parts[1]!, names) : undefined;
  const region = parts ? names.regions.get(key(parts[2]!)) : undefined;
  if (language && region) return canonicalLanguageTag(`${language}-${region}`);
  const wanted = key(value);
  const words = ` ${wanted} `;
  const candidates = new Set<string>();
  for (const [name, code] of names.exact) if (name !== wanted && words.includes(` ${name} `)) candidates.add(code);
  for (const code of candidates) {
    const namers = [displayNames('en', 'language'), displayNames('en', 'language', 'standard')];
    if (Intl.DisplayNames.supportedLocalesOf([code]).length > 0) namers.push(displayNames(code, 'language'), displayNames(code, 'language', 'standard'));
    const tags = new Set<string>();
    for (const region of names.regions.values()) {
      tags.add(`${code}-${region}`);
      const likely = new Intl.Locale(`${code}-${region}`).maximize();
      if (likely.script) tags.add(`${code}-${likely.script}`).add(`${code}-${likely.script}-${region}`);
    }
    for (const tag of tags) {
      if (namers.some((namer) => key(nameOf(namer, tag) ?? '') === wanted)) return canonicalLanguageTag(tag);
    }
  }
  return undefined;
}

/** One wrong letter ("Frensh"), two in a long name; not for codes, which are all near each other. */
function nearMiss(value: string, names: NameIndex): string | undefined {
  const length = [...value].length;
  if (length < 4) return undefined;
  const guess = suggest(value, names.names, length >= 10 ? 2 : 1);
  return guess === undefined ? undefined : byName(guess, names);
}
