/**
 * Template helpers. Values are escaped by Handlebars as usual; helpers return plain strings
 * (never SafeString, except `json`, which escapes `<`, `>` and `&` itself) so nothing from a
 * statement can become markup.
 */
import type Handlebars from 'handlebars';
import { displayWidth } from '../markdown/text/index.ts';
import { parseMoment, type Moment } from '../util/moments.ts';
import { datelineParts, datelineText, formatDate, releaseLine, type DatelineStyle } from './format.ts';
import { formatMessage } from './messages.ts';

export const HELPER_NAMES = ['eq', 'join', 'upper', 'json', 'formatDate', 'dateline', 'releaseLine', 't', 'underline', 'cssString', 'cssPageCounter'] as const;

/** What helpers read from the root of every template context (see view-model.ts). */
export interface HelperRoot {
  lang: string;
  date: string;
  location?: string;
  embargo?: string;
  organization: { timezone: string; dateline_style: DatelineStyle };
  strings: Record<string, string>;
}

type Options = { data?: { root?: HelperRoot }; hash?: Record<string, unknown> };

function root(options: Options): HelperRoot {
  const r = options.data?.root;
  if (!r) throw new Error('helper used outside a Clarion template context');
  return r;
}

function moment(value: unknown): Moment {
  const m = typeof value === 'string' ? parseMoment(value) : undefined;
  if (!m || typeof m === 'string') throw new Error(`"${String(value)}" is not a date`);
  return m;
}

export function registerHelpers(env: typeof Handlebars): void {
  env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  env.registerHelper('join', (list: unknown, separator: unknown) => (Array.isArray(list) ? list.map(String).join(typeof separator === 'string' ? separator : ', ') : ''));
  env.registerHelper('upper', (value: unknown) => String(value ?? '').toUpperCase());
  // JSON for <script type="application/ld+json">: "<" escaped so no "</script>" can close the element.
  env.registerHelper('json', (value: unknown) => new env.SafeString(JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')));
  /** {{formatDate date}}: the calendar date in the statement's language, e.g. 27 November 2023. */
  env.registerHelper('formatDate', function (value: unknown, options: Options) {
    return formatDate(moment(value), root(options).lang);
  });
  /** {{dateline}}: "RABWAH, Pakistan — " (AP) or "GENEVA (27 November 2023) — " (UN). */
  env.registerHelper('dateline', function (options: Options) {
    const r = root(options);
    return datelineText(datelineParts(r.location, moment(r.date), r.lang, r.organization.dateline_style));
  });
  /** {{releaseLine}}: FOR IMMEDIATE RELEASE, or EMBARGOED UNTIL <local time> (<UTC>). */
  env.registerHelper('releaseLine', function (options: Options) {
    const r = root(options);
    const embargo = r.embargo ? parseMoment(r.embargo, { requireZone: true }) : undefined;
    return releaseLine(typeof embargo === 'object' ? embargo : undefined, r.lang, r.organization.timezone, {
      immediate: r.strings.for_immediate_release ?? 'FOR IMMEDIATE RELEASE',
      embargoed: r.strings.embargoed_until ?? 'EMBARGOED UNTIL',
    });
  });
  /** {{underline "Media contacts"}} or {{underline title "="}}: the text over a rule of its display width (plain text). */
  env.registerHelper('underline', (text: unknown, ...rest: unknown[]) => {
    const char = typeof rest[0] === 'string' ? rest[0] : '-';
    const value = String(text ?? '');
    return `${value}\n${char.repeat(displayWidth(value))}`;
  });
  /** {{{cssString value}}}: a quoted CSS string, safe inside <style> (for @page margin boxes). */
  env.registerHelper('cssString', (value: unknown) => new env.SafeString(cssString(String(value ?? ''))));
  /** {{{cssPageCounter}}}: the locale's "Page {page} of {pages}" as CSS content with counters. */
  env.registerHelper('cssPageCounter', function (options: Options) {
    const text = root(options).strings.page_of ?? 'Page {page} of {pages}';
    const parts = text.split(/(\{page\}|\{pages\})/).filter(Boolean);
    const style = counterStyle(root(options).lang);
    const counter = (name: string) => (style ? `counter(${name}, ${style})` : `counter(${name})`);
    return new env.SafeString(parts.map((p) => (p === '{page}' ? counter('page') : p === '{pages}' ? counter('pages') : cssString(p))).join(' '));
  });
  /** {{t "about" name=organization.name}}: a locale message (ICU MessageFormat) with its arguments. */
  env.registerHelper('t', function (key: unknown, options: Options) {
    const r = root(options);
    const text = r.strings[String(key)] ?? String(key);
    return formatMessage(text, r.lang, options.hash ?? {});
  });
}

/** The CSS counter style of the language's own digits, when Intl says it writes numbers with other digits than 0-9. */
export function counterStyle(lang: string): string | undefined {
  let system: string;
  try {
    system = new Intl.NumberFormat(lang).resolvedOptions().numberingSystem;
  } catch {
    return undefined;
  }
  const styles: Record<string, string> = { arab: 'arabic-indic', arabext: 'persian', beng: 'bengali', deva: 'devanagari', thai: 'thai', mymr: 'myanmar', khmr: 'khmer', laoo: 'lao', tibt: 'tibetan', guru: 'gurmukhi', gujr: 'gujarati', orya: 'oriya', telu: 'telugu', knda: 'kannada', mlym: 'malayalam', tamldec: 'tamil' };
  return styles[system];
}

/** A CSS string literal that cannot end the string or the <style> element it sits in. */
export function cssString(value: string): string {
  return `"${value.replace(/[\\"<>&\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16).toUpperCase()} `)}"`;
}
