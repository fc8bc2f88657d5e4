import type { Executor } from './bulk-writer.js';
import { chunks } from './people.repository.js';

export interface GraphPersonRow {
  id: number;
  display_name: string;
  company: string | null;
  strength: number;
  evaluation: string;
}

/** The reads behind the relationship map. */
export const graphRepository = {
  /** The strongest contacts with a stored evaluation, strongest first. */
  async strongest(db: Executor, limit: number): Promise<GraphPersonRow[]> {
    return db
      .selectFrom('person_evaluations as e')
      .innerJoin('people as p', 'p.id', 'e.person_id')
      .select(['p.id', 'p.display_name', 'p.company', 'e.strength', 'e.evaluation'])
      .where('p.is_owner', '=', 0)
      .orderBy('e.strength', 'desc')
      .orderBy('p.id')
      .limit(limit)
      .execute();
  },

  /**
   * How many interactions each pair of the given people shared (group threads, meetings with
   * several attendees): the ties between contacts, not just to the owner.
   */
  async sharedInteractions(
    db: Executor,
    ids: readonly number[],
  ): Promise<{ a: number; b: number; shared: number }[]> {
    if (ids.length < 2) return [];
    const pairs = new Map<string, { a: number; b: number; shared: number }>();
    // Pairs are counted per chunk of the left side against everyone, so no pair is counted twice.
    for (const chunk of chunks(ids, 500)) {
      const rows = await db
        .selectFrom('interaction_participants as x')
        .innerJoin('interaction_participants as y', 'y.interaction_id', 'x.interaction_id')
        .select((eb) => ['x.person_id as a', 'y.person_id as b', eb.fn.countAll<number>().as('shared')])
        .where('x.person_id', 'in', chunk)
        .where('y.person_id', 'in', ids)
        .whereRef('x.person_id', '<', 'y.person_id')
        .groupBy(['x.person_id', 'y.person_id'])
        .execute();
      for (const r of rows) pairs.set(`${r.a}:${r.b}`, { a: r.a, b: r.b, shared: Number(r.shared) });
    }
    return [...pairs.values()];
  },
};
