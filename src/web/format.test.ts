import { describe, expect, it } from 'vitest';
import { ago, isOffline, networkName, percent, settingLabel } from './format.js';

const NOW = Date.UTC(2026, 10, 29, 12);
const DAY = 86_400_000;

describe('web formatting', () => {
  it('says how long ago in words a person reads at a glance', () => {
    expect(ago(null, NOW)).toBe('never');
    expect(ago(NOW - 3_600_000, NOW)).toBe('today');
    expect(ago(NOW - DAY, NOW)).toBe('yesterday');
    expect(ago(NOW - 5 * DAY, NOW)).toBe('5 days ago');
    expect(ago(NOW - 35 * DAY, NOW)).toBe('5 weeks ago');
    expect(ago(NOW - 200 * DAY, NOW)).toBe('7 months ago');
    expect(ago(NOW - 1000 * DAY, NOW)).toBe('3 years ago');
    expect(ago(NOW + DAY, NOW)).toBe('upcoming');
  });

  it('shows unknown ratios as a dash, never NaN', () => {
    expect(percent(null)).toBe('–');
    expect(percent(Number.NaN)).toBe('–');
    expect(percent(0.125)).toBe('13%');
  });

  it('puts only real conversations in the offline lane', () => {
    expect(['message', 'reaction', 'comment', 'broadcast'].some(isOffline)).toBe(false);
    expect(['email', 'call', 'video', 'in_person'].every(isOffline)).toBe(true);
    expect(networkName('twitter')).toBe('Twitter/X');
    expect(networkName('quora')).toBe('quora');
  });

  it('names settings in words, keeping the key for the tooltip', () => {
    expect(settingLabel('halfLifeDays')).toBe('half life days');
    expect(settingLabel('cadenceDays.prospect')).toBe('prospect');
    expect(settingLabel('weights.in_person')).toBe('in person');
    expect(settingLabel('stuck.maxOfflineRatio')).toBe('max offline ratio');
  });
});
