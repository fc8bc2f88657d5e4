import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORE_CONFIG as config } from './config.js';
import { DAY_MS } from './duration.js';
import { scoreHistory, touchValue } from './score.js';
import {
  LADDER_CHANNELS,
  history as makeHistory,
  nowAndHistoryArb,
  nowArb,
  touchArb,
} from './test-arbitraries.js';
import type { Direction } from './types.js';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('score properties (DESIGN.md)', () => {
  it('keeps strength and every term within range', () => {
    fc.assert(
      fc.property(nowAndHistoryArb, ({ now, history }) => {
        const s = scoreHistory(history, now, config);
        expect(s.strength).toBeGreaterThanOrEqual(0);
        expect(s.strength).toBeLessThanOrEqual(100);
        for (const term of ['intensity', 'reciprocity', 'tenure', 'structure'] as const) {
          expect(s.terms[term]).toBeGreaterThanOrEqual(0);
          expect(s.terms[term]).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('never lowers strength when an interaction moves up the ladder', () => {
    const arb = nowAndHistoryArb.chain(({ now, history }) =>
      fc.record({
        now: fc.constant(now),
        history: fc.constant(history),
        touch: touchArb(now, 1000, LADDER_CHANNELS),
        up: fc.integer({ min: 1, max: LADDER_CHANNELS.length - 1 }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ now, history, touch, up }) => {
        const from = LADDER_CHANNELS.indexOf(touch.channel);
        const channel = LADDER_CHANNELS[Math.min(LADDER_CHANNELS.length - 1, from + up)] ?? touch.channel;
        const before = scoreHistory({ ...history, touches: [...history.touches, touch] }, now, config);
        const upgraded = { ...touch, channel };
        const after = scoreHistory({ ...history, touches: [...history.touches, upgraded] }, now, config);
        expect(after.strength).toBeGreaterThanOrEqual(before.strength);
      }),
    );
  });

  it('weighs an event at age exactly H at exactly half', () => {
    const arb = nowArb.chain((now) =>
      fc.record({
        now: fc.constant(now),
        halfLifeDays: fc.integer({ min: 30, max: 3650 }),
        touch: touchArb(now, 0, LADDER_CHANNELS),
      }),
    );
    fc.assert(
      fc.property(arb, ({ now, halfLifeDays, touch }) => {
        const c = { ...config, halfLifeDays };
        const aged = { ...touch, at: now - halfLifeDays * DAY_MS };
        const s = scoreHistory(makeHistory([aged]), now, c);
        expect(s.terms.engagement).toBe(touchValue(aged, c) / 2);
      }),
    );
  });

  it('never rises as now advances with no new events', () => {
    const arb = nowAndHistoryArb.chain(({ now, history }) =>
      fc.record({
        now: fc.constant(now),
        history: fc.constant(history),
        later: fc.integer({ min: 0, max: 4000 }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ now, history, later }) => {
        const touches = history.touches.filter((t) => t.at <= now);
        const h = { ...history, touches };
        const before = scoreHistory(h, now, config).strength;
        const after = scoreHistory(h, now + later * DAY_MS * 0.37, config).strength;
        expect(after).toBeLessThanOrEqual(before + 1e-9);
      }),
    );
  });

  it('changes nothing when every timestamp and now shift together', () => {
    const arb = nowAndHistoryArb.chain(({ now, history }) =>
      fc.record({
        now: fc.constant(now),
        history: fc.constant(history),
        shift: fc.integer({ min: -10 * 365 * DAY_MS, max: 10 * 365 * DAY_MS }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ now, history, shift }) => {
        const shifted = {
          ...history,
          touches: history.touches.map((t) => ({ ...t, at: t.at + shift })),
          connectedAt: history.connectedAt === null ? null : history.connectedAt + shift,
        };
        const a = scoreHistory(history, now, config);
        const b = scoreHistory(shifted, now + shift, config);
        expect(close(a.strength, b.strength)).toBe(true);
        for (const term of ['engagement', 'intensity', 'reciprocity', 'tenure', 'structure'] as const) {
          expect(close(a.terms[term], b.terms[term])).toBe(true);
        }
      }),
    );
  });

  it('keeps R symmetric in in and out', () => {
    const swap: Record<Direction, Direction> = { in: 'out', out: 'in', mutual: 'mutual' };
    fc.assert(
      fc.property(nowAndHistoryArb, ({ now, history }) => {
        const mirrored = {
          ...history,
          touches: history.touches.map((t) => ({ ...t, direction: swap[t.direction] })),
        };
        const a = scoreHistory(history, now, config);
        const b = scoreHistory(mirrored, now, config);
        expect(b.terms.reciprocity).toBe(a.terms.reciprocity);
        expect(b.strength).toBe(a.strength);
      }),
    );
  });
});
