/**
 * Dates and moments as statements write them: a calendar date (`2023-11-27`), or a date-time
 * with an offset (`2023-11-27T10:00:00+05:00`, `...Z`) or an IANA zone
 * (`2023-11-28T09:00 Europe/Geneva`). Parsing is strict: `2023-02-30` is not a date.
 */
export interface Moment {
  /** The value as written in the source. */
  text: string;
  /** The calendar date as written (`YYYY-MM-DD`), in the moment's own zone or offset. */
  date: string;
  /** The instant, when a time was given; midnight UTC of `date` otherwise. */
  instant: Date;
  /** Whether a time of day was given. */
  hasTime: boolean;
  /** `+05:00`, `Z` or an IANA zone name, when given. */
  zone?: string;
}

export type MomentProblem = 'not-a-date' | 'not-a-calendar-date' | 'no-zone' | 'unknown-zone';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\s*(Z|[+-]\d{2}:?\d{2})|\s+([A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)*))?$/;

export function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function parseMoment(value: string, options: { requireZone?: boolean } = {}): Moment | MomentProblem {
  const text = value.trim();
  const dateOnly = DATE.exec(text);
  if (dateOnly) {
    if (options.requireZone) return 'no-zone';
    const [, y, m, d] = dateOnly.map(Number) as [number, number, number, number];
    if (!isCalendarDate(y, m, d)) return 'not-a-calendar-date';
    return { text, date: text, instant: new Date(Date.UTC(y, m - 1, d)), hasTime: false };
  }
  const match = DATE_TIME.exec(text);
  if (!match) return 'not-a-date';
  const [y, mo, d, h, mi] = match.slice(1, 6).map(Number) as [number, number, number, number, number];
  const s = match[6] ? Number(match[6]) : 0;
  if (!isCalendarDate(y, mo, d) || h > 23 || mi > 59 || s > 59) return 'not-a-calendar-date';
  const date = `${match[1]}-${match[2]}-${match[3]}`;
  const offset = match[7];
  const zone = match[8];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  if (offset) {
    const minutes = offset === 'Z' ? 0 : offsetMinutes(offset);
    return { text, date, instant: new Date(wall - minutes * 60_000), hasTime: true, zone: offset === 'Z' ? 'Z' : normaliseOffset(offset) };
  }
  if (zone) {
    if (!isTimeZone(zone)) return 'unknown-zone';
    return { text, date, instant: new Date(zonedWallTimeToUtc(wall, zone)), hasTime: true, zone };
  }
  return 'no-zone';
}

function offsetMinutes(offset: string): number {
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

function normaliseOffset(offset: string): string {
  const digits = offset.slice(1).replace(':', '');
  return `${offset[0]}${digits.slice(0, 2)}:${digits.slice(2)}`;
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Offset of `zone` from UTC at `instant`, in milliseconds. */
export function zoneOffset(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The UTC instant at which the wall clock in `zone` reads `wall` (given as if it were UTC). */
export function zonedWallTimeToUtc(wall: number, zone: string): number {
  let guess = wall - zoneOffset(wall, zone);
  // A second pass settles moments near a daylight-saving change.
  guess = wall - zoneOffset(guess, zone);
  return guess;
}
