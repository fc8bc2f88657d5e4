import ICAL from 'ical.js';
import type { ContentLine } from '../content-line.js';
import type { WallTime } from './ics-zones.js';

const DATE_TIME = /^(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2}):?(\d{2})(?::?(\d{2}))?(?:\.\d+)?(Z)?)?$/i;

/** A DATE or DATE-TIME value (lenient: dashes, colons, missing seconds); undefined when unreadable. */
export function parseWallTime(raw: string, tzid?: string, forceDate = false): WallTime | undefined {
  const m = DATE_TIME.exec(raw.trim().replace(/^"|"$/g, ''));
  if (m === null) return undefined;
  const date = m[4] === undefined || forceDate;
  const t: WallTime = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: date ? 0 : Number(m[4]),
    minute: date ? 0 : Number(m[5]),
    second: date ? 0 : Number(m[6] ?? 0),
    date,
    utc: !date && m[7] !== undefined,
    tzid: date || m[7] !== undefined ? undefined : tzid,
  };
  if (t.month < 1 || t.month > 12 || t.day < 1 || t.day > 31 || t.hour > 24 || t.minute > 59 || t.second > 60)
    return undefined;
  return t;
}

/** The time in a property such as DTSTART (its TZID and VALUE=DATE applied). */
export function timeOf(line: ContentLine | undefined): WallTime | undefined {
  if (line === undefined) return undefined;
  const date = line.params.get('VALUE')?.toUpperCase() === 'DATE';
  return parseWallTime(line.value, line.params.get('TZID'), date);
}

/** A start in an RDATE or EXDATE list, with the end when it is a PERIOD (`start/end` or `start/duration`). */
export interface ListedTime {
  start: WallTime;
  durationMs?: number | undefined;
}

/** Every time in an RDATE/EXDATE line (comma-separated, PERIOD values allowed); unreadable items dropped. */
export function timesOf(line: ContentLine): ListedTime[] {
  const tzid = line.params.get('TZID');
  const date = line.params.get('VALUE')?.toUpperCase() === 'DATE';
  const out: ListedTime[] = [];
  for (const item of line.value.split(',')) {
    const [startRaw, endRaw] = item.split('/');
    const start = parseWallTime(startRaw ?? '', tzid, date);
    if (start === undefined) continue;
    let durationMs: number | undefined;
    if (endRaw !== undefined && /^[+-]?P/i.test(endRaw.trim())) durationMs = durationToMs(endRaw);
    else if (endRaw !== undefined) {
      const end = parseWallTime(endRaw, tzid);
      if (end !== undefined) durationMs = wallDiffMs(start, end);
    }
    out.push({ start, durationMs });
  }
  return out;
}

/** An ISO 8601 duration (`PT1H30M`, `P1D`) in ms; undefined when unreadable. */
export function durationToMs(raw: string): number | undefined {
  try {
    const ms = ICAL.Duration.fromString(raw.trim()).toSeconds() * 1000;
    return Number.isFinite(ms) ? ms : undefined;
  } catch {
    return undefined;
  }
}

/** Wall-clock difference between two times (used only for PERIOD ends in the same zone). */
function wallDiffMs(a: WallTime, b: WallTime): number {
  const ms = (t: WallTime) => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
  return ms(b) - ms(a);
}

/** A wall time as ical.js wants it for the recurrence iterator. */
export function toIcalTime(t: WallTime): ICAL.Time {
  return ICAL.Time.fromData({
    year: t.year,
    month: t.month,
    day: t.day,
    hour: t.hour,
    minute: t.minute,
    second: t.second,
    isDate: t.date,
  });
}

/** An ical.js time back to a wall time in the zone of `like`. */
export function fromIcalTime(t: ICAL.Time, like: WallTime): WallTime {
  return {
    year: t.year,
    month: t.month,
    day: t.day,
    hour: t.hour,
    minute: t.minute,
    second: t.second,
    date: like.date,
    utc: like.utc,
    tzid: like.tzid,
  };
}
