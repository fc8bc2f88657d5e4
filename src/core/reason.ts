import { ago, humanizeDuration, plural } from './duration.js';
import { type HistoryFacts, historyFacts } from './facts.js';
import { cadenceOf, cadenceStart, flagsFromFacts, stuckWindowTouches } from './flags.js';
import { channelLabel, channelNoun, relationshipPlural } from './ladder.js';
import { balanceFromFacts } from './score.js';
import {
  CHANNELS,
  type Channel,
  type Flags,
  type PersonHistory,
  type ScoreConfig,
  type Touch,
} from './types.js';

/** At most this many kinds of touch are named; the rest are summed up as "N more touches". */
const MAX_KINDS = 3;

const DEPTH = new Map<Channel, number>(CHANNELS.map((c, i) => [c, i]));

/** "a, b and c" */
function joinWords(parts: string[]): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function describeGroups(groups: { count: number; channel: Channel; noun: (n: number) => string }[]): string {
  if (groups.length === 0) return 'no touches';
  // Fully ordered (count, depth, then words) so the input order of touches never shows.
  const sorted = [...groups].sort(
    (a, b) =>
      b.count - a.count ||
      (DEPTH.get(b.channel) ?? 0) - (DEPTH.get(a.channel) ?? 0) ||
      a.noun(1).localeCompare(b.noun(1), 'en'),
  );
  const named = sorted.slice(0, MAX_KINDS).map((g) => `${g.count} ${g.noun(g.count)}`);
  const rest = sorted.slice(MAX_KINDS).reduce((n, g) => n + g.count, 0);
  if (rest > 0) named.push(plural(rest, 'more touch', 'more touches'));
  return joinWords(named);
}

/**
 * Touches counted by kind, most frequent first: "11 LinkedIn messages and 1 email"; platform
 * touches carry their network's name. "no touches" for an empty list. Never throws.
 */
export function describeTouches(touches: readonly Touch[]): string {
  const groups = new Map<string, { count: number; channel: Channel; noun: (n: number) => string }>();
  for (const t of touches) {
    const key = `${t.network}/${t.channel}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { count: 1, channel: t.channel, noun: (n) => channelNoun(t.channel, n, t.network) });
  }
  return describeGroups([...groups.values()]);
}

/** Counts by channel in words: "14 messages and 3 reactions"; "no touches" when empty. Never throws. */
export function describeChannels(channels: Partial<Record<Channel, number>>): string {
  const groups = CHANNELS.flatMap((channel) => {
    const count = channels[channel] ?? 0;
    return count > 0 ? [{ count, channel, noun: (n: number) => channelNoun(channel, n) }] : [];
  });
  return describeGroups(groups);
}

function lastConversation(facts: HistoryFacts, now: number): string | null {
  if (facts.lastOfflineAt === null) return null;
  const how = facts.lastOfflineChannel ? ` (${channelLabel(facts.lastOfflineChannel)})` : '';
  return `last real conversation ${ago(facts.lastOfflineAt, now)}${how}`;
}

function stuckReason(facts: HistoryFacts, now: number, config: ScoreConfig): string {
  const recent = stuckWindowTouches(facts, now, config);
  const since = Math.min(...recent.map((t) => t.at));
  const spoke = facts.lastLiveAt === null ? 'never spoke' : `last spoke ${ago(facts.lastLiveAt, now)}`;
  return `${describeTouches(recent)} over ${humanizeDuration(now - since)}, ${spoke}`;
}

function overdueReason(
  history: PersonHistory,
  facts: HistoryFacts,
  now: number,
  config: ScoreConfig,
): string {
  const cadence = cadenceOf(history, config) ?? 0;
  const whose =
    history.cadenceDays !== null
      ? `your cadence for them is ${plural(cadence, 'day')}`
      : `cadence for ${relationshipPlural(history.relationshipType)} is ${plural(cadence, 'day')}`;
  const start = cadenceStart(facts) ?? now;
  const gap =
    facts.lastOfflineAt === null
      ? `no offline touch in the ${humanizeDuration(now - start)} you have known them`
      : `no offline touch in ${humanizeDuration(now - start)}`;
  return `${gap}; ${whose}`;
}

function dormantReason(facts: HistoryFacts, now: number): string {
  const last = facts.lastTouchAt ?? now;
  const conversation = lastConversation(facts, now);
  if (conversation !== null && facts.lastOfflineAt === last) return conversation;
  return `quiet for ${humanizeDuration(now - last)}; ${conversation ?? 'never left the platform'}`;
}

/** The reason from precomputed facts and flags (see reasonFor); never throws. */
export function reasonFromFacts(
  history: PersonHistory,
  facts: HistoryFacts,
  flags: Flags,
  now: number,
  config: ScoreConfig,
): string {
  if (flags.stuckOnline) return stuckReason(facts, now, config);
  if (flags.overdue) return overdueReason(history, facts, now, config);
  if (flags.dormant) return dormantReason(facts, now);
  if (facts.lastTouchAt === null) return 'no interactions yet';
  return lastConversation(facts, now) ?? `last touch ${ago(facts.lastTouchAt, now)}; never left the platform`;
}

/**
 * Why a person stands where they stand, in words, led by their most urgent flag (stuck online,
 * then overdue, then dormant): "11 LinkedIn messages over 6 weeks, never spoke". Never throws.
 */
export function reasonFor(history: PersonHistory, now: number, config: ScoreConfig): string {
  const facts = historyFacts(history, now);
  const flags = flagsFromFacts(history, facts, balanceFromFacts(facts, now, config), now, config);
  return reasonFromFacts(history, facts, flags, now, config);
}
