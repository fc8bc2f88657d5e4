import type { Executor } from './bulk-writer.js';
import { chunks } from './people.repository.js';
import type { PersonRow } from './schema.js';

export interface Participation {
  interaction_id: number;
  identity_id: number | null;
  occurred_at: number;
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

  async restoreParticipations(db: Executor, personId: number, rows: readonly Participation[]): Promise<void> {
    for (const chunk of chunks(rows, 500)) {
      await db
        .insertInto('interaction_participants')
        .values(chunk.map((r) => ({ ...r, person_id: personId })))
        .onConflict((oc) => oc.columns(['interaction_id', 'person_id']).doNothing())
        .execute();
    }
  },

  /** Re-creates a deleted person with their original id. */
  async restorePerson(db: Executor, row: PersonRow): Promise<void> {
    await db.insertInto('people').values(row).execute();
  },
};
