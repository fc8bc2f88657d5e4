import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { RapportError } from '../../errors.js';
import type { Database } from '../schema.js';

export interface SqliteConnection {
  db: Kysely<Database>;
  raw: SqliteDatabase.Database;
}

/** Opens (creating if needed) one SQLite file in WAL mode with foreign keys on. */
export function openSqlite(path: string): SqliteConnection {
  let raw: SqliteDatabase.Database;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    raw = new SqliteDatabase(path);
    raw.pragma('journal_mode = WAL');
    // NORMAL is durable across application crashes in WAL mode and much faster than FULL.
    raw.pragma('synchronous = NORMAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    // 32 MiB of page cache (an upper bound, filled only as pages are read): imports insert
    // into indexes keyed by content hashes, which touch pages all over the b-trees. With a
    // 500,000-message mailbox (interactions, participants and their indexes) 16 MiB made the
    // inserts re-read pages from the OS for most rows and the import a third slower; 64 MiB was
    // no faster than 32 and pushed an import's peak memory towards its 400 MB bound.
    raw.pragma('cache_size = -32768');
  } catch (error) {
    throw new RapportError(
      'db.unavailable',
      `Cannot open the database file ${path}: ${(error as Error).message}. Check the path and its permissions, or choose another with --db.`,
      { path },
      { cause: error },
    );
  }
  return { db: new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) }), raw };
}
