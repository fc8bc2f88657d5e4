import { RapportError } from '../errors.js';
import { DAY_MS } from './duration.js';

/** When the user works, in their own time zone. */
export interface WorkingHours {
  /** IANA zone, e.g. 'Europe/Berlin'. */
  timeZone: string;
  /** ISO weekdays the user works: 1 = Monday … 7 = Sunday. */
  days: readonly number[];
  /** Local 'HH:MM', e.g. '09:00'. */
  start: string;
  /** Local 'HH:MM', e.g. '17:30'; later than start ('24:00' is the end of the day). */
  end: string;
}

/** Monday to Friday. */
export const DEFAULT_WORKING_DAYS: readonly number[] = [1, 2, 3, 4, 5];

/** A wall-clock reading in one zone; month 1–12, weekday 1 = Monday … 7 = Sunday. */
export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

/** One local date's working hours as instants (ms), end exclusive. */
export interface WorkingDay {
  /** The local date, 'YYYY-MM-DD'. */
  date: string;
  weekday: number;
  year: number;
  month: number;
  day: number;
  start: number;
  end: number;
}

// Formatter construction costs far more than formatting; zones in use are few.
const MAX_CACHED_ZONES = 500;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The cached wall-clock formatter of a zone; throws RapportError input.invalid for an unknown zone. */
function zoneFormatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (f !== undefined) return f;
  try {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      // Without the era, year 0 and 1 BC would both read as a bare "1".
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new RapportError(
      'input.invalid',
      `Time zone '${zone}' is not a known IANA time zone; use a name such as Europe/Berlin or America/New_York.`,
      { timeZone: zone },
    );
  }
  if (formatters.size < MAX_CACHED_ZONES) formatters.set(zone, f);
  return f;
}

/** Throws RapportError input.invalid unless `zone` is an IANA time zone this runtime knows. */
export function assertTimeZone(zone: string): void {
  zoneFormatter(zone);
}

/** Date.UTC for a wall time, years 0–99 included (Date.UTC maps them to 1900–1999). */
function wallMs(y: number, m: number, d: number, hh: number, mm: number, ss = 0): number {
  const ms = Date.UTC(y, m - 1, d, hh, mm, ss);
  return y >= 0 && y < 100 ? new Date(ms).setUTCFullYear(y) : ms;
}

/**
 * The zone's offset from UTC (ms, east positive) at an instant; throws RapportError input.invalid
 * for an unknown zone.
 */
export function zoneOffset(zone: string, at: number): number {
  const f = zoneFormatter(zone);
  const whole = Math.floor(at / 1000) * 1000;
  let y = 0;
  let mo = 0;
  let d = 0;
  let h = 0;
  let mi = 0;
  let s = 0;
  let bc = false;
  for (const part of f.formatToParts(whole)) {
    switch (part.type) {
      case 'year':
        y = Number(part.value);
        break;
      case 'month':
        mo = Number(part.value);
        break;
      case 'day':
        d = Number(part.value);
        break;
      case 'hour':
        h = Number(part.value);
        break;
      case 'minute':
        mi = Number(part.value);
        break;
      case 'second':
        s = Number(part.value);
        break;
      case 'era':
        bc = part.value.startsWith('B');
        break;
    }
  }
  // Years before 1 AD read "n BC" (1 BC is year 0): far from any calendar, but keeps the maths total.
  if (bc) y = 1 - y;
  return wallMs(y, mo, d, h, mi, s) - whole;
}

/** The wall-clock reading of an instant in a zone; throws RapportError input.invalid for an unknown zone. */
export function utcToLocalParts(zone: string, ms: number): LocalParts {
  const local = new Date(ms + zoneOffset(zone, ms));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    weekday: local.getUTCDay() || 7,
  };
}

/**
 * The instant (ms) of a local wall time in a zone (month 1–12; hour 24 is the next midnight).
 * Like Temporal's 'compatible' disambiguation: a time that occurs twice (clocks going back) is
 * its earlier occurrence; a time skipped by clocks going forward is moved forward by the gap
 * (02:30 on a 02:00→03:00 day is 03:30). Throws RapportError input.invalid for an unknown zone.
 */
export function localToUtc(zone: string, y: number, m: number, d: number, hh: number, mm: number): number {
  const wall = wallMs(y, m, d, hh, mm);
  // The offsets a day either side bracket any single transition near this wall time (offsets stay
  // within ±14 h, and no zone changes its offset twice within two days).
  const before = zoneOffset(zone, wall - DAY_MS);
  const after = zoneOffset(zone, wall + DAY_MS);
  let best: number | undefined;
  for (const offset of before === after ? [before] : [before, after]) {
    const at = wall - offset;
    if (zoneOffset(zone, at) === offset && (best === undefined || at < best)) best = at;
  }
  if (best !== undefined) return best;
  // In a gap: read the wall time with the offset in force before the jump.
  return before === after ? wall - zoneOffset(zone, wall - before) : wall - before;
}

/** 'HH:MM' (or 'H:MM') → minutes after local midnight; '24:00' allowed; undefined when malformed. */
export function parseClock(value: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value);
  if (m === null) return undefined;
  const hours = Number(m[1]);
  const minutes = Number(m[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return undefined;
  return hours * 60 + minutes;
}

/** 'YYYY-MM-DD' of a calendar date. */
export function isoDate(y: number, m: number, d: number): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

/** True for a real calendar date written 'YYYY-MM-DD'. */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m === null) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const back = new Date(wallMs(y, mo, d, 0, 0));
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d;
}

/** Working hours checked and read: zone, weekday set, start and end in minutes after midnight. */
export interface ParsedWorkingHours {
  timeZone: string;
  days: ReadonlySet<number>;
  startMinute: number;
  endMinute: number;
}

function invalid(message: string, details: Record<string, unknown>): RapportError {
  return new RapportError('input.invalid', message, details);
}

/** Validates working hours; throws RapportError input.invalid naming the value that is wrong. */
export function parseWorkingHours(hours: WorkingHours): ParsedWorkingHours {
  assertTimeZone(hours.timeZone);
  const startMinute = parseClock(hours.start);
  if (startMinute === undefined)
    throw invalid(`Working hours start '${hours.start}' is not a time; write it as HH:MM, e.g. 09:00.`, {
      start: hours.start,
    });
  const endMinute = parseClock(hours.end);
  if (endMinute === undefined)
    throw invalid(`Working hours end '${hours.end}' is not a time; write it as HH:MM, e.g. 17:30.`, {
      end: hours.end,
    });
  if (endMinute <= startMinute)
    throw invalid(
      `Working hours end ${hours.end} is not after start ${hours.start}; working hours must lie within one day.`,
      { start: hours.start, end: hours.end },
    );
  const wrongDay = hours.days.find((d) => !Number.isInteger(d) || d < 1 || d > 7);
  if (wrongDay !== undefined)
    throw invalid(`Working day ${wrongDay} is not an ISO weekday; use 1 (Monday) to 7 (Sunday).`, {
      days: hours.days,
    });
  if (hours.days.length === 0)
    throw invalid('Working days are empty; name at least one weekday, 1 (Monday) to 7 (Sunday).', {
      days: hours.days,
    });
  return { timeZone: hours.timeZone, days: new Set(hours.days), startMinute, endMinute };
}

/**
 * The working days whose hours overlap [from, to], in order: working weekdays that are not
 * holidays, each with its hours as instants. Lazy, so a caller can stop early. Never throws for
 * parsed hours.
 */
export function* workingDays(
  hours: ParsedWorkingHours,
  holidays: ReadonlySet<string>,
  from: number,
  to: number,
): Generator<WorkingDay> {
  const zone = hours.timeZone;
  const first = utcToLocalParts(zone, from);
  const last = utcToLocalParts(zone, to);
  const lastDay = Date.UTC(last.year, last.month - 1, last.day);
  for (let day = Date.UTC(first.year, first.month - 1, first.day); day <= lastDay; day += DAY_MS) {
    const date = new Date(day);
    const [year, month, dayOfMonth] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    const weekday = date.getUTCDay() || 7;
    const iso = isoDate(year, month, dayOfMonth);
    if (!hours.days.has(weekday) || holidays.has(iso)) continue;
    const clock = (minute: number) =>
      localToUtc(zone, year, month, dayOfMonth, Math.floor(minute / 60), minute % 60);
    const start = clock(hours.startMinute);
    const end = clock(hours.endMinute);
    if (end <= from || start >= to || end <= start) continue;
    yield { date: iso, weekday, year, month, day: dayOfMonth, start, end };
  }
}
