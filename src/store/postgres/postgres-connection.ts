import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../schema.js';

// Timestamps and ids are int8 in PostgreSQL; every value Rapport stores fits a double exactly,
// so parse them as numbers rather than the driver's default strings (count() included).
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

export interface PostgresConnection {
  db: Kysely<Database>;
  pool: pg.Pool;
}

/** A pooled connection to the PostgreSQL server at `url`. */
export function openPostgres(url: string): PostgresConnection {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), pool };
}
