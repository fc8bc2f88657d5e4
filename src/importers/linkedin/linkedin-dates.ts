/**
 * The date formats of LinkedIn exports, all read as UTC milliseconds:
 * - `2023-05-01 14:22:10 UTC` (messages, invitations; also without seconds or zone, or ISO `T…Z`)
 * - `15 Dec 2025` (Connections.csv "Connected On" since ~2019)
 * - `1/8/18, 6:14 PM` or `1/8/2018` (2018 exports: month/day/year, no zone — taken as UTC)
 */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return DAYS_IN_MONTH[month - 1]!;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/** UTC ms for a calendar date and time, or undefined when any part is out of range (31 Feb). */
export function utc(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number | undefined {
  if (!(year >= 1000 && year <= 9999 && month >= 1 && month <= 12 && day >= 1)) return undefined;
  if (
    day > daysInMonth(year, month) ||
    !(hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59)
  ) {
    return undefined;
  }
  return Date.UTC(year, month - 1, day, hour, minute, second);
}

/** Two digits at `i`, or -1. */
function two(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** `YYYY-MM-DD[ T]HH:MM[:SS][.fff][ UTC|Z]` without regexes: the hot path of messages.csv. */
function isoLike(s: string): number | undefined {
  const century = two(s, 0);
  const decade = two(s, 2);
  const year = century * 100 + decade;
  if (century < 0 || decade < 0 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  const month = two(s, 5);
  const day = two(s, 8);
  if (s.length === 10) return utc(year, month, day);
  const sep = s.charCodeAt(10);
  if ((sep !== 32 && sep !== 84) || s.charCodeAt(13) !== 58) return undefined;
  const hour = two(s, 11);
  const minute = two(s, 14);
  let i = 16;
  let second = 0;
  if (s.charCodeAt(i) === 58) {
    second = two(s, 17);
    i = 19;
    if (s.charCodeAt(i) === 46)
      for (i++; i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57; i++);
  }
  // The zone: nothing, ` UTC` (the usual), `Z`, or another spelling of UTC.
  if (i < s.length && !(s.length === i + 4 && s.charCodeAt(i) === 32 && s.endsWith('UTC'))) {
    const zone = s.slice(i).trim();
    if (zone !== '' && zone !== 'UTC' && zone !== 'Z' && zone !== 'GMT' && zone !== '+00:00')
      return undefined;
  }
  return utc(year, month, day, hour, minute, second);
}

const DAY_MONTH_YEAR = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ -](\d{4})$/;
const US_DATE =
  /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4}),?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?$/;

function dayMonthYear(s: string): number | undefined {
  const m = DAY_MONTH_YEAR.exec(s);
  if (!m) return undefined;
  const month = MONTHS[m[2]!.toLowerCase().slice(0, 3)];
  return month === undefined ? undefined : utc(Number(m[3]), month, Number(m[1]));
}

function usDate(s: string): number | undefined {
  const m = US_DATE.exec(s);
  if (!m) return undefined;
  let year = Number(m[3]);
  if (m[3]!.length === 2) year += year < 70 ? 2000 : 1900;
  let hour = m[4] === undefined ? 0 : Number(m[4]);
  const half = m[7]?.toLowerCase();
  if (half !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  }
  return utc(year, Number(m[1]), Number(m[2]), hour, Number(m[5] ?? 0), Number(m[6] ?? 0));
}

/** Any LinkedIn export date as UTC ms; undefined when it is not one of the known formats. */
export function parseLinkedInDate(raw: string): number | undefined {
  const s = raw.trim();
  if (s.length < 6 || s.length > 40) return undefined;
  const c4 = s.charCodeAt(4);
  if (c4 === 45) return isoLike(s);
  if (s.indexOf('/') !== -1) return usDate(s);
  return dayMonthYear(s);
}
