import { DAY_MS } from './duration.js';
import { type HistoryFacts, historyFacts } from './facts.js';
import { isLive, isOffline, weightOf } from './ladder.js';
import type { Balance, PersonHistory, Score, ScoreConfig, Touch } from './types.js';

/** 2^(−(later−earlier)/H): the weight left to a touch at `earlier` seen from `later`; never throws. */
export function decay(earlier: number, later: number, config: ScoreConfig): number {
  return 2 ** (-(later - earlier) / (config.halfLifeDays * DAY_MS));
}

/**
 * Length factor m = clamp(log(1+len)/log(1+L_ref), 0.5, 1), L_ref in minutes for live channels
 * and words for text; 1 when the length is unknown, negative or not a number, and for reactions
 * and broadcasts. Never throws.
 */
export function lengthFactor(touch: Pick<Touch, 'channel' | 'length'>, config: ScoreConfig): number {
  const len = touch.length;
  if (touch.channel === 'reaction' || touch.channel === 'broadcast') return 1;
  if (len === null || !Number.isFinite(len) || len < 0) return 1;
  const ref = isLive(touch.channel) ? config.liveReferenceMinutes : config.textReferenceWords;
  return Math.min(1, Math.max(0.5, Math.log1p(len) / Math.log1p(ref)));
}

/** w·m of a touch, before decay; 0 for broadcasts and one-to-many touches. Never throws. */
export function touchValue(touch: Touch, config: ScoreConfig): number {
  return weightOf(touch, config) * lengthFactor(touch, config);
}

/** Decayed engagement E at `now`; never throws. */
function engagementOf(facts: HistoryFacts, now: number, config: ScoreConfig): number {
  let e = 0;
  for (const t of facts.touches) e += touchValue(t, config) * decay(t.at, now, config);
  return e;
}

/**
 * Reciprocity R = 1 − |out − in|/(out + in) on decayed counts, 'mutual' counting as both.
 * The 180-day window is left to the decay (a touch 180 days old counts ¼) instead of a hard
 * cut: with a cut, R jumps up when an old one-sided touch drops out, and the score would rise
 * with no new events. Counts decay from the last touch rather than from `now` (same ratio), so
 * R stays exactly still while nothing new happens.
 */
function reciprocityOf(facts: HistoryFacts, config: ScoreConfig): number {
  const ref = facts.lastTouchAt;
  if (ref === null) return 0;
  let inbound = 0;
  let outbound = 0;
  for (const t of facts.touches) {
    const d = decay(t.at, ref, config);
    if (t.direction !== 'out') inbound += d;
    if (t.direction !== 'in') outbound += d;
  }
  const total = inbound + outbound;
  return total > 0 ? 1 - Math.abs(outbound - inbound) / total : 0;
}

/**
 * Tenure D = min(1, ln(1 + days)/ln(1 + cap)) where days run from knownSince to the last touch:
 * a relationship's length is what it lasted, so it neither grows in silence nor is forgotten.
 */
function tenureOf(facts: HistoryFacts, config: ScoreConfig): number {
  if (facts.knownSince === null || facts.lastTouchAt === null) return 0;
  const days = Math.max(0, facts.lastTouchAt - facts.knownSince) / DAY_MS;
  return Math.min(1, Math.log1p(days) / Math.log1p(config.tenureCapDays));
}

/** The score from precomputed facts (see scoreHistory); never throws. */
export function scoreFromFacts(
  history: PersonHistory,
  facts: HistoryFacts,
  now: number,
  config: ScoreConfig,
): Score {
  const engagement = engagementOf(facts, now, config);
  const terms = {
    engagement,
    intensity: 1 - Math.exp(-engagement / 2),
    reciprocity: reciprocityOf(facts, config),
    tenure: tenureOf(facts, config),
    structure: Math.min(1, Math.max(0, history.mutualContacts) / config.structureCap),
  };
  const tw = config.termWeights;
  const contributions = {
    intensity: 100 * tw.intensity * terms.intensity,
    reciprocity: 100 * tw.reciprocity * terms.reciprocity,
    tenure: 100 * tw.tenure * terms.tenure,
    structure: 100 * tw.structure * terms.structure,
  };
  const sum =
    contributions.intensity + contributions.reciprocity + contributions.tenure + contributions.structure;
  return { strength: Math.min(100, Math.max(0, sum)), terms, contributions };
}

/**
 * Tie strength at `now` per DESIGN.md: 100·(0.50·I + 0.20·R + 0.15·D + 0.15·S) with every term
 * and its contribution. Touches after `now` are ignored. Never throws.
 */
export function scoreHistory(history: PersonHistory, now: number, config: ScoreConfig): Score {
  return scoreFromFacts(history, historyFacts(history, now), now, config);
}

/** Balance from precomputed facts (see balanceOf); never throws. */
export function balanceFromFacts(facts: HistoryFacts, now: number, config: ScoreConfig): Balance {
  const from = now - config.balanceWindowDays * DAY_MS;
  let all = 0;
  let offline = 0;
  let live = 0;
  for (const t of facts.touches) {
    if (t.at < from) continue;
    const v = touchValue(t, config) * decay(t.at, now, config);
    all += v;
    if (isOffline(t.channel)) offline += v;
    if (isLive(t.channel)) live += v;
  }
  return all > 0
    ? { offlineRatio: offline / all, liveRatio: live / all }
    : { offlineRatio: null, liveRatio: null };
}

/**
 * Offline ratio (decayed w·m of tier A+B over all) and live ratio (tier A over all) within the
 * balance window before `now`; both null when there is nothing. Never throws.
 */
export function balanceOf(history: PersonHistory, now: number, config: ScoreConfig): Balance {
  return balanceFromFacts(historyFacts(history, now), now, config);
}
