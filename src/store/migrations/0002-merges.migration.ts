import type { Kysely } from 'kysely';
import type { Dialect } from '../store-dialect.js';

/** The audit of identity merges, holding what an exact unmerge needs. */
export function mergesMigration(dialect: Dialect) {
  const id = dialect === 'sqlite' ? 'integer' : 'bigint';
  const serial = dialect === 'sqlite' ? 'integer' : 'bigserial';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('merges')
        .addColumn('id', serial, (c) =>
          dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey(),
        )
        .addColumn('kept_person_id', id, (c) => c.notNull())
        .addColumn('merged_person_id', id, (c) => c.notNull())
        .addColumn('merged_person', 'text', (c) => c.notNull())
        .addColumn('identity_ids', 'text', (c) => c.notNull())
        .addColumn('manual_interaction_ids', 'text', (c) => c.notNull())
        .addColumn('collisions', 'text', (c) => c.notNull())
        .addColumn('filled_facts', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('confidence', 'double precision')
        .addColumn('import_id', id, (c) => c.references('imports.id').onDelete('set null'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('undone_at', 'bigint')
        .execute();
      await db.schema.createIndex('merges_kept_idx').on('merges').column('kept_person_id').execute();
      await db.schema.createIndex('merges_import_idx').on('merges').column('import_id').execute();
    },
  };
}
