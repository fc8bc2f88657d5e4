import { DAY_MS } from './duration.js';
import { type HistoryFacts, historyFacts } from './facts.js';
import { balanceFromFacts } from './score.js';
import type { Balance, Flags, PersonHistory, ScoreConfig, Touch } from './types.js';

/** Keep-in-touch cadence in days: the person's own, else their relationship type's; null means none. Never throws. */
export function cadenceOf(
  history: Pick<PersonHistory, 'cadenceDays' | 'relationshipType'>,
  config: ScoreConfig,
): number | null {
  return history.cadenceDays ?? config.cadenceDays[history.relationshipType];
}

/** Relational touches inside the stuck window (the last `stuck.windowDays` up to `now`); never throws. */
export function stuckWindowTouches(facts: HistoryFacts, now: number, config: ScoreConfig): Touch[] {
  const from = now - config.stuck.windowDays * DAY_MS;
  return facts.touches.filter((t) => t.at >= from);
}

/**
 * Stuck online: ≥ minInteractions touches in the window with ≥ minInbound inbound ('mutual'
 * counts), offline ratio below the maximum, no tier A touch within liveWindowDays, and known
 * for at least minKnownDays. Never throws.
 */
export function isStuckOnline(
  facts: HistoryFacts,
  balance: Balance,
  now: number,
  config: ScoreConfig,
): boolean {
  const s = config.stuck;
  const recent = stuckWindowTouches(facts, now, config);
  if (recent.length < s.minInteractions) return false;
  if (recent.filter((t) => t.direction !== 'out').length < s.minInbound) return false;
  if (balance.offlineRatio === null || balance.offlineRatio >= s.maxOfflineRatio) return false;
  if (facts.lastLiveAt !== null && facts.lastLiveAt >= now - s.liveWindowDays * DAY_MS) return false;
  return facts.knownSince !== null && now - facts.knownSince >= s.minKnownDays * DAY_MS;
}

/** Dormant: at least one touch, and none for more than dormantDays before `now`. Never throws. */
export function isDormant(facts: HistoryFacts, now: number, config: ScoreConfig): boolean {
  return facts.lastTouchAt !== null && now - facts.lastTouchAt > config.dormantDays * DAY_MS;
}

/**
 * The moment the offline cadence counts from: the last tier A or B touch, else (never offline)
 * when the person became known; null when neither exists. Never throws.
 */
export function cadenceStart(facts: HistoryFacts): number | null {
  return facts.lastOfflineAt ?? facts.knownSince;
}

/** Overdue: a cadence applies and more than that many days passed since cadenceStart. Never throws. */
export function isOverdue(
  history: Pick<PersonHistory, 'cadenceDays' | 'relationshipType'>,
  facts: HistoryFacts,
  now: number,
  config: ScoreConfig,
): boolean {
  const cadence = cadenceOf(history, config);
  const start = cadenceStart(facts);
  return cadence !== null && start !== null && now - start > cadence * DAY_MS;
}

/** All three flags from precomputed facts and balance (see flagsOf); never throws. */
export function flagsFromFacts(
  history: PersonHistory,
  facts: HistoryFacts,
  balance: Balance,
  now: number,
  config: ScoreConfig,
): Flags {
  return {
    stuckOnline: isStuckOnline(facts, balance, now, config),
    dormant: isDormant(facts, now, config),
    overdue: isOverdue(history, facts, now, config),
  };
}

/** Stuck online, dormant and overdue for `history` at `now`, as DESIGN.md defines them; never throws. */
export function flagsOf(history: PersonHistory, now: number, config: ScoreConfig): Flags {
  const facts = historyFacts(history, now);
  return flagsFromFacts(history, facts, balanceFromFacts(facts, now, config), now, config);
}
