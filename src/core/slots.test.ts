import { describe, expect, it } from 'vitest';
import { RapportError } from '../errors.js';
import { describeSlot, findSlots, type SlotRequest } from './slots.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const BERLIN = 'Europe/Berlin';
// Monday 30 November 2026, 00:00 in Berlin (CET, UTC+1).
const MONDAY = Date.UTC(2026, 10, 29, 23);

function request(over: Partial<SlotRequest> = {}): SlotRequest {
  return {
    from: MONDAY,
    to: MONDAY + 14 * DAY,
    minutes: 30,
    bufferMinutes: 0,
    travelMinutes: 0,
    workingHours: { timeZone: BERLIN, days: [1, 2, 3, 4, 5], start: '09:00', end: '17:30' },
    holidays: [],
    busy: [],
    count: 3,
    ...over,
  };
}

/** Berlin local time on the Nth day after MONDAY, as an instant (CET all fortnight). */
const at = (day: number, hh: number, mm = 0) => MONDAY + day * DAY + hh * HOUR + mm * MINUTE;
const labels = (req: SlotRequest) => findSlots(req).map((s) => describeSlot(s, req.workingHours.timeZone));

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

describe('findSlots', () => {
  it('offers the earliest slot of each of the first days, one per day', () => {
    expect(labels(request())).toEqual([
      'Mon 30 Nov, 09:00–09:30 (Europe/Berlin)',
      'Tue 1 Dec, 09:00–09:30 (Europe/Berlin)',
      'Wed 2 Dec, 09:00–09:30 (Europe/Berlin)',
    ]);
  });

  it('starts no earlier than from, on the next aligned local time', () => {
    const slots = findSlots(request({ from: at(0, 10, 7), count: 1 }));
    expect(slots).toEqual([{ start: at(0, 10, 30), end: at(0, 11) }]);
  });

  it('keeps the buffer around busy times and the travel time around the slot', () => {
    const busy = [{ start: at(0, 9), end: at(0, 10) }];
    // 15 minutes of buffer after 10:00 rules out 10:00; the next aligned start is 10:30.
    expect(findSlots(request({ busy, bufferMinutes: 15, count: 1 }))[0]!.start).toBe(at(0, 10, 30));
    // 30 minutes of travel either side: leave at 10:15 at the earliest, so start at 11:00 (10:45 is not aligned).
    expect(findSlots(request({ busy, bufferMinutes: 15, travelMinutes: 30, count: 1 }))[0]!.start).toBe(
      at(0, 11),
    );
    // Travel back must end before working hours do.
    const lastDay = request({
      from: at(0, 16),
      to: at(0, 23),
      minutes: 60,
      travelMinutes: 30,
      count: 1,
    });
    expect(findSlots(lastDay)).toEqual([]);
  });

  it('lets a slot end exactly where the buffer before a busy time begins', () => {
    const busy = [{ start: at(0, 10), end: at(0, 11) }];
    const slots = findSlots(request({ busy, bufferMinutes: 30, count: 1, from: at(0, 9), to: at(0, 12) }));
    expect(slots).toEqual([{ start: at(0, 9), end: at(0, 9, 30) }]);
  });

  it('skips weekends, days off and holidays', () => {
    const req = request({
      from: at(3, 0),
      holidays: ['2026-12-04', '2026-12-08'],
      workingHours: { timeZone: BERLIN, days: [1, 2, 4, 5], start: '09:00', end: '17:30' },
    });
    expect(labels(req)).toEqual([
      'Thu 3 Dec, 09:00–09:30 (Europe/Berlin)',
      'Mon 7 Dec, 09:00–09:30 (Europe/Berlin)',
      'Thu 10 Dec, 09:00–09:30 (Europe/Berlin)',
    ]);
  });

  it('takes more than one slot on a day only when days run out, without overlaps', () => {
    const req = request({ to: at(0, 24), minutes: 45, busy: [{ start: at(0, 9), end: at(0, 12) }] });
    expect(labels(req)).toEqual([
      'Mon 30 Nov, 12:00–12:45 (Europe/Berlin)',
      'Mon 30 Nov, 13:00–13:45 (Europe/Berlin)',
      'Mon 30 Nov, 14:00–14:45 (Europe/Berlin)',
    ]);
  });

  it('returns fewer slots, or none, when there is not enough free time', () => {
    const busy = [{ start: at(0, 9, 30), end: at(0, 17, 30) }];
    expect(findSlots(request({ to: at(0, 24), busy }))).toEqual([{ start: at(0, 9), end: at(0, 9, 30) }]);
    expect(findSlots(request({ busy: [{ start: MONDAY - DAY, end: MONDAY + 30 * DAY }] }))).toEqual([]);
    expect(findSlots(request({ minutes: 9 * 60 }))).toEqual([]);
  });

  it('merges overlapping busy times given in any order', () => {
    const busy = [
      { start: at(0, 11), end: at(0, 17, 30) },
      { start: at(0, 9), end: at(0, 10) },
      { start: at(0, 9, 30), end: at(0, 11, 30) },
    ];
    expect(findSlots(request({ to: at(0, 24), busy }))).toEqual([]);
  });

  it('aligns starts to local time in a half-hour zone', () => {
    const req = request({
      from: Date.UTC(2026, 11, 1, 0),
      workingHours: { timeZone: 'Asia/Kolkata', days: [1, 2, 3, 4, 5], start: '09:15', end: '18:00' },
      count: 1,
    });
    // 09:30 IST is 04:00 UTC.
    expect(findSlots(req)).toEqual([{ start: Date.UTC(2026, 11, 1, 4), end: Date.UTC(2026, 11, 1, 4, 30) }]);
    expect(findSlots({ ...req, stepMinutes: 15 })[0]!.start).toBe(Date.UTC(2026, 11, 1, 3, 45));
  });

  it('keeps real lengths and skips non-existent times on a DST day inside working hours', () => {
    // Sunday 29 March 2026: Berlin jumps from 02:00 to 03:00.
    const req = request({
      from: Date.UTC(2026, 2, 28, 23),
      to: Date.UTC(2026, 2, 29, 5),
      minutes: 60,
      workingHours: { timeZone: BERLIN, days: [7], start: '00:00', end: '06:00' },
      busy: [{ start: Date.UTC(2026, 2, 28, 23), end: Date.UTC(2026, 2, 29, 0, 30) }],
      count: 3,
    });
    // 01:30 CET, then 03:00 and 04:00 CEST: exactly an hour each, nothing at 02:xx.
    expect(labels(req)).toEqual([
      'Sun 29 Mar, 01:30–03:30 (Europe/Berlin)',
      'Sun 29 Mar, 03:30–04:30 (Europe/Berlin)',
      'Sun 29 Mar, 04:30–05:30 (Europe/Berlin)',
    ]);
    for (const s of findSlots(req)) expect(s.end - s.start).toBe(HOUR);
  });

  it('never offers a skipped time moved off the step grid', () => {
    // Lord Howe Island moves its clocks by half an hour: on 4 October 2026, 02:00 → 02:30 (+10:30 → +11).
    const slots = findSlots(
      request({
        from: Date.UTC(2026, 9, 3, 12),
        to: Date.UTC(2026, 9, 3, 20),
        minutes: 30,
        stepMinutes: 60,
        workingHours: { timeZone: 'Australia/Lord_Howe', days: [7], start: '00:00', end: '05:00' },
        count: 5,
      }),
    );
    expect(slots.map((s) => describeSlot(s, 'Australia/Lord_Howe'))).toEqual([
      'Sun 4 Oct, 00:00–00:30 (Australia/Lord_Howe)',
      'Sun 4 Oct, 01:00–01:30 (Australia/Lord_Howe)',
      'Sun 4 Oct, 03:00–03:30 (Australia/Lord_Howe)',
      'Sun 4 Oct, 04:00–04:30 (Australia/Lord_Howe)',
    ]);
  });

  it('offers aligned times up to a working-hours end the clocks skip (Chatham, 29 September 2030)', () => {
    // Chatham jumps from 02:45 to 03:45 (+12:45 → +13:45). The end 03:05 is skipped, so it moves
    // forward by the gap to 04:05 and the day's hours are 02:31 → 04:05: 03:45–04:05 fits them.
    // The property-test counterexample; findSlots used to stop at the configured 03:05 and offer nothing.
    const req: SlotRequest = {
      from: 1916834400000,
      to: 1916856000000,
      minutes: 20,
      bufferMinutes: 0,
      travelMinutes: 0,
      workingHours: { timeZone: 'Pacific/Chatham', days: [7], start: '02:31', end: '03:05' },
      holidays: [],
      busy: [],
      count: 1,
      stepMinutes: 15,
    };
    // 03:45 +13:45 is 14:00 UTC on the 28th.
    expect(findSlots(req)).toEqual([
      { start: Date.UTC(2030, 8, 28, 14), end: Date.UTC(2030, 8, 28, 14, 20) },
    ]);
    expect(labels(req)).toEqual(['Sun 29 Sept, 03:45–04:05 (Pacific/Chatham)']);
    // Both bounds skipped (02:50 → 03:50, 03:40 → 04:40): the day's aligned starts are 04:00 onwards.
    const bothSkipped = findSlots({
      ...req,
      minutes: 30,
      from: Date.UTC(2030, 8, 28, 12),
      count: 3,
      workingHours: { ...req.workingHours, start: '02:50', end: '03:40' },
    });
    expect(bothSkipped.map((s) => describeSlot(s, 'Pacific/Chatham'))).toEqual([
      'Sun 29 Sept, 04:00–04:30 (Pacific/Chatham)',
    ]);
  });

  it('offers a repeated local hour once', () => {
    // Sunday 25 October 2026: Berlin goes back from 03:00 to 02:00, so 02:00–03:00 happens twice.
    const slots = findSlots(
      request({
        from: Date.UTC(2026, 9, 24, 22),
        to: Date.UTC(2026, 9, 25, 3),
        minutes: 30,
        workingHours: { timeZone: BERLIN, days: [7], start: '02:00', end: '03:00' },
        count: 5,
      }),
    );
    // 02:00 and 02:30 CEST, then 02:00 and 02:30 CET would repeat them: not offered.
    expect(slots).toEqual([
      { start: Date.UTC(2026, 9, 25, 0), end: Date.UTC(2026, 9, 25, 0, 30) },
      { start: Date.UTC(2026, 9, 25, 0, 30), end: Date.UTC(2026, 9, 25, 1) },
    ]);
  });

  it('says which value is wrong', () => {
    const hours = request().workingHours;
    const cases: [Partial<SlotRequest>, string][] = [
      [{ workingHours: { ...hours, timeZone: 'Europe/Paris2' } }, 'Europe/Paris2'],
      [{ workingHours: { ...hours, start: '9' } }, "start '9'"],
      [{ workingHours: { ...hours, end: '17:75' } }, "end '17:75'"],
      [{ workingHours: { ...hours, start: '18:00' } }, 'not after start'],
      [{ minutes: 0 }, 'minutes is 0'],
      [{ minutes: -30 }, 'minutes is -30'],
      [{ count: 0 }, 'count is 0'],
      [{ holidays: ['2026-02-30'] }, "Holiday '2026-02-30'"],
      [{ from: MONDAY, to: MONDAY }, 'from must be earlier than to'],
      [{ to: MONDAY - 1 }, 'from must be earlier than to'],
      [{ bufferMinutes: -5 }, 'bufferMinutes is -5'],
      [{ travelMinutes: 1.5 }, 'travelMinutes is 1.5'],
      [{ stepMinutes: 0 }, 'stepMinutes is 0'],
      [{ busy: [{ start: at(0, 10), end: at(0, 9) }] }, 'Busy time #1'],
      [{ from: Number.NaN }, 'not a pair of times'],
    ];
    for (const [over, expected] of cases)
      expect(invalidMessage(() => findSlots(request(over)))).toContain(expected);
  });

  it('searches three weeks among 2,000 busy times well within 50 ms', () => {
    // Deterministic busy times: 2,000 of 15–45 minutes scattered over the window, leaving gaps.
    const from = MONDAY;
    const to = MONDAY + 21 * DAY;
    const busy = Array.from({ length: 2000 }, (_, i) => {
      const start = from + ((i * 7919) % (21 * 96)) * 15 * MINUTE;
      return { start, end: start + (1 + (i % 3)) * 15 * MINUTE };
    });
    const req = request({ from, to, busy, bufferMinutes: 10, count: 3 });
    const full = request({ from, to, busy: [...busy, { start: from, end: to }], count: 3 });
    findSlots(req);
    findSlots(full);
    const timings: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      findSlots(req);
      findSlots(full);
      timings.push((performance.now() - t0) / 2);
    }
    expect(Math.min(...timings)).toBeLessThan(50);
    expect(findSlots(full)).toEqual([]);
  });
});

describe('describeSlot', () => {
  const slot = { start: Date.UTC(2026, 11, 1, 9), end: Date.UTC(2026, 11, 1, 9, 30) };

  it('names the day, times and zone', () => {
    expect(describeSlot(slot, BERLIN)).toBe('Tue 1 Dec, 10:00–10:30 (Europe/Berlin)');
    expect(describeSlot(slot, 'America/New_York')).toBe('Tue 1 Dec, 04:00–04:30 (America/New_York)');
    expect(describeSlot(slot, 'Asia/Kolkata')).toBe('Tue 1 Dec, 14:30–15:00 (Asia/Kolkata)');
  });

  it('follows the locale', () => {
    expect(describeSlot(slot, BERLIN, 'de-DE')).toBe('Di., 1. Dez., 10:00–10:30 (Europe/Berlin)');
  });

  it('names both dates when the slot crosses midnight', () => {
    const late = { start: Date.UTC(2026, 11, 1, 22, 30), end: Date.UTC(2026, 11, 1, 23, 30) };
    expect(describeSlot(late, BERLIN)).toBe('Tue 1 Dec, 23:30 – Wed 2 Dec, 00:30 (Europe/Berlin)');
  });

  it('rejects an unknown zone or locale', () => {
    expect(invalidMessage(() => describeSlot(slot, 'Berlin'))).toContain("'Berlin'");
    expect(invalidMessage(() => describeSlot(slot, BERLIN, 'not a locale!'))).toContain("'not a locale!'");
  });
});
