import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BusyTime, findSlots, type Slot, type SlotRequest } from './slots.js';
import { localToUtc, parseClock } from './working-time.js';
import { instantNearTransitionArb, referenceLocal, zoneArb } from './working-time.test-support.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
// Every test zone's offset is a multiple of 15 minutes and every step below is too, so each
// aligned local start lies on the UTC quarter-hour grid the oracle walks.
const GRID_MS = 15 * MINUTE_MS;

const clockArb = (min: number, max: number) =>
  fc
    .integer({ min, max })
    .map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);

/** Working hours that often straddle the small hours, where DST changes happen. */
const hoursArb = fc
  .oneof(
    fc.tuple(fc.integer({ min: 0, max: 180 }), fc.integer({ min: 60, max: 480 })),
    fc.tuple(fc.integer({ min: 0, max: 1380 }), fc.integer({ min: 30, max: 720 })),
  )
  .chain(([start, length]) =>
    fc.tuple(
      clockArb(start, start),
      clockArb(Math.min(1440, start + length), Math.min(1440, start + length)),
    ),
  );

/** A request in a random zone, its window (up to eight days) often spanning a DST change. */
const requestArb: fc.Arbitrary<SlotRequest> = zoneArb.chain((zone) =>
  fc
    // Unbiased: fast-check's pull towards extremes (8-day steps in 30-minute working days) would
    // leave most cases with no slot at all; the zero buffer and travel stay explicit choices.
    .noBias(
      fc.record({
        anchor: instantNearTransitionArb(zone, 2 * DAY_MS),
        offsetMs: fc.integer({ min: 0, max: 3 * DAY_MS }),
        lengthMs: fc.integer({ min: 6 * HOUR_MS, max: 8 * DAY_MS }),
        hours: hoursArb,
        days: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
        minutes: fc.oneof(fc.constantFrom(20, 30, 45, 60), fc.integer({ min: 5, max: 240 })),
        bufferMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 45 })),
        travelMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 60 })),
        count: fc.integer({ min: 1, max: 4 }),
        stepMinutes: fc.constantFrom(undefined, 15, 30, 60),
        busyShape: fc.array(
          fc.record({
            at: fc.double({ min: 0, max: 1, noNaN: true }),
            minutes: fc.integer({ min: 0, max: 180 }),
          }),
          { maxLength: 20 },
        ),
        holidayPicks: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }),
      }),
    )
    .map((r) => {
      const from = r.anchor - r.offsetMs;
      const to = from + r.lengthMs;
      const span = to - from + 2 * DAY_MS;
      const busy: BusyTime[] = r.busyShape.map((b) => {
        const start = from - DAY_MS + Math.floor(b.at * span);
        return { start, end: start + b.minutes * MINUTE_MS };
      });
      const holidays = r.holidayPicks.map(
        (h) => referenceLocal(zone, from + Math.floor(h * (to - from))).date,
      );
      const req: SlotRequest = {
        from,
        to,
        minutes: r.minutes,
        bufferMinutes: r.bufferMinutes,
        travelMinutes: r.travelMinutes,
        workingHours: { timeZone: zone, days: r.days, start: r.hours[0], end: r.hours[1] },
        holidays,
        busy,
        count: r.count,
      };
      if (r.stepMinutes !== undefined) req.stepMinutes = r.stepMinutes;
      return req;
    }),
);

/** A working day's hours as instants, by localToUtc (itself property-tested against Intl). */
function workingWindow(req: SlotRequest, date: string): { start: number; end: number } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const at = (clock: string) => {
    const minute = parseClock(clock)!;
    return localToUtc(req.workingHours.timeZone, y, m, d, Math.floor(minute / 60), minute % 60);
  };
  return { start: at(req.workingHours.start), end: at(req.workingHours.end) };
}

/** Half-open intervals [a, b) and [c, d) share time. */
const overlaps = (a: number, b: number, c: number, d: number) => Math.max(a, c) < Math.min(b, d);

/**
 * Every valid start by brute force, grouped by local date: walks the UTC quarter-hour grid, reads
 * each instant's wall clock from Intl directly, and checks every busy time one by one.
 */
function freeStartsByDay(req: SlotRequest): Map<string, number[]> {
  const zone = req.workingHours.timeZone;
  const step = req.stepMinutes ?? 30;
  const length = req.minutes * MINUTE_MS;
  const travel = req.travelMinutes * MINUTE_MS;
  const buffer = req.bufferMinutes * MINUTE_MS;
  const windows = new Map<string, { start: number; end: number }>();
  const byDay = new Map<string, number[]>();
  for (let t = Math.ceil(req.from / GRID_MS) * GRID_MS; t < req.to; t += GRID_MS) {
    const local = referenceLocal(zone, t);
    if (local.minuteOfDay % step !== 0) continue;
    if (!req.workingHours.days.includes(local.weekday) || req.holidays.includes(local.date)) continue;
    // A repeated wall time is offered at its first occurrence only.
    const h = Math.floor(local.minuteOfDay / 60);
    if (localToUtc(zone, local.year, local.month, local.day, h, local.minuteOfDay % 60) !== t) continue;
    let window = windows.get(local.date);
    if (window === undefined) {
      window = workingWindow(req, local.date);
      windows.set(local.date, window);
    }
    const outStart = t - travel;
    const backEnd = t + length + travel;
    if (outStart < Math.max(window.start, req.from) || backEnd > Math.min(window.end, req.to)) continue;
    if (req.busy.some((b) => overlaps(outStart, backEnd, b.start - buffer, b.end + buffer))) continue;
    byDay.set(local.date, [...(byDay.get(local.date) ?? []), t]);
  }
  return byDay;
}

/** The spreading rule on the brute-force starts: one per day first, then the earliest that do not overlap. */
function expectedSlots(req: SlotRequest): Slot[] {
  const length = req.minutes * MINUTE_MS;
  const days = [...freeStartsByDay(req).values()];
  const chosen = days.slice(0, req.count).map((starts) => ({ start: starts[0]!, end: starts[0]! + length }));
  for (const start of days.flatMap((starts) => starts.slice(1))) {
    if (chosen.length >= req.count) break;
    if (!chosen.some((c) => overlaps(start, start + length, c.start, c.end)))
      chosen.push({ start, end: start + length });
  }
  return chosen.sort((a, b) => a.start - b.start);
}

describe('findSlots properties', () => {
  it('offers only slots that keep every rule', () => {
    fc.assert(
      fc.property(requestArb, (req) => {
        const zone = req.workingHours.timeZone;
        const travel = req.travelMinutes * MINUTE_MS;
        const buffer = req.bufferMinutes * MINUTE_MS;
        const slots = findSlots(req);
        expect(slots.length).toBeLessThanOrEqual(req.count);
        const dates = slots.map((s) => referenceLocal(zone, s.start).date);
        slots.forEach((slot, i) => {
          const local = referenceLocal(zone, slot.start);
          // Exact real length; aligned on the local clock.
          expect(slot.end - slot.start).toBe(req.minutes * MINUTE_MS);
          expect(local.minuteOfDay % (req.stepMinutes ?? 30)).toBe(0);
          expect(slot.start % MINUTE_MS).toBe(0);
          // On a working weekday that is not a holiday; with travel, inside that day's hours and the window.
          expect(req.workingHours.days).toContain(local.weekday);
          expect(req.holidays).not.toContain(local.date);
          const window = workingWindow(req, local.date);
          expect(slot.start - travel).toBeGreaterThanOrEqual(Math.max(window.start, req.from));
          expect(slot.end + travel).toBeLessThanOrEqual(Math.min(window.end, req.to));
          expect(referenceLocal(zone, slot.end + travel - 1).date).toBe(local.date);
          // Never within the buffer of a busy time.
          for (const b of req.busy)
            expect(overlaps(slot.start - travel, slot.end + travel, b.start - buffer, b.end + buffer)).toBe(
              false,
            );
          // Sorted, no overlaps.
          const next = slots[i + 1];
          if (next !== undefined) expect(next.start).toBeGreaterThanOrEqual(slot.end);
        });
        // A day gets a second slot only when fewer days than slots wanted have room.
        const distinct = new Set(dates).size;
        if (distinct < slots.length) expect(freeStartsByDay(req).size).toBe(distinct);
      }),
      { numRuns: 150 },
    );
  });

  it('matches a brute-force search: earliest free slot per day, spread over days first', () => {
    fc.assert(
      fc.property(requestArb, (req) => {
        expect(findSlots(req)).toEqual(expectedSlots(req));
      }),
      { numRuns: 150 },
    );
  });

  it('never offers a slot that a busy time added later would touch', () => {
    fc.assert(
      fc.property(requestArb, (req) => {
        const slots = findSlots(req);
        const blocked = slots[0];
        if (blocked === undefined) return;
        const again = findSlots({ ...req, busy: [...req.busy, blocked] });
        const buffer = req.bufferMinutes * MINUTE_MS;
        const travel = req.travelMinutes * MINUTE_MS;
        for (const s of again)
          expect(
            overlaps(s.start - travel, s.end + travel, blocked.start - buffer, blocked.end + buffer),
          ).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});
