import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localToUtc, utcToLocalParts, zoneOffset } from './working-time.js';
import {
  instantNearTransitionArb,
  referenceLocal,
  referenceOffset,
  transitionsOf,
  ZONES,
  zoneArb,
} from './working-time.test-support.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
// Spread the instants over a few hours either side of a transition: the gap or repeated hour.
const NEAR = 6 * HOUR_MS;

const zoneAndInstantArb = zoneArb.chain((zone) =>
  fc.record({ zone: fc.constant(zone), at: instantNearTransitionArb(zone, NEAR) }),
);

const wallOf = (zone: string, at: number) => {
  const p = utcToLocalParts(zone, at);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
};

describe('working-time properties', () => {
  it('agrees with Intl’s own offset names', () => {
    fc.assert(
      fc.property(zoneAndInstantArb, ({ zone, at }) => {
        expect(zoneOffset(zone, at)).toBe(referenceOffset(zone, at));
        const local = utcToLocalParts(zone, at);
        const ref = referenceLocal(zone, at);
        expect([local.year, local.month, local.day, local.weekday]).toEqual([
          ref.year,
          ref.month,
          ref.day,
          ref.weekday,
        ]);
        expect(local.hour * 60 + local.minute).toBe(ref.minuteOfDay);
      }),
      { numRuns: 300 },
    );
  });

  it('round-trips every local time that exists (a repeated one to its first occurrence)', () => {
    fc.assert(
      fc.property(zoneAndInstantArb, ({ zone, at }) => {
        const p = utcToLocalParts(zone, at);
        const back = localToUtc(zone, p.year, p.month, p.day, p.hour, p.minute);
        // Same wall clock; the same instant, or an earlier one when the hour is repeated.
        expect(wallOf(zone, back)).toBe(wallOf(zone, at));
        expect(back).toBeLessThanOrEqual(at);
        if (back < at) {
          expect(at - back).toBe(zoneOffset(zone, back) - zoneOffset(zone, at));
          // And no instant before `back` shows the same wall time: it is the first occurrence.
          expect(wallOf(zone, back - (zoneOffset(zone, back) - zoneOffset(zone, at)))).not.toBe(
            wallOf(zone, at),
          );
        }
      }),
      { numRuns: 500 },
    );
  });

  it('moves a skipped local time forward to exactly where the clocks jumped over it', () => {
    // Wall times within 90 minutes of a transition's, so about one in six falls in a gap.
    const arb = fc.constantFrom(...ZONES.filter((z) => transitionsOf(z).length > 0)).chain((zone) =>
      fc.record({
        zone: fc.constant(zone),
        wall: fc
          .tuple(fc.constantFrom(...transitionsOf(zone)), fc.integer({ min: -90, max: 90 }))
          .map(([t, m]) => t + referenceOffset(zone, t) + m * MINUTE_MS),
      }),
    );
    fc.assert(
      fc.property(arb, ({ zone, wall }) => {
        const d = new Date(wall);
        const at = localToUtc(
          zone,
          d.getUTCFullYear(),
          d.getUTCMonth() + 1,
          d.getUTCDate(),
          d.getUTCHours(),
          d.getUTCMinutes(),
        );
        if (wallOf(zone, at) === wall) return;
        // A skipped time: some transition jumped the clocks over it (from T + before to T + after),
        // and it is read with the offset from before the jump.
        const jump = transitionsOf(zone).find((t) => {
          const before = referenceOffset(zone, t - MINUTE_MS);
          const after = referenceOffset(zone, t);
          return after > before && t + before <= wall && wall < t + after;
        });
        expect(jump).toBeDefined();
        expect(at).toBe(wall - referenceOffset(zone, jump! - MINUTE_MS));
      }),
      { numRuns: 500 },
    );
  });
});
