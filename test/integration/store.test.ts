import { expect, it } from 'vitest';
import { interactionsRepository } from '../../src/store/interactions.repository.js';
import { peopleRepository } from '../../src/store/people.repository.js';
import type { NewInteraction } from '../../src/store/schema.js';
import { insertAda, interactionRow } from '../support/rows.js';
import { describeEachDatabase, useTestStore } from '../support/stores.js';

const T = Date.UTC(2026, 0, 15);

const interaction = (overrides: Partial<NewInteraction> = {}) => interactionRow(T, overrides);

describeEachDatabase('store', (dialect) => {
  const t = useTestStore(dialect);

  it('migrates an empty t.database and opens it again without changes', async () => {
    await t.store.close();
    t.store = await t.database.open();
    expect(await peopleRepository.count(t.store.db)).toBe(0);
  });

  it('bulk-inserts interactions, returning null for duplicates within and across batches', async () => {
    const ids = await t.store.bulk.insertInteractions(t.store.db, [
      interaction({ external_id: 'a' }),
      interaction({ external_id: 'b' }),
      interaction({ external_id: 'a' }),
    ]);
    expect(ids[0]).toBeTypeOf('number');
    expect(ids[1]).toBeTypeOf('number');
    expect(ids[2]).toBeNull();
    const again = await t.store.bulk.insertInteractions(t.store.db, [interaction({ external_id: 'b' })]);
    expect(again).toEqual([null]);
    expect(await interactionsRepository.countAll(t.store.db)).toBe(2);
  });

  it("reads a person's touches through participants, with numbers as numbers", async () => {
    const { personId, identityId } = await insertAda(t.store.db, T);
    const [id] = await t.store.bulk.insertInteractions(t.store.db, [interaction()]);
    await t.store.bulk.insertParticipants(t.store.db, [
      { interaction_id: id!, person_id: personId, identity_id: identityId, occurred_at: T },
    ]);
    const touches = await interactionsRepository.touchesOf(t.store.db, [personId]);
    expect(touches).toEqual([
      {
        person_id: personId,
        occurred_at: T,
        channel: 'message',
        network: 'linkedin',
        direction: 'in',
        audience: 'one_to_one',
        length: 12,
      },
    ]);
    expect(await interactionsRepository.touchesOf(t.store.db, [personId + 1])).toEqual([]);
  });

  it('finds people by name case-insensitively, treating % and _ literally', async () => {
    for (const name of ['Zoë Müller', 'ZOE Smith', 'Bob 100%']) {
      await peopleRepository.insert(t.store.db, { display_name: name, created_at: T, updated_at: T });
    }
    expect((await peopleRepository.searchByName(t.store.db, 'zo')).map((p) => p.display_name)).toEqual([
      'Zoë Müller',
      'ZOE Smith',
    ]);
    expect((await peopleRepository.searchByName(t.store.db, '0%')).map((p) => p.display_name)).toEqual([
      'Bob 100%',
    ]);
    expect(await peopleRepository.searchByName(t.store.db, '_')).toEqual([]);
  });
});
