import type { Executor } from './bulk-writer.js';
import { chunks } from './people.repository.js';
import type { IdentityRow, NewIdentity } from './schema.js';

/** Accounts on networks, each belonging to one person; unique per (network, key). */
export const identitiesRepository = {
  async insert(db: Executor, identity: NewIdentity): Promise<number> {
    const row = await db.insertInto('identities').values(identity).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  /** Every identity on the given networks, for an import's in-memory lookup. */
  async listByNetworks(db: Executor, networks: readonly string[]): Promise<IdentityRow[]> {
    if (networks.length === 0) return [];
    return db.selectFrom('identities').selectAll().where('network', 'in', networks).execute();
  },

  async listForPerson(db: Executor, personId: number): Promise<IdentityRow[]> {
    return db.selectFrom('identities').selectAll().where('person_id', '=', personId).orderBy('id').execute();
  },

  /** Fills in a display name (and handle, when given) the identity lacked. */
  async setNames(
    db: Executor,
    identityId: number,
    displayName: string,
    handle: string | undefined,
  ): Promise<void> {
    await db
      .updateTable('identities')
      .set({ display_name: displayName, ...(handle ? { handle } : {}) })
      .where('id', '=', identityId)
      .execute();
  },

  async addSightings(db: Executor, importId: number, identityIds: readonly number[]): Promise<void> {
    for (const chunk of chunks(identityIds, 1000)) {
      await db
        .insertInto('identity_sightings')
        .values(chunk.map((identity_id) => ({ import_id: importId, identity_id })))
        .onConflict((oc) => oc.columns(['import_id', 'identity_id']).doNothing())
        .execute();
    }
  },
};

/** The person behind a profile URL, if any identity carries it. */
export async function personIdByProfileUrl(db: Executor, url: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('identities')
    .select('person_id')
    .where('profile_url', '=', url)
    .executeTakeFirst();
  return row?.person_id;
}
