import { type SqlBool, sql } from 'kysely';
import type { Executor } from './bulk-writer.js';
import type { NewPerson, PersonRow } from './schema.js';
import { listKeys } from './sort-key.js';

export type PersonPatch = Partial<
  Pick<
    PersonRow,
    | 'display_name'
    | 'first_name'
    | 'last_name'
    | 'company'
    | 'title'
    | 'location'
    | 'connected_at'
    | 'relationship_type'
    | 'cadence_days'
  >
>;

/** People: everyone in the book, and the owner ("me"). */
export const peopleRepository = {
  async insert(db: Executor, person: NewPerson): Promise<number> {
    const row = await db.insertInto('people').values(person).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  /** Changes a person; a new name, company or title also re-keys them in the people list. */
  async update(db: Executor, id: number, patch: PersonPatch, now: number): Promise<void> {
    if (Object.keys(patch).length === 0) return;
    await db
      .updateTable('people')
      .set({ ...patch, updated_at: now })
      .where('id', '=', id)
      .execute();
    // Not every rename re-evaluates the person (an import learning a follower's name does not).
    if (patch.display_name === undefined && patch.company === undefined && patch.title === undefined) return;
    const person = await db
      .selectFrom('people')
      .select(['display_name', 'company', 'title'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (person)
      await db.updateTable('person_evaluations').set(listKeys(person)).where('person_id', '=', id).execute();
  },

  async get(db: Executor, id: number): Promise<PersonRow | undefined> {
    return db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async getMany(db: Executor, ids: readonly number[]): Promise<PersonRow[]> {
    const rows: PersonRow[] = [];
    for (const chunk of chunks(ids, 500)) {
      rows.push(...(await db.selectFrom('people').selectAll().where('id', 'in', chunk).execute()));
    }
    return rows;
  },

  /** Every contact (not the owner). */
  async listContacts(db: Executor): Promise<PersonRow[]> {
    return db.selectFrom('people').selectAll().where('is_owner', '=', 0).orderBy('id').execute();
  },

  async owner(db: Executor): Promise<PersonRow | undefined> {
    return db.selectFrom('people').selectAll().where('is_owner', '=', 1).orderBy('id').executeTakeFirst();
  },

  /** Contacts whose name contains `text`, ignoring ASCII case (SQLite's lower() folds ASCII only). */
  async searchByName(db: Executor, text: string): Promise<PersonRow[]> {
    const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return (
      db
        .selectFrom('people')
        .selectAll()
        .where('is_owner', '=', 0)
        // SQLite has no default LIKE escape character; name one so both dialects agree.
        .where(sql<boolean>`lower(display_name) like ${pattern} escape '\\'`)
        .orderBy('id')
        .execute()
    );
  },

  async count(db: Executor): Promise<number> {
    const row = await db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('is_owner', '=', 0)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** How many contacts work at each company (lower-cased), for the structure term; all, or `only` these. */
  async companySizes(db: Executor, only?: readonly string[]): Promise<Map<string, number>> {
    if (only?.length === 0) return new Map();
    let query = db
      .selectFrom('people')
      .select((eb) => [eb.fn('lower', ['company']).as('company'), eb.fn.countAll<number>().as('n')])
      .where(notOwner)
      .where('company', 'is not', null)
      .where('company', '!=', '')
      .groupBy((eb) => eb.fn('lower', ['company']));
    if (only) query = query.where((eb) => eb(eb.fn('lower', ['company']), 'in', only));
    const rows = await query.execute();
    return new Map(rows.map((r) => [String(r.company), Number(r.n)]));
  },

  async deleteMany(db: Executor, ids: readonly number[]): Promise<void> {
    for (const chunk of chunks(ids, 500)) await db.deleteFrom('people').where('id', 'in', chunk).execute();
  },
};

/**
 * Not the owner, written so that SQLite never picks the owner index for it: without statistics
 * it takes `is_owner = 0` for a narrow range, where it is nearly every person, and then reads
 * the whole book instead of the few rows of a company (unary + hides a column from the planner,
 * and means the same in PostgreSQL).
 */
const notOwner = sql<SqlBool>`+is_owner = 0`;

/** Splits a list for IN (…) clauses that stay within every database's parameter limit. */
export function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** Contacts working at any of the given companies (compared lower-cased). */
export async function colleaguesAt(db: Executor, companies: readonly string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const chunk of chunks(companies, 500)) {
    const rows = await db
      .selectFrom('people')
      .select('id')
      .where(notOwner)
      .where((eb) => eb(eb.fn('lower', ['company']), 'in', chunk))
      .execute();
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}
