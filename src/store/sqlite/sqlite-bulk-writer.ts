import type SqliteDatabase from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { BulkWriter, ParticipantInsert } from '../bulk-writer.js';
import { INTERACTION_COLUMNS } from '../bulk-writer.js';
import type { Database, NewInteraction } from '../schema.js';

/**
 * SQLite writer: the SQL comes from Kysely (one set of queries), compiled once and run as
 * prepared statements on the same connection, so the rows join Kysely's open transaction.
 */
export function sqliteBulkWriter(db: Kysely<Database>, raw: SqliteDatabase.Database): BulkWriter {
  const sample = Object.fromEntries(INTERACTION_COLUMNS.map((c) => [c, null])) as unknown as NewInteraction;
  const interactionSql = db
    .insertInto('interactions')
    .values(sample)
    .onConflict((oc) => oc.columns(['source', 'external_id']).doNothing())
    .compile().sql;
  const participantSql = db
    .insertInto('interaction_participants')
    .values({ interaction_id: 0, person_id: 0, identity_id: null, occurred_at: 0 })
    .onConflict((oc) => oc.columns(['interaction_id', 'person_id']).doNothing())
    .compile().sql;
  // Prepared on first use: the tables exist only once migrations have run.
  let statements:
    | { interaction: SqliteDatabase.Statement; participant: SqliteDatabase.Statement }
    | undefined;
  const prepared = () => {
    statements ??= { interaction: raw.prepare(interactionSql), participant: raw.prepare(participantSql) };
    return statements;
  };
  const values: unknown[] = new Array(INTERACTION_COLUMNS.length);

  return {
    async insertInteractions(_executor, rows) {
      const insertInteraction = prepared().interaction;
      const ids: (number | null)[] = new Array(rows.length);
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r]!;
        for (let c = 0; c < INTERACTION_COLUMNS.length; c++) values[c] = row[INTERACTION_COLUMNS[c]!] ?? null;
        const result = insertInteraction.run(values);
        ids[r] = result.changes === 1 ? Number(result.lastInsertRowid) : null;
      }
      return ids;
    },
    async insertParticipants(_executor, rows: readonly ParticipantInsert[]) {
      const insertParticipant = prepared().participant;
      for (const row of rows) {
        insertParticipant.run(row.interaction_id, row.person_id, row.identity_id, row.occurred_at);
      }
    },
  };
}
