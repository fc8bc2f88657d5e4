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
    // 16 MiB of page cache: imports insert into indexes keyed by content hashes, which touch
    // pages all over the b-trees, and the 2 MiB default makes that two to three times slower.
    // 32 MiB made the large imports up to a fifth faster, but their peak memory then jumped past
    // 400 MB in a third of the LinkedIn benchmark's runs (native memory, not the JS heaps):
    // memory is the bound an import must keep.
    raw.pragma('cache_size = -16384');
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
