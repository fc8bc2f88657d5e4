import type { Executor } from './bulk-writer.js';

/**
 * The bookkeeping behind undoing an import: what it created is removed unless something
 * else still needs it, in which case ownership passes to the earliest import that also saw it.
 */
export const undoRepository = {
  /** Drops the import's sightings and the identities only it had seen; returns how many were removed. */
  async releaseIdentities(db: Executor, importId: number): Promise<number> {
    await db.deleteFrom('identity_sightings').where('import_id', '=', importId).execute();
    await db
      .updateTable('identities')
      .set((eb) => ({
        import_id: eb
          .selectFrom('identity_sightings as s')
          .select((s) => s.fn.min('s.import_id').as('first'))
          .whereRef('s.identity_id', '=', 'identities.id'),
      }))
      .where('import_id', '=', importId)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('identity_sightings as s')
            .select('s.identity_id')
            .whereRef('s.identity_id', '=', 'identities.id'),
        ),
      )
      .execute();
    // Participations keep no foreign key to their identity (migration 0007): clear what would
    // point at a removed identity, once for all of them, as ON DELETE SET NULL did.
    await db
      .updateTable('interaction_participants')
      .set({ identity_id: null })
      .where('identity_id', 'in', (eb) =>
        eb.selectFrom('identities').select('id').where('import_id', '=', importId),
      )
      .execute();
    const removed = await db.deleteFrom('identities').where('import_id', '=', importId).executeTakeFirst();
    return Number(removed.numDeletedRows);
  },

  /** Removes the people the import created that nothing refers to any more; returns how many contacts. */
  async releasePeople(db: Executor, importId: number): Promise<number> {
    await db
      .updateTable('people')
      .set((eb) => ({
        import_id: eb
          .selectFrom('identities as i')
          .select((s) => s.fn.min('i.import_id').as('first'))
          .whereRef('i.person_id', '=', 'people.id'),
      }))
      .where('import_id', '=', importId)
      .where((eb) =>
        eb.exists(eb.selectFrom('identities as i').select('i.id').whereRef('i.person_id', '=', 'people.id')),
      )
      .execute();
    const unreferenced = (owner: number) =>
      db
        .deleteFrom('people')
        .where('import_id', '=', importId)
        .where('is_owner', '=', owner)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('interaction_participants as p')
                .select('p.person_id')
                .whereRef('p.person_id', '=', 'people.id'),
            ),
          ),
        )
        .executeTakeFirst();
    const removed = await unreferenced(0);
    await unreferenced(1);
    // Whoever is left has only hand-made records now: they belong to the user, not the import.
    await db.updateTable('people').set({ import_id: null }).where('import_id', '=', importId).execute();
    return Number(removed.numDeletedRows);
  },
};
