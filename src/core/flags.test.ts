import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORE_CONFIG as config } from './config.js';
import { DAY_MS } from './duration.js';
import { flagsOf } from './flags.js';
import { history, NOW, nowAndHistoryArb, stuckishArb, touch, touchArb } from './test-arbitraries.js';
import type { Touch } from './types.js';

/** 11 LinkedIn messages over the last 6 weeks, 3 of them inbound; connected 60 days ago. */
function chatty(): Touch[] {
  return Array.from({ length: 11 }, (_, i) =>
    touch(NOW, 42 - i * 4, 'message', { direction: i % 4 ? 'out' : 'in' }),
  );
}
const connected60 = { connectedAt: NOW - 60 * DAY_MS };

describe('stuck online', () => {
  it('flags a chatty relationship that never left the platform', () => {
    expect(flagsOf(history(chatty(), connected60), NOW, config).stuckOnline).toBe(true);
  });

  it('clears on a call within 180 days, but not one older', () => {
    const recentCall = history([...chatty(), touch(NOW, 179, 'call')], connected60);
    expect(flagsOf(recentCall, NOW, config).stuckOnline).toBe(false);
    const oldCall = history([...chatty(), touch(NOW, 181, 'call')], connected60);
    expect(flagsOf(oldCall, NOW, config).stuckOnline).toBe(true);
  });

  it('clears once the offline ratio reaches 0.15', () => {
    const oneEmail = history([...chatty(), touch(NOW, 0, 'email')], connected60);
    expect(flagsOf(oneEmail, NOW, config).stuckOnline).toBe(true);
    const twoEmails = history([...chatty(), touch(NOW, 0, 'email'), touch(NOW, 1, 'email')], connected60);
    expect(flagsOf(twoEmails, NOW, config).stuckOnline).toBe(false);
  });

  it('needs 5 touches in 90 days, 2 inbound, and 30 days known', () => {
    const four = chatty()
      .slice(-4)
      .concat(touch(NOW, 91, 'message', { direction: 'in' }));
    expect(flagsOf(history(four, connected60), NOW, config).stuckOnline).toBe(false);
    const oneIn = chatty().map((t, i) => ({ ...t, direction: i === 0 ? ('in' as const) : ('out' as const) }));
    expect(flagsOf(history(oneIn, connected60), NOW, config).stuckOnline).toBe(false);
    const mutual = oneIn.map((t, i) => (i === 1 ? { ...t, direction: 'mutual' as const } : t));
    expect(flagsOf(history(mutual, connected60), NOW, config).stuckOnline).toBe(true);
    const fresh = chatty().filter((t) => t.at > NOW - 29 * DAY_MS);
    expect(flagsOf(history(fresh), NOW, config).stuckOnline).toBe(false);
  });
});

describe('dormant', () => {
  it('is set after more than 180 days without any touch', () => {
    expect(flagsOf(history([touch(NOW, 181, 'message')]), NOW, config).dormant).toBe(true);
    expect(flagsOf(history([touch(NOW, 180, 'message')]), NOW, config).dormant).toBe(false);
    expect(flagsOf(history([], { connectedAt: NOW - 999 * DAY_MS }), NOW, config).dormant).toBe(false);
  });
});

describe('overdue', () => {
  const prospect = { relationshipType: 'prospect' as const };
  it('counts the cadence of the relationship type from the last tier A or B touch', () => {
    expect(flagsOf(history([touch(NOW, 22, 'email')], prospect), NOW, config).overdue).toBe(true);
    expect(flagsOf(history([touch(NOW, 20, 'call')], prospect), NOW, config).overdue).toBe(false);
  });

  it('is not reset by likes or messages', () => {
    const h = history(
      [touch(NOW, 22, 'email'), touch(NOW, 0, 'reaction'), touch(NOW, 0, 'message')],
      prospect,
    );
    expect(flagsOf(h, NOW, config).overdue).toBe(true);
  });

  it('prefers the person cadence; a null cadence is never overdue', () => {
    expect(
      flagsOf(history([touch(NOW, 22, 'email')], { ...prospect, cadenceDays: 60 }), NOW, config).overdue,
    ).toBe(false);
    expect(flagsOf(history([touch(NOW, 900, 'email')]), NOW, config).overdue).toBe(false);
  });

  it('counts from when they became known if they never left the platform', () => {
    const since = (days: number) =>
      history([touch(NOW, 1, 'message')], { ...prospect, connectedAt: NOW - days * DAY_MS });
    expect(flagsOf(since(25), NOW, config).overdue).toBe(true);
    expect(flagsOf(since(15), NOW, config).overdue).toBe(false);
  });
});

describe('stuck online properties (DESIGN.md)', () => {
  const tierA = (now: number) =>
    touchArb(now, 180, ['call', 'video', 'in_person']).map((t) => ({
      ...t,
      audience: t.audience === 'one_to_many' ? ('one_to_one' as const) : t.audience,
    }));

  it('is cleared by any tier A event in the last 180 days', () => {
    const arb = fc
      .oneof(nowAndHistoryArb, stuckishArb)
      .chain(({ now, history: h }) => tierA(now).map((live) => ({ now, h, live })));
    fc.assert(
      fc.property(arb, ({ now, h, live }) => {
        expect(flagsOf({ ...h, touches: [...h.touches, live] }, now, config).stuckOnline).toBe(false);
      }),
    );
  });

  it('is never cleared by adding likes', () => {
    const arb = stuckishArb.chain(({ now, history: h }) =>
      fc
        .array(touchArb(now + 30 * DAY_MS, 2000, ['reaction']), { minLength: 1, maxLength: 10 })
        .map((likes) => ({ now, h, likes })),
    );
    fc.assert(
      fc.property(arb, ({ now, h, likes }) => {
        fc.pre(flagsOf(h, now, config).stuckOnline);
        expect(flagsOf({ ...h, touches: [...h.touches, ...likes] }, now, config).stuckOnline).toBe(true);
      }),
    );
  });
});
