import { describe, expect, it } from 'vitest';
import { parseMoment } from '../../src/util/moments.ts';
import { datelineParts, datelineText, formatDate, releaseLine } from '../../src/templates/format.ts';

const words = { immediate: 'FOR IMMEDIATE RELEASE', embargoed: 'EMBARGOED UNTIL' };
const moment = (v: string, requireZone = false) => {
  const m = parseMoment(v, { requireZone });
  if (typeof m === 'string') throw new Error(m);
  return m;
};

describe('moments', () => {
  it('accepts calendar dates and rejects impossible ones', () => {
    expect(moment('2024-02-29').instant.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(parseMoment('2023-02-29')).toBe('not-a-calendar-date');
    expect(parseMoment('2023-13-01')).toBe('not-a-calendar-date');
    expect(parseMoment('27/11/2023')).toBe('not-a-date');
  });

  it('reads offsets and IANA zones, across daylight-saving changes', () => {
    expect(moment('2023-11-28T09:00+05:00', true).instant.toISOString()).toBe('2023-11-28T04:00:00.000Z');
    expect(moment('2023-11-28T09:00:00Z', true).instant.toISOString()).toBe('2023-11-28T09:00:00.000Z');
    expect(moment('2023-11-28T09:00 Asia/Karachi', true).instant.toISOString()).toBe('2023-11-28T04:00:00.000Z');
    expect(moment('2023-07-01T09:00 Europe/London', true).instant.toISOString()).toBe('2023-07-01T08:00:00.000Z');
    expect(moment('2023-03-26T03:30 Europe/Paris', true).instant.toISOString()).toBe('2023-03-26T01:30:00.000Z');
    expect(parseMoment('2023-11-28T09:00', { requireZone: true })).toBe('no-zone');
    expect(parseMoment('2023-11-28T09:00 Mars/Olympus', { requireZone: true })).toBe('unknown-zone');
  });
});

describe('dates, datelines and release lines', () => {
  it('formats dates with Intl in the statement language, day-month-year for plain English', () => {
    expect(formatDate(moment('2023-11-27'), 'en')).toBe('27 November 2023');
    expect(formatDate(moment('2023-11-27'), 'en-US')).toBe('November 27, 2023');
    expect(formatDate(moment('2023-11-27'), 'fr')).toBe('27 novembre 2023');
    expect(formatDate(moment('2023-11-27'), 'de')).toBe('27. November 2023');
  });

  it('writes AP and UN datelines', () => {
    expect(datelineText(datelineParts('Rabwah, Pakistan', moment('2023-11-27'), 'en', 'ap'))).toBe('RABWAH, Pakistan — ');
    expect(datelineText(datelineParts('Geneva, Switzerland', moment('2023-11-27'), 'en', 'un'))).toBe('GENEVA (27 November 2023) — ');
    expect(datelineText(datelineParts(undefined, moment('2023-11-27'), 'en', 'ap'))).toBe('');
  });

  it('states an embargo in the organisation time zone and in UTC', () => {
    expect(releaseLine(undefined, 'en', 'UTC', words)).toBe('FOR IMMEDIATE RELEASE');
    expect(releaseLine(moment('2023-11-28T09:00 Asia/Karachi', true), 'en', 'Asia/Karachi', words)).toBe('EMBARGOED UNTIL 28 November 2023 at 09:00 GMT+5 (04:00 UTC)');
    expect(releaseLine(moment('2023-11-28T02:00+05:00', true), 'en', 'Asia/Karachi', words)).toBe('EMBARGOED UNTIL 28 November 2023 at 02:00 GMT+5 (27 November 2023, 21:00 UTC)');
    expect(releaseLine(moment('2023-11-28T09:00Z', true), 'en', 'UTC', words)).toBe('EMBARGOED UNTIL 28 November 2023 at 09:00 UTC');
  });
});
