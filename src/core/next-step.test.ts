import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORE_CONFIG as config } from './config.js';
import { CHATTY_INBOUND_MESSAGES, nextStepFor } from './next-step.js';
import { history, NOW, touch } from './test-arbitraries.js';
import type { PersonHistory, Touch } from './types.js';

const step = (touches: Touch[], more: Partial<PersonHistory> = {}) =>
  nextStepFor(history(touches, more), NOW, config);
const inbound = (n: number) =>
  Array.from({ length: n }, (_, i) => touch(NOW, i + 1, 'message', { direction: 'in' }));

describe('nextStepFor', () => {
  it('starts with an email when there is nothing yet', () => {
    expect(step([])).toEqual({
      kind: 'email',
      minutes: null,
      why: 'no conversation yet; an email is the first step off the platform',
    });
  });

  it('suggests an email after platform touches only', () => {
    const s = step([...inbound(CHATTY_INBOUND_MESSAGES - 1), touch(NOW, 3, 'reaction')]);
    expect(s.kind).toBe('email');
    expect(s.why).toBe(
      'only platform touches so far (2 messages and 1 reaction); an email is the first step off the platform',
    );
  });

  it('suggests a 20-minute call when they already chat inbound', () => {
    const s = step(inbound(CHATTY_INBOUND_MESSAGES));
    expect(s).toMatchObject({ kind: 'call', minutes: 20 });
    expect(s.why).toContain('they sent 3 messages in the last 3 months');
  });

  it('does not count group or old messages as chatting', () => {
    const group = inbound(3).map((t) => ({ ...t, audience: 'group' as const }));
    expect(step(group).kind).toBe('email');
    expect(step(inbound(3).map((t) => ({ ...t, at: t.at - 100 * 86_400_000 }))).kind).toBe('email');
  });

  it('suggests a 30-minute video call after emails without a live conversation', () => {
    expect(step([touch(NOW, 10, 'email'), touch(NOW, 5, 'email')])).toEqual({
      kind: 'video',
      minutes: 30,
      why: 'emailed (2 emails) but never spoke live; a 30-minute video call is the next rung',
    });
  });

  it('suggests coffee after calls only in the same city, else video', () => {
    const calls = [touch(NOW, 10, 'call'), touch(NOW, 40, 'video')];
    expect(step(calls, { sameCity: true })).toEqual({
      kind: 'coffee',
      minutes: 45,
      why: 'spoke live (1 video call and 1 call) but never met, and you are in the same city; meet for a 45-minute coffee',
    });
    expect(step(calls, { sameCity: false })).toMatchObject({ kind: 'video', minutes: 30 });
    expect(step(calls, { sameCity: false }).why).toContain('you are not in the same city');
    expect(step(calls, { sameCity: null }).why).toContain('their city is not known');
  });

  it('suggests a follow-up after a recent meeting, a reconnect once dormant', () => {
    expect(step([touch(NOW, 21, 'in_person')])).toEqual({
      kind: 'follow_up',
      minutes: 30,
      why: 'met in person 3 weeks ago; follow up to keep it going',
    });
    expect(step([touch(NOW, 400, 'in_person'), touch(NOW, 213, 'message')])).toEqual({
      kind: 'reconnect',
      minutes: 30,
      why: 'met in person 1 year ago, quiet for 7 months; reconnect before the tie lapses',
    });
  });
});
