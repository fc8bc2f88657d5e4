import { describe, expect, it } from 'vitest';
import { funnelOf } from '../../core/funnel.js';
import type { Insights } from '../../services/insights.service.js';
import { formatDays, formatInsights, formatShare } from './insights.format.js';

describe('insights formatting', () => {
  it('shows a share with the counts behind it, and days to one decimal', () => {
    expect(formatShare(21, 50)).toBe('42% (21 of 50)');
    expect(formatShare(0, 0)).toBe('– (0 of 0)');
    expect(formatDays(25.5)).toBe('25.5');
    expect(formatDays(7)).toBe('7');
    expect(formatDays(2 / 3)).toBe('0.7');
    expect(formatDays(null)).toBe('–');
  });

  it('says plainly when there is nothing yet, instead of printing 0%', () => {
    const none = { closed: 0, won: 0, lost: 0, winRate: null, medianCycleDays: null };
    const empty: Insights = {
      now: 0,
      people: 0,
      notOnLadder: 0,
      funnel: funnelOf([]),
      by: null,
      groups: null,
      offlineByMonth: [],
      candidates: [],
      deals: { all: none, withLive: none, withoutLive: none },
    };
    const text = formatInsights(empty);
    expect(text).toMatch(/Funnel: 0 of 0 people on the ladder/);
    expect(text).toMatch(/engaged online\s+0\s+0\s+– \(0 of 0\)\s+–/);
    expect(text).toMatch(/no one-to-one or group touches yet/);
    expect(text).toMatch(/no closed deals yet/);
    expect(text).not.toMatch(/0%/);
  });
});
