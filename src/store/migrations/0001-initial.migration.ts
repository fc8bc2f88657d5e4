import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../store-dialect.js';

/** The walking skeleton's schema: imports, people, identities, interactions, stats, settings. */
export function initialMigration(dialect: Dialect) {
  // SQLite wants INTEGER PRIMARY KEY for a rowid alias; PostgreSQL an identity column.
  const id = dialect === 'sqlite' ? 'integer' : 'bigint';
  const serial = dialect === 'sqlite' ? 'integer' : 'bigserial';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('imports')
        .addColumn('id', serial, (c) =>
          dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey(),
        )
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('started_at', 'bigint', (c) => c.notNull())
        .addColumn('finished_at', 'bigint')
        .addColumn('counts', 'text')
        .addColumn('report', 'text')
        .addColumn('error', 'text')
        .execute();

      await db.schema
        .createTable('people')
        .addColumn('id', serial, (c) =>
          dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey(),
        )
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('first_name', 'text')
        .addColumn('last_name', 'text')
        .addColumn('company', 'text')
        .addColumn('title', 'text')
        .addColumn('location', 'text')
        .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('relationship_type', 'text', (c) => c.notNull().defaultTo('other'))
        .addColumn('cadence_days', 'integer')
        .addColumn('connected_at', 'bigint')
        .addColumn('is_owner', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('import_id', id, (c) => c.references('imports.id').onDelete('set null'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('people_import_idx').on('people').column('import_id').execute();

      await db.schema
        .createTable('identities')
        .addColumn('id', serial, (c) =>
          dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey(),
        )
        .addColumn('person_id', id, (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('network', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('handle', 'text')
        .addColumn('external_id', 'text')
        .addColumn('profile_url', 'text')
        .addColumn('display_name', 'text')
        .addColumn('import_id', id, (c) => c.references('imports.id').onDelete('set null'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('identities_network_key_uq', ['network', 'key'])
        .execute();
      await db.schema.createIndex('identities_person_idx').on('identities').column('person_id').execute();

      await db.schema
        .createTable('identity_sightings')
        .addColumn('import_id', id, (c) => c.notNull().references('imports.id').onDelete('cascade'))
        .addColumn('identity_id', id, (c) => c.notNull().references('identities.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('identity_sightings_pk', ['import_id', 'identity_id'])
        .execute();
      await db.schema
        .createIndex('identity_sightings_identity_idx')
        .on('identity_sightings')
        .column('identity_id')
        .execute();

      await db.schema
        .createTable('interactions')
        .addColumn('id', serial, (c) =>
          dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey(),
        )
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('external_id', 'text', (c) => c.notNull())
        .addColumn('import_id', id, (c) => c.references('imports.id').onDelete('set null'))
        .addColumn('occurred_at', 'bigint', (c) => c.notNull())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('network', 'text', (c) => c.notNull())
        .addColumn('direction', 'text', (c) => c.notNull())
        .addColumn('audience', 'text', (c) => c.notNull())
        .addColumn('length', 'double precision')
        .addColumn('thread_id', 'text')
        .addColumn('snippet', 'text')
        .addColumn('activity', 'text')
        .addColumn('note', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('interactions_source_external_uq', ['source', 'external_id'])
        .execute();
      await db.schema.createIndex('interactions_import_idx').on('interactions').column('import_id').execute();

      await db.schema
        .createTable('interaction_participants')
        .addColumn('interaction_id', id, (c) => c.notNull().references('interactions.id').onDelete('cascade'))
        .addColumn('person_id', id, (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('identity_id', id, (c) => c.references('identities.id').onDelete('set null'))
        .addColumn('occurred_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('interaction_participants_pk', ['interaction_id', 'person_id'])
        // In SQLite the primary key is then the table itself: one b-tree fewer to write per row.
        .$call((t) => (dialect === 'sqlite' ? t.modifyEnd(sql`without rowid`) : t))
        .execute();
      await db.schema
        .createIndex('interaction_participants_person_idx')
        .on('interaction_participants')
        .columns(['person_id', 'occurred_at'])
        .execute();
      await db.schema
        .createIndex('interaction_participants_identity_idx')
        .on('interaction_participants')
        .column('identity_id')
        .execute();

      await db.schema
        .createTable('person_evaluations')
        .addColumn('person_id', id, (c) => c.primaryKey().references('people.id').onDelete('cascade'))
        .addColumn('evaluated_at', 'bigint', (c) => c.notNull())
        .addColumn('recheck_at', 'bigint')
        .addColumn('stuck', 'integer', (c) => c.notNull())
        .addColumn('dormant', 'integer', (c) => c.notNull())
        .addColumn('overdue', 'integer', (c) => c.notNull())
        .addColumn('flagged', 'integer', (c) => c.notNull())
        .addColumn('strength', 'double precision', (c) => c.notNull())
        .addColumn('rank_inputs', 'text', (c) => c.notNull())
        .addColumn('evaluation', 'text', (c) => c.notNull())
        .addColumn('config_key', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('person_evaluations_recheck_idx')
        .on('person_evaluations')
        .column('recheck_at')
        .execute();
      // Covers Today's query: the flagged few and their rank inputs, without reading the wide rows.
      await db.schema
        .createIndex('person_evaluations_flagged_idx')
        .on('person_evaluations')
        .columns(['flagged', 'stuck', 'overdue', 'dormant', 'person_id', 'rank_inputs'])
        .execute();
      await db.schema
        .createIndex('person_evaluations_evaluated_idx')
        .on('person_evaluations')
        .column('evaluated_at')
        .execute();

      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
