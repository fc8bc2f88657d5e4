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
  /** When the current online-only streak began (the first touch after the last offline one); null when none. */
  onlineStreakStartAt: number | null;
  lastRealConversationAt: number | null;
  knownSince: number | null;
  lastTouchAt: number | null;
}

/**
 * The rank inputs of an evaluation, and nothing else; `onlineStreakStartAt` is the history
 * fact the evaluation's daysStuck was counted from (core/facts.ts). Never throws.
 */
export function rankInputsOf(e: Evaluation, onlineStreakStartAt: number | null): RankInputs {
  return {
    flags: e.flags,
    score: { strength: e.score.strength, terms: { tenure: e.score.terms.tenure } },
    balance: { offlineRatio: e.balance.offlineRatio },
    daysStuck: e.daysStuck,
    onlineStreakStartAt,
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
  /** Whole days since urgencySinceOf (0 when unknown or in the future). */
  urgencyDays: number;
}

/**
 * A dormant person is worth reviving when the tie lasted (tenure term at least minTenure, about
 * six weeks from first to last touch) or is still strong (strength at least minStrength).
 */
export const DORMANT_WORTH_REVIVING = { minTenure: 0.5, minStrength: 20 } as const;

/** Strength gaps are compared in bands of this many points, so days stuck can still decide. */
export const STRENGTH_GAP_BAND = 10;

/** The buckets in Today's order; a bucket's index is the number the store orders by (today_bucket). */
export const TODAY_BUCKETS: readonly TodayBucket[] = ['stuck', 'overdue', 'dormant'];

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

/**
 * The instant a bucket's urgency counts from: the start of the online streak (stuck), the last
 * real conversation or else since known (overdue), the last touch (dormant); null when unknown.
 * Never throws.
 */
export function urgencySinceOf(bucket: TodayBucket, e: RankInputs): number | null {
  if (bucket === 'stuck') return e.onlineStreakStartAt;
  return bucket === 'overdue' ? (e.lastRealConversationAt ?? e.knownSince) : e.lastTouchAt;
}

/** Whole days from `since` to `now`: floor((now − since) / day), 0 when unknown or not yet past. Never throws. */
export function urgencyDaysAt(since: number | null, now: number): number {
  return since === null || since >= now ? 0 : Math.floor((now - since) / DAY_MS);
}

/** The strength-gap band: floor(strength × (1 − offline ratio) / STRENGTH_GAP_BAND). Never throws. */
export function gapBandOf(e: RankInputs): number {
  return Math.floor(strengthGapOf(e) / STRENGTH_GAP_BAND);
}

function strengthGapOf(e: RankInputs): number {
  return e.score.strength * (1 - (e.balance.offlineRatio ?? 0));
}

/**
 * What a database orders Today by, stored beside each evaluation: the bucket as BUCKET_ORDER
 * (null when not on Today), the value rank, the gap band and the instant urgency counts from.
 * Ordering by (bucket, valueRank, gapBand desc, urgencyDaysAt(urgencySince, now) desc, id)
 * is exactly rankToday's order. Never throws.
 */
export interface TodayKeys {
  bucket: number | null;
  valueRank: number;
  gapBand: number;
  urgencySince: number | null;
}

/** The stored Today keys of a candidate (see TodayKeys). Never throws. */
export function todayKeysOf(candidate: Omit<TodayCandidate<unknown>, 'id'>): TodayKeys {
  const e = candidate.evaluation;
  const bucket = bucketOf(e);
  return {
    bucket: bucket === null ? null : BUCKET_ORDER[bucket],
    valueRank: valueRankOf(candidate),
    gapBand: gapBandOf(e),
    urgencySince: bucket === null ? null : urgencySinceOf(bucket, e),
  };
}

function compareIds<Id>(a: Id, b: Id): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareItems<Id>(a: TodayItem<Id>, b: TodayItem<Id>): number {
  return (
    BUCKET_ORDER[a.bucket] - BUCKET_ORDER[b.bucket] ||
    a.valueRank - b.valueRank ||
    Math.floor(b.strengthGap / STRENGTH_GAP_BAND) - Math.floor(a.strengthGap / STRENGTH_GAP_BAND) ||
    b.urgencyDays - a.urgencyDays ||
    compareIds(a.id, b.id)
  );
}

/**
 * Today's list: flagged people only, stuck online first, then overdue, then dormant worth
 * reviving; within a bucket by value (open deal, prospect/client, partner, other), then strength
 * gap (in bands), then whole days of urgency (urgencySinceOf), then id ascending (`<` on ids),
 * so the order is total and a database can reproduce it. At most `limit` items.
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
      strengthGap: strengthGapOf(e),
      urgencyDays: urgencyDaysAt(urgencySinceOf(bucket, e), now),
    });
  }
  // A short list of a long book only needs its head: keep the best `limit` in one pass instead of sorting all.
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
