import { DAY_MS } from './duration.js';
import { historyFacts } from './facts.js';
import { decay, engagementContribution } from './score.js';
import type { OlderHistory, ScoreConfig, Touch } from './types.js';

/** Days before `now` that must stay as individual touches: every windowed rule reads only these. */
export function recentWindowDays(config: ScoreConfig): number {
  return Math.max(config.balanceWindowDays, config.stuck.windowDays, config.stuck.liveWindowDays);
}

/**
 * Running totals of `touches` (broadcasts and one-to-many touches left out) for
 * PersonHistory.older, including the optional fields; any order. Never throws.
 */
export function summarizeOlder(touches: readonly Touch[], config: ScoreConfig): OlderHistory {
  const facts = historyFacts(
    {
      touches,
      connectedAt: null,
      mutualContacts: 0,
      relationshipType: 'other',
      cadenceDays: null,
      sameCity: null,
      hasOpenDeal: false,
    },
    Number.POSITIVE_INFINITY,
  );
  let engagementSum = 0;
  let inboundSum = 0;
  let outboundSum = 0;
  for (const t of facts.touches) {
    engagementSum += engagementContribution(t, config);
    const d = decay(t.at, config.epoch, config);
    if (t.direction !== 'out') inboundSum += d;
    if (t.direction !== 'in') outboundSum += d;
  }
  return {
    count: facts.count,
    engagementSum,
    firstAt: facts.firstTouchAt,
    lastAt: facts.lastTouchAt,
    lastOfflineAt: facts.lastOfflineAt,
    lastLiveAt: facts.lastLiveAt,
    lastInPersonAt: facts.lastInPersonAt,
    channels: facts.channels,
    inboundSum,
    outboundSum,
    lastOfflineChannel: facts.lastOfflineChannel,
    onlineStreakStartAt: facts.onlineStreakStartAt,
  };
}

/**
 * Splits `touches` at `now − recentWindowDays(config)`: touches at or after it stay (touches after
 * `now` included), earlier ones become totals. Evaluating the split at `now` (or any later moment)
 * gives the same result as the full list, strength to float tolerance. Never throws.
 */
export function splitHistory(
  touches: readonly Touch[],
  now: number,
  config: ScoreConfig,
): { touches: Touch[]; older: OlderHistory } {
  const cutoff = now - recentWindowDays(config) * DAY_MS;
  const recent: Touch[] = [];
  const old: Touch[] = [];
  for (const t of touches) (t.at >= cutoff ? recent : old).push(t);
  return { touches: recent, older: summarizeOlder(old, config) };
}

function later(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}

function earlier(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

/**
 * Totals of two consecutive stretches, for rolling touches out of the recent window one batch at
 * a time; every touch behind `after` must be later than every touch behind `before` (else the
 * streak start and last offline channel may be wrong). Never throws.
 */
export function mergeOlder(before: OlderHistory, after: OlderHistory): OlderHistory {
  const channels: Partial<Record<keyof OlderHistory['channels'], number>> = { ...before.channels };
  for (const [channel, n] of Object.entries(after.channels) as [keyof typeof channels, number][]) {
    channels[channel] = (channels[channel] ?? 0) + n;
  }
  const afterHasOffline = after.lastOfflineAt !== null;
  return {
    count: before.count + after.count,
    engagementSum: before.engagementSum + after.engagementSum,
    firstAt: earlier(before.firstAt, after.firstAt),
    lastAt: later(before.lastAt, after.lastAt),
    lastOfflineAt: later(before.lastOfflineAt, after.lastOfflineAt),
    lastLiveAt: later(before.lastLiveAt, after.lastLiveAt),
    lastInPersonAt: later(before.lastInPersonAt, after.lastInPersonAt),
    channels,
    inboundSum: (before.inboundSum ?? 0) + (after.inboundSum ?? 0),
    outboundSum: (before.outboundSum ?? 0) + (after.outboundSum ?? 0),
    lastOfflineChannel: afterHasOffline
      ? (after.lastOfflineChannel ?? null)
      : (before.lastOfflineChannel ?? null),
    onlineStreakStartAt: afterHasOffline
      ? (after.onlineStreakStartAt ?? null)
      : after.count === 0
        ? (before.onlineStreakStartAt ?? null)
        : (before.onlineStreakStartAt ?? after.firstAt),
  };
}
