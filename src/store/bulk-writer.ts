import type { Kysely, Transaction } from 'kysely';
import type { Database, NewInteraction } from './schema.js';

export interface ParticipantInsert {
  interaction_id: number;
  person_id: number;
  identity_id: number | null;
  occurred_at: number;
}

export type Executor = Kysely<Database> | Transaction<Database>;

/**
 * The hot path of an import, one implementation per database: millions of rows must go in
 * at a good fraction of the database's raw insert speed, which per-row query building cannot reach.
 */
export interface BulkWriter {
  /**
   * Inserts interactions in order, skipping any whose (source, external_id) is already stored.
   * Returns, for each row, its new id, or null when it was a duplicate.
   */
  insertInteractions(executor: Executor, rows: readonly NewInteraction[]): Promise<(number | null)[]>;
  /** Inserts participant rows; an existing (interaction, person) pair is left as it is. */
  insertParticipants(executor: Executor, rows: readonly ParticipantInsert[]): Promise<void>;
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
