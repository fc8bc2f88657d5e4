import type { Executor } from './bulk-writer.js';
import { chunks } from './people.repository.js';

/** One busy interval read from an imported calendar (ms, end exclusive). */
export interface BusyTimeInsert {
  start: number;
  end: number;
  file: string;
}

/** The owner's busy times from imported calendars; each belongs to the import that read it. */
export const busyTimesRepository = {
  async insertMany(db: Executor, importId: number, busy: readonly BusyTimeInsert[]): Promise<void> {
    // Four parameters a row: 500 rows stay well within SQLite's and PostgreSQL's limits.
    for (const chunk of chunks(busy, 500)) {
      await db
        .insertInto('busy_times')
        .values(chunk.map((b) => ({ import_id: importId, starts_at: b.start, ends_at: b.end, file: b.file })))
        .execute();
    }
  },

  /**
   * Busy times overlapping [from, to) from imports still standing. A calendar file imported
   * again supersedes its older copies (a moved meeting is busy only at its new time): of each
   * file name, only the newest standing import's times count.
   */
  async overlapping(db: Executor, from: number, to: number): Promise<{ start: number; end: number }[]> {
    // One pass finds each file's newest standing import, rather than a lookup per busy time.
    const latest = db
      .selectFrom('busy_times as n')
      .innerJoin('imports as i', 'i.id', 'n.import_id')
      .select((eb) => ['n.file', eb.fn.max('n.import_id').as('import_id')])
      .where('i.status', '=', 'done')
      .groupBy('n.file')
      .as('latest');
    const rows = await db
      .selectFrom('busy_times as b')
      .innerJoin(latest, (join) =>
        join.onRef('latest.file', '=', 'b.file').onRef('latest.import_id', '=', 'b.import_id'),
      )
      .select(['b.starts_at', 'b.ends_at'])
      .where('b.starts_at', '<', to)
      .where('b.ends_at', '>', from)
      .orderBy('b.starts_at')
      .execute();
    return rows.map((r) => ({ start: r.starts_at, end: r.ends_at }));
  },

  async deleteByImport(db: Executor, importId: number): Promise<number> {
    const result = await db.deleteFrom('busy_times').where('import_id', '=', importId).executeTakeFirst();
    return Number(result.numDeletedRows);
  },

  async countByImport(db: Executor, importId: number): Promise<number> {
    const row = await db
      .selectFrom('busy_times')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('import_id', '=', importId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },
};
