import type SqliteDatabase from 'better-sqlite3';
import type { Kysely } from 'kysely';
import type { BulkWriter } from '../bulk-writer.js';
import { EVALUATION_COLUMNS, IDENTITY_COLUMNS, INTERACTION_COLUMNS, PERSON_COLUMNS } from '../bulk-writer.js';
import type { Database } from '../schema.js';

const placeholderRow = (columns: readonly string[]) => Object.fromEntries(columns.map((c) => [c, null]));

/** The order insertInteractions binds its values in; checked against INTERACTION_COLUMNS below. */
const BOUND_INTERACTION_COLUMNS =
  'source,external_id,import_id,occurred_at,channel,network,direction,audience,length,thread_id,snippet,activity,note,created_at';

/**
 * SQLite writer: the SQL comes from Kysely (one set of queries), compiled once and run as
 * prepared statements on the same connection, so the rows join Kysely's open transaction.
 */
export function sqliteBulkWriter(db: Kysely<Database>, raw: SqliteDatabase.Database): BulkWriter {
  if (INTERACTION_COLUMNS.join(',') !== BOUND_INTERACTION_COLUMNS)
    throw new Error(
      'INTERACTION_COLUMNS changed: update the values insertInteractions binds, in the same order',
    );
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
    evaluation: db
      .insertInto('person_evaluations')
      .values(placeholderRow(EVALUATION_COLUMNS) as never)
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
      evaluation: raw.prepare(sql.evaluation),
    };
    return statements;
  };
  const runInsert = (statement: SqliteDatabase.Statement, columns: readonly string[], row: object) => {
    const record = row as Record<string, unknown>;
    return statement.run(columns.map((c) => record[c] ?? null));
  };

  return {
    // Statements run in-process, so small batches cost nothing and keep fewer rows alive at once.
    batchRows: 250,
    async insertInteractions(_executor, rows) {
      const { interaction } = prepared();
      const ids: (number | null)[] = new Array(rows.length);
      for (let r = 0; r < rows.length; r++) {
        const row = rows[r]!;
        // Named fields in INTERACTION_COLUMNS order, not a loop over the names: this runs a
        // million times per large import, and keyed reads of row[name] cost more than the bind.
        const result = interaction.run(
          row.source,
          row.external_id,
          row.import_id ?? null,
          row.occurred_at,
          row.channel,
          row.network,
          row.direction,
          row.audience,
          row.length ?? null,
          row.thread_id ?? null,
          row.snippet ?? null,
          row.activity ?? null,
          row.note ?? null,
          row.created_at,
        );
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
    async insertEvaluations(_executor, rows) {
      const { evaluation } = prepared();
      for (const row of rows) runInsert(evaluation, EVALUATION_COLUMNS, row);
    },
  };
}
