import { RapportError } from '../errors.js';
import { DAY_MS } from './duration.js';
import type { Evaluation, RelationshipType } from './types.js';

/** Why a person is on today's list; buckets are listed in this order. */
export type TodayBucket = 'stuck' | 'overdue' | 'dormant';

/** The part of an evaluation that ranking reads: small enough to store per person and load in bulk. */
export interface RankInputs {
  flags: Evaluation['flags'];
  score: { strength: number; terms: { tenure: number } };
  balance: { offlineRatio: number | null };
  daysStuck: number;
  lastRealConversationAt: number | null;
  knownSince: number | null;
  lastTouchAt: number | null;
}

/** The rank inputs of an evaluation, and nothing else. Never throws. */
export function rankInputsOf(e: Evaluation): RankInputs {
  return {
    flags: e.flags,
    score: { strength: e.score.strength, terms: { tenure: e.score.terms.tenure } },
    balance: { offlineRatio: e.balance.offlineRatio },
    daysStuck: e.daysStuck,
    lastRealConversationAt: e.lastRealConversationAt,
    knownSince: e.knownSince,
    lastTouchAt: e.lastTouchAt,
  };
}

/** One person offered to rankToday, with what ranking needs beside their evaluation. */
export interface TodayCandidate<Id = string> {
  id: Id;
  evaluation: RankInputs;
  relationshipType: RelationshipType;
  hasOpenDeal: boolean;
}

/** One line of Today: the candidate with its bucket and the keys it was ranked by. */
export interface TodayItem<Id = string> extends TodayCandidate<Id> {
  bucket: TodayBucket;
  /** 0 open deal, 1 prospect or client, 2 partner, 3 anyone else: lower comes first. */
  valueRank: number;
  /** Strength not yet taken offline: strength × (1 − offline ratio). */
  strengthGap: number;
  /** Days stuck (stuck), since the last offline touch or since known (overdue), since the last touch (dormant). */
  urgencyDays: number;
}

/**
 * A dormant person is worth reviving when the tie lasted (tenure term at least minTenure, about
 * six weeks from first to last touch) or is still strong (strength at least minStrength).
 */
export const DORMANT_WORTH_REVIVING = { minTenure: 0.5, minStrength: 20 } as const;

/** Strength gaps are compared in bands of this many points, so days stuck can still decide. */
export const STRENGTH_GAP_BAND = 10;

const BUCKET_ORDER: Record<TodayBucket, number> = { stuck: 0, overdue: 1, dormant: 2 };

/** The Today bucket of an evaluation: stuck, else overdue, else dormant worth reviving, else null. Never throws. */
export function bucketOf(evaluation: RankInputs): TodayBucket | null {
  const { flags, score } = evaluation;
  if (flags.stuckOnline) return 'stuck';
  if (flags.overdue) return 'overdue';
  const worth =
    score.terms.tenure >= DORMANT_WORTH_REVIVING.minTenure ||
    score.strength >= DORMANT_WORTH_REVIVING.minStrength;
  return flags.dormant && worth ? 'dormant' : null;
}

/** Value rank: 0 open deal, 1 prospect or client, 2 partner, 3 anyone else. Never throws. */
export function valueRankOf(
  candidate: Pick<TodayCandidate<unknown>, 'hasOpenDeal' | 'relationshipType'>,
): number {
  if (candidate.hasOpenDeal) return 0;
  const type = candidate.relationshipType;
  if (type === 'prospect' || type === 'client') return 1;
  return type === 'partner' ? 2 : 3;
}

function urgencyDays(bucket: TodayBucket, e: RankInputs, now: number): number {
  if (bucket === 'stuck') return e.daysStuck;
  const since = bucket === 'overdue' ? (e.lastRealConversationAt ?? e.knownSince) : e.lastTouchAt;
  return since === null ? 0 : Math.max(0, Math.floor((now - since) / DAY_MS));
}

function compareItems<Id>(a: TodayItem<Id>, b: TodayItem<Id>): number {
  return (
    BUCKET_ORDER[a.bucket] - BUCKET_ORDER[b.bucket] ||
    a.valueRank - b.valueRank ||
    Math.floor(b.strengthGap / STRENGTH_GAP_BAND) - Math.floor(a.strengthGap / STRENGTH_GAP_BAND) ||
    b.urgencyDays - a.urgencyDays
  );
}

/**
 * Today's list: flagged people only, stuck online first, then overdue, then dormant worth
 * reviving; within a bucket by value (open deal, prospect/client, partner, other), then strength
 * gap (in bands), then days stuck or overdue; ties keep input order. At most `limit` items.
 * Throws RapportError 'input.invalid' when `limit` is negative or not a whole number.
 */
export function rankToday<Id>(
  candidates: readonly TodayCandidate<Id>[],
  now: number,
  limit: number,
): TodayItem<Id>[] {
  if (!(limit >= 0) || (Number.isFinite(limit) && !Number.isInteger(limit))) {
    throw new RapportError(
      'input.invalid',
      `The Today limit must be a whole number of 0 or more (got ${limit}).`,
      {
        key: 'limit',
      },
    );
  }
  const items: TodayItem<Id>[] = [];
  for (const candidate of candidates) {
    const bucket = bucketOf(candidate.evaluation);
    if (bucket === null) continue;
    const e = candidate.evaluation;
    items.push({
      ...candidate,
      bucket,
      valueRank: valueRankOf(candidate),
      strengthGap: e.score.strength * (1 - (e.balance.offlineRatio ?? 0)),
      urgencyDays: urgencyDays(bucket, e, now),
    });
  }
  // Array.prototype.sort is stable, so equal items keep the caller's order. A short list of a
  // long book only needs its head: keep the best `limit` in one pass instead of sorting all.
  if (limit === 0) return [];
  if (limit * 8 >= items.length) return items.sort(compareItems).slice(0, limit);
  const best: TodayItem<Id>[] = [];
  for (const item of items) {
    if (best.length === limit && compareItems(item, best[best.length - 1]!) >= 0) continue;
    let at = best.length;
    while (at > 0 && compareItems(item, best[at - 1]!) < 0) at--;
    best.splice(at, 0, item);
    if (best.length > limit) best.pop();
  }
  return best;
}
