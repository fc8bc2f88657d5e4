import type { Kysely, Transaction } from 'kysely';
import type { Database, NewIdentity, NewInteraction, NewPerson, PersonEvaluationRow } from './schema.js';

export interface ParticipantInsert {
  interaction_id: number;
  person_id: number;
  identity_id: number | null;
  occurred_at: number;
}

export type Executor = Kysely<Database> | Transaction<Database>;

/**
 * The hot path of an import, one implementation per database: millions of rows must go in
 * at a good fraction of the database's raw insert speed, which building each query anew
 * cannot reach. The SQL is Kysely's in both; only how it is executed differs.
 */
export interface BulkWriter {
  /** Rows per insertInteractions call this writer works best with (default: 1,000). */
  readonly batchRows?: number | undefined;
  /**
   * Inserts interactions in order, skipping any whose (source, external_id) is already stored.
   * Returns, for each row, its new id, or null when it was a duplicate.
   */
  insertInteractions(executor: Executor, rows: readonly NewInteraction[]): Promise<(number | null)[]>;
  /** Inserts participant rows; an existing (interaction, person) pair is left as it is. */
  insertParticipants(executor: Executor, rows: readonly ParticipantInsert[]): Promise<void>;
  /** Inserts one person and returns the id. */
  insertPerson(executor: Executor, row: NewPerson): Promise<number>;
  /** Inserts one identity and returns the id. */
  insertIdentity(executor: Executor, row: NewIdentity): Promise<number>;
  /** Inserts evaluations of people who have none stored (an import scores thousands at once). */
  insertEvaluations(executor: Executor, rows: readonly PersonEvaluationRow[]): Promise<void>;
}

/** Column order for interaction inserts, shared by both writers. */
export const INTERACTION_COLUMNS = [
  'source',
  'external_id',
  'import_id',
  'occurred_at',
  'channel',
  'network',
  'direction',
  'audience',
  'length',
  'thread_id',
  'snippet',
  'activity',
  'note',
  'created_at',
] as const satisfies readonly (keyof NewInteraction)[];

/** Column order for person inserts. */
export const PERSON_COLUMNS = [
  'display_name',
  'first_name',
  'last_name',
  'company',
  'title',
  'location',
  'connected_at',
  'is_owner',
  'import_id',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof NewPerson)[];

/** Column order for identity inserts. */
export const IDENTITY_COLUMNS = [
  'person_id',
  'network',
  'key',
  'handle',
  'external_id',
  'profile_url',
  'display_name',
  'import_id',
  'created_at',
] as const satisfies readonly (keyof NewIdentity)[];

/** Column order for evaluation inserts: every column, checked against the schema's type. */
export const EVALUATION_COLUMNS = [
  'person_id',
  'evaluated_at',
  'recheck_at',
  'stuck',
  'dormant',
  'overdue',
  'flagged',
  'strength',
  'offline_ratio',
  'live_ratio',
  'last_real_at',
  'last_touch_at',
  'name_key',
  'company_key',
  'search_text',
  'today_bucket',
  'value_rank',
  'gap_band',
  'urgency_since',
  'rank_inputs',
  'evaluation',
  'config_key',
] as const satisfies readonly (keyof PersonEvaluationRow)[];

/** A compile-time check that EVALUATION_COLUMNS names every column (an insert must not drop one). */
type MissingEvaluationColumn = Exclude<keyof PersonEvaluationRow, (typeof EVALUATION_COLUMNS)[number]>;
const everyEvaluationColumn: MissingEvaluationColumn extends never ? true : MissingEvaluationColumn = true;
void everyEvaluationColumn;
