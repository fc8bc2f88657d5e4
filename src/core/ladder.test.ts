import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORE_CONFIG as config } from './config.js';
import {
  channelLabel,
  channelNoun,
  isLive,
  isOffline,
  isPlatform,
  isRelational,
  networkLabel,
  stepLabel,
  tierOf,
  weightOf,
} from './ladder.js';
import { CHANNELS } from './types.js';

describe('tiers', () => {
  it('puts every channel on its rung', () => {
    expect(CHANNELS.map(tierOf)).toEqual(['none', 'C', 'C', 'C', 'B', 'A', 'A', 'A']);
    expect(CHANNELS.filter(isLive)).toEqual(['call', 'video', 'in_person']);
    expect(CHANNELS.filter(isOffline)).toEqual(['email', 'call', 'video', 'in_person']);
    expect(CHANNELS.filter(isPlatform)).toEqual(['reaction', 'comment', 'message']);
  });
});

describe('weightOf', () => {
  it('halves a group touch and zeroes broadcasts and one-to-many touches', () => {
    expect(weightOf({ channel: 'message', audience: 'one_to_one' }, config)).toBe(config.weights.message);
    expect(weightOf({ channel: 'message', audience: 'group' }, config)).toBe(config.weights.message / 2);
    expect(weightOf({ channel: 'comment', audience: 'one_to_many' }, config)).toBe(0);
    expect(weightOf({ channel: 'broadcast', audience: 'one_to_one' }, config)).toBe(0);
    expect(isRelational({ channel: 'broadcast', audience: 'one_to_one' })).toBe(false);
    expect(isRelational({ channel: 'reaction', audience: 'group' })).toBe(true);
  });

  it('never decreases up the ladder', () => {
    const ws = CHANNELS.map((channel) => weightOf({ channel, audience: 'one_to_one' }, config));
    for (let i = 1; i < ws.length; i++) expect(ws[i]).toBeGreaterThan(ws[i - 1] ?? 0);
  });
});

describe('labels', () => {
  it('names channels, networks and steps in words', () => {
    expect(channelNoun('message', 1, 'linkedin')).toBe('LinkedIn message');
    expect(channelNoun('message', 11, 'linkedin')).toBe('LinkedIn messages');
    expect(channelNoun('reaction', 2, 'whatsapp')).toBe('WhatsApp reactions');
    expect(channelNoun('email', 2, 'email')).toBe('emails');
    expect(channelNoun('video', 1, 'skype')).toBe('video call');
    expect(channelNoun('message', 0)).toBe('messages');
    expect(channelLabel('in_person')).toBe('in person');
    expect(networkLabel('linkedin')).toBe('LinkedIn');
    expect(stepLabel('coffee')).toBe('coffee');
    expect(stepLabel('follow_up')).toBe('follow-up');
  });
});
