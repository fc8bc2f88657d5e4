import type { Executor } from './bulk-writer.js';
import { chunks } from './people.repository.js';
import type { InteractionRow } from './schema.js';

/** One touch as stored, seen from one participant. */
export interface TouchRow {
  person_id: number;
  occurred_at: number;
  channel: string;
  network: string;
  direction: string;
  audience: string;
  length: number | null;
}

export interface TimelineRow extends InteractionRow {
  person_id: number;
}

function touchQuery(db: Executor) {
  return db
    .selectFrom('interaction_participants as p')
    .innerJoin('interactions as i', 'i.id', 'p.interaction_id')
    .select([
      'p.person_id',
      'p.occurred_at',
      'i.channel',
      'i.network',
      'i.direction',
      'i.audience',
      'i.length',
    ]);
}

/** Interactions and who took part in them. */
export const interactionsRepository = {
  /** Every touch of the given people, ordered by person. */
  async touchesOf(db: Executor, personIds: readonly number[]): Promise<TouchRow[]> {
    const rows: TouchRow[] = [];
    for (const chunk of chunks(personIds, 500)) {
      rows.push(...(await touchQuery(db).where('p.person_id', 'in', chunk).orderBy('p.person_id').execute()));
    }
    return rows;
  },

  /** A person's interactions, newest first. */
  async timeline(db: Executor, personId: number, limit: number): Promise<TimelineRow[]> {
    return db
      .selectFrom('interaction_participants as p')
      .innerJoin('interactions as i', 'i.id', 'p.interaction_id')
      .selectAll('i')
      .select('p.person_id')
      .where('p.person_id', '=', personId)
      .orderBy('i.occurred_at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(limit)
      .execute();
  },

  /** Distinct people met in the same group interactions as each of the given people. */
  async groupContacts(db: Executor, personIds: readonly number[]): Promise<Map<number, number>> {
    const result = new Map<number, number>();
    for (const chunk of chunks(personIds, 500)) {
      const rows = await db
        .selectFrom('interaction_participants as a')
        .innerJoin('interactions as i', 'i.id', 'a.interaction_id')
        .innerJoin('interaction_participants as b', 'b.interaction_id', 'a.interaction_id')
        .select((eb) => ['a.person_id', eb.fn.count<number>('b.person_id').distinct().as('n')])
        .where('i.audience', '=', 'group')
        .whereRef('b.person_id', '!=', 'a.person_id')
        .where('a.person_id', 'in', chunk)
        .groupBy('a.person_id')
        .execute();
      for (const row of rows) result.set(row.person_id, Number(row.n));
    }
    return result;
  },

  /** Deletes these interactions and who took part in them. */
  async deleteMany(db: Executor, ids: readonly number[]): Promise<void> {
    for (const chunk of chunks(ids, 500)) {
      await db.deleteFrom('interaction_participants').where('interaction_id', 'in', chunk).execute();
      await db.deleteFrom('interactions').where('id', 'in', chunk).execute();
    }
  },

  async deleteByImport(db: Executor, importId: number): Promise<number> {
    // Participants go first: PostgreSQL and SQLite both cascade, but an explicit delete keeps
    // the work visible and independent of the foreign-key pragma.
    await db
      .deleteFrom('interaction_participants')
      .where('interaction_id', 'in', (eb) =>
        eb.selectFrom('interactions').select('id').where('import_id', '=', importId),
      )
      .execute();
    const result = await db.deleteFrom('interactions').where('import_id', '=', importId).executeTakeFirst();
    return Number(result.numDeletedRows);
  },

  /** How many interactions a person took part in. */
  async countForPerson(db: Executor, personId: number): Promise<number> {
    const row = await db
      .selectFrom('interaction_participants')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async countAll(db: Executor): Promise<number> {
    const row = await db
      .selectFrom('interactions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
