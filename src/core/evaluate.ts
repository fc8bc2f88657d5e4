import { DAY_MS } from './duration.js';
import { historyFacts } from './facts.js';
import { flagsFromFacts } from './flags.js';
import { nextStepFromFacts } from './next-step.js';
import { reasonFromFacts } from './reason.js';
import { balanceFromFacts, scoreFromFacts } from './score.js';
import type { Evaluation, PersonHistory, ScoreConfig } from './types.js';

/**
 * Everything about one person at `now`: score with its terms, balance, flags, reason, next step
 * and the key dates. `daysStuck` is whole days since the current online streak began, 0 unless
 * stuck online. Touches after `now` are ignored. Never throws (validate the config beforehand).
 */
export function evaluate(history: PersonHistory, now: number, config: ScoreConfig): Evaluation {
  const facts = historyFacts(history, now);
  const balance = balanceFromFacts(facts, now, config);
  const flags = flagsFromFacts(history, facts, balance, now, config);
  const streak = facts.onlineStreakStartAt;
  return {
    score: scoreFromFacts(history, facts, now, config),
    balance,
    flags,
    reason: reasonFromFacts(history, facts, flags, now, config),
    nextStep: nextStepFromFacts(history, facts, now, config),
    lastRealConversationAt: facts.lastOfflineAt,
    lastTouchAt: facts.lastTouchAt,
    knownSince: facts.knownSince,
    daysStuck: flags.stuckOnline && streak !== null ? Math.max(0, Math.floor((now - streak) / DAY_MS)) : 0,
  };
}
