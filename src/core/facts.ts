import { isLive, isOffline, isRelational } from './ladder.js';
import { CHANNELS, type Channel, type PersonHistory, type Touch } from './types.js';

/** Plain facts about one person at one moment. */
export interface HistoryFacts {
  /** The touches that count: relational and not after `now`. */
  touches: readonly Touch[];
  /** Relational touches up to `now`. */
  count: number;
  knownSince: number | null;
  firstTouchAt: number | null;
  lastTouchAt: number | null;
  lastOfflineAt: number | null;
  lastOfflineChannel: Channel | null;
  lastLiveAt: number | null;
  lastInPersonAt: number | null;
  onlineStreakStartAt: number | null;
  /** Relational touches ever, by channel. */
  channels: Partial<Record<Channel, number>>;
}

const DEPTH: Record<Channel, number> = Object.fromEntries(CHANNELS.map((c, i) => [c, i])) as Record<
  Channel,
  number
>;

function minOf(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

function maxOf(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

/** The later of two (time, channel) marks; on a tie the deeper channel, so order never matters. */
function laterMark(
  at: number | null,
  channel: Channel | null,
  otherAt: number,
  otherChannel: Channel,
): [number, Channel] {
  if (at === null || channel === null || otherAt > at) return [otherAt, otherChannel];
  if (otherAt === at && DEPTH[otherChannel] > DEPTH[channel]) return [otherAt, otherChannel];
  return [at, channel];
}

/**
 * Facts of `history` at `now`: touches after `now`, broadcasts and one-to-many touches are
 * left out; a connection date after `now` is ignored. Never throws.
 */
export function historyFacts(history: PersonHistory, now: number): HistoryFacts {
  const touches = history.touches.filter((t) => t.at <= now && isRelational(t));
  const channels: Partial<Record<Channel, number>> = {};
  let first: number | null = null;
  let last: number | null = null;
  let lastOfflineAt: number | null = null;
  let lastOfflineChannel: Channel | null = null;
  let lastLiveAt: number | null = null;
  let lastInPersonAt: number | null = null;
  for (const t of touches) {
    channels[t.channel] = (channels[t.channel] ?? 0) + 1;
    first = minOf(first, t.at);
    last = maxOf(last, t.at);
    if (isOffline(t.channel)) {
      [lastOfflineAt, lastOfflineChannel] = laterMark(lastOfflineAt, lastOfflineChannel, t.at, t.channel);
    }
    if (isLive(t.channel)) lastLiveAt = maxOf(lastLiveAt, t.at);
    if (t.channel === 'in_person') lastInPersonAt = maxOf(lastInPersonAt, t.at);
  }
  let streak: number | null = null;
  for (const t of touches) {
    if (lastOfflineAt === null || t.at > lastOfflineAt) streak = minOf(streak, t.at);
  }
  const connectedAt = history.connectedAt !== null && history.connectedAt <= now ? history.connectedAt : null;
  return {
    touches,
    count: touches.length,
    knownSince: minOf(connectedAt, first),
    firstTouchAt: first,
    lastTouchAt: last,
    lastOfflineAt,
    lastOfflineChannel,
    lastLiveAt,
    lastInPersonAt,
    onlineStreakStartAt: streak,
    channels,
  };
}
