/**
 * TEST SUPPORT ONLY: time zones, an independent reference for their offsets, their DST
 * transitions, and fast-check arbitraries of instants near them. Nothing outside *.test.ts files
 * may import this module.
 */
import fc from 'fast-check';
import { DAY_MS } from './duration.js';

/**
 * Zones with every kind of rule: DST north and south, half- and three-quarter-hour offsets, DST
 * abolished (São Paulo, 2019), none, and a half-hour DST change.
 */
export const ZONES = [
  'Europe/Berlin',
  'America/New_York',
  'Australia/Sydney',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'America/Sao_Paulo',
  'UTC',
  // Moves its clocks by half an hour, so a skipped time can fall off an hourly step grid.
  'Australia/Lord_Howe',
] as const;

const MINUTE_MS = 60_000;
/** Years the arbitraries draw from; São Paulo still had DST in 2017–2019. */
export const FIRST_YEAR = 2017;
export const LAST_YEAR = 2030;

const offsetFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The zone's offset (ms) at an instant, read from Intl's 'longOffset' name ('GMT+05:30'): a
 * different route from the one working-time.ts takes, so the two check each other.
 */
export function referenceOffset(zone: string, at: number): number {
  let f = offsetFormatters.get(zone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    offsetFormatters.set(zone, f);
  }
  const name = f.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name);
  if (m === null) throw new Error(`unexpected offset name ${name}`);
  if (m[1] === undefined) return 0;
  const ms = (Number(m[2]) * 60 + Number(m[3])) * MINUTE_MS;
  return m[1] === '-' ? -ms : ms;
}

/** Wall-clock fields of an instant by the reference offset. */
export interface ReferenceLocal {
  date: string;
  year: number;
  month: number;
  day: number;
  weekday: number;
  /** Minutes after local midnight. */
  minuteOfDay: number;
  /** The wall time as if it were UTC (ms), for comparing wall times. */
  wall: number;
}

export function referenceLocal(zone: string, at: number): ReferenceLocal {
  const wall = at + referenceOffset(zone, at);
  const d = new Date(wall);
  return {
    date: d.toISOString().slice(0, 10),
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay() || 7,
    minuteOfDay: d.getUTCHours() * 60 + d.getUTCMinutes(),
    wall,
  };
}

/** Every instant in [from, to) at which the zone's offset changes, to the minute (transitions fall on whole minutes). */
function transitionsBetween(zone: string, from: number, to: number): number[] {
  const out: number[] = [];
  for (let t = from; t < to; t += DAY_MS) {
    if (referenceOffset(zone, t) === referenceOffset(zone, t + DAY_MS)) continue;
    let lo = t;
    let hi = t + DAY_MS;
    while (hi - lo > MINUTE_MS) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
      if (referenceOffset(zone, mid) === referenceOffset(zone, lo)) lo = mid;
      else hi = mid;
    }
    out.push(hi);
  }
  return out;
}

const transitionCache = new Map<string, number[]>();

/** The zone's offset changes between FIRST_YEAR and LAST_YEAR (none for UTC and Kolkata). */
export function transitionsOf(zone: string): number[] {
  let list = transitionCache.get(zone);
  if (list === undefined) {
    list = transitionsBetween(zone, Date.UTC(FIRST_YEAR, 0, 1), Date.UTC(LAST_YEAR + 1, 0, 1));
    transitionCache.set(zone, list);
  }
  return list;
}

export const zoneArb = fc.constantFrom(...ZONES);

/** A whole-minute instant in the years the tests cover. */
export const minuteArb = fc
  .integer({ min: Date.UTC(FIRST_YEAR, 0, 1) / MINUTE_MS, max: Date.UTC(LAST_YEAR, 11, 31) / MINUTE_MS })
  .map((m) => m * MINUTE_MS);

/**
 * A whole-minute instant, half the time within `spreadMs` of one of its DST transitions (where
 * it has any), so gaps, repeated hours and windows spanning a change are common, not one in 8,760.
 */
export function instantNearTransitionArb(zone: string, spreadMs: number): fc.Arbitrary<number> {
  const transitions = transitionsOf(zone);
  if (transitions.length === 0) return minuteArb;
  const near = fc
    .tuple(
      fc.constantFrom(...transitions),
      fc.integer({ min: -spreadMs / MINUTE_MS, max: spreadMs / MINUTE_MS }),
    )
    .map(([t, m]) => t + m * MINUTE_MS);
  return fc.oneof(near, minuteArb);
}
