import { type Kysely, sql } from 'kysely';

/**
 * Indexes for the reads every `rapport today` makes: counting contacts (is the stored-evaluation
 * set complete?) and sizing the shown people's companies. Without them both scan every person.
 */
export function lookupIndexesMigration() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.createIndex('people_owner_idx').on('people').column('is_owner').execute();
      await db.schema
        .createIndex('people_company_idx')
        .on('people')
        .expression(sql`lower(company)`)
        .execute();
    },
  };
}
