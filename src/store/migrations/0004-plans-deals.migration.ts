import type { ColumnDefinitionBuilder, Kysely } from 'kysely';
import type { Dialect } from '../store-dialect.js';

/**
 * What turns insight into action: planned offline steps, deals and the people in them, and the
 * owner's busy times read from imported calendars (for finding free slots).
 */
export function plansDealsMigration(dialect: Dialect) {
  const id = dialect === 'sqlite' ? 'integer' : 'bigint';
  const serial = dialect === 'sqlite' ? 'integer' : 'bigserial';
  const primary = (c: ColumnDefinitionBuilder) =>
    dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey();
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('plans')
        .addColumn('id', serial, primary)
        .addColumn('person_id', id, (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('minutes', 'integer')
        .addColumn('why', 'text', (c) => c.notNull())
        .addColumn('slots', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('starts_at', 'bigint')
        .addColumn('ends_at', 'bigint')
        .addColumn('time_zone', 'text')
        .addColumn('location', 'text')
        .addColumn('video_link', 'text')
        .addColumn('draft', 'text')
        .addColumn('invite_uid', 'text', (c) => c.notNull())
        .addColumn('invite_sequence', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('outcome', 'text')
        .addColumn('interaction_id', id, (c) => c.references('interactions.id').onDelete('set null'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('plans_person_idx').on('plans').columns(['person_id', 'status']).execute();
      await db.schema.createIndex('plans_status_idx').on('plans').columns(['status', 'starts_at']).execute();

      await db.schema
        .createTable('deals')
        .addColumn('id', serial, primary)
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('stage', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('value', 'double precision')
        .addColumn('currency', 'text')
        .addColumn('opened_at', 'bigint', (c) => c.notNull())
        .addColumn('closed_at', 'bigint')
        .addColumn('note', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('deals_status_idx').on('deals').column('status').execute();

      await db.schema
        .createTable('deal_people')
        .addColumn('deal_id', id, (c) => c.notNull().references('deals.id').onDelete('cascade'))
        .addColumn('person_id', id, (c) => c.notNull().references('people.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('deal_people_pk', ['deal_id', 'person_id'])
        .execute();
      await db.schema.createIndex('deal_people_person_idx').on('deal_people').column('person_id').execute();

      await db.schema
        .createTable('busy_times')
        .addColumn('id', serial, primary)
        .addColumn('import_id', id, (c) => c.notNull().references('imports.id').onDelete('cascade'))
        .addColumn('starts_at', 'bigint', (c) => c.notNull())
        .addColumn('ends_at', 'bigint', (c) => c.notNull())
        .addColumn('file', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('busy_times_range_idx')
        .on('busy_times')
        .columns(['starts_at', 'ends_at'])
        .execute();
      await db.schema.createIndex('busy_times_import_idx').on('busy_times').column('import_id').execute();

      // A merge moves the merged person's plans and deal memberships to the kept person;
      // an exact unmerge needs to know which ones moved.
      await db.schema
        .alterTable('merges')
        .addColumn('plan_ids', 'text', (c) => c.notNull().defaultTo('[]'))
        .execute();
      await db.schema
        .alterTable('merges')
        .addColumn('deal_ids', 'text', (c) => c.notNull().defaultTo('[]'))
        .execute();
    },
  };
}
