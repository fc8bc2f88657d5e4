import type { Generated, Insertable, Selectable } from 'kysely';

/**
 * The one schema, shared by SQLite and PostgreSQL. Timestamps are integer milliseconds
 * since the Unix epoch (UTC) in both, so no dialect's date handling leaks into the domain.
 */

export interface ImportsTable {
  id: Generated<number>;
  source: string;
  label: string;
  content_hash: string | null;
  status: 'running' | 'done' | 'failed' | 'undone';
  started_at: number;
  finished_at: number | null;
  /** JSON: ImportCounts. */
  counts: string | null;
  /** JSON: FileReport[]. */
  report: string | null;
  error: string | null;
}

export interface PeopleTable {
  id: Generated<number>;
  display_name: string;
  first_name: string | null;
  last_name: string | null;
  company: string | null;
  title: string | null;
  location: string | null;
  /** JSON array of strings. */
  tags: Generated<string>;
  relationship_type: Generated<string>;
  cadence_days: number | null;
  connected_at: number | null;
  is_owner: Generated<number>;
  /** The import that created this person; null when created by hand. */
  import_id: number | null;
  created_at: number;
  updated_at: number;
}

export interface IdentitiesTable {
  id: Generated<number>;
  person_id: number;
  network: string;
  key: string;
  handle: string | null;
  external_id: string | null;
  profile_url: string | null;
  display_name: string | null;
  import_id: number | null;
  created_at: number;
}

/** Which imports saw which identity, so undoing one import keeps what another still needs. */
export interface IdentitySightingsTable {
  import_id: number;
  identity_id: number;
}

export interface InteractionsTable {
  id: Generated<number>;
  source: string;
  external_id: string;
  import_id: number | null;
  occurred_at: number;
  channel: string;
  network: string;
  direction: string;
  audience: string;
  length: number | null;
  thread_id: string | null;
  snippet: string | null;
  /** What was logged by hand (coffee, lunch…); null for imported touches. */
  activity: string | null;
  note: string | null;
  created_at: number;
}

/**
 * Who took part in an interaction. `person_id` and `occurred_at` are copied here so that
 * the recent-window scan behind Today reads one index; merges move `person_id` along.
 */
export interface InteractionParticipantsTable {
  interaction_id: number;
  person_id: number;
  identity_id: number | null;
  occurred_at: number;
}

/**
 * Each person's evaluation as of `evaluated_at`, kept so lists and Today need not rescan every
 * touch. It stays true until `recheck_at` (core `stableUntil`): only the intensity term decays
 * in between. Rebuilt whenever the person's touches change, at recheck time, or on a config change.
 */
export interface PersonEvaluationsTable {
  person_id: number;
  evaluated_at: number;
  recheck_at: number | null;
  stuck: number;
  dormant: number;
  overdue: number;
  /** 1 when any flag is set: Today reads only these. */
  flagged: number;
  strength: number;
  /** What the people list sorts by and shows (core Evaluation balance and dates); null when unknown. */
  offline_ratio: number | null;
  live_ratio: number | null;
  last_real_at: number | null;
  last_touch_at: number | null;
  /** Name and company as they sort (store/sort-key.ts); null when blank. */
  name_key: string | null;
  company_key: string | null;
  /** Name, company and title folded alike, for searching; null only before the first evaluation after 0005. */
  search_text: string | null;
  /** Today's order (core todayKeysOf): bucket 0 stuck, 1 overdue, 2 dormant worth reviving, null when not on Today. */
  today_bucket: number | null;
  /** 0 open deal, 1 prospect or client, 2 partner, 3 other; null only before the first evaluation after 0006. */
  value_rank: number | null;
  /** Strength-gap band, higher first; null only before the first evaluation after 0006. */
  gap_band: number | null;
  /** The instant Today's urgency days count from; null when unknown or not on Today. */
  urgency_since: number | null;
  /** JSON: core RankInputs, what Today ranks by. */
  rank_inputs: string;
  /** JSON: core Evaluation. */
  evaluation: string;
  /** Fingerprint of the scoring config it was computed with. */
  config_key: string;
}

/**
 * One merge of two people, with everything an exact unmerge needs: the merged person's row, the
 * identities and hand-logged interactions that moved, the participations dropped because the
 * kept person already took part, and the facts the merge filled in on the kept person.
 */
export interface MergesTable {
  id: Generated<number>;
  kept_person_id: number;
  merged_person_id: number;
  /** JSON: the merged person's row. */
  merged_person: string;
  /** JSON: number[]. */
  identity_ids: string;
  /** JSON: number[]. */
  manual_interaction_ids: string;
  /** JSON: { interaction_id, identity_id, occurred_at }[]. */
  collisions: string;
  /** JSON: { patch, previous }: the facts the merge wrote on the kept person, and what they were. */
  filled_facts: string;
  /** JSON: number[] — the merged person's plans moved to the kept person. */
  plan_ids: Generated<string>;
  /** JSON: { moved: number[], shared: number[] } — deals whose membership moved, and deals both were in. */
  deal_ids: Generated<string>;
  reason: string;
  confidence: number | null;
  /** The import whose certain match made this merge; null when a user merged. */
  import_id: number | null;
  created_at: number;
  undone_at: number | null;
}

/** The offline steps as they move suggested → proposed → scheduled → done / declined / no_show (or cancelled). */
export interface PlansTable {
  id: Generated<number>;
  person_id: number;
  /** coffee, lunch, video, call, email. */
  kind: string;
  /** suggested, proposed, scheduled, done, declined, no_show, cancelled (see core plan-status.ts). */
  status: string;
  minutes: number | null;
  /** Why this step, in words. */
  why: string;
  /** JSON: { start, end }[] — the proposed slots (ms). */
  slots: Generated<string>;
  /** The agreed (or first proposed) time; null for an email. */
  starts_at: number | null;
  ends_at: number | null;
  /** IANA zone the slots were found in. */
  time_zone: string | null;
  location: string | null;
  video_link: string | null;
  /** The message draft, plain text, as the user last edited it. */
  draft: string | null;
  /** The invite's UID, stable over updates; SEQUENCE counts the updates. */
  invite_uid: string;
  invite_sequence: Generated<number>;
  /** The outcome note written when the plan is closed. */
  outcome: string | null;
  /** The conversation recorded when the plan was done. */
  interaction_id: number | null;
  created_at: number;
  updated_at: number;
}

export interface DealsTable {
  id: Generated<number>;
  title: string;
  /** Free text stage within the user's pipeline (lead, proposal, negotiation…). */
  stage: string;
  /** open, won, lost. */
  status: string;
  value: number | null;
  /** ISO 4217 code. */
  currency: string | null;
  opened_at: number;
  closed_at: number | null;
  note: string | null;
  created_at: number;
  updated_at: number;
}

export interface DealPeopleTable {
  deal_id: number;
  person_id: number;
}

/** The owner's busy times from imported calendars, kept for finding free slots. */
export interface BusyTimesTable {
  id: Generated<number>;
  import_id: number;
  starts_at: number;
  ends_at: number;
  file: string;
}

export interface SettingsTable {
  key: string;
  /** JSON. */
  value: string;
}

export interface Database {
  imports: ImportsTable;
  people: PeopleTable;
  identities: IdentitiesTable;
  identity_sightings: IdentitySightingsTable;
  interactions: InteractionsTable;
  interaction_participants: InteractionParticipantsTable;
  person_evaluations: PersonEvaluationsTable;
  merges: MergesTable;
  settings: SettingsTable;
  plans: PlansTable;
  deals: DealsTable;
  deal_people: DealPeopleTable;
  busy_times: BusyTimesTable;
}

export type ImportRow = Selectable<ImportsTable>;
export type PersonRow = Selectable<PeopleTable>;
export type NewPerson = Insertable<PeopleTable>;
export type IdentityRow = Selectable<IdentitiesTable>;
export type NewIdentity = Insertable<IdentitiesTable>;
export type InteractionRow = Selectable<InteractionsTable>;
export type NewInteraction = Insertable<InteractionsTable>;
export type PersonEvaluationRow = Selectable<PersonEvaluationsTable>;
export type MergeRow = Selectable<MergesTable>;
export type PlanRow = Selectable<PlansTable>;
export type NewPlan = Insertable<PlansTable>;
export type DealRow = Selectable<DealsTable>;
export type NewDeal = Insertable<DealsTable>;
export type BusyTimeRow = Selectable<BusyTimesTable>;
