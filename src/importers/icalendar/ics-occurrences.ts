import type { IcsEvent } from './ics-event.js';
import { ruleWalk } from './ics-rrule.js';
import { fromIcalTime, toIcalTime } from './ics-time.js';
import type { WallTime, ZoneBook } from './ics-zones.js';

/** Most occurrences one series yields (a daily meeting for 13 years): the latest are kept, the cut reported. */
export const MAX_OCCURRENCES = 5000;
/** Most recurrence steps taken per series, kept or not (bounds time spent before a window starts). */
export const MAX_RECURRENCE_STEPS = 20_000;

const DAY_MS = 86_400_000;

/** One occurrence: when it starts and ends (ms), all day or not. */
export interface Occurrence {
  start: number;
  end: number;
  allDay: boolean;
}

export interface Expansion {
  occurrences: Occurrence[];
  /** The series was cut: more than MAX_OCCURRENCES in the window (the latest are kept) or MAX_RECURRENCE_STEPS taken. */
  capped: boolean;
  /** Why a recurrence rule could not be read, when one could not. */
  unreadable?: string | undefined;
}

export const isRecurring = (event: IcsEvent): boolean => event.rrules.length > 0 || event.rdates.length > 0;

/** The event's length in ms: DTEND − DTSTART, else DURATION, else a day for dates and nothing for times. */
export function lengthMs(event: IcsEvent, zones: ZoneBook): number {
  const start = event.start!;
  if (event.end !== undefined) {
    const ms = zones.toMs(event.end) - zones.toMs(start);
    if (ms >= 0) return ms;
  }
  if (event.durationMs !== undefined && event.durationMs >= 0) return event.durationMs;
  return start.date ? DAY_MS : 0;
}

const dayOf = (t: WallTime): string => `${t.year}-${t.month}-${t.day}`;

/**
 * The occurrences of an event that start within [from, to], in order: DTSTART, every RRULE
 * step (run by ical.js in the event's wall-clock time, so a 10:00 meeting stays at 10:00
 * across daylight-saving changes) and RDATE, less EXDATE and the starts in `overridden`
 * (RECURRENCE-ID overrides, emitted as events of their own). UNTIL is compared as an instant.
 */
export function expand(
  event: IcsEvent,
  zones: ZoneBook,
  overridden: ReadonlySet<number>,
  from: number,
  to: number,
): Expansion {
  const start = event.start!;
  const length = lengthMs(event, zones);
  const exact = new Set<number>();
  const days = new Set<string>();
  for (const ex of event.exdates) {
    if (ex.start.date && !start.date) days.add(dayOf(ex.start));
    else exact.add(zones.toMs(ex.start));
  }
  const found = new Map<number, Occurrence>();
  const add = (wall: WallTime, ms = length): void => {
    const at = zones.toMs(wall);
    if (at < from || at > to || found.has(at) || exact.has(at) || overridden.has(at)) return;
    if (days.size > 0 && days.has(dayOf(wall))) return;
    found.set(at, { start: at, end: at + ms, allDay: start.date });
  };
  add(start);
  let capped = false;
  let unreadable: string | undefined;
  for (const rule of event.rrules) {
    try {
      capped = walkRule(rule, start, zones, to, add) || capped;
    } catch (error) {
      unreadable = `unreadable RRULE ${JSON.stringify(rule.slice(0, 80))}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  for (const rdate of event.rdates) add(rdate.start, rdate.durationMs);
  const occurrences = [...found.values()].sort((a, b) => a.start - b.start);
  if (occurrences.length > MAX_OCCURRENCES) {
    capped = true;
    occurrences.splice(0, occurrences.length - MAX_OCCURRENCES);
  }
  return { occurrences, capped, unreadable };
}

/** Steps through one RRULE; true when it stopped at MAX_RECURRENCE_STEPS rather than at its end. */
function walkRule(
  rule: string,
  start: WallTime,
  zones: ZoneBook,
  to: number,
  add: (wall: WallTime) => void,
): boolean {
  const lastYear = new Date(Math.min(to, 253402300799000)).getUTCFullYear();
  const { until: u, walk } = ruleWalk(rule, toIcalTime(start), lastYear);
  let until = Number.POSITIVE_INFINITY;
  if (u) {
    const utc = u.zone?.tzid === 'UTC';
    const wall = fromIcalTime(u, { ...start, utc, tzid: utc ? undefined : start.tzid, date: false });
    // A date UNTIL includes that whole day.
    until = zones.toMs(u.isDate ? { ...wall, hour: 23, minute: 59, second: 59 } : wall);
  }
  for (let step = 0; step < MAX_RECURRENCE_STEPS; step++) {
    const next = walk.next();
    if (!next) return false;
    const wall = fromIcalTime(next, start);
    const at = zones.toMs(wall);
    if (at > until || at > to) return false;
    add(wall);
  }
  return true;
}
