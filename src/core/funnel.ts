import { DAY_MS } from './duration.js';
import { isOffline, isPlatform, isRelational } from './ladder.js';
import { median, rate } from './median.js';
import { type Audience, type Channel, NETWORKS, type Network } from './types.js';

/**
 * The funnel: how far each relationship climbed the ladder, and how many climbed each rung
 * (docs/insights.md explains every figure). Pure: the store hands in per-person first times.
 */

/** The rungs, shallowest first. */
export const RUNGS = ['connected', 'engaged_online', 'emailed', 'live', 'met', 'deal'] as const;
export type Rung = (typeof RUNGS)[number];

/** The earliest touch a person had on one channel and audience. */
export interface FirstTouch {
  channel: Channel;
  audience: Audience;
  at: number;
}

/** The network of a person's very first touch, and when it was. */
export interface NetworkTouch {
  network: Network;
  at: number;
}

/** What the funnel reads about one person. */
export interface FunnelPerson<Id = number> {
  id: Id;
  /** The connection date an export gave (LinkedIn, Facebook, Instagram), if any. */
  connectedAt: number | null;
  /** The first touch per channel and audience (any order). */
  firsts: readonly FirstTouch[];
  /** The network of their very first touch of any kind; several when touches tie for first. */
  firstTouchNetworks: readonly NetworkTouch[];
  /** When the first deal with them was opened. */
  firstDealAt: number | null;
  /** The networks of their identities, in the order they entered the book. */
  identityNetworks: readonly Network[];
}

/** One person on the ladder. */
export interface PersonRungs<Id = number> {
  id: Id;
  /** When each rung was first reached by a touch at that very rung; null when never. */
  firstAt: Record<Rung, number | null>;
  /**
   * When each rung counts as reached: the first time at that rung or any deeper one, so a deeper
   * rung implies the shallower ones and the times never go backwards down the ladder.
   */
  reachedAt: Record<Rung, number | null>;
  /** The deepest rung reached; null when nothing is known (no touch, connection date or deal). */
  furthest: Rung | null;
  /** Where the relationship began (see sourceNetworkOf); null when nothing is known. */
  sourceNetwork: Network | null;
  /** UTC month ('YYYY-MM') of reaching 'connected'; null when not connected. */
  cohort: string | null;
}

/**
 * Networks whose exports date a connection (LinkedIn connections, Facebook friends, Instagram
 * follows): a connection date before every touch names one of these as the source.
 */
export const CONNECTION_NETWORKS: readonly Network[] = ['linkedin', 'facebook', 'instagram'];

/** The rung a touch itself stands on, above 'connected' (which any touch reaches); null for none. */
function rungOfTouch(touch: Pick<FirstTouch, 'channel' | 'audience'>): Rung | null {
  if (!isRelational(touch)) return null;
  switch (touch.channel) {
    case 'email':
      return 'emailed';
    case 'call':
    case 'video':
      return 'live';
    case 'in_person':
      return 'met';
    default:
      return isPlatform(touch.channel) ? 'engaged_online' : null;
  }
}

const earliest = (a: number | null, b: number | null): number | null =>
  a === null ? b : b === null ? a : Math.min(a, b);

const known = (at: number | null, now: number): number | null => (at !== null && at <= now ? at : null);

/** 'YYYY-MM' of a moment, in UTC; never throws for finite input. */
export function monthOf(at: number): string {
  return new Date(at).toISOString().slice(0, 7);
}

/**
 * The network where a relationship began: the network of the earliest touch, unless a connection
 * date comes before every touch, then the person's first connection network (CONNECTION_NETWORKS
 * among their identities). With neither, the network of their first identity. Ties go to the
 * network listed first in NETWORKS. Times after `now` are ignored. Never throws.
 */
export function sourceNetworkOf(person: FunnelPerson<unknown>, now: number): Network | null {
  let first: NetworkTouch | undefined;
  for (const touch of person.firstTouchNetworks) {
    if (touch.at > now) continue;
    if (
      first === undefined ||
      touch.at < first.at ||
      (touch.at === first.at && NETWORKS.indexOf(touch.network) < NETWORKS.indexOf(first.network))
    )
      first = touch;
  }
  const connectedAt = known(person.connectedAt, now);
  const connection = person.identityNetworks.find((n) => CONNECTION_NETWORKS.includes(n));
  if (connectedAt !== null && connection !== undefined && (first === undefined || connectedAt < first.at))
    return connection;
  return first?.network ?? person.identityNetworks[0] ?? null;
}

/**
 * One person's rungs at `now`: 'connected' by the connection date or the first touch of any kind
 * (broadcasts included); 'engaged_online' by the first one-to-one or group message, comment or
 * reaction; 'emailed' by the first email; 'live' by the first call or video call; 'met' by the
 * first in-person meeting; 'deal' by the first deal opened. Touches other than for 'connected'
 * count only when not one-to-many. Times after `now` are ignored. Never throws.
 */
export function personRungs<Id>(person: FunnelPerson<Id>, now: number): PersonRungs<Id> {
  const firstAt: Record<Rung, number | null> = {
    connected: known(person.connectedAt, now),
    engaged_online: null,
    emailed: null,
    live: null,
    met: null,
    deal: known(person.firstDealAt, now),
  };
  for (const touch of person.firsts) {
    if (touch.at > now) continue;
    firstAt.connected = earliest(firstAt.connected, touch.at);
    const rung = rungOfTouch(touch);
    if (rung !== null) firstAt[rung] = earliest(firstAt[rung], touch.at);
  }
  const reachedAt = { ...firstAt };
  let deeper: number | null = null;
  let furthest: Rung | null = null;
  for (let k = RUNGS.length - 1; k >= 0; k--) {
    const rung = RUNGS[k]!;
    if (furthest === null && firstAt[rung] !== null) furthest = rung;
    deeper = earliest(deeper, firstAt[rung]);
    reachedAt[rung] = deeper;
  }
  return {
    id: person.id,
    firstAt,
    reachedAt,
    furthest,
    sourceNetwork: sourceNetworkOf(person, now),
    cohort: reachedAt.connected === null ? null : monthOf(reachedAt.connected),
  };
}

/** How many people reached a rung, and how many stopped there. */
export interface RungCount {
  rung: Rung;
  /** People who reached this rung or a deeper one. */
  reached: number;
  /** People for whom this is the furthest rung. */
  furthest: number;
}

/** From one rung to the next. */
export interface RungStep {
  from: Rung;
  to: Rung;
  /** People who reached `from` (the denominator). */
  started: number;
  /** Of those, people who reached `to` (the numerator). */
  converted: number;
  /** converted / started; null when no one started. */
  rate: number | null;
  /** Median days from reaching `from` to reaching `to`, over the `converted` people; null when none. */
  medianDays: number | null;
}

export interface Funnel {
  /** People on the ladder at all (reached 'connected'). */
  people: number;
  rungs: RungCount[];
  steps: RungStep[];
}

/** The funnel of some people: per rung how many reached it and stopped there, per step the conversion and median days. Never throws. */
export function funnelOf(people: readonly PersonRungs<unknown>[]): Funnel {
  const onLadder = people.filter((p) => p.reachedAt.connected !== null);
  const reached = (rung: Rung) => onLadder.filter((p) => p.reachedAt[rung] !== null);
  const rungs = RUNGS.map((rung) => ({
    rung,
    reached: reached(rung).length,
    furthest: onLadder.filter((p) => p.furthest === rung).length,
  }));
  const steps = RUNGS.slice(1).map((to, index) => {
    const from = RUNGS[index]!;
    const converted = reached(to);
    const started = rungs[index]!.reached;
    return {
      from,
      to,
      started,
      converted: converted.length,
      rate: rate(converted.length, started),
      medianDays: median(converted.map((p) => (p.reachedAt[to]! - p.reachedAt[from]!) / DAY_MS)),
    };
  });
  return { people: onLadder.length, rungs, steps };
}

/** A funnel for one group of people. */
export interface FunnelGroup {
  /** The source network, or the cohort month 'YYYY-MM'. */
  key: string;
  funnel: Funnel;
}

/**
 * Funnels per source network (largest group first, then by name) or per month cohort (oldest
 * first), over the people on the ladder; people without a source network go under 'unknown'.
 * Never throws.
 */
export function funnelBy(people: readonly PersonRungs<unknown>[], by: 'network' | 'month'): FunnelGroup[] {
  const groups = new Map<string, PersonRungs<unknown>[]>();
  for (const person of people) {
    if (person.reachedAt.connected === null) continue;
    const key = by === 'network' ? (person.sourceNetwork ?? 'unknown') : person.cohort!;
    const group = groups.get(key);
    if (group) group.push(person);
    else groups.set(key, [person]);
  }
  const result = [...groups].map(([key, members]) => ({ key, funnel: funnelOf(members) }));
  return by === 'network'
    ? result.sort((a, b) => b.funnel.people - a.funnel.people || a.key.localeCompare(b.key))
    : result.sort((a, b) => a.key.localeCompare(b.key));
}

/** How many touches of one channel and audience the book had on one UTC day. */
export interface DayTouchCount {
  /** Whole days since the Unix epoch (UTC): floor(ms / DAY_MS). */
  day: number;
  channel: Channel;
  audience: Audience;
  count: number;
}

/** The whole book's balance in one month. */
export interface MonthBalance {
  /** 'YYYY-MM', UTC. */
  month: string;
  /** Tier A and B touches (email, calls, video, in person). */
  offline: number;
  /** All one-to-one and group touches (broadcasts and one-to-many excluded). */
  touches: number;
  /** offline / touches. */
  ratio: number;
}

/**
 * The whole book's offline ratio per UTC month: plain counts of tier A+B touches over all
 * one-to-one and group touches, not decayed. Only months with at least one such touch, oldest
 * first. Never throws.
 */
export function offlineRatioByMonth(counts: readonly DayTouchCount[]): MonthBalance[] {
  const months = new Map<string, { offline: number; touches: number }>();
  for (const { day, channel, audience, count } of counts) {
    if (!isRelational({ channel, audience }) || count <= 0) continue;
    const month = monthOf(day * DAY_MS);
    const total = months.get(month) ?? { offline: 0, touches: 0 };
    total.touches += count;
    if (isOffline(channel)) total.offline += count;
    months.set(month, total);
  }
  return [...months]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, t]) => ({ month, ...t, ratio: t.offline / t.touches }));
}

const CONVERSATION_CHANNELS: ReadonlySet<Channel> = new Set([
  'message',
  'email',
  'call',
  'video',
  'in_person',
]);

/** True when any of these first touches is a one-to-one message, email, call, video call or meeting; never throws. */
export function hadOneToOne(firsts: readonly Pick<FirstTouch, 'channel' | 'audience'>[]): boolean {
  return firsts.some((t) => t.audience === 'one_to_one' && CONVERSATION_CHANNELS.has(t.channel));
}

/** Someone who answers the user's posts in public. */
export interface Commenter<Id = number> {
  id: Id;
  /** Comments, replies and mentions from them (inbound). */
  comments: number;
  lastCommentAt: number;
  /** Their first touches of every kind, to tell whether they ever talked one to one. */
  firsts: readonly FirstTouch[];
}

/**
 * Conversation candidates: people who comment on, reply to or mention the user (at least one
 * inbound comment) but never had a one-to-one message, email, call, video call or meeting; most
 * comments first, then the most recent. At most `limit` (a whole number ≥ 0). Never throws.
 */
export function conversationCandidates<Id>(
  commenters: readonly Commenter<Id>[],
  limit: number,
): Omit<Commenter<Id>, 'firsts'>[] {
  return commenters
    .filter((c) => c.comments > 0 && !hadOneToOne(c.firsts))
    .sort((a, b) => b.comments - a.comments || b.lastCommentAt - a.lastCommentAt)
    .slice(0, Math.max(0, limit))
    .map(({ id, comments, lastCommentAt }) => ({ id, comments, lastCommentAt }));
}

/** The earliest call, video call or in-person meeting among these first touches, or null; never throws. */
export function firstLiveAt(firsts: readonly FirstTouch[], now: number): number | null {
  let at: number | null = null;
  for (const touch of firsts) {
    const rung = rungOfTouch(touch);
    if (touch.at <= now && (rung === 'live' || rung === 'met')) at = earliest(at, touch.at);
  }
  return at;
}
