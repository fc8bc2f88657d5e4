import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRapportError } from '../errors.js';
import { DAY_MS } from './duration.js';
import { NOW } from './test-arbitraries.js';
import {
  bucketOf,
  DORMANT_WORTH_REVIVING,
  type RankInputs,
  rankToday,
  TODAY_BUCKETS,
  type TodayCandidate,
  todayKeysOf,
  urgencyDaysAt,
} from './today.js';
import type { Evaluation, RelationshipType } from './types.js';

interface Fake {
  stuck?: boolean;
  overdue?: boolean;
  dormant?: boolean;
  strength?: number;
  tenure?: number;
  offlineRatio?: number | null;
  daysStuck?: number;
  lastOfflineDaysAgo?: number | null;
  lastTouchDaysAgo?: number | null;
}

function evaluation(f: Fake): Evaluation & RankInputs {
  const ago = (d: number | null | undefined) => (d === null || d === undefined ? null : NOW - d * DAY_MS);
  return {
    score: {
      strength: f.strength ?? 10,
      terms: { engagement: 0, intensity: 0, reciprocity: 0, tenure: f.tenure ?? 0, structure: 0 },
      contributions: { intensity: 0, reciprocity: 0, tenure: 0, structure: 0 },
    },
    balance: { offlineRatio: f.offlineRatio ?? null, liveRatio: null },
    flags: { stuckOnline: f.stuck ?? false, dormant: f.dormant ?? false, overdue: f.overdue ?? false },
    reason: '',
    nextStep: { kind: 'email', minutes: null, why: '' },
    lastRealConversationAt: ago(f.lastOfflineDaysAgo),
    lastTouchAt: ago(f.lastTouchDaysAgo ?? 1),
    knownSince: NOW - 1000 * DAY_MS,
    daysStuck: f.daysStuck ?? 0,
    // A streak that began daysStuck days and a few hours ago, as evaluate counts it.
    onlineStreakStartAt: f.stuck ? NOW - (f.daysStuck ?? 0) * DAY_MS - 3_600_000 : null,
  };
}

function candidate(
  id: string,
  f: Fake,
  type: RelationshipType = 'other',
  hasOpenDeal = false,
): TodayCandidate {
  return { id, evaluation: evaluation(f), relationshipType: type, hasOpenDeal };
}

const ids = (list: { id: string }[]) => list.map((c) => c.id);

describe('bucketOf', () => {
  it('takes stuck before overdue before dormant worth reviving', () => {
    expect(bucketOf(evaluation({ stuck: true, overdue: true }))).toBe('stuck');
    expect(bucketOf(evaluation({ overdue: true, dormant: true }))).toBe('overdue');
    expect(bucketOf(evaluation({ dormant: true, tenure: DORMANT_WORTH_REVIVING.minTenure }))).toBe('dormant');
    expect(bucketOf(evaluation({ dormant: true, strength: DORMANT_WORTH_REVIVING.minStrength }))).toBe(
      'dormant',
    );
    expect(bucketOf(evaluation({ dormant: true, tenure: 0.49, strength: 19 }))).toBeNull();
    expect(bucketOf(evaluation({}))).toBeNull();
  });
});

describe('rankToday', () => {
  it('lists stuck, then overdue, then dormant, leaving unflagged people out', () => {
    const list = rankToday(
      [
        candidate('dormant', { dormant: true, tenure: 0.9, lastTouchDaysAgo: 300 }),
        candidate('calm', {}),
        candidate('overdue', { overdue: true, lastOfflineDaysAgo: 40 }),
        candidate('stuck', { stuck: true, daysStuck: 20 }),
      ],
      NOW,
      10,
    );
    expect(ids(list)).toEqual(['stuck', 'overdue', 'dormant']);
    expect(list.map((i) => [i.bucket, i.urgencyDays])).toEqual([
      ['stuck', 20],
      ['overdue', 40],
      ['dormant', 300],
    ]);
  });

  it('orders a bucket by value, then strength gap band, then days', () => {
    const list = rankToday(
      [
        candidate('other-strong', { stuck: true, strength: 90 }),
        candidate('partner', { stuck: true, strength: 10 }, 'partner'),
        candidate('client', { stuck: true, strength: 10 }, 'client'),
        candidate('deal', { stuck: true, strength: 5 }, 'other', true),
        candidate('prospect-strong', { stuck: true, strength: 40, offlineRatio: 0.1 }, 'prospect'),
        candidate('prospect-long', { stuck: true, strength: 15, daysStuck: 90 }, 'prospect'),
        candidate('prospect-short', { stuck: true, strength: 19, daysStuck: 10 }, 'prospect'),
      ],
      NOW,
      Number.POSITIVE_INFINITY,
    );
    expect(ids(list)).toEqual([
      'deal',
      'prospect-strong',
      'prospect-long',
      'prospect-short',
      'client',
      'partner',
      'other-strong',
    ]);
    expect(list[1]?.strengthGap).toBeCloseTo(36, 10);
  });

  it('keeps at most `limit` items and rejects a bad limit', () => {
    const many = Array.from({ length: 8 }, (_, i) =>
      candidate(`p${i}`, { overdue: true, lastOfflineDaysAgo: i }),
    );
    expect(ids(rankToday(many, NOW, 3))).toEqual(['p7', 'p6', 'p5']);
    expect(rankToday(many, NOW, 0)).toEqual([]);
    for (const bad of [-1, 2.5, Number.NaN]) {
      try {
        rankToday(many, NOW, bad);
        expect.unreachable();
      } catch (error) {
        expect(isRapportError(error) && error.code === 'input.invalid').toBe(true);
      }
    }
  });
});

describe('rankToday ties', () => {
  it('breaks full ties by id ascending, whatever the input order', () => {
    const same = { overdue: true, lastOfflineDaysAgo: 30 };
    const list = rankToday([candidate('b', same), candidate('c', same), candidate('a', same)], NOW, 10);
    expect(ids(list)).toEqual(['a', 'b', 'c']);
  });

  it('counts urgency in whole days, so instants within the same day tie', () => {
    const since = NOW - 3 * DAY_MS;
    expect(urgencyDaysAt(since, NOW)).toBe(3);
    expect(urgencyDaysAt(since + 1, NOW)).toBe(2);
    expect(urgencyDaysAt(NOW + DAY_MS, NOW)).toBe(0);
    expect(urgencyDaysAt(null, NOW)).toBe(0);
  });

  it('counts a stuck streak from its start at `now`, not from when it was evaluated', () => {
    const e = evaluation({ stuck: true, daysStuck: 5 });
    const [item] = rankToday(
      [{ id: 'x', evaluation: e, relationshipType: 'other', hasOpenDeal: false }],
      NOW + 2 * DAY_MS,
      1,
    );
    expect(item?.urgencyDays).toBe(7);
  });
});

describe('todayKeysOf', () => {
  it('derives the stored keys rankToday orders by', () => {
    const keys = todayKeysOf({
      evaluation: evaluation({ overdue: true, strength: 47, offlineRatio: 0.2, lastOfflineDaysAgo: 12 }),
      relationshipType: 'partner',
      hasOpenDeal: false,
    });
    expect(keys).toEqual({
      bucket: TODAY_BUCKETS.indexOf('overdue'),
      valueRank: 2,
      gapBand: 3,
      urgencySince: NOW - 12 * DAY_MS,
    });
    expect(
      todayKeysOf({ evaluation: evaluation({}), relationshipType: 'client', hasOpenDeal: true }),
    ).toEqual({
      bucket: null,
      valueRank: 0,
      gapBand: 1,
      urgencySince: null,
    });
  });

  it('orders like rankToday when sorted by (bucket, value, band desc, days desc, id)', () => {
    const fakeArb = fc.record({
      stuck: fc.boolean(),
      overdue: fc.boolean(),
      dormant: fc.boolean(),
      strength: fc.integer({ min: 0, max: 60 }),
      tenure: fc.constantFrom(0, 0.6),
      daysStuck: fc.integer({ min: 0, max: 5 }),
      lastOfflineDaysAgo: fc.option(fc.integer({ min: 0, max: 5 })),
      lastTouchDaysAgo: fc.integer({ min: 0, max: 5 }),
    });
    const listArb = fc.array(
      fc.tuple(
        fakeArb,
        fc.constantFrom<RelationshipType>('client', 'prospect', 'partner', 'other'),
        fc.boolean(),
      ),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(listArb, fc.integer({ min: 0, max: 3 * DAY_MS }), (list, later) => {
        const now = NOW + later;
        const candidates = list.map(([f, type, deal], i) =>
          candidate(`p${String(i).padStart(2, '0')}`, f, type, deal),
        );
        const keyed = candidates
          .map((c) => ({ id: c.id, keys: todayKeysOf(c) }))
          .filter((c) => c.keys.bucket !== null);
        keyed.sort(
          (a, b) =>
            a.keys.bucket! - b.keys.bucket! ||
            a.keys.valueRank - b.keys.valueRank ||
            b.keys.gapBand - a.keys.gapBand ||
            urgencyDaysAt(b.keys.urgencySince, now) - urgencyDaysAt(a.keys.urgencySince, now) ||
            (a.id < b.id ? -1 : 1),
        );
        expect(keyed.map((c) => c.id)).toEqual(ids(rankToday(candidates, now, Number.POSITIVE_INFINITY)));
      }),
    );
  });
});

describe('rankToday on a long book', () => {
  it('keeps exactly the head of the full ranking when it only selects the best few', () => {
    const fakeArb = fc.record({
      stuck: fc.boolean(),
      overdue: fc.boolean(),
      dormant: fc.boolean(),
      strength: fc.integer({ min: 0, max: 100 }),
      tenure: fc.double({ min: 0, max: 1, noNaN: true }),
      daysStuck: fc.integer({ min: 0, max: 200 }),
      lastTouchDaysAgo: fc.integer({ min: 0, max: 900 }),
    });
    const listArb = fc.array(
      fc.tuple(
        fakeArb,
        fc.constantFrom<RelationshipType>('client', 'prospect', 'partner', 'other'),
        fc.boolean(),
      ),
      { maxLength: 120 },
    );
    fc.assert(
      fc.property(listArb, fc.integer({ min: 0, max: 12 }), (list, limit) => {
        const candidates = list.map(([f, type, deal], i) => candidate(`p${i}`, f, type, deal));
        const full = rankToday(candidates, NOW, Number.POSITIVE_INFINITY).slice(0, limit);
        expect(rankToday(candidates, NOW, limit).map((c) => c.id)).toEqual(full.map((c) => c.id));
      }),
    );
  });
});
