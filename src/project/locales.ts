/** The words templates print ("FOR IMMEDIATE RELEASE", "Media contacts"...), per language. */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Diagnostic } from '../report/diagnostic.ts';

export type Strings = Record<string, string>;

export interface LoadedStrings {
  /** Every English key, in the language's words where it has them and in English where not. */
  strings: Strings;
  /** English keys that no locale file of the language gives (their English words are used), in en.yaml order. */
  missing: string[];
  /** Locale files used, most general first, relative to the locales folder: `fr.yaml`, `fr-CA.yaml`. Empty for English and for a language without one. */
  files: string[];
  /** Keys of those files that English does not have (misspelt keys, most likely), sorted. */
  unknown: string[];
  /** Locale files of the language that exist but are not a YAML mapping of keys to words (they are skipped). */
  invalid: { file: string; reason: string }[];
}

/**
 * The words for a BCP 47 language tag. Lookup goes from the general to the specific (`zh`, then
 * `zh-Hant`, then `zh-Hant-TW`), each file overriding the one before, over English, which fills
 * in every key they lack. Tags are matched whatever their case (`UR-pk` finds `ur.yaml`).
 */
export function loadStrings(localesDir: string, lang: string): LoadedStrings {
  const english = readLocale(localesDir, 'en').strings ?? {};
  const result: LoadedStrings = { strings: { ...english }, missing: [], files: [], unknown: [], invalid: [] };
  const given = new Set<string>();
  const unknown = new Set<string>();
  for (const tag of lookupChain(lang)) {
    if (tag === 'en') continue;
    const file = `${tag}.yaml`;
    const own = readLocale(localesDir, tag);
    if (own.reason) result.invalid.push({ file, reason: own.reason });
    if (!own.strings) continue;
    result.files.push(file);
    for (const [key, value] of Object.entries(own.strings)) {
      if (!(key in english)) unknown.add(key);
      result.strings[key] = value;
      given.add(key);
    }
  }
  const isEnglish = primary(lang) === 'en';
  result.missing = isEnglish ? [] : Object.keys(english).filter((k) => !given.has(k));
  result.unknown = [...unknown].sort();
  return result;
}

/**
 * One warning for a statement whose language lacks some (or all) of the template words, or has
 * a locale file that cannot be read; undefined when nothing is missing.
 */
export function localeWarning(lang: string, loaded: LoadedStrings, at: { file: string; line?: number; column?: number; localesDir?: string }): Diagnostic | undefined {
  const dir = (at.localesDir ?? 'templates/locales').replace(/\/$/, '');
  const where = { file: at.file, line: at.line ?? 1, column: at.column ?? 1, severity: 'warning' as const, rule: 'locale', field: 'lang' };
  const invalid = loaded.invalid.map((i) => `${dir}/${i.file} (${i.reason})`);
  if (loaded.files.length === 0 && loaded.missing.length > 0) {
    const name = `${dir}/${canonical(lang).split('-')[0]}.yaml`;
    return {
      ...where,
      message: invalid.length ? `the template words for "${lang}" cannot be read: ${invalid.join('; ')}` : `there are no template words for "${lang}": English words are used (FOR IMMEDIATE RELEASE, Media contacts...)`,
      hint: `add ${name} with the keys of ${dir}/en.yaml translated`,
    };
  }
  if (loaded.missing.length === 0 && invalid.length === 0) return undefined;
  const parts: string[] = [];
  if (loaded.missing.length) parts.push(`${loaded.missing.length} template word${loaded.missing.length === 1 ? '' : 's'} missing for "${lang}", shown in English: ${loaded.missing.join(', ')}`);
  if (invalid.length) parts.push(`unreadable: ${invalid.join('; ')}`);
  return { ...where, message: parts.join('; '), hint: `add the missing keys to ${loaded.files.map((f) => `${dir}/${f}`).at(-1) ?? `${dir}/${lang}.yaml`}` };
}

/** `zh-hant-tw` → [`zh`, `zh-Hant`, `zh-Hant-TW`]: the canonical tag and its prefixes, general first. */
export function lookupChain(lang: string): string[] {
  const subtags = canonical(lang).split('-');
  const chain: string[] = [];
  for (let i = 1; i <= subtags.length; i++) {
    // A singleton (x-, u-...) starts extensions and private use: no locale file goes that far.
    if (subtags[i - 1]!.length === 1) break;
    chain.push(subtags.slice(0, i).join('-'));
  }
  return chain;
}

function canonical(lang: string): string {
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? lang;
  } catch {
    return lang;
  }
}

function primary(lang: string): string {
  return canonical(lang).split('-')[0]!.toLowerCase();
}

interface ReadLocale {
  strings?: Strings;
  /** Why an existing file was not used. */
  reason?: string;
}

/** Locale files are read once per path and modification time. */
const cache = new Map<string, { mtimeMs: number; read: ReadLocale }>();

function readLocale(dir: string, lang: string): ReadLocale {
  const file = path.join(dir, `${lang}.yaml`);
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    cache.delete(file);
    return {};
  }
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.read;
  const read = parseLocale(file);
  cache.set(file, { mtimeMs, read });
  return read;
}

function parseLocale(file: string): ReadLocale {
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { reason: `not valid YAML: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}` };
  }
  if (data === null || data === undefined) return { strings: {} };
  if (typeof data !== 'object' || Array.isArray(data)) return { reason: 'not a mapping of keys to words' };
  const strings: Strings = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    // An empty value (`key:`) or a nested one is no translation: English fills it in.
    if (typeof value === 'string' && value.trim() !== '') strings[key] = value;
    else if (typeof value === 'number' || typeof value === 'boolean') strings[key] = String(value);
  }
  return { strings };
}
