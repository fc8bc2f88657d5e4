import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORE_CONFIG as config } from './config.js';
import { DAY_MS } from './duration.js';
import { describeChannels, describeTouches, reasonFor } from './reason.js';
import { history, NOW, touch } from './test-arbitraries.js';
import type { PersonHistory, Touch } from './types.js';

const reason = (touches: Touch[], more: Partial<PersonHistory> = {}) =>
  reasonFor(history(touches, more), NOW, config);
const chatty = Array.from({ length: 11 }, (_, i) =>
  touch(NOW, 42 - i * 4, 'message', { direction: i % 4 ? 'out' : 'in' }),
);
const known = { connectedAt: NOW - 60 * DAY_MS };

describe('reasonFor', () => {
  it('explains stuck online', () => {
    expect(reason(chatty, known)).toBe('11 LinkedIn messages over 6 weeks, never spoke');
    expect(reason([...chatty, touch(NOW, 200, 'call')], known)).toBe(
      '11 LinkedIn messages over 6 weeks, last spoke 7 months ago',
    );
  });

  it('explains overdue, naming whose cadence', () => {
    const prospect = { relationshipType: 'prospect' as const };
    expect(reason([touch(NOW, 45, 'email'), touch(NOW, 1, 'reaction')], prospect)).toBe(
      'no offline touch in 6 weeks; cadence for prospects is 21 days',
    );
    expect(reason([touch(NOW, 45, 'email')], { ...prospect, cadenceDays: 1 })).toBe(
      'no offline touch in 6 weeks; your cadence for them is 1 day',
    );
    expect(
      reason([touch(NOW, 3, 'message')], { relationshipType: 'client', connectedAt: NOW - 70 * DAY_MS }),
    ).toBe('no offline touch in the 2 months you have known them; cadence for clients is 30 days');
  });

  it('explains dormant', () => {
    expect(reason([touch(NOW, 213, 'in_person')])).toBe('last real conversation 7 months ago (in person)');
    expect(reason([touch(NOW, 400, 'in_person'), touch(NOW, 213, 'message')])).toBe(
      'quiet for 7 months; last real conversation 1 year ago (in person)',
    );
    expect(reason([touch(NOW, 213, 'message')])).toBe('quiet for 7 months; never left the platform');
  });

  it('describes an unflagged person', () => {
    expect(reason([])).toBe('no interactions yet');
    expect(reason([touch(NOW, 21, 'video')])).toBe('last real conversation 3 weeks ago (video call)');
    expect(reason([touch(NOW, 2, 'message')])).toBe('last touch 2 days ago; never left the platform');
  });
});

describe('describeTouches and describeChannels', () => {
  it('counts kinds, most frequent first, naming platforms', () => {
    expect(describeTouches([touch(NOW, 1, 'message')])).toBe('1 LinkedIn message');
    const many = [
      ...[1, 2, 3].map(() => touch(NOW, 1, 'message')),
      ...[1, 2].map(() => touch(NOW, 1, 'comment', { network: 'twitter' })),
      touch(NOW, 1, 'email', { network: 'email' }),
      touch(NOW, 1, 'reaction'),
      touch(NOW, 1, 'reaction', { network: 'facebook' }),
    ];
    expect(describeTouches(many)).toBe('3 LinkedIn messages, 2 Twitter comments, 1 email and 2 more touches');
    expect(describeTouches([])).toBe('no touches');
    expect(describeChannels({ message: 14, reaction: 3, call: 0 })).toBe('14 messages and 3 reactions');
  });
});
