import type { Insertable } from 'kysely';
import type { Executor } from './bulk-writer.js';
import type { MergeRow, MergesTable } from './schema.js';

/** The audit of merges (see schema MergesTable). */
export const mergesRepository = {
  async insert(db: Executor, row: Insertable<MergesTable>): Promise<number> {
    return (await db.insertInto('merges').values(row).returning('id').executeTakeFirstOrThrow()).id;
  },

  async get(db: Executor, id: number): Promise<MergeRow | undefined> {
    return db.selectFrom('merges').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Every merge, newest first. */
  async list(db: Executor): Promise<MergeRow[]> {
    return db.selectFrom('merges').selectAll().orderBy('id', 'desc').execute();
  },

  /** The merges one import made and that still stand, newest first. */
  async standingByImport(db: Executor, importId: number): Promise<MergeRow[]> {
    return db
      .selectFrom('merges')
      .selectAll()
      .where('import_id', '=', importId)
      .where('undone_at', 'is', null)
      .orderBy('id', 'desc')
      .execute();
  },

  async markUndone(db: Executor, id: number, now: number): Promise<void> {
    await db.updateTable('merges').set({ undone_at: now }).where('id', '=', id).execute();
  },
};
