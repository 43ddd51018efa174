import type { Contact } from './schema.ts';
import type { Moment } from '../util/moments.ts';

/** A validated statement with every default applied: what templates and outputs consume. */
export interface Statement {
  /** Source path relative to the project, e.g. `statements/forty-mosques.md`. */
  file: string;
  slug: string;
  /** Its output folder inside dist/: the slug, or `<slug>/<lang>` for a translation. */
  folder: string;
  /** Every language version of this statement (itself included), when it has translations. */
  translations: { lang: string; folder: string }[];
  title: string;
  subtitle?: string;
  date: Moment;
  location?: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  kind: string;
  summary?: string;
  tags: string[];
  embargo?: Moment;
  contacts: Contact[];
  notes: string[];
  organizations: string[];
  /** A draft is built for proofing but not published: not listed, marked DRAFT, never sent. */
  draft: boolean;
  /** Built as a proof only, in spite of its errors, marked with these words on every page: never listed or sent. */
  proof?: string;
  /** Corrections made after publication, oldest first. */
  corrections: { date: Moment; note: string }[];
  /** What the statement's kind found in it and its outputs need (plain data; kinds/ reads it). */
  kindData?: unknown;
  /** The Markdown body and the file line it starts on (for positions of body problems). */
  body: string;
  bodyLine: number;
}

const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg']);

/** Text direction of a language, from its likely script (Intl.Locale's maximize()). */
export function directionOf(lang: string): 'ltr' | 'rtl' {
  try {
    const script = new Intl.Locale(lang).maximize().script;
    return script && RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  } catch {
    return 'ltr';
  }
}
