/**
 * The domain vocabulary shared by every layer. Plain values only: no I/O, no clock.
 * Timestamps are milliseconds since the Unix epoch (UTC).
 */

/** The kind of touch, from the shallowest rung of the ladder to the deepest. */
export const CHANNELS = [
  'broadcast', // one-to-many post: counts for reach, never for a relationship
  'reaction', // like, endorsement, a bare connection request
  'comment', // public comment, reply, mention
  'message', // direct message, chat, SMS
  'email',
  'call', // phone or voice call
  'video', // video call (Skype, Meet, Zoom, Hangouts, Teams)
  'in_person', // coffee, lunch, meeting, event
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Tier A is live, B direct, C platform; broadcasts stand outside the ladder. */
export type Tier = 'A' | 'B' | 'C' | 'none';

export const DIRECTIONS = ['in', 'out', 'mutual'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const AUDIENCES = ['one_to_one', 'group', 'one_to_many'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const NETWORKS = [
  'linkedin',
  'twitter',
  'facebook',
  'instagram',
  'email',
  'phone',
  'skype',
  'google',
  'whatsapp',
  'calendar',
  'manual',
] as const;
export type Network = (typeof NETWORKS)[number];

export const RELATIONSHIP_TYPES = ['client', 'prospect', 'partner', 'colleague', 'friend', 'other'] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

/** What a user can log by hand, and the channel each becomes. */
export const LOG_KINDS = {
  coffee: 'in_person',
  lunch: 'in_person',
  meeting: 'in_person',
  video: 'video',
  call: 'call',
  email: 'email',
} as const satisfies Record<string, Channel>;
export type LogKind = keyof typeof LOG_KINDS;

/** One interaction as the scoring engine sees it, from the point of view of one person. */
export interface Touch {
  at: number;
  channel: Channel;
  network: Network;
  direction: Direction;
  audience: Audience;
  /** Minutes for live touches, words for text; null when unknown. */
  length: number | null;
}

/** Everything known about one person that scoring, flags and the next step read. */
export interface PersonHistory {
  /** Every touch, any order. */
  touches: readonly Touch[];
  /** When the relationship began (connection date), if known; else the first touch counts. */
  connectedAt: number | null;
  /** People met in the same group threads, meetings or companies. */
  mutualContacts: number;
  relationshipType: RelationshipType;
  /** Per-person keep-in-touch cadence in days, overriding the relationship type's. */
  cadenceDays: number | null;
  /** Same city as the user (profile location, company city), when known. */
  sameCity: boolean | null;
  /** An open deal involves this person. */
  hasOpenDeal: boolean;
}

export interface ScoreConfig {
  /** Weight w of each channel; only their order is a contract. */
  weights: Record<Channel, number>;
  /** A touch in a group counts this fraction of its channel weight. */
  groupFactor: number;
  halfLifeDays: number;
  /** Reference lengths for the length factor m. */
  liveReferenceMinutes: number;
  textReferenceWords: number;
  /** Window for reciprocity and balance ratios. */
  balanceWindowDays: number;
  tenureCapDays: number;
  structureCap: number;
  termWeights: { intensity: number; reciprocity: number; tenure: number; structure: number };
  stuck: {
    windowDays: number;
    minInteractions: number;
    minInbound: number;
    maxOfflineRatio: number;
    liveWindowDays: number;
    minKnownDays: number;
  };
  dormantDays: number;
  cadenceDays: Record<RelationshipType, number | null>;
}

export interface ScoreTerms {
  /** Decayed engagement E. */
  engagement: number;
  intensity: number;
  reciprocity: number;
  tenure: number;
  structure: number;
}

export interface Score {
  /** 0–100. */
  strength: number;
  terms: ScoreTerms;
  /** Each term's contribution to strength (points out of 100). */
  contributions: { intensity: number; reciprocity: number; tenure: number; structure: number };
}

export interface Balance {
  /** Decayed tier A+B over decayed all, within the balance window; null when nothing. */
  offlineRatio: number | null;
  liveRatio: number | null;
}

export interface Flags {
  stuckOnline: boolean;
  dormant: boolean;
  overdue: boolean;
}

export type Flag = 'stuck' | 'dormant' | 'overdue';

/** The next rung to climb with a person. */
export type StepKind = 'email' | 'call' | 'video' | 'coffee' | 'follow_up' | 'reconnect';

export interface NextStep {
  kind: StepKind;
  /** Suggested length in minutes, where it applies. */
  minutes: number | null;
  /** Why this rung, in words. */
  why: string;
}

/** A person's whole evaluation at one moment. */
export interface Evaluation {
  score: Score;
  balance: Balance;
  flags: Flags;
  /** The reason in words ("11 LinkedIn messages over 6 weeks, never spoke"). */
  reason: string;
  nextStep: NextStep;
  lastRealConversationAt: number | null;
  lastTouchAt: number | null;
  knownSince: number | null;
  /** Days the person has been stuck online (since the first touch of the current online streak). */
  daysStuck: number;
}
