import type { Executor } from './bulk-writer.js';
import type { ImportRow } from './schema.js';

/** The history of imports. */
export const importsRepository = {
  async create(
    db: Executor,
    row: { source: string; label: string; contentHash: string | null; now: number },
  ) {
    const inserted = await db
      .insertInto('imports')
      .values({
        source: row.source,
        label: row.label,
        content_hash: row.contentHash,
        status: 'running',
        started_at: row.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return inserted.id;
  },

  async finish(
    db: Executor,
    id: number,
    fields: {
      status: ImportRow['status'];
      now: number;
      counts?: unknown;
      report?: unknown;
      error?: string;
      contentHash?: string | null;
    },
  ) {
    await db
      .updateTable('imports')
      .set({
        status: fields.status,
        finished_at: fields.now,
        ...(fields.contentHash === undefined ? {} : { content_hash: fields.contentHash }),
        ...(fields.counts === undefined ? {} : { counts: JSON.stringify(fields.counts) }),
        ...(fields.report === undefined ? {} : { report: JSON.stringify(fields.report) }),
        ...(fields.error === undefined ? {} : { error: fields.error }),
      })
      .where('id', '=', id)
      .execute();
  },

  async setStatus(db: Executor, id: number, status: ImportRow['status']) {
    await db.updateTable('imports').set({ status }).where('id', '=', id).execute();
  },

  async get(db: Executor, id: number): Promise<ImportRow | undefined> {
    return db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async list(db: Executor): Promise<ImportRow[]> {
    return db.selectFrom('imports').selectAll().orderBy('id', 'desc').execute();
  },

  async findDoneByHash(db: Executor, hash: string): Promise<ImportRow | undefined> {
    return db
      .selectFrom('imports')
      .selectAll()
      .where('content_hash', '=', hash)
      .where('status', '=', 'done')
      .orderBy('id', 'desc')
      .executeTakeFirst();
  },
};
