import type { Executor } from './bulk-writer.js';
import { chunks } from './people.repository.js';
import type { PersonEvaluationRow, PersonRow } from './schema.js';

export type EvaluatedRow = PersonRow & Pick<PersonEvaluationRow, 'evaluation' | 'evaluated_at'>;

/** Stored evaluations (see schema PersonEvaluationsTable). */
export const evaluationsRepository = {
  /** Replaces the evaluations of the given people. */
  async replace(db: Executor, rows: readonly PersonEvaluationRow[]): Promise<void> {
    for (const chunk of chunks(rows, 500)) {
      await db
        .deleteFrom('person_evaluations')
        .where(
          'person_id',
          'in',
          chunk.map((r) => r.person_id),
        )
        .execute();
      // 18 columns × 500 rows keeps under every database's parameter limit (SQLite's is 32766).
      await db.insertInto('person_evaluations').values(chunk).execute();
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

  /** The stored evaluations of the contacts whose most urgent flag is `flag`, with what ranking needs. */
  async flagged(
    db: Executor,
    flag: 'stuck' | 'overdue' | 'dormant',
  ): Promise<{ id: number; relationship_type: string; rank_inputs: string }[]> {
    // Each person once, under their most urgent flag: stuck, then overdue, then dormant.
    const outranking = { stuck: [], overdue: ['stuck'], dormant: ['stuck', 'overdue'] } as const;
    let query = db
      .selectFrom('person_evaluations as e')
      .innerJoin('people as p', 'p.id', 'e.person_id')
      .select(['p.id', 'p.relationship_type', 'e.rank_inputs'])
      .where('e.flagged', '=', 1)
      .where(`e.${flag}`, '=', 1);
    for (const other of outranking[flag]) query = query.where(`e.${other}`, '=', 0);
    return query.execute();
  },

  /** Every contact with their stored evaluation. */
  async list(db: Executor): Promise<EvaluatedRow[]> {
    return db
      .selectFrom('people as p')
      .innerJoin('person_evaluations as e', 'e.person_id', 'p.id')
      .selectAll('p')
      .select(['e.evaluation', 'e.evaluated_at'])
      .where('p.is_owner', '=', 0)
      .orderBy('p.id')
      .execute();
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
