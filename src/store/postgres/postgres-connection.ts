import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from '../schema.js';

/**
 * A pooled connection to the PostgreSQL server at `url`. The driver is imported here, on first
 * use, so that SQLite users never load it.
 */
export async function openPostgres(url: string): Promise<{ db: Kysely<Database> }> {
  const { default: pg } = await import('pg');
  // Timestamps and ids are int8 in PostgreSQL; every value Rapport stores fits a double exactly,
  // so parse them as numbers rather than the driver's default strings (count() included).
  pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
  pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }) };
}
