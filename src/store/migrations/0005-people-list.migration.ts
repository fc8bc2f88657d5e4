import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../store-dialect.js';

/**
 * The people list as an indexed page (issue #5): each stored evaluation carries the values the
 * list sorts by and shows, so a page reads a few rows from an index instead of parsing every
 * evaluation. Rows stored before this migration have the new columns empty and are marked due,
 * so the next read re-evaluates them.
 */
export function peopleListMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      const columns = [
        ['offline_ratio', 'double precision'],
        ['live_ratio', 'double precision'],
        ['last_real_at', 'bigint'],
        ['last_touch_at', 'bigint'],
        ['name_key', 'text'],
        ['company_key', 'text'],
        ['search_text', 'text'],
      ] as const;
      for (const [column, type] of columns) {
        await db.schema
          .alterTable('person_evaluations')
          .addColumn(column, type, (c) =>
            // Sort keys compare code point by code point in both databases (see store/sort-key.ts).
            type === 'text' && dialect === 'postgres' ? c.modifyEnd(sql`collate "C"`) : c,
          )
          .execute();
      }
      await sql`update person_evaluations set recheck_at = 0`.execute(db);

      // One index per sort, in the sort's natural direction (numbers highest first, words A–Z)
      // with ties by id ascending; the other direction reads the same index backwards.
      for (const [name, key] of [
        ['strength', 'strength desc'],
        ['offline', 'offline_ratio desc'],
        ['live', 'live_ratio desc'],
        ['last_real', 'last_real_at desc'],
        ['name', 'name_key'],
        ['company', 'company_key'],
      ] as const) {
        await db.schema
          .createIndex(`person_evaluations_${name}_sort_idx`)
          .on('person_evaluations')
          .columns([key, 'person_id'])
          .execute();
      }
      // A search reads every row's search text: from this narrow index rather than the wide rows
      // (each holds its whole evaluation as JSON), ten times fewer pages in SQLite.
      await db.schema
        .createIndex('person_evaluations_search_idx')
        .on('person_evaluations')
        .columns(['search_text', 'person_id'])
        .execute();
    },
  };
}
