import { DAY_MS } from './duration.js';
import { historyFacts } from './facts.js';
import { cadenceOf, cadenceStart } from './flags.js';
import type { PersonHistory, ScoreConfig } from './types.js';

/**
 * The earliest moment after `now` at which this person's flags, balance or next step can change
 * with no new touches, or null when they never will. Between `now` and that moment only the
 * intensity term decays (smoothly), so a stored evaluation stays true until then: a touch
 * leaving a window, the dormancy or cadence deadline, the minimum acquaintance, or a touch
 * dated in the future. Never throws.
 */
export function stableUntil(history: PersonHistory, now: number, config: ScoreConfig): number | null {
  const facts = historyFacts(history, Number.POSITIVE_INFINITY);
  const windows = [config.stuck.windowDays, config.balanceWindowDays, config.stuck.liveWindowDays].map(
    (days) => days * DAY_MS,
  );
  let next = Number.POSITIVE_INFINITY;
  const consider = (at: number | null) => {
    if (at !== null && at > now && at < next) next = at;
  };
  for (const touch of facts.touches) {
    consider(touch.at); // a touch dated after now counts once its time comes
    for (const window of windows) consider(touch.at + window + 1);
  }
  const atNow = historyFacts(history, now);
  if (atNow.knownSince !== null) consider(atNow.knownSince + config.stuck.minKnownDays * DAY_MS);
  if (atNow.lastTouchAt !== null) consider(atNow.lastTouchAt + config.dormantDays * DAY_MS + 1);
  const cadence = cadenceOf(history, config);
  const start = cadenceStart(atNow);
  if (cadence !== null && start !== null) consider(start + cadence * DAY_MS + 1);
  if (history.connectedAt !== null) consider(history.connectedAt);
  return Number.isFinite(next) ? next : null;
}
