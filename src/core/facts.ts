import { isLive, isOffline, isRelational } from './ladder.js';
import { CHANNELS, type Channel, type OlderHistory, type PersonHistory, type Touch } from './types.js';

/** Plain facts about one person at one moment, from recent touches and older totals together. */
export interface HistoryFacts {
  /** Recent touches that count: relational and not after `now`. */
  touches: readonly Touch[];
  /** Relational touches ever (older + recent). */
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

/** The channel of the older last offline touch; guessed from the other marks when totals lack it. */
function olderOfflineChannel(older: OlderHistory): Channel | null {
  if (older.lastOfflineChannel != null || older.lastOfflineAt === null)
    return older.lastOfflineChannel ?? null;
  if (older.lastInPersonAt === older.lastOfflineAt) return 'in_person';
  if (older.lastLiveAt !== older.lastOfflineAt) return 'email';
  return older.channels.video && !older.channels.call ? 'video' : 'call';
}

/** The streak start carried by the older totals; approximated when totals lack the field. */
function olderStreakStart(history: PersonHistory): number | null {
  const older = history.older;
  if (!older || older.count === 0) return null;
  if (older.onlineStreakStartAt !== undefined) return older.onlineStreakStartAt;
  if (older.lastOfflineAt === null) return older.firstAt;
  // Without the field the streak can only be said to begin after the last offline touch.
  return older.lastAt !== null && older.lastAt > older.lastOfflineAt ? older.lastOfflineAt : null;
}

/**
 * Facts of `history` at `now`: touches after `now`, broadcasts and one-to-many touches are
 * left out; a connection date after `now` is ignored. Never throws.
 */
export function historyFacts(history: PersonHistory, now: number): HistoryFacts {
  const older = history.older;
  const touches = history.touches.filter((t) => t.at <= now && isRelational(t));
  const channels: Partial<Record<Channel, number>> = { ...(older?.channels ?? {}) };
  let first = older && older.count > 0 ? older.firstAt : null;
  let last = older && older.count > 0 ? older.lastAt : null;
  let lastOfflineAt = older?.lastOfflineAt ?? null;
  let lastOfflineChannel = older ? olderOfflineChannel(older) : null;
  let lastLiveAt = older?.lastLiveAt ?? null;
  let lastInPersonAt = older?.lastInPersonAt ?? null;
  let recentOffline = false;
  for (const t of touches) {
    channels[t.channel] = (channels[t.channel] ?? 0) + 1;
    first = minOf(first, t.at);
    last = maxOf(last, t.at);
    if (isOffline(t.channel)) {
      recentOffline = true;
      [lastOfflineAt, lastOfflineChannel] = laterMark(lastOfflineAt, lastOfflineChannel, t.at, t.channel);
    }
    if (isLive(t.channel)) lastLiveAt = maxOf(lastLiveAt, t.at);
    if (t.channel === 'in_person') lastInPersonAt = maxOf(lastInPersonAt, t.at);
  }
  let streak: number | null = recentOffline ? null : olderStreakStart(history);
  for (const t of touches) {
    if (lastOfflineAt === null || t.at > lastOfflineAt) streak = minOf(streak, t.at);
  }
  const connectedAt = history.connectedAt !== null && history.connectedAt <= now ? history.connectedAt : null;
  return {
    touches,
    count: (older?.count ?? 0) + touches.length,
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
