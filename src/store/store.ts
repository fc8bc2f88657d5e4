import { type Kysely, Migrator, sql } from 'kysely';
import { RapportError } from '../errors.js';
import { postgresBookVersion, sqliteBookVersion } from './book-version.js';
import type { BulkWriter } from './bulk-writer.js';
import { migrationProvider } from './migrations/migrations.js';
import type { Database } from './schema.js';
import { type Dialect, describeLocation, type StoreLocation } from './store-dialect.js';

/** An open database: the Kysely handle every repository uses, plus the bulk-insert port. */
export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  bulk: BulkWriter;
  /** For messages: the file path or the URL without its password. */
  description: string;
  /** A token that changes whenever the book may have changed, in any process (store/book-version.ts). */
  version(): Promise<string>;
  close(): Promise<void>;
}

/** Opens the database at `location` and brings its schema up to date. */
export async function openStore(location: StoreLocation): Promise<Store> {
  let store: Store;
  // Each database's driver loads only when it is used: a laptop on SQLite never pays for pg.
  if (location.dialect === 'sqlite') {
    const { openSqlite } = await import('./sqlite/sqlite-connection.js');
    const { sqliteBulkWriter } = await import('./sqlite/sqlite-bulk-writer.js');
    const { db, raw } = openSqlite(location.path);
    store = {
      db,
      dialect: 'sqlite',
      bulk: sqliteBulkWriter(db, raw),
      description: describeLocation(location),
      version: sqliteBookVersion(raw),
      close: () => db.destroy(),
    };
  } else {
    const { openPostgres } = await import('./postgres/postgres-connection.js');
    const { postgresBulkWriter } = await import('./postgres/postgres-bulk-writer.js');
    const { db } = await openPostgres(location.url);
    store = {
      db,
      dialect: 'postgres',
      bulk: postgresBulkWriter(),
      description: describeLocation(location),
      version: () => postgresBookVersion(db),
      close: () => db.destroy(),
    };
  }
  try {
    await migrate(store);
  } catch (error) {
    await store.close().catch(() => {});
    throw error;
  }
  return store;
}

async function migrate(store: Store): Promise<void> {
  if (await isUpToDate(store)) return;
  const migrator = new Migrator({
    db: store.db,
    provider: migrationProvider(store.dialect),
    migrationTableName: 'rapport_migrations',
    migrationLockTableName: 'rapport_migrations_lock',
  });
  let result: Awaited<ReturnType<Migrator['migrateToLatest']>>;
  try {
    result = await migrator.migrateToLatest();
  } catch (error) {
    throw unavailable(store, error);
  }
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    if (isConnectionError(result.error)) throw unavailable(store, result.error);
    throw new RapportError(
      'db.migration_failed',
      `Updating the database schema of ${store.description} failed at migration ${failed}: ${(result.error as Error).message}. Nothing was changed by that migration; restore a backup or report this.`,
      { migration: failed },
      { cause: result.error },
    );
  }
}

/**
 * One read instead of the migrator's lock-and-compare round trips on every command: when the
 * last applied migration is the newest one, there is nothing to do.
 */
async function isUpToDate(store: Store): Promise<boolean> {
  const names = Object.keys(await migrationProvider(store.dialect).getMigrations()).sort();
  try {
    const row = await sql<{ name: string }>`select max(name) as name from rapport_migrations`.execute(
      store.db,
    );
    return row.rows[0]?.name === names.at(-1);
  } catch {
    return false; // no migrations table yet: a new database
  }
}

function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return /^(ECONNREFUSED|ENOTFOUND|ETIMEDOUT|EAI_AGAIN|28P01|3D000|SQLITE_CANTOPEN|SQLITE_NOTADB)/.test(code);
}

function unavailable(store: Store, error: unknown): RapportError {
  return new RapportError(
    'db.unavailable',
    `Cannot use the database ${store.description}: ${(error as Error).message}. Check that it is reachable (for PostgreSQL, DATABASE_URL) or pick another with --db.`,
    {},
    { cause: error },
  );
}
