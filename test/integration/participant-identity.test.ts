import { type Kysely, Migrator, sql } from 'kysely';
import { expect, it } from 'vitest';
import { identitiesRepository } from '../../src/store/identities.repository.js';
import { importsRepository } from '../../src/store/imports.repository.js';
import { mergeMovesRepository } from '../../src/store/merge-moves.repository.js';
import { migrationProvider } from '../../src/store/migrations/migrations.js';
import { peopleRepository } from '../../src/store/people.repository.js';
import { openPostgres } from '../../src/store/postgres/postgres-connection.js';
import type { Database } from '../../src/store/schema.js';
import { openSqlite } from '../../src/store/sqlite/sqlite-connection.js';
import { undoRepository } from '../../src/store/undo.repository.js';
import { insertAda, interactionRow } from '../support/rows.js';
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
  useTestStore,
} from '../support/stores.js';

// Participations keep no foreign key to their identity (migration 0007): what the key's
// ON DELETE SET NULL did is done by the code that removes identities, and by unmerging.

const T = Date.UTC(2026, 0, 15);

const interaction = (externalId: string) => interactionRow(T, { external_id: externalId, length: 5 });

/** Every participation, in interaction order (ids are numbers on both databases). */
function participations(db: Kysely<Database>) {
  return db
    .selectFrom('interaction_participants')
    .select(['interaction_id', 'person_id', 'identity_id', 'occurred_at'])
    .orderBy('interaction_id')
    .execute();
}

describeEachDatabase('participations and their identities', (dialect) => {
  const t = useTestStore(dialect);

  const newImport = (label: string) =>
    importsRepository.create(t.store.db, { source: 'linkedin', label, contentHash: null, now: T });

  /** A person with one identity that only `importId` has seen, and one participation through it. */
  async function personSeenBy(importId: number) {
    const { personId, identityId } = await insertAda(t.store.db, T, importId);
    const [interactionId] = await t.store.bulk.insertInteractions(t.store.db, [interaction('m1')]);
    await t.store.bulk.insertParticipants(t.store.db, [
      { interaction_id: interactionId!, person_id: personId, identity_id: identityId, occurred_at: T },
    ]);
    return { personId, identityId, interactionId: interactionId! };
  }

  it('undoing an import clears the references to the identities it removes, and keeps the participation', async () => {
    const importId = await newImport('export');
    const { personId, interactionId } = await personSeenBy(importId);

    expect(await undoRepository.releaseIdentities(t.store.db, importId)).toBe(1);
    expect(await identitiesRepository.listForPerson(t.store.db, personId)).toEqual([]);
    expect(await participations(t.store.db)).toEqual([
      { interaction_id: interactionId, person_id: personId, identity_id: null, occurred_at: T },
    ]);
  });

  it('an identity seen by another import stays, and so do the references to it', async () => {
    const first = await newImport('a');
    const second = await newImport('b');
    const { personId, identityId, interactionId } = await personSeenBy(first);
    await identitiesRepository.addSightings(t.store.db, second, [identityId]);

    expect(await undoRepository.releaseIdentities(t.store.db, first)).toBe(0);
    expect(await participations(t.store.db)).toEqual([
      { interaction_id: interactionId, person_id: personId, identity_id: identityId, occurred_at: T },
    ]);
  });

  it('unmerging restores a participation without an identity removed since the merge', async () => {
    const importId = await newImport('a');
    const { personId, identityId } = await personSeenBy(importId);
    const [second, third] = await t.store.bulk.insertInteractions(t.store.db, [
      interaction('m2'),
      interaction('m3'),
    ]);
    const removedIdentity = identityId + 1000;

    await mergeMovesRepository.restoreParticipations(t.store.db, personId, [
      { interaction_id: second!, identity_id: identityId, occurred_at: T + 1 },
      { interaction_id: third!, identity_id: removedIdentity, occurred_at: T + 2 },
    ]);
    const rows = await participations(t.store.db);
    expect(rows.slice(1)).toEqual([
      { interaction_id: second, person_id: personId, identity_id: identityId, occurred_at: T + 1 },
      { interaction_id: third, person_id: personId, identity_id: null, occurred_at: T + 2 },
    ]);
  });

  it('migration 0007 keeps every participation and drops only the identity key and its index', async () => {
    await t.store.close();
    await t.database.drop();
    t.database = await createTestDatabase(dialect);
    // The schema as it was before 0007, with a participation through an identity.
    const older = await openUnmigrated(t.database);
    const migrator = new Migrator({
      db: older.db,
      provider: migrationProvider(dialect),
      migrationTableName: 'rapport_migrations',
      migrationLockTableName: 'rapport_migrations_lock',
    });
    expect((await migrator.migrateTo('0006-today-order')).error).toBeUndefined();
    const personId = await peopleRepository.insert(older.db, {
      display_name: 'Ada',
      created_at: T,
      updated_at: T,
    });
    const identityId = await identitiesRepository.insert(older.db, {
      person_id: personId,
      network: 'linkedin',
      key: 'ada',
      created_at: T,
    });
    const interactionId = Number(
      (
        await older.db
          .insertInto('interactions')
          .values(interaction('m1'))
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    );
    await older.db
      .insertInto('interaction_participants')
      .values({ interaction_id: interactionId, person_id: personId, identity_id: identityId, occurred_at: T })
      .execute();
    expect(await foreignKeysOfParticipations(older.db, dialect)).toEqual([
      'identities',
      'interactions',
      'people',
    ]);
    await older.close();

    t.store = await t.database.open();
    expect(await participations(t.store.db)).toEqual([
      { interaction_id: interactionId, person_id: personId, identity_id: identityId, occurred_at: T },
    ]);
    expect(await foreignKeysOfParticipations(t.store.db, dialect)).toEqual(['interactions', 'people']);
    expect(await indexesOfParticipations(t.store.db, dialect)).toContain(
      'interaction_participants_person_idx',
    );
    expect(await indexesOfParticipations(t.store.db, dialect)).not.toContain(
      'interaction_participants_identity_idx',
    );
    // The remaining keys still hold: a participation of a person who is not there is refused.
    await expect(
      t.store.bulk.insertParticipants(t.store.db, [
        { interaction_id: interactionId, person_id: personId + 1000, identity_id: null, occurred_at: T },
      ]),
    ).rejects.toThrow(/foreign key/i);
  });
});

/** A connection to the test database with no migrations run. */
async function openUnmigrated(
  database: TestDatabase,
): Promise<{ db: Kysely<Database>; close(): Promise<void> }> {
  const location = database.location;
  if (location.dialect === 'sqlite') {
    const { db } = openSqlite(location.path);
    return { db, close: () => db.destroy() };
  }
  const { db } = await openPostgres(location.url);
  return { db, close: () => db.destroy() };
}

async function foreignKeysOfParticipations(db: Kysely<Database>, dialect: string): Promise<string[]> {
  const rows =
    dialect === 'sqlite'
      ? await sql<{
          table: string;
        }>`select "table" from pragma_foreign_key_list('interaction_participants')`.execute(db)
      : await sql<{ table: string }>`select confrelid::regclass::text as "table" from pg_constraint
          where conrelid = 'interaction_participants'::regclass and contype = 'f'`.execute(db);
  return rows.rows.map((r) => r.table).sort();
}

async function indexesOfParticipations(db: Kysely<Database>, dialect: string): Promise<string[]> {
  const rows =
    dialect === 'sqlite'
      ? await sql<{ name: string }>`select name from pragma_index_list('interaction_participants')`.execute(
          db,
        )
      : await sql<{
          name: string;
        }>`select indexname as name from pg_indexes where tablename = 'interaction_participants'`.execute(db);
  return rows.rows.map((r) => r.name);
}
