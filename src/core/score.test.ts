import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORE_CONFIG as config } from './config.js';
import { DAY_MS } from './duration.js';
import { balanceOf, lengthFactor, scoreHistory } from './score.js';
import { history, NOW, touch } from './test-arbitraries.js';

describe('lengthFactor', () => {
  it('follows clamp(log(1+len)/log(1+L_ref), 0.5, 1)', () => {
    expect(lengthFactor({ channel: 'message', length: null }, config)).toBe(1);
    expect(lengthFactor({ channel: 'message', length: 0 }, config)).toBe(0.5);
    expect(lengthFactor({ channel: 'message', length: 10 }, config)).toBe(0.5);
    expect(lengthFactor({ channel: 'email', length: 40 }, config)).toBeCloseTo(
      Math.log(41) / Math.log(151),
      12,
    );
    expect(lengthFactor({ channel: 'email', length: 150 }, config)).toBe(1);
    expect(lengthFactor({ channel: 'email', length: 5000 }, config)).toBe(1);
    expect(lengthFactor({ channel: 'call', length: 30 }, config)).toBe(1);
    expect(lengthFactor({ channel: 'call', length: 10 }, config)).toBeCloseTo(
      Math.log(11) / Math.log(31),
      12,
    );
    expect(lengthFactor({ channel: 'reaction', length: 0 }, config)).toBe(1);
    expect(lengthFactor({ channel: 'message', length: -4 }, config)).toBe(1);
  });
});

describe('scoreHistory', () => {
  it('weighs an event at age exactly H at exactly half', () => {
    const s = scoreHistory(history([touch(NOW, 90, 'in_person')]), NOW, config);
    expect(s.terms.engagement).toBe(0.5);
    expect(s.terms.intensity).toBe(1 - Math.exp(-0.25));
  });

  it('gives R = 0.5 for 3 out and 1 in at the same moment, 1 for a mutual touch, 0 for nothing', () => {
    const outs = [1, 2, 3].map(() => touch(NOW, 10, 'message', { direction: 'out' }));
    const r = scoreHistory(history([...outs, touch(NOW, 10, 'message', { direction: 'in' })]), NOW, config);
    expect(r.terms.reciprocity).toBe(0.5);
    const mutual = scoreHistory(history([touch(NOW, 10, 'call', { direction: 'mutual' })]), NOW, config);
    expect(mutual.terms.reciprocity).toBe(1);
    const none = scoreHistory(history([]), NOW, config);
    expect(none.terms.reciprocity).toBe(0);
    expect(none.strength).toBe(0);
  });

  it('matches a strength computed by hand', () => {
    // A coffee (out) 90 days ago, an inbound LinkedIn message today, connected 364 days ago, 5 mutual contacts.
    const h = history([touch(NOW, 90, 'in_person'), touch(NOW, 0, 'message', { direction: 'in' })], {
      connectedAt: NOW - 364 * DAY_MS,
      mutualContacts: 5,
    });
    const s = scoreHistory(h, NOW, config);
    const e = 1 * 0.5 + 0.3 * 1; // coffee at half weight + message at full
    const i = 1 - Math.exp(-e / 2);
    const r = 1 - Math.abs(0.5 - 1) / (0.5 + 1); // decayed counts: out 0.5, in 1
    const d = Math.log(1 + 364) / Math.log(1 + 1825);
    const structure = 5 / 10;
    expect(s.terms.engagement).toBeCloseTo(e, 12);
    expect(s.terms.reciprocity).toBeCloseTo(r, 12);
    expect(s.terms.tenure).toBeCloseTo(d, 12);
    expect(s.terms.structure).toBe(structure);
    expect(s.strength).toBeCloseTo(100 * (0.5 * i + 0.2 * r + 0.15 * d + 0.15 * structure), 10);
    expect(s.strength).toBeCloseTo(49.1, 1);
    expect(s.contributions.intensity).toBeCloseTo(50 * i, 10);
    const sum = s.contributions.intensity + s.contributions.reciprocity + s.contributions.tenure;
    expect(sum + s.contributions.structure).toBeCloseTo(s.strength, 10);
  });

  it('ignores touches after now, broadcasts and one-to-many touches', () => {
    const base = history([touch(NOW, 5, 'email')]);
    const noisy = history([
      ...base.touches,
      touch(NOW, -3, 'in_person'),
      touch(NOW, 2, 'broadcast'),
      touch(NOW, 1, 'comment', { audience: 'one_to_many' }),
    ]);
    expect(scoreHistory(noisy, NOW, config)).toEqual(scoreHistory(base, NOW, config));
  });

  it('halves group touches', () => {
    const one = scoreHistory(history([touch(NOW, 0, 'message')]), NOW, config);
    const group = scoreHistory(history([touch(NOW, 0, 'message', { audience: 'group' })]), NOW, config);
    expect(group.terms.engagement).toBe(one.terms.engagement / 2);
  });

  it('measures tenure from knownSince to the last touch, so silence neither grows nor erases it', () => {
    const h = history([touch(NOW, 100, 'email')], { connectedAt: NOW - 465 * DAY_MS });
    const now = scoreHistory(h, NOW, config).terms.tenure;
    expect(now).toBeCloseTo(Math.log(366) / Math.log(1826), 12);
    expect(scoreHistory(h, NOW + 900 * DAY_MS, config).terms.tenure).toBe(now);
    expect(scoreHistory(history([], { connectedAt: NOW - 400 * DAY_MS }), NOW, config).terms.tenure).toBe(0);
  });
});

describe('balanceOf', () => {
  it('gives the decayed share of tier A+B and of tier A within the window', () => {
    const h = history([
      touch(NOW, 0, 'email'),
      touch(NOW, 0, 'message'),
      touch(NOW, 90, 'call'),
      touch(NOW, 200, 'in_person'),
    ]);
    const all = 0.35 + 0.3 + 0.7 / 2;
    const b = balanceOf(h, NOW, config);
    expect(b.offlineRatio).toBeCloseTo((0.35 + 0.35) / all, 12);
    expect(b.liveRatio).toBeCloseTo(0.35 / all, 12);
  });

  it('is null when there is nothing in the window', () => {
    expect(balanceOf(history([touch(NOW, 200, 'call')]), NOW, config)).toEqual({
      offlineRatio: null,
      liveRatio: null,
    });
  });
});
