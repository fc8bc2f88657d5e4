import type { Executor } from './bulk-writer.js';

/** What a plan's draft and invite read about the people in it, beyond their rows. */
export const planContextRepository = {
  /** The text of the person's latest one-to-one message or email that has any. */
  async latestSnippet(db: Executor, personId: number): Promise<string | null> {
    const row = await db
      .selectFrom('interaction_participants as p')
      .innerJoin('interactions as i', 'i.id', 'p.interaction_id')
      .select('i.snippet')
      .where('p.person_id', '=', personId)
      .where('i.audience', '=', 'one_to_one')
      .where('i.snippet', 'is not', null)
      .where('i.snippet', '!=', '')
      .orderBy('i.occurred_at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.snippet ?? null;
  },

  /** The owner's own email address, when an import told it. */
  async ownerEmail(db: Executor): Promise<string | null> {
    const row = await db
      .selectFrom('identities as i')
      .innerJoin('people as p', 'p.id', 'i.person_id')
      .select('i.key')
      .where('p.is_owner', '=', 1)
      .where('i.network', '=', 'email')
      .orderBy('i.id')
      .limit(1)
      .executeTakeFirst();
    return row?.key ?? null;
  },
};
