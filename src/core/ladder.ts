import type { Channel, Network, RelationshipType, ScoreConfig, StepKind, Tier, Touch } from './types.js';

const TIERS: Record<Channel, Tier> = {
  broadcast: 'none',
  reaction: 'C',
  comment: 'C',
  message: 'C',
  email: 'B',
  call: 'A',
  video: 'A',
  in_person: 'A',
};

/** The ladder tier of a channel: A live, B direct, C platform, 'none' for broadcasts; never throws. */
export function tierOf(channel: Channel): Tier {
  return TIERS[channel];
}

/** True for tier A (call, video, in person); never throws. */
export function isLive(channel: Channel): boolean {
  return TIERS[channel] === 'A';
}

/** True for tier A or B: the touches that left the platform and reset an offline cadence; never throws. */
export function isOffline(channel: Channel): boolean {
  const tier = TIERS[channel];
  return tier === 'A' || tier === 'B';
}

/** True for tier C (reaction, comment, message); never throws. */
export function isPlatform(channel: Channel): boolean {
  return TIERS[channel] === 'C';
}

/**
 * True when a touch counts for the relationship at all: not a broadcast and not one-to-many.
 * Every other part of the engine ignores touches for which this is false; never throws.
 */
export function isRelational(touch: Pick<Touch, 'channel' | 'audience'>): boolean {
  return touch.channel !== 'broadcast' && touch.audience !== 'one_to_many';
}

/** Channel weight w for this touch: × groupFactor in a group, 0 for broadcasts and one-to-many; never throws. */
export function weightOf(touch: Pick<Touch, 'channel' | 'audience'>, config: ScoreConfig): number {
  if (!isRelational(touch)) return 0;
  const w = config.weights[touch.channel];
  return touch.audience === 'group' ? w * config.groupFactor : w;
}

const NETWORK_LABELS: Record<Network, string> = {
  linkedin: 'LinkedIn',
  twitter: 'Twitter',
  facebook: 'Facebook',
  instagram: 'Instagram',
  email: 'email',
  phone: 'phone',
  skype: 'Skype',
  google: 'Google',
  whatsapp: 'WhatsApp',
  calendar: 'calendar',
  manual: 'manual',
};

/** A network's name as people write it ("LinkedIn", "WhatsApp"); never throws. */
export function networkLabel(network: Network): string {
  return NETWORK_LABELS[network];
}

const CHANNEL_NOUNS: Record<Channel, [singular: string, plural: string]> = {
  broadcast: ['post', 'posts'],
  reaction: ['reaction', 'reactions'],
  comment: ['comment', 'comments'],
  message: ['message', 'messages'],
  email: ['email', 'emails'],
  call: ['call', 'calls'],
  video: ['video call', 'video calls'],
  in_person: ['in-person meeting', 'in-person meetings'],
};

// Only platforms that are a place of their own are named ("LinkedIn message", but plain "email").
const NAMED_NETWORKS: ReadonlySet<Network> = new Set([
  'linkedin',
  'twitter',
  'facebook',
  'instagram',
  'whatsapp',
]);

/**
 * A channel as a noun, singular or plural by `count`, prefixed by the network for platform
 * touches: "LinkedIn message", "WhatsApp messages", "email", "video calls"; never throws.
 */
export function channelNoun(channel: Channel, count = 1, network?: Network): string {
  const [one, many] = CHANNEL_NOUNS[channel];
  const noun = count === 1 ? one : many;
  return network && isPlatform(channel) && NAMED_NETWORKS.has(network)
    ? `${NETWORK_LABELS[network]} ${noun}`
    : noun;
}

const HOW_LABELS: Record<Channel, string> = {
  broadcast: 'post',
  reaction: 'reaction',
  comment: 'comment',
  message: 'message',
  email: 'email',
  call: 'call',
  video: 'video call',
  in_person: 'in person',
};

/** How a touch happened, for parentheses: "in person", "video call", "email"; never throws. */
export function channelLabel(channel: Channel): string {
  return HOW_LABELS[channel];
}

const STEP_LABELS: Record<StepKind, string> = {
  email: 'email',
  call: 'call',
  video: 'video call',
  coffee: 'coffee',
  follow_up: 'follow-up',
  reconnect: 'reconnect',
};

/** A next step in words: "coffee", "video call", "follow-up"; never throws. */
export function stepLabel(kind: StepKind): string {
  return STEP_LABELS[kind];
}

const RELATIONSHIP_PLURALS: Record<RelationshipType, string> = {
  client: 'clients',
  prospect: 'prospects',
  partner: 'partners',
  colleague: 'colleagues',
  friend: 'friends',
  other: 'other contacts',
};

/** A relationship type in the plural, as in "cadence for prospects"; never throws. */
export function relationshipPlural(type: RelationshipType): string {
  return RELATIONSHIP_PLURALS[type];
}
