import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORE_CONFIG as config } from './config.js';
import { DAY_MS } from './duration.js';
import { evaluate } from './evaluate.js';
import { mergeOlder, recentWindowDays, splitHistory, summarizeOlder } from './older.js';
import { engagementContribution } from './score.js';
import { history, NOW, nowArb, stuckishArb, touch, touchArb } from './test-arbitraries.js';
import type { Evaluation, OlderHistory } from './types.js';

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

function expectSameEvaluation(split: Evaluation, full: Evaluation): void {
  expect(close(split.score.strength, full.score.strength)).toBe(true);
  for (const [term, value] of Object.entries(full.score.terms)) {
    expect(close(split.score.terms[term as keyof typeof full.score.terms], value)).toBe(true);
  }
  const { score: _a, ...restSplit } = split;
  const { score: _b, ...restFull } = full;
  expect(restSplit).toEqual(restFull);
}

describe('summarizeOlder', () => {
  it('keeps the totals the engine needs, leaving broadcasts out', () => {
    const touches = [
      touch(NOW, 400, 'message', { direction: 'in' }),
      touch(NOW, 300, 'in_person', { direction: 'mutual' }),
      touch(NOW, 250, 'email'),
      touch(NOW, 240, 'reaction'),
      touch(NOW, 230, 'broadcast'),
    ];
    const older = summarizeOlder(touches, config);
    expect(older).toMatchObject({
      count: 4,
      firstAt: NOW - 400 * DAY_MS,
      lastAt: NOW - 240 * DAY_MS,
      lastOfflineAt: NOW - 250 * DAY_MS,
      lastOfflineChannel: 'email',
      lastLiveAt: NOW - 300 * DAY_MS,
      lastInPersonAt: NOW - 300 * DAY_MS,
      onlineStreakStartAt: NOW - 240 * DAY_MS,
      channels: { message: 1, in_person: 1, email: 1, reaction: 1 },
    });
    const sum = touches.slice(0, 4).reduce((s, t) => s + engagementContribution(t, config), 0);
    expect(older.engagementSum).toBeCloseTo(sum, 6);
  });

  it('is empty for no touches', () => {
    expect(summarizeOlder([], config)).toMatchObject({
      count: 0,
      engagementSum: 0,
      firstAt: null,
      lastAt: null,
    });
  });
});

describe('splitHistory', () => {
  it('keeps touches from now − 180 days on (and any after now) as they are', () => {
    expect(recentWindowDays(config)).toBe(180);
    const keep = [touch(NOW, 180, 'message'), touch(NOW, -5, 'call')];
    const split = splitHistory([touch(NOW, 181, 'email'), ...keep], NOW, config);
    expect(split.touches).toEqual(keep);
    expect(split.older.count).toBe(1);
  });

  it('scores a hand-made case like the full list', () => {
    const touches = [
      touch(NOW, 700, 'in_person'),
      touch(NOW, 300, 'email', { direction: 'in' }),
      touch(NOW, 3, 'message'),
    ];
    const full = history(touches, { relationshipType: 'client', mutualContacts: 3 });
    const split = { ...full, ...splitHistory(touches, NOW, config) };
    expectSameEvaluation(evaluate(split, NOW, config), evaluate(full, NOW, config));
  });

  it('gives the same evaluation as the full list, now or later (property)', () => {
    const arb = fc.oneof(
      nowArb.chain((now) =>
        fc.record({
          now: fc.constant(now),
          history: stuckishArb.map((s) => s.history),
          touches: fc.array(touchArb(now + 200 * DAY_MS, 2000), { maxLength: 40 }),
          later: fc.integer({ min: 0, max: 400 * DAY_MS }),
        }),
      ),
      stuckishArb.map(({ now, history: h }) => ({ now, history: h, touches: h.touches, later: 0 })),
    );
    fc.assert(
      fc.property(arb, ({ now, history: h, touches, later }) => {
        const full = { ...h, touches };
        const split = { ...full, ...splitHistory(touches, now, config) };
        expectSameEvaluation(evaluate(split, now + later, config), evaluate(full, now + later, config));
      }),
      { numRuns: 300 },
    );
  });
});

describe('mergeOlder', () => {
  it('equals summarizing both stretches at once (property)', () => {
    const arb = nowArb.chain((now) =>
      fc.record({
        a: fc.array(touchArb(now - 500 * DAY_MS, 1000), { maxLength: 15 }),
        b: fc.array(touchArb(now, 499), { maxLength: 15 }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ a, b }) => {
        const merged = mergeOlder(summarizeOlder(a, config), summarizeOlder(b, config));
        const whole = summarizeOlder([...a, ...b], config);
        const sums = ['engagementSum', 'inboundSum', 'outboundSum'] as const;
        for (const key of sums) expect(close(merged[key] ?? 0, whole[key] ?? 0)).toBe(true);
        const strip = ({ engagementSum: _e, inboundSum: _i, outboundSum: _o, ...rest }: OlderHistory) => rest;
        expect(strip(merged)).toEqual(strip(whole));
      }),
    );
  });
});
