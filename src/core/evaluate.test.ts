import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORE_CONFIG as config } from './config.js';
import { DAY_MS } from './duration.js';
import { evaluate } from './evaluate.js';
import { scoreHistory } from './score.js';
import { history, NOW, nowAndHistoryArb, touch } from './test-arbitraries.js';

const chatty = Array.from({ length: 11 }, (_, i) =>
  touch(NOW, 42 - i * 4, 'message', { direction: i % 4 ? 'out' : 'in' }),
);

describe('evaluate', () => {
  it('puts a stuck-online prospect together', () => {
    const h = history(chatty, { connectedAt: NOW - 60 * DAY_MS, relationshipType: 'prospect' });
    const e = evaluate(h, NOW, config);
    expect(e.flags).toEqual({ stuckOnline: true, dormant: false, overdue: true });
    expect(e.reason).toBe('11 LinkedIn messages over 6 weeks, never spoke');
    expect(e.nextStep).toMatchObject({ kind: 'call', minutes: 20 });
    expect(e.score).toEqual(scoreHistory(h, NOW, config));
    expect(e.balance).toEqual({ offlineRatio: 0, liveRatio: 0 });
    expect(e.lastRealConversationAt).toBeNull();
    expect(e.lastTouchAt).toBe(NOW - 2 * DAY_MS);
    expect(e.knownSince).toBe(NOW - 60 * DAY_MS);
    expect(e.daysStuck).toBe(42);
  });

  it('counts days stuck from the first touch after the last offline one', () => {
    const h = history([touch(NOW, 300, 'email'), touch(NOW, 250, 'reaction'), ...chatty]);
    const e = evaluate(h, NOW, config);
    expect(e.flags.stuckOnline).toBe(true);
    expect(e.daysStuck).toBe(250);
    expect(e.lastRealConversationAt).toBe(NOW - 300 * DAY_MS);
    expect(e.knownSince).toBe(NOW - 300 * DAY_MS);
  });

  it('reports 0 days stuck when not stuck', () => {
    expect(evaluate(history([touch(NOW, 3, 'message')]), NOW, config).daysStuck).toBe(0);
  });

  it('is total and self-consistent on any history (property)', () => {
    fc.assert(
      fc.property(nowAndHistoryArb, ({ now, history: h }) => {
        const e = evaluate(h, now, config);
        expect(e.reason.length).toBeGreaterThan(0);
        expect(e.nextStep.why.length).toBeGreaterThan(0);
        if (!e.flags.stuckOnline) expect(e.daysStuck).toBe(0);
        expect(Number.isInteger(e.daysStuck) && e.daysStuck >= 0).toBe(true);
        if (e.lastRealConversationAt !== null)
          expect(e.lastTouchAt).toBeGreaterThanOrEqual(e.lastRealConversationAt);
        if (e.knownSince !== null && e.lastTouchAt !== null)
          expect(e.knownSince).toBeLessThanOrEqual(e.lastTouchAt);
      }),
    );
  });
});
