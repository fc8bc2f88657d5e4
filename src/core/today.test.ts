import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRapportError } from '../errors.js';
import { DAY_MS } from './duration.js';
import { NOW } from './test-arbitraries.js';
import { bucketOf, DORMANT_WORTH_REVIVING, rankToday, type TodayCandidate } from './today.js';
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

function evaluation(f: Fake): Evaluation {
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
