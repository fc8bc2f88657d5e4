import type { Executor } from './bulk-writer.js';
import { chunks } from './people.repository.js';
import type { PersonStatsRow } from './schema.js';

/** Per-person running totals (see schema PersonStatsTable). */
export const statsRepository = {
  async all(db: Executor): Promise<PersonStatsRow[]> {
    return db.selectFrom('person_stats').selectAll().execute();
  },

  async forPersons(db: Executor, personIds: readonly number[]): Promise<PersonStatsRow[]> {
    const rows: PersonStatsRow[] = [];
    for (const chunk of chunks(personIds, 500)) {
      rows.push(
        ...(await db.selectFrom('person_stats').selectAll().where('person_id', 'in', chunk).execute()),
      );
    }
    return rows;
  },

  /** Replaces the totals of the given people (those without a row lose theirs). */
  async replace(db: Executor, personIds: readonly number[], rows: readonly PersonStatsRow[]): Promise<void> {
    for (const chunk of chunks(personIds, 500)) {
      await db.deleteFrom('person_stats').where('person_id', 'in', chunk).execute();
    }
    // 15 columns × 500 rows keeps under every parameter limit.
    for (const chunk of chunks(rows, 500)) {
      await db.insertInto('person_stats').values(chunk).execute();
    }
  },

  /** People whose totals were computed with another scoring config (or never). */
  async stalePersons(db: Executor, configKey: string): Promise<number[]> {
    const rows = await db
      .selectFrom('people as p')
      .leftJoin('person_stats as s', 's.person_id', 'p.id')
      .select('p.id')
      .where((eb) => eb.or([eb('s.config_key', 'is', null), eb('s.config_key', '!=', configKey)]))
      .where('p.is_owner', '=', 0)
      .execute();
    return rows.map((r) => r.id);
  },
};
