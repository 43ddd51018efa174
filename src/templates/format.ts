/**
 * Dates, datelines and release lines, formatted with Intl for the statement's language and the
 * organisation's dateline style. Pure functions; the template helpers call these.
 */
import type { Moment } from '../util/moments.ts';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Intl formatters are costly to create and immutable: one per locale and options. */
function dateTimeFormat(lang: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, options);
    formatters.set(key, f);
  }
  return f;
}

/** Plain `en` has US month-day order; outside the US and at the UN day-month-year is the norm. */
function locale(lang: string): string {
  return lang.toLowerCase() === 'en' ? 'en-GB' : lang;
}

/** `27 November 2023` (en), `27 novembre 2023` (fr), ... The calendar date as written. */
export function formatDate(moment: Pick<Moment, 'date'>, lang: string): string {
  const [y, m, d] = moment.date.split('-').map(Number) as [number, number, number];
  return dateTimeFormat(locale(lang), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** `28 November 2023, 09:00 GMT+5` in the given zone. */
export function formatMoment(instant: Date, lang: string, timeZone: string): string {
  return dateTimeFormat(locale(lang), {
    day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone, timeZoneName: 'short',
  }).format(instant);
}

export type DatelineStyle = 'ap' | 'un';

export interface DatelineParts {
  /** `RABWAH, Pakistan` (AP) or `RABWAH` (UN). */
  place: string;
  /** Shown in the UN style only: `27 November 2023`. */
  date?: string;
}

/** AP: city in capitals, then the rest as written. UN (OHCHR): city in capitals and the date in brackets. */
export function datelineParts(location: string | undefined, date: Moment, lang: string, style: DatelineStyle): DatelineParts | undefined {
  if (!location) return style === 'un' ? { place: '', date: formatDate(date, lang) } : undefined;
  const [city = '', ...rest] = location.split(',');
  const upper = city.trim().toLocaleUpperCase(lang);
  if (style === 'un') return { place: upper, date: formatDate(date, lang) };
  return { place: [upper, ...rest.map((r) => r.trim())].join(', ') };
}

export function datelineText(parts: DatelineParts | undefined): string {
  if (!parts) return '';
  const place = parts.date ? `${parts.place}${parts.place ? ' ' : ''}(${parts.date})` : parts.place;
  return `${place} — `;
}

/** `FOR IMMEDIATE RELEASE`, or the embargo moment in the organisation's zone and in UTC. */
export function releaseLine(embargo: Moment | undefined, lang: string, timeZone: string, words: { immediate: string; embargoed: string }): string {
  if (!embargo) return words.immediate;
  const local = formatMoment(embargo.instant, lang, timeZone);
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return `${words.embargoed} ${local}`;
  const utc = dateTimeFormat(locale(lang), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC', timeZoneName: 'short' }).format(embargo.instant);
  const sameDay = formatDate({ ...embargo, date: isoDateIn(embargo.instant, timeZone) }, lang) === formatDate({ ...embargo, date: isoDateIn(embargo.instant, 'UTC') }, lang);
  const utcText = sameDay ? utc : `${formatDate({ ...embargo, date: isoDateIn(embargo.instant, 'UTC') }, lang)}, ${utc}`;
  return `${words.embargoed} ${local} (${utcText})`;
}

function isoDateIn(instant: Date, timeZone: string): string {
  return dateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(instant);
}

/** `+44 20 7946 0000` to `tel:+442079460000`. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^0-9+]/g, '')}`;
}
