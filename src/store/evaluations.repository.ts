import { sql } from 'kysely';
import { DAY_MS } from '../core/duration.js';
import type { BulkWriter, Executor } from './bulk-writer.js';
import { chunks } from './people.repository.js';
import type { PersonEvaluationRow } from './schema.js';

/** Stored evaluations (see schema PersonEvaluationsTable). */
export const evaluationsRepository = {
  /** Replaces the evaluations of the given people, inserting through the store's bulk writer. */
  async replace(db: Executor, bulk: BulkWriter, rows: readonly PersonEvaluationRow[]): Promise<void> {
    for (const chunk of chunks(rows, 500)) {
      await db
        .deleteFrom('person_evaluations')
        .where(
          'person_id',
          'in',
          chunk.map((r) => r.person_id),
        )
        .execute();
      await bulk.insertEvaluations(db, chunk);
    }
  },

  /**
   * Contacts whose evaluation is due (recheck time passed), missing, or from after `now` (the
   * clock moved back). Cheap when nothing is due: a maximum and three counts that need no scan,
   * then an index range (every list read asks this first).
   */
  async due(db: Executor, now: number): Promise<number[]> {
    // One statement; each count alone, without a WHERE, which SQLite answers from the b-tree
    // pages instead of visiting every row; the owners are the few rows of an index range.
    const { latest, stored, people, owners } = await db
      .selectNoFrom((eb) => [
        eb
          .selectFrom('person_evaluations')
          .select((s) => s.fn.max('evaluated_at').as('m'))
          .as('latest'),
        eb
          .selectFrom('person_evaluations')
          .select((s) => s.fn.countAll<number>().as('n'))
          .as('stored'),
        eb
          .selectFrom('people')
          .select((s) => s.fn.countAll<number>().as('n'))
          .as('people'),
        eb
          .selectFrom('people')
          .select((s) => s.fn.countAll<number>().as('n'))
          .where('is_owner', '=', 1)
          .as('owners'),
      ])
      .executeTakeFirstOrThrow();
    const contacts = Number(people) - Number(owners);
    if ((latest !== null && Number(latest) > now) || Number(stored) !== contacts) {
      const rows = await db
        .selectFrom('people as p')
        .leftJoin('person_evaluations as e', 'e.person_id', 'p.id')
        .select('p.id')
        .where('p.is_owner', '=', 0)
        .where((eb) =>
          eb.or([
            eb('e.person_id', 'is', null),
            eb('e.evaluated_at', '>', now),
            eb('e.recheck_at', '<=', now),
          ]),
        )
        .execute();
      return rows.map((r) => r.id);
    }
    const rows = await db
      .selectFrom('person_evaluations')
      .select('person_id')
      .where('recheck_at', '<=', now)
      .execute();
    return rows.map((r) => r.person_id);
  },

  /**
   * The first `limit` people of Today at `now`, in core rankToday's order (see core TodayKeys):
   * bucket, value rank, gap band highest first, whole days of urgency most first, then id. Reads
   * the partial index person_evaluations_today_idx in order; only rows sharing the first three
   * keys are sorted by their days.
   */
  async todayPage(db: Executor, now: number, limit: number): Promise<{ id: number; today_bucket: number }[]> {
    const at = sql<number>`cast(${now} as bigint)`;
    // floor((now − since) / day) as rankToday counts it: integer division of a positive
    // difference is its floor in both databases; unknown or future instants count 0 days.
    const days = sql<number>`case when urgency_since is null or urgency_since >= ${at} then 0 else (${at} - urgency_since) / ${sql.lit(DAY_MS)} end`;
    const rows = await db
      .selectFrom('person_evaluations')
      .select(['person_id', 'today_bucket'])
      .where('today_bucket', 'is not', null)
      .orderBy('today_bucket')
      .orderBy('value_rank')
      .orderBy('gap_band', 'desc')
      .orderBy(days, 'desc')
      .orderBy('person_id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.person_id, today_bucket: Number(r.today_bucket) }));
  },

  /** The earliest recheck time of any stored evaluation (when one falls due), or null. Reads one index end. */
  async earliestRecheck(db: Executor): Promise<number | null> {
    const row = await db
      .selectFrom('person_evaluations')
      .select((s) => s.fn.min('recheck_at').as('m'))
      .executeTakeFirst();
    return row?.m === null || row?.m === undefined ? null : Number(row.m);
  },

  /**
   * The first moment after `now` at which any Today person's whole days of urgency grow, so
   * todayPage's order may change; null when no one is on Today. Scans Today's partial index.
   */
  async nextUrgencyDay(db: Executor, now: number): Promise<number | null> {
    const at = sql<number>`cast(${now} as bigint)`;
    const day = sql.lit(DAY_MS);
    // floor((t − since) / day) next grows at since + (its value at now + 1) × day.
    const next = sql<number>`case when urgency_since >= ${at} then urgency_since + ${day} else urgency_since + ((${at} - urgency_since) / ${day} + 1) * ${day} end`;
    const row = await db
      .selectFrom('person_evaluations')
      .select((s) => s.fn.min(next).as('m'))
      .where('today_bucket', 'is not', null)
      .where('urgency_since', 'is not', null)
      .executeTakeFirst();
    return row?.m === null || row?.m === undefined ? null : Number(row.m);
  },

  /** Marks evaluations due now, for people whose evaluation depends on something that changed. */
  async invalidate(db: Executor, personIds: readonly number[] | 'all'): Promise<void> {
    if (personIds === 'all') {
      await db.updateTable('person_evaluations').set({ recheck_at: 0 }).execute();
      return;
    }
    for (const chunk of chunks(personIds, 500)) {
      await db
        .updateTable('person_evaluations')
        .set({ recheck_at: 0 })
        .where('person_id', 'in', chunk)
        .execute();
    }
  },
};
