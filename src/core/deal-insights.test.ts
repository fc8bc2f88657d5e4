import { describe, expect, it } from 'vitest';
import { type DealFacts, dealInsights, hadLiveBeforeClose } from './deal-insights.js';
import { DAY_MS } from './duration.js';
import { median, rate } from './median.js';

const T0 = Date.UTC(2026, 0, 1);
const day = (n: number) => T0 + n * DAY_MS;

function deal(status: string, closeDay: number | null, liveDays: (number | null)[]): DealFacts {
  return {
    status,
    openedAt: day(0),
    closedAt: closeDay === null ? null : day(closeDay),
    people: liveDays.map((d) => ({ firstLiveAt: d === null ? null : day(d) })),
  };
}

describe('dealInsights', () => {
  // Hand-computed: every deal opened on day 0.
  //   1 won  closed d10, live d5                  → with a live conversation, 10 days
  //   2 won  closed d30, live only d40 (after)    → without, 30 days
  //   3 lost closed d20, never live               → without, 20 days
  //   4 lost closed d4, second person live d4     → with (at the close counts), 4 days
  //   5 open                                      → left out
  //   6 won  closed d6, live d1                   → with, 6 days
  const deals = [
    deal('won', 10, [5]),
    deal('won', 30, [40]),
    deal('lost', 20, [null]),
    deal('lost', 4, [null, 4]),
    deal('open', null, [1]),
    deal('won', 6, [1]),
  ];

  it('gives win rate and median cycle of all closed deals with their counts', () => {
    // Cycles 10, 30, 20, 4, 6 → sorted 4, 6, 10, 20, 30 → median 10.
    expect(dealInsights(deals).all).toEqual({
      closed: 5,
      won: 3,
      lost: 2,
      winRate: 0.6,
      medianCycleDays: 10,
    });
  });

  it('splits them by a live conversation at or before the close', () => {
    const insights = dealInsights(deals);
    // Deals 1, 4, 6: cycles 10, 4, 6 → median 6.
    expect(insights.withLive).toEqual({ closed: 3, won: 2, lost: 1, winRate: 2 / 3, medianCycleDays: 6 });
    // Deals 2, 3: cycles 30, 20 → median 25.
    expect(insights.withoutLive).toEqual({ closed: 2, won: 1, lost: 1, winRate: 0.5, medianCycleDays: 25 });
  });

  it('gives null figures, not zeros, where no deal closed', () => {
    const none = { closed: 0, won: 0, lost: 0, winRate: null, medianCycleDays: null };
    expect(dealInsights([])).toEqual({ all: none, withLive: none, withoutLive: none });
    const onlyLive = dealInsights([deal('lost', 8, [2]), deal('open', null, [])]);
    expect(onlyLive.withLive).toEqual({ closed: 1, won: 0, lost: 1, winRate: 0, medianCycleDays: 8 });
    expect(onlyLive.withoutLive).toEqual(none);
  });

  it('a live conversation after the close, or a deal with no people, does not count', () => {
    expect(hadLiveBeforeClose(deal('won', 3, [3]))).toBe(true);
    expect(hadLiveBeforeClose(deal('won', 3, [4]))).toBe(false);
    expect(hadLiveBeforeClose(deal('won', 3, []))).toBe(false);
    expect(hadLiveBeforeClose(deal('open', null, [1]))).toBe(false);
  });
});

describe('median and rate', () => {
  it('take the middle value or the mean of the middle two, and divide with nothing to divide by as null', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
    expect(rate(1, 4)).toBe(0.25);
    expect(rate(0, 0)).toBeNull();
  });
});
