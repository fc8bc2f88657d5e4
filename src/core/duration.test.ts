import { describe, expect, it } from 'vitest';
import { ago, DAY_MS, daysBetween, humanizeDuration, plural } from './duration.js';

describe('humanizeDuration', () => {
  it.each([
    [0, 'less than a day'],
    [0.5, 'less than a day'],
    [1, '1 day'],
    [13.9, '13 days'],
    [14, '2 weeks'],
    [45, '6 weeks'],
    [61, '2 months'],
    [213, '7 months'],
    [364, '12 months'],
    [365, '1 year'],
    [600, '2 years'],
    [5 * 365.25, '5 years'],
    [-45, '6 weeks'],
  ])('%d days → %s', (days, words) => {
    expect(humanizeDuration(days * DAY_MS)).toBe(words);
  });
});

describe('plural and ago', () => {
  it('pluralises only when the count is not 1', () => {
    expect(plural(1, 'message')).toBe('1 message');
    expect(plural(0, 'message')).toBe('0 messages');
    expect(plural(11, 'message')).toBe('11 messages');
    expect(plural(2, 'reply', 'replies')).toBe('2 replies');
  });

  it('says how long ago', () => {
    expect(ago(0, 213 * DAY_MS)).toBe('7 months ago');
    expect(ago(0, DAY_MS / 2)).toBe('today');
    expect(daysBetween(0, 3 * DAY_MS)).toBe(3);
  });
});
