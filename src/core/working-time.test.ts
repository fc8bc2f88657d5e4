import { describe, expect, it } from 'vitest';
import { RapportError } from '../errors.js';
import {
  isIsoDate,
  localToUtc,
  parseClock,
  parseWorkingHours,
  utcToLocalParts,
  type WorkingHours,
  workingDays,
  zoneOffset,
} from './working-time.js';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const hours = (over: Partial<WorkingHours> = {}): WorkingHours => ({
  timeZone: 'Europe/Berlin',
  days: [1, 2, 3, 4, 5],
  start: '09:00',
  end: '17:30',
  ...over,
});

function invalidMessage(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(RapportError);
    expect((e as RapportError).code).toBe('input.invalid');
    return (e as RapportError).message;
  }
  throw new Error('expected a RapportError');
}

describe('zoneOffset and utcToLocalParts', () => {
  it('reads offsets east and west of UTC, including half and three-quarter hours', () => {
    const winter = Date.UTC(2026, 0, 15, 12);
    expect(zoneOffset('Europe/Berlin', winter)).toBe(HOUR);
    expect(zoneOffset('America/New_York', winter)).toBe(-5 * HOUR);
    expect(zoneOffset('Asia/Kolkata', winter)).toBe(5.5 * HOUR);
    expect(zoneOffset('Pacific/Chatham', winter)).toBe(13.75 * HOUR);
    expect(zoneOffset('UTC', winter)).toBe(0);
  });

  it('gives the wall clock with an ISO weekday', () => {
    // 2026-12-01 is a Tuesday; 23:30 UTC is already Wednesday in Berlin.
    expect(utcToLocalParts('Europe/Berlin', Date.UTC(2026, 11, 1, 23, 30, 15))).toEqual({
      year: 2026,
      month: 12,
      day: 2,
      hour: 0,
      minute: 30,
      second: 15,
      weekday: 3,
    });
    expect(utcToLocalParts('America/New_York', Date.UTC(2026, 11, 7, 3)).weekday).toBe(7);
  });

  it('rejects an unknown zone with input.invalid naming it', () => {
    expect(invalidMessage(() => zoneOffset('Mars/Olympus', 0))).toContain("'Mars/Olympus'");
    expect(invalidMessage(() => localToUtc('Europe/Berln', 2026, 1, 1, 9, 0))).toContain('Europe/Berln');
  });
});

describe('localToUtc', () => {
  it('converts ordinary local times', () => {
    expect(iso(localToUtc('Europe/Berlin', 2026, 12, 1, 10, 0))).toBe('2026-12-01T09:00:00.000Z');
    expect(iso(localToUtc('Europe/Berlin', 2026, 7, 1, 10, 0))).toBe('2026-07-01T08:00:00.000Z');
    expect(iso(localToUtc('Asia/Kolkata', 2026, 12, 1, 9, 0))).toBe('2026-12-01T03:30:00.000Z');
    expect(iso(localToUtc('America/New_York', 2026, 12, 31, 24, 0))).toBe('2027-01-01T05:00:00.000Z');
  });

  it('moves a time the clocks skip forward by the gap', () => {
    // Berlin 2026-03-29 02:00 CET → 03:00 CEST: 02:30 does not exist and reads as 03:30 CEST.
    expect(iso(localToUtc('Europe/Berlin', 2026, 3, 29, 2, 30))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(localToUtc('America/New_York', 2026, 3, 8, 2, 30))).toBe('2026-03-08T07:30:00.000Z');
    expect(iso(localToUtc('Australia/Sydney', 2026, 10, 4, 2, 30))).toBe('2026-10-03T16:30:00.000Z');
    // Chatham jumps 02:45 → 03:45: 03:00 reads as 04:00 at +13:45.
    expect(iso(localToUtc('Pacific/Chatham', 2026, 9, 27, 3, 0))).toBe('2026-09-26T14:15:00.000Z');
    // São Paulo's DST began at midnight (2018-11-04 00:00 → 01:00).
    expect(iso(localToUtc('America/Sao_Paulo', 2018, 11, 4, 0, 30))).toBe('2018-11-04T03:30:00.000Z');
  });

  it('takes the first of a time that occurs twice', () => {
    expect(iso(localToUtc('Europe/Berlin', 2026, 10, 25, 2, 30))).toBe('2026-10-25T00:30:00.000Z');
    expect(iso(localToUtc('America/New_York', 2026, 11, 1, 1, 30))).toBe('2026-11-01T05:30:00.000Z');
    expect(iso(localToUtc('Australia/Sydney', 2026, 4, 5, 2, 30))).toBe('2026-04-04T15:30:00.000Z');
    expect(iso(localToUtc('Pacific/Chatham', 2026, 4, 5, 3, 0))).toBe('2026-04-04T13:15:00.000Z');
  });
});

describe('parseClock and isIsoDate', () => {
  it('reads HH:MM and H:MM, and 24:00 as the end of the day', () => {
    expect(parseClock('09:00')).toBe(540);
    expect(parseClock('9:05')).toBe(545);
    expect(parseClock('17:30')).toBe(1050);
    expect(parseClock('00:00')).toBe(0);
    expect(parseClock('24:00')).toBe(1440);
  });

  it('refuses anything else', () => {
    for (const bad of ['24:30', '25:00', '09:60', '9', '09:0', '0900', ' 09:00', '09:00:00', 'nine', ''])
      expect(parseClock(bad), bad).toBeUndefined();
  });

  it('accepts only real dates', () => {
    expect(isIsoDate('2026-12-25')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    for (const bad of [
      '2026-02-29',
      '2026-13-01',
      '2026-00-10',
      '2026-1-5',
      '25.12.2026',
      '2026-12-25T00:00',
    ])
      expect(isIsoDate(bad), bad).toBe(false);
  });
});

describe('parseWorkingHours', () => {
  it('reads valid hours', () => {
    const parsed = parseWorkingHours(hours({ days: [1, 3, 5] }));
    expect(parsed.startMinute).toBe(540);
    expect(parsed.endMinute).toBe(1050);
    expect([...parsed.days]).toEqual([1, 3, 5]);
  });

  it('says which value is wrong', () => {
    expect(invalidMessage(() => parseWorkingHours(hours({ timeZone: 'Nowhere/City' })))).toContain(
      'Nowhere/City',
    );
    expect(invalidMessage(() => parseWorkingHours(hours({ start: '9am' })))).toContain("start '9am'");
    expect(invalidMessage(() => parseWorkingHours(hours({ end: '25:00' })))).toContain("end '25:00'");
    expect(invalidMessage(() => parseWorkingHours(hours({ start: '17:00', end: '09:00' })))).toContain(
      'not after start',
    );
    expect(invalidMessage(() => parseWorkingHours(hours({ start: '09:00', end: '09:00' })))).toContain(
      'not after start',
    );
    expect(invalidMessage(() => parseWorkingHours(hours({ days: [0, 1] })))).toContain('Working day 0');
    expect(invalidMessage(() => parseWorkingHours(hours({ days: [] })))).toContain('empty');
  });
});

describe('workingDays', () => {
  it('lists working weekdays that are not holidays, with their hours as instants', () => {
    const from = Date.UTC(2026, 11, 3, 12); // Thursday
    const to = Date.UTC(2026, 11, 9, 12); // next Wednesday
    const days = [...workingDays(parseWorkingHours(hours()), new Set(['2026-12-07']), from, to)];
    expect(days.map((d) => d.date)).toEqual(['2026-12-03', '2026-12-04', '2026-12-08', '2026-12-09']);
    expect(iso(days[1]!.start)).toBe('2026-12-04T08:00:00.000Z');
    expect(iso(days[1]!.end)).toBe('2026-12-04T16:30:00.000Z');
  });

  it('gives a day with a DST change its real length', () => {
    const parsed = parseWorkingHours(hours({ days: [7], start: '00:00', end: '06:00' }));
    const [spring] = workingDays(parsed, new Set(), Date.UTC(2026, 2, 28), Date.UTC(2026, 2, 30));
    expect(spring!.end - spring!.start).toBe(5 * HOUR);
    const [autumn] = workingDays(parsed, new Set(), Date.UTC(2026, 9, 24), Date.UTC(2026, 9, 26));
    expect(autumn!.end - autumn!.start).toBe(7 * HOUR);
  });
});

describe('far from today', () => {
  it('reads years before 100 and before 1 AD correctly', () => {
    const early = new Date(Date.UTC(2000, 5, 1, 12)).setUTCFullYear(50);
    expect(utcToLocalParts('UTC', early)).toMatchObject({ year: 50, month: 6, day: 1, hour: 12 });
    expect(localToUtc('UTC', 50, 6, 1, 12, 0)).toBe(early);
    const bc = new Date(Date.UTC(2000, 0, 1)).setUTCFullYear(-5);
    expect(utcToLocalParts('UTC', bc)).toMatchObject({ year: -5, month: 1, day: 1 });
    expect(zoneOffset('UTC', bc)).toBe(0);
  });
});
