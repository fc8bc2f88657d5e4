import { RapportError } from '../errors.js';
import {
  assertTimeZone,
  isIsoDate,
  localToUtc,
  type ParsedWorkingHours,
  parseWorkingHours,
  utcToLocalParts,
  type WorkingDay,
  type WorkingHours,
  workingDays,
  zoneOffset,
} from './working-time.js';

/** A time the user is not free (ms, end exclusive). */
export interface BusyTime {
  start: number;
  end: number;
}

/** What findSlots looks for. */
export interface SlotRequest {
  /** Earliest start (ms); the caller passes now + notice. */
  from: number;
  /** Latest end (ms). */
  to: number;
  /** Length of the step. */
  minutes: number;
  /** Kept free before and after every busy time. */
  bufferMinutes: number;
  /** Extra free time before and after the slot (in-person steps), 0 otherwise. */
  travelMinutes: number;
  workingHours: WorkingHours;
  /** 'YYYY-MM-DD' local dates (in workingHours.timeZone) never offered. */
  holidays: readonly string[];
  /** Any order, may overlap. */
  busy: readonly BusyTime[];
  /** How many slots to offer (2–3). */
  count: number;
  /** Start-time granularity in local wall-clock minutes after midnight; default 30 (:00 and :30). */
  stepMinutes?: number;
}

/** One proposed time (ms, end exclusive). */
export interface Slot {
  start: number;
  end: number;
}

const MINUTE_MS = 60_000;
const DEFAULT_STEP_MINUTES = 30;
const MINUTES_PER_DAY = 1440;

interface Plan {
  from: number;
  to: number;
  lengthMs: number;
  travelMs: number;
  stepMinutes: number;
  hours: ParsedWorkingHours;
  holidays: ReadonlySet<string>;
  /** Busy times widened by the buffer, sorted and merged: disjoint, ascending. */
  blocked: BusyTime[];
  count: number;
}

function invalid(message: string, details: Record<string, unknown> = {}): RapportError {
  return new RapportError('input.invalid', message, details);
}

function wholeMinutes(value: number, name: string, min: number): number {
  if (!Number.isInteger(value) || value < min)
    throw invalid(`${name} is ${value}; it must be a whole number of at least ${min}.`, { [name]: value });
  return value;
}

/** Busy times widened by `bufferMs` on both sides, sorted and merged into disjoint intervals. */
function blockedTimes(busy: readonly BusyTime[], bufferMs: number): BusyTime[] {
  const widened: BusyTime[] = [];
  busy.forEach((b, i) => {
    if (!Number.isFinite(b.start) || !Number.isFinite(b.end) || b.end < b.start)
      throw invalid(
        `Busy time #${i + 1} (${b.start}–${b.end}) is not a time range; its end must not precede its start.`,
        {
          busy: b,
        },
      );
    // A zero-length busy time with no buffer blocks nothing.
    if (b.end + bufferMs > b.start - bufferMs)
      widened.push({ start: b.start - bufferMs, end: b.end + bufferMs });
  });
  widened.sort((a, b) => a.start - b.start);
  const merged: BusyTime[] = [];
  for (const b of widened) {
    const last = merged[merged.length - 1];
    if (last !== undefined && b.start <= last.end) last.end = Math.max(last.end, b.end);
    else merged.push({ ...b });
  }
  return merged;
}

function plan(req: SlotRequest): Plan {
  if (!Number.isFinite(req.from) || !Number.isFinite(req.to))
    throw invalid(`The search window ${req.from}–${req.to} is not a pair of times.`, {
      from: req.from,
      to: req.to,
    });
  if (req.from >= req.to)
    throw invalid('The search window is empty: from must be earlier than to.', {
      from: req.from,
      to: req.to,
    });
  if (!Number.isInteger(req.minutes) || req.minutes <= 0)
    throw invalid(`minutes is ${req.minutes}; a step must last a whole number of minutes above 0.`, {
      minutes: req.minutes,
    });
  if (!Number.isInteger(req.count) || req.count < 1)
    throw invalid(`count is ${req.count}; ask for at least 1 slot.`, { count: req.count });
  const bufferMinutes = wholeMinutes(req.bufferMinutes, 'bufferMinutes', 0);
  const travelMinutes = wholeMinutes(req.travelMinutes, 'travelMinutes', 0);
  const stepMinutes = wholeMinutes(req.stepMinutes ?? DEFAULT_STEP_MINUTES, 'stepMinutes', 1);
  if (stepMinutes > MINUTES_PER_DAY)
    throw invalid(`stepMinutes is ${stepMinutes}; it can be at most a day (1440).`, { stepMinutes });
  const hours = parseWorkingHours(req.workingHours);
  for (const h of req.holidays)
    if (!isIsoDate(h))
      throw invalid(`Holiday '${h}' is not a date; write it as YYYY-MM-DD, e.g. 2026-12-25.`, { holiday: h });
  return {
    from: req.from,
    to: req.to,
    lengthMs: req.minutes * MINUTE_MS,
    travelMs: travelMinutes * MINUTE_MS,
    stepMinutes,
    hours,
    holidays: new Set(req.holidays),
    blocked: blockedTimes(req.busy, bufferMinutes * MINUTE_MS),
    count: req.count,
  };
}

/**
 * Walks the blocked intervals alongside ascending candidate times, so checking every candidate
 * of a search costs O(candidates + busy times) in all.
 */
class BlockedSweep {
  private next = 0;
  constructor(private readonly blocked: readonly BusyTime[]) {}

  /** Whether [start, end) is clear of every blocked interval; `start` must never decrease between calls. */
  isClear(start: number, end: number): boolean {
    while (this.next < this.blocked.length && this.blocked[this.next]!.end <= start) this.next++;
    const b = this.blocked[this.next];
    return b === undefined || b.start >= end;
  }
}

/**
 * The instants of a working day's local times aligned to the step, ascending. The wall-clock span
 * is read from the day's instants, not from the configured HH:MM: a bound the clocks skip has
 * moved forward by the gap (03:05 on a 02:45→03:45 day ends the day at 04:05), and the aligned
 * times up to the moved bound belong to the day. Where the offset does not change during working
 * hours (nearly always) they are computed directly; otherwise each is converted on its own, times
 * the clocks skip are left out, and a time that occurs twice is offered once (its first occurrence).
 */
function alignedStarts(day: WorkingDay, p: Plan): number[] {
  const zone = p.hours.timeZone;
  const stepMs = p.stepMinutes * MINUTE_MS;
  const midnightWall = Date.UTC(day.year, day.month - 1, day.day);
  const startOffset = zoneOffset(zone, day.start);
  const endOffset = zoneOffset(zone, day.end - 1);
  // Wall-clock bounds in ms after this date's midnight; starts from the next midnight on belong to
  // the next local date.
  const startWall = day.start + startOffset - midnightWall;
  const endWall = Math.min(day.end + endOffset - midnightWall, MINUTES_PER_DAY * MINUTE_MS);
  const starts: number[] = [];
  for (let wall = Math.ceil(startWall / stepMs) * stepMs; wall < endWall; wall += stepMs) {
    if (startOffset === endOffset) {
      starts.push(midnightWall + wall - startOffset);
      continue;
    }
    const minute = wall / MINUTE_MS;
    const [hour, min] = [Math.floor(minute / 60), minute % 60];
    const at = localToUtc(zone, day.year, day.month, day.day, hour, min);
    const back = utcToLocalParts(zone, at);
    const exists = back.hour === hour && back.minute === min && back.day === day.day;
    const last = starts[starts.length - 1];
    if (exists && (last === undefined || at > last)) starts.push(at);
  }
  return starts;
}

/** Starts on one working day whose slot, with travel either side, fits the day, the window and the busy times. */
function freeStarts(day: WorkingDay, p: Plan, sweep: BlockedSweep): number[] {
  const earliest = Math.max(day.start, p.from);
  const latest = Math.min(day.end, p.to);
  if (latest - earliest < p.lengthMs + 2 * p.travelMs) return [];
  const free: number[] = [];
  for (const start of alignedStarts(day, p)) {
    const outStart = start - p.travelMs;
    const backEnd = start + p.lengthMs + p.travelMs;
    if (outStart < earliest) continue;
    if (backEnd > latest) break;
    if (sweep.isClear(outStart, backEnd)) free.push(start);
  }
  return free;
}

/**
 * Up to `count` free slots of exactly `minutes`, sorted by start. A slot with its travel time
 * either side lies inside one working day's hours (working weekday, not a holiday) and inside
 * [from, to], and stays `bufferMinutes` clear of every busy time; it starts on a local time
 * aligned to `stepMinutes` after midnight. Slots are spread: the earliest slot of each of the
 * first `count` days that have one; when fewer days have room, the earliest remaining slots that
 * do not overlap those already chosen. Fewer than `count` (possibly none) when time runs out.
 * Throws RapportError input.invalid naming the value that is wrong (time zone, HH:MM, end not
 * after start, minutes, count, holiday date, from not before to, buffer/travel/step, busy time).
 */
export function findSlots(req: SlotRequest): Slot[] {
  const p = plan(req);
  const sweep = new BlockedSweep(p.blocked);
  const chosen: Slot[] = [];
  const spare: number[] = [];
  for (const day of workingDays(p.hours, p.holidays, p.from, p.to)) {
    const [first, ...rest] = freeStarts(day, p, sweep);
    if (first === undefined) continue;
    chosen.push({ start: first, end: first + p.lengthMs });
    if (chosen.length === p.count) return chosen;
    spare.push(...rest);
  }
  // Fewer days with room than slots wanted: a second slot on a day beats none.
  for (const start of spare) {
    if (chosen.length === p.count) break;
    const end = start + p.lengthMs;
    if (chosen.every((c) => end <= c.start || start >= c.end)) chosen.push({ start, end });
  }
  return chosen.sort((a, b) => a.start - b.start);
}

const labelFormatters = new Map<string, { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

function labelFormatter(
  zone: string,
  locale: string,
): { date: Intl.DateTimeFormat; time: Intl.DateTimeFormat } {
  const key = `${locale}\u0000${zone}`;
  let f = labelFormatters.get(key);
  if (f !== undefined) return f;
  assertTimeZone(zone);
  try {
    f = {
      date: new Intl.DateTimeFormat(locale, {
        timeZone: zone,
        weekday: 'short',
        day: 'numeric',
        month: 'short',
      }),
      time: new Intl.DateTimeFormat(locale, { timeZone: zone, hour: '2-digit', minute: '2-digit' }),
    };
  } catch {
    throw invalid(`Locale '${locale}' is not a language tag; use one such as en-GB or de-DE.`, { locale });
  }
  if (labelFormatters.size < 500) labelFormatters.set(key, f);
  return f;
}

/**
 * A slot in words in its zone, e.g. 'Tue 1 Dec, 10:00–10:30 (Europe/Berlin)'; a slot ending on
 * another local date names both dates. Throws RapportError input.invalid for an unknown zone or locale.
 */
export function describeSlot(slot: Slot, zone: string, locale = 'en-GB'): string {
  const f = labelFormatter(zone, locale);
  const startDate = f.date.format(slot.start);
  const endDate = f.date.format(slot.end);
  const start = f.time.format(slot.start);
  const end = f.time.format(slot.end);
  const span =
    startDate === endDate ? `${startDate}, ${start}–${end}` : `${startDate}, ${start} – ${endDate}, ${end}`;
  return `${span} (${zone})`;
}
