import type { Executor } from './bulk-writer.js';
import { chunks } from './people.repository.js';
import type { PersonRow } from './schema.js';

export interface Participation {
  interaction_id: number;
  identity_id: number | null;
  occurred_at: number;
}

/** The plans and deal memberships a merge moved from the merged person to the kept one. */
export interface MovedWork {
  planIds: number[];
  /** moved: memberships that moved over; shared: deals both people were in. */
  deals: { moved: number[]; shared: number[] };
}

/** The row moves behind merging two people and undoing it. */
export const mergeMovesRepository = {
  async participations(db: Executor, personId: number): Promise<Participation[]> {
    return db
      .selectFrom('interaction_participants')
      .select(['interaction_id', 'identity_id', 'occurred_at'])
      .where('person_id', '=', personId)
      .execute();
  },

  /** Moves all of one person's identities and participations to another, dropping `collisions`. */
  async moveAll(db: Executor, from: number, to: number, collisions: readonly number[]): Promise<void> {
    await db.updateTable('identities').set({ person_id: to }).where('person_id', '=', from).execute();
    for (const chunk of chunks(collisions, 500)) {
      await db
        .deleteFrom('interaction_participants')
        .where('person_id', '=', from)
        .where('interaction_id', 'in', chunk)
        .execute();
    }
    await db
      .updateTable('interaction_participants')
      .set({ person_id: to })
      .where('person_id', '=', from)
      .execute();
  },

  /**
   * Moves one person's plans and deal memberships to another before the first is deleted.
   * Returns what an exact unmerge needs: the plans moved, the deals whose membership moved, and
   * the deals both were in (only the kept person's membership remains).
   */
  async moveWork(db: Executor, from: number, to: number): Promise<MovedWork> {
    const plans = await db.selectFrom('plans').select('id').where('person_id', '=', from).execute();
    const theirs = await db
      .selectFrom('deal_people')
      .select('deal_id')
      .where('person_id', '=', from)
      .execute();
    const ours = new Set(
      (await db.selectFrom('deal_people').select('deal_id').where('person_id', '=', to).execute()).map(
        (r) => r.deal_id,
      ),
    );
    const moved = theirs.map((r) => r.deal_id).filter((id) => !ours.has(id));
    const shared = theirs.map((r) => r.deal_id).filter((id) => ours.has(id));
    await db.updateTable('plans').set({ person_id: to }).where('person_id', '=', from).execute();
    for (const chunk of chunks(moved, 500))
      await db
        .updateTable('deal_people')
        .set({ person_id: to })
        .where('person_id', '=', from)
        .where('deal_id', 'in', chunk)
        .execute();
    await db.deleteFrom('deal_people').where('person_id', '=', from).execute();
    return { planIds: plans.map((p) => p.id), deals: { moved, shared } };
  },

  /** Gives back what moveWork moved (plans and deals that still exist). */
  async moveWorkBack(db: Executor, from: number, to: number, work: MovedWork): Promise<void> {
    for (const chunk of chunks(work.planIds, 500))
      await db
        .updateTable('plans')
        .set({ person_id: to })
        .where('person_id', '=', from)
        .where('id', 'in', chunk)
        .execute();
    for (const chunk of chunks(work.deals.moved, 500))
      await db
        .updateTable('deal_people')
        .set({ person_id: to })
        .where('person_id', '=', from)
        .where('deal_id', 'in', chunk)
        .execute();
    for (const chunk of chunks(work.deals.shared, 500)) {
      const alive = await db.selectFrom('deals').select('id').where('id', 'in', chunk).execute();
      if (alive.length === 0) continue;
      await db
        .insertInto('deal_people')
        .values(alive.map((d) => ({ deal_id: d.id, person_id: to })))
        .onConflict((oc) => oc.columns(['deal_id', 'person_id']).doNothing())
        .execute();
    }
  },

  /** Moves back what a merge moved: these identities with every participation through them, and these hand-logged interactions. */
  async moveBack(
    db: Executor,
    from: number,
    to: number,
    identityIds: readonly number[],
    manualInteractionIds: readonly number[],
  ): Promise<void> {
    for (const chunk of chunks(identityIds, 500)) {
      await db
        .updateTable('identities')
        .set({ person_id: to })
        .where('person_id', '=', from)
        .where('id', 'in', chunk)
        .execute();
      await db
        .updateTable('interaction_participants')
        .set({ person_id: to })
        .where('person_id', '=', from)
        .where('identity_id', 'in', chunk)
        .execute();
    }
    for (const chunk of chunks(manualInteractionIds, 500)) {
      await db
        .updateTable('interaction_participants')
        .set({ person_id: to })
        .where('person_id', '=', from)
        .where('identity_id', 'is', null)
        .where('interaction_id', 'in', chunk)
        .execute();
    }
  },

  /**
   * Puts back participations a merge dropped. An identity removed since (its import undone)
   * is not restored as a reference: participations keep no foreign key to it (migration 0007).
   */
  async restoreParticipations(db: Executor, personId: number, rows: readonly Participation[]): Promise<void> {
    for (const chunk of chunks(rows, 500)) {
      const named = [...new Set(chunk.flatMap((r) => (r.identity_id === null ? [] : [r.identity_id])))];
      const found =
        named.length === 0
          ? []
          : await db.selectFrom('identities').select('id').where('id', 'in', named).execute();
      const existing = new Set(found.map((r) => r.id));
      await db
        .insertInto('interaction_participants')
        .values(
          chunk.map((r) => ({
            ...r,
            identity_id: r.identity_id !== null && existing.has(r.identity_id) ? r.identity_id : null,
            person_id: personId,
          })),
        )
        .onConflict((oc) => oc.columns(['interaction_id', 'person_id']).doNothing())
        .execute();
    }
  },

  /** Re-creates a deleted person with their original id. */
  async restorePerson(db: Executor, row: PersonRow): Promise<void> {
    await db.insertInto('people').values(row).execute();
  },
};
