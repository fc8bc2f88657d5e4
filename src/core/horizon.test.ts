import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORE_CONFIG } from './config.js';
import { DAY_MS } from './duration.js';
import { evaluate } from './evaluate.js';
import { stableUntil } from './horizon.js';
import { history, NOW, nowAndHistoryArb, stuckishArb, touch } from './test-arbitraries.js';
import type { Evaluation } from './types.js';

const config = DEFAULT_SCORE_CONFIG;

/** What a stored evaluation promises to keep until its horizon. */
const stablePart = (e: Evaluation) => ({
  flags: e.flags,
  offline: e.balance.offlineRatio?.toFixed(9),
  live: e.balance.liveRatio?.toFixed(9),
  step: e.nextStep.kind,
  lastReal: e.lastRealConversationAt,
});

describe('stableUntil', () => {
  it('is the moment the oldest touch leaves the 90-day window', () => {
    const h = history([touch(NOW, 10, 'message'), touch(NOW, 40, 'message')], {
      connectedAt: NOW - 400 * DAY_MS,
    });
    expect(stableUntil(h, NOW, config)).toBe(NOW - 40 * DAY_MS + 90 * DAY_MS + 1);
  });

  it('is null for someone with no touches, no connection date and no cadence', () => {
    expect(
      stableUntil(history([], { connectedAt: null, relationshipType: 'other' }), NOW, config),
    ).toBeNull();
  });

  it('flags, balance and next step do not change before the horizon', () => {
    const property = (
      { now, history: h }: { now: number; history: Parameters<typeof evaluate>[0] },
      fraction: number,
    ) => {
      const horizon = stableUntil(h, now, config);
      const later = horizon === null ? now + 3650 * DAY_MS : now + Math.floor((horizon - 1 - now) * fraction);
      expect(stablePart(evaluate(h, later, config))).toEqual(stablePart(evaluate(h, now, config)));
    };
    fc.assert(fc.property(nowAndHistoryArb, fc.double({ min: 0, max: 1, noNaN: true }), property), {
      numRuns: 300,
    });
    fc.assert(fc.property(stuckishArb, fc.double({ min: 0, max: 1, noNaN: true }), property), {
      numRuns: 300,
    });
  });

  it('is always after now', () => {
    fc.assert(
      fc.property(nowAndHistoryArb, ({ now, history: h }) => {
        const horizon = stableUntil(h, now, config);
        expect(horizon === null || horizon > now).toBe(true);
      }),
    );
  });
});
