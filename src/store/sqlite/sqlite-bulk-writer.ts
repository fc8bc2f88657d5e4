import type SqliteDatabase from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { BulkWriter } from '../bulk-writer.js';
import { IDENTITY_COLUMNS, INTERACTION_COLUMNS, PERSON_COLUMNS } from '../bulk-writer.js';
import type { Database } from '../schema.js';

const placeholderRow = (columns: readonly string[]) => Object.fromEntries(columns.map((c) => [c, null]));

/**
 * SQLite writer: the SQL comes from Kysely (one set of queries), compiled once and run as
 * prepared statements on the same connection, so the rows join Kysely's open transaction.
 */
export function sqliteBulkWriter(db: Kysely<Database>, raw: SqliteDatabase.Database): BulkWriter {
  const sql = {
    interaction: db
      .insertInto('interactions')
      .values(placeholderRow(INTERACTION_COLUMNS) as never)
      .onConflict((oc) => oc.columns(['source', 'external_id']).doNothing())
      .compile().sql,
    participant: db
      .insertInto('interaction_participants')
      .values({ interaction_id: 0, person_id: 0, identity_id: null, occurred_at: 0 })
      .onConflict((oc) => oc.columns(['interaction_id', 'person_id']).doNothing())
      .compile().sql,
    person: db
      .insertInto('people')
      .values(placeholderRow(PERSON_COLUMNS) as never)
      .compile().sql,
    identity: db
      .insertInto('identities')
      .values(placeholderRow(IDENTITY_COLUMNS) as never)
      .compile().sql,
  };
  // Prepared on first use: the tables exist only once migrations have run.
  let statements: Record<keyof typeof sql, SqliteDatabase.Statement> | undefined;
  const prepared = () => {
    statements ??= {
      interaction: raw.prepare(sql.interaction),
      participant: raw.prepare(sql.participant),
      person: raw.prepare(sql.person),
      identity: raw.prepare(sql.identity),
    };
    return statements;
  };
  const runInsert = (statement: SqliteDatabase.Statement, columns: readonly string[], row: object) => {
    const record = row as Record<string, unknown>;
    return statement.run(columns.map((c) => record[c] ?? null));
  };

  return {
    async insertInteractions(_executor, rows) {
      const { interaction } = prepared();
      const values: unknown[] = new Array(INTERACTION_COLUMNS.length);
      const ids: (number | null)[] = new Array(rows.length);
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r]!;
        for (let c = 0; c < INTERACTION_COLUMNS.length; c++) values[c] = row[INTERACTION_COLUMNS[c]!] ?? null;
        const result = interaction.run(values);
        ids[r] = result.changes === 1 ? Number(result.lastInsertRowid) : null;
      }
      return ids;
    },
    async insertParticipants(_executor, rows) {
      const { participant } = prepared();
      for (const row of rows) {
        participant.run(row.interaction_id, row.person_id, row.identity_id, row.occurred_at);
      }
    },
    async insertPerson(_executor, row) {
      return Number(runInsert(prepared().person, PERSON_COLUMNS, row).lastInsertRowid);
    },
    async insertIdentity(_executor, row) {
      return Number(runInsert(prepared().identity, IDENTITY_COLUMNS, row).lastInsertRowid);
    },
  };
}
