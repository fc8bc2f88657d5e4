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
  // data_version takes the file's locks (a few system calls); total_changes() reads a counter.
  // Under load one event-loop turn handles many requests, nearly all sent before it began: the
  // other processes' counter is read once per turn for all of them, so another process's commit
  // is seen from the next turn on (well under a millisecond later). This process's own writes
  // are counted on every call, so a request never misses the writes it follows here.
  let othersThisTurn: number | undefined;
  const forget = () => {
    othersThisTurn = undefined;
  };
  return async () => {
    if (othersThisTurn === undefined) {
      othersThisTurn = dataVersion.get()!;
      setImmediate(forget);
    }
    return `${othersThisTurn}:${ownChanges.get()}`;
  };
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
