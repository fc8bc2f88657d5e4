/**
 * TEST SUPPORT ONLY: fast-check arbitraries and builders for the core's tests.
 * Nothing outside *.test.ts files may import this module.
 */
import fc from 'fast-check';
import { DAY_MS } from './duration.js';
import {
  AUDIENCES,
  CHANNELS,
  type Channel,
  DIRECTIONS,
  NETWORKS,
  type PersonHistory,
  RELATIONSHIP_TYPES,
  type Touch,
} from './types.js';

/** A moment between 2015 and 2035, whole milliseconds. */
export const nowArb = fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2035, 0, 1) });

/** The channels on the ladder proper (broadcasts stand outside it). */
export const LADDER_CHANNELS: readonly Channel[] = CHANNELS.filter((c) => c !== 'broadcast');

/** A touch between `maxAgeDays` before `now` and `now`. */
export function touchArb(
  now: number,
  maxAgeDays = 1000,
  channels: readonly Channel[] = CHANNELS,
): fc.Arbitrary<Touch> {
  return fc.record({
    at: fc.integer({ min: now - maxAgeDays * DAY_MS, max: now }),
    channel: fc.constantFrom(...channels),
    network: fc.constantFrom(...NETWORKS),
    direction: fc.constantFrom(...DIRECTIONS),
    audience: fc.constantFrom(...AUDIENCES),
    length: fc.option(fc.integer({ min: 0, max: 600 }), { nil: null }),
  });
}

/** A whole history at `now`, touches within `maxAgeDays`. */
export function historyArb(now: number, maxAgeDays = 1000, maxTouches = 30): fc.Arbitrary<PersonHistory> {
  return fc.record({
    touches: fc.array(touchArb(now, maxAgeDays), { maxLength: maxTouches }),
    connectedAt: fc.option(fc.integer({ min: now - 2000 * DAY_MS, max: now }), { nil: null }),
    mutualContacts: fc.integer({ min: 0, max: 20 }),
    relationshipType: fc.constantFrom(...RELATIONSHIP_TYPES),
    cadenceDays: fc.option(fc.integer({ min: 1, max: 120 }), { nil: null }),
    sameCity: fc.option(fc.boolean(), { nil: null }),
    hasOpenDeal: fc.boolean(),
  });
}

/** A moment together with a history at that moment. */
export const nowAndHistoryArb = nowArb.chain((now) => historyArb(now).map((history) => ({ now, history })));

/**
 * A moment and a history that is usually stuck online: 5–15 platform touches in the last 85
 * days (two of them inbound), known for 30–1000 days, plus a few random older touches.
 */
export const stuckishArb = nowArb.chain((now) =>
  fc
    .record({
      platform: fc.array(touchArb(now, 85, ['reaction', 'comment', 'message']), {
        minLength: 5,
        maxLength: 15,
      }),
      inbound: fc.array(touchArb(now, 85, ['message']), { minLength: 2, maxLength: 2 }),
      extra: fc.array(touchArb(now, 1000), { maxLength: 5 }),
      knownDays: fc.integer({ min: 30, max: 1000 }),
      history: historyArb(now, 1000, 0),
    })
    .map(({ platform, inbound, extra, knownDays, history }) => {
      const direct = (t: Touch): Touch => ({ ...t, audience: 'one_to_one' });
      const touches = [
        ...platform.map(direct),
        ...inbound.map((t) => ({ ...direct(t), direction: 'in' as const })),
        ...extra,
      ];
      return { now, history: { ...history, touches, connectedAt: now - knownDays * DAY_MS } };
    }),
);

/** A plain one-to-one touch for hand-written cases; `daysAgo` before `now`. */
export function touch(now: number, daysAgo: number, channel: Channel, more: Partial<Touch> = {}): Touch {
  return {
    at: now - daysAgo * DAY_MS,
    channel,
    network: 'linkedin',
    direction: 'out',
    audience: 'one_to_one',
    length: null,
    ...more,
  };
}

/** A history with neutral defaults for hand-written cases. */
export function history(touches: Touch[], more: Partial<PersonHistory> = {}): PersonHistory {
  return {
    touches,
    connectedAt: null,
    mutualContacts: 0,
    relationshipType: 'other',
    cadenceDays: null,
    sameCity: null,
    hasOpenDeal: false,
    ...more,
  };
}

/** A fixed moment for hand-written cases: 2025-06-01T12:00Z. */
export const NOW = Date.UTC(2025, 5, 1, 12);
