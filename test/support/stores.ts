import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, inject } from 'vitest';
import { openStore, type Store } from '../../src/store/store.js';
import type { Dialect, StoreLocation } from '../../src/store/store-dialect.js';

/** A fresh, empty database of one dialect, and how to throw it away. */
export interface TestDatabase {
  dialect: Dialect;
  location: StoreLocation;
  open(): Promise<Store>;
  drop(): Promise<void>;
}

/** Creates a fresh SQLite file or PostgreSQL database for one test. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-test-'));
    const location: StoreLocation = { dialect, path: join(dir, 'rapport.db') };
    return {
      dialect,
      location,
      open: () => openStore(location),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const adminUrl = inject('postgresUrl');
  if (!adminUrl) throw new Error('PostgreSQL is not available for this run');
  const name = `rapport_t_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const location: StoreLocation = { dialect, url: url.toString() };
  return {
    dialect,
    location,
    open: () => openStore(location),
    drop: () => withAdmin(adminUrl, (c) => dropWhenIdle(c, name)),
  };
}

/**
 * pg's pool.end() resolves before its sockets have closed; dropping WITH (FORCE) at that moment
 * kills a closing connection, whose client then throws. Wait for the server to see them go.
 */
async function dropWhenIdle(client: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const { rows } = await client.query(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
      [name],
    );
    if (rows[0].n === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The dialects this run can test: PostgreSQL only when a server is available (always in CI). */
export function availableDialects(): Dialect[] {
  return inject('postgresUrl') ? ['sqlite', 'postgres'] : ['sqlite'];
}

/**
 * Runs the same suite on every database. Without PostgreSQL the PostgreSQL copy is declared
 * skipped, so the gap shows in the counts instead of passing silently.
 */
export function describeEachDatabase(name: string, suite: (dialect: Dialect) => void): void {
  const hasPostgres = Boolean(inject('postgresUrl'));
  describe(`${name} [sqlite]`, () => suite('sqlite'));
  (hasPostgres ? describe : describe.skip)(`${name} [postgres]`, () => suite('postgres'));
}

/**
 * A fresh database of `dialect` for each test, opened (and migrated) before it and dropped
 * after it. A test may swap in another database or store; whatever is current is cleaned up.
 */
export function useTestStore(dialect: Dialect): { database: TestDatabase; store: Store } {
  const current = {} as { database: TestDatabase; store: Store };
  beforeEach(async () => {
    current.database = await createTestDatabase(dialect);
    current.store = await current.database.open();
  });
  afterEach(async () => {
    await current.store.close();
    await current.database.drop();
  });
  return current;
}
