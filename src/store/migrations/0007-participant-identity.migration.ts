import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../store-dialect.js';

/**
 * A participation's identity (which account of the person took part) keeps no foreign key and
 * no index of its own (issue #3, import speed).
 *
 * The index existed only for the foreign key's ON DELETE SET NULL, which looks up the
 * participations of each identity deleted (undoing an import). Maintaining it cost every import
 * a random insert per participation into a b-tree as large as the person index: 0.8–1.0 s of
 * the 500,000-message mailbox's ~11 s. The one deletion of identities now clears the references
 * itself (undoRepository.releaseIdentities), and unmerging restores an identity only while it
 * exists (mergeMovesRepository.restoreParticipations). Unmerging finds participations by person
 * first, which the person index serves.
 *
 * SQLite cannot drop a constraint, so the table is rebuilt with the same columns, primary key,
 * remaining foreign keys and person index, in one transaction.
 */
export function participantIdentityMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      if (dialect === 'postgres') {
        // Named by PostgreSQL's default for the column-level REFERENCES of migration 0001.
        await sql`alter table interaction_participants drop constraint interaction_participants_identity_id_fkey`.execute(
          db,
        );
        await db.schema.dropIndex('interaction_participants_identity_idx').execute();
        return;
      }
      await db.transaction().execute(async (trx) => {
        await trx.schema
          .createTable('interaction_participants_rebuilt')
          .addColumn('interaction_id', 'integer', (c) =>
            c.notNull().references('interactions.id').onDelete('cascade'),
          )
          .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
          .addColumn('identity_id', 'integer')
          .addColumn('occurred_at', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('interaction_participants_pk', ['interaction_id', 'person_id'])
          .modifyEnd(sql`without rowid`)
          .execute();
        await sql`insert into interaction_participants_rebuilt (interaction_id, person_id, identity_id, occurred_at)
          select interaction_id, person_id, identity_id, occurred_at from interaction_participants`.execute(
          trx,
        );
        await trx.schema.dropTable('interaction_participants').execute();
        await trx.schema
          .alterTable('interaction_participants_rebuilt')
          .renameTo('interaction_participants')
          .execute();
        await trx.schema
          .createIndex('interaction_participants_person_idx')
          .on('interaction_participants')
          .columns(['person_id', 'occurred_at'])
          .execute();
      });
    },
  };
}
