import { type Kysely, sql } from 'kysely';

/**
 * Today ranked in SQL (issue #5): each stored evaluation carries the keys core/today.ts ranks
 * by (todayKeysOf), so Today is one index range in rankToday's order instead of parsing every
 * flagged person's rank inputs. Rows stored before this migration have the keys empty and are
 * marked due, so the next read re-evaluates them.
 */
export function todayOrderMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      for (const [column, type] of [
        ['today_bucket', 'integer'],
        ['value_rank', 'integer'],
        ['gap_band', 'integer'],
        ['urgency_since', 'bigint'],
      ] as const) {
        await db.schema.alterTable('person_evaluations').addColumn(column, type).execute();
      }
      await sql`update person_evaluations set recheck_at = 0`.execute(db);
      // Serves ORDER BY today_bucket, value_rank, gap_band DESC, <whole days since urgency_since>
      // DESC, person_id: the days are monotone in urgency_since, so the database reads the index
      // in order and only sorts rows that share the first three keys. Only people on Today.
      await db.schema
        .createIndex('person_evaluations_today_idx')
        .on('person_evaluations')
        .columns(['today_bucket', 'value_rank', 'gap_band desc', 'urgency_since', 'person_id'])
        .where(sql.ref('today_bucket'), 'is not', null)
        .execute();
    },
  };
}
