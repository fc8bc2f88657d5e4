import type { Evaluation } from './types.js';

/** Ways to sort a list of people by their evaluation. */
export type PeopleSortKey =
  | 'strength'
  | 'lastTouch'
  | 'lastRealConversation'
  | 'knownSince'
  | 'offlineRatio'
  | 'daysStuck';

type Pick = (e: Evaluation) => number | null;

// Each key sorts "most interesting first": positive pickers descend, knownSince ascends (longest known first).
const PICKERS: Record<PeopleSortKey, Pick> = {
  strength: (e) => e.score.strength,
  lastTouch: (e) => e.lastTouchAt,
  lastRealConversation: (e) => e.lastRealConversationAt,
  knownSince: (e) => (e.knownSince === null ? null : -e.knownSince),
  offlineRatio: (e) => e.balance.offlineRatio,
  daysStuck: (e) => e.daysStuck,
};

/**
 * A comparator for Array.prototype.sort: strongest, most recent, longest known, most offline or
 * longest stuck first; unknown values (null) last. Never throws.
 */
export function compareForSort<T extends { evaluation: Evaluation }>(
  key: PeopleSortKey,
): (a: T, b: T) => number {
  const pick = PICKERS[key];
  return (a, b) => {
    const x = pick(a.evaluation);
    const y = pick(b.evaluation);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return y - x;
  };
}
