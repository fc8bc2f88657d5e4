import type { Executor } from '../../src/store/bulk-writer.js';
import { identitiesRepository } from '../../src/store/identities.repository.js';
import { peopleRepository } from '../../src/store/people.repository.js';
import type { NewInteraction } from '../../src/store/schema.js';

/** A one-to-one LinkedIn message row at `at`, for tests that write the store directly. */
export function interactionRow(at: number, overrides: Partial<NewInteraction> = {}): NewInteraction {
  return {
    source: 'linkedin',
    external_id: 'm1',
    import_id: null,
    occurred_at: at,
    channel: 'message',
    network: 'linkedin',
    direction: 'in',
    audience: 'one_to_one',
    length: 12,
    thread_id: 't1',
    snippet: 'hello',
    activity: null,
    note: null,
    created_at: at,
    ...overrides,
  };
}

/** Ada Lovelace with her LinkedIn identity (`ada`), seen by `importId` when given. */
export async function insertAda(
  db: Executor,
  at: number,
  importId: number | null = null,
): Promise<{ personId: number; identityId: number }> {
  const personId = await peopleRepository.insert(db, {
    display_name: 'Ada Lovelace',
    created_at: at,
    updated_at: at,
  });
  const identityId = await identitiesRepository.insert(db, {
    person_id: personId,
    network: 'linkedin',
    key: 'ada',
    import_id: importId,
    created_at: at,
  });
  return { personId, identityId };
}
