import type SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, type Kysely } from 'kysely';
import type { Database } from './schema.js';

/*
 * Store.version: a token that changes whenever anything in the book may have changed, from this
 * process or any other, read with one cheap query that touches no table. Equal tokens mean the
 * same committed data; a different token may be a change that does not matter (then a cache
 * makes its answer once more).
 */

/**
 * SQLite: `data_version` changes when another connection (the CLI, another server) commits to
 * the file; `total_changes()` counts the rows this connection has inserted, updated or deleted,
 * and every write of this process goes through the store's one connection.
 * Prepared statements, run as they are: they read two counters, so need no place in Kysely's queue.
 */
export function sqliteBookVersion(raw: SqliteDatabase.Database): () => Promise<string> {
  // Two plain statements: a third faster than one select over the pragma_data_version table.
  const dataVersion = raw.prepare<[], number>('pragma data_version').pluck();
  const ownChanges = raw.prepare<[], number>('select total_changes()').pluck();
  return async () => `${dataVersion.get()}:${ownChanges.get()}`;
}

const POSTGRES_VERSION = CompiledQuery.raw('select pg_current_snapshot()::text as v');

/**
 * PostgreSQL: the current snapshot (xmin:xmax:in-progress ids). Two equal snapshots see exactly
 * the same committed transactions; a transaction that writes takes an id, which moves xmax, and
 * its commit leaves the in-progress list, so any write to the book from any connection changes
 * the token. No trigger or counter row is needed, so writes pay nothing and concurrent writers
 * do not queue on one row; the price is that writes to other databases of the same server change
 * it too (an answer made once more, never a stale one).
 */
export async function postgresBookVersion(db: Kysely<Database>): Promise<string> {
  const { rows } = await db.executeQuery<{ v: string }>(POSTGRES_VERSION);
  return rows[0]!.v;
}
