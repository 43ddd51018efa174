/** The words templates print ("FOR IMMEDIATE RELEASE", "Media contacts"...), per language. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export type Strings = Record<string, string>;

/** Locale files are read once per folder; English is the fallback for missing keys. */
export function loadStrings(localesDir: string, lang: string): { strings: Strings; missing: string[] } {
  const english = readLocale(localesDir, 'en') ?? {};
  const candidates = [lang, lang.split('-')[0] ?? lang].filter((v, i, a) => a.indexOf(v) === i);
  for (const candidate of candidates) {
    if (candidate === 'en') return { strings: english, missing: [] };
    const own = readLocale(localesDir, candidate);
    if (own) {
      const missing = Object.keys(english).filter((k) => !(k in own));
      return { strings: { ...english, ...own }, missing };
    }
  }
  return { strings: english, missing: Object.keys(english) };
}

const cache = new Map<string, Strings | undefined>();

function readLocale(dir: string, lang: string): Strings | undefined {
  const file = path.join(dir, `${lang}.yaml`);
  if (cache.has(file)) return cache.get(file);
  let strings: Strings | undefined;
  try {
    const data = parse(readFileSync(file, 'utf8')) as unknown;
    if (data && typeof data === 'object') {
      strings = Object.fromEntries(Object.entries(data as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
    }
  } catch {
    strings = undefined;
  }
  cache.set(file, strings);
  return strings;
}
