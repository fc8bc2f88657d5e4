import type { Updateable } from 'kysely';
import type { Executor } from './bulk-writer.js';
import { chunks } from './people.repository.js';
import type { DealRow, DealsTable, NewDeal } from './schema.js';

export type DealPatch = Omit<Updateable<DealsTable>, 'id' | 'created_at' | 'updated_at'>;

/** A deal member with the name to show. */
export interface DealMemberRow {
  deal_id: number;
  person_id: number;
  display_name: string;
}

/** Deals and the people in them. */
export const dealsRepository = {
  async insert(db: Executor, deal: NewDeal): Promise<number> {
    const row = await db.insertInto('deals').values(deal).returning('id').executeTakeFirstOrThrow();
    return Number(row.id);
  },

  async update(db: Executor, id: number, patch: DealPatch, now: number): Promise<void> {
    await db
      .updateTable('deals')
      .set({ ...patch, updated_at: now })
      .where('id', '=', id)
      .execute();
  },

  async get(db: Executor, id: number): Promise<DealRow | undefined> {
    return db.selectFrom('deals').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Open deals, or every deal: open first, then the most recently opened. */
  async list(db: Executor, options: { openOnly: boolean }): Promise<DealRow[]> {
    let query = db.selectFrom('deals').selectAll();
    if (options.openOnly) query = query.where('status', '=', 'open');
    // 'open' sorts before 'lost' and 'won' only by accident; say what is meant.
    return query
      .orderBy((eb) => eb.case().when('status', '=', 'open').then(0).else(1).end())
      .orderBy('opened_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
  },

  /** Closed (won or lost) deals. */
  async closed(db: Executor): Promise<DealRow[]> {
    return db.selectFrom('deals').selectAll().where('status', 'in', ['won', 'lost']).orderBy('id').execute();
  },

  /** The deals a person is in, open first, then the most recently opened. */
  async forPerson(db: Executor, personId: number): Promise<DealRow[]> {
    return db
      .selectFrom('deals as d')
      .innerJoin('deal_people as dp', 'dp.deal_id', 'd.id')
      .selectAll('d')
      .where('dp.person_id', '=', personId)
      .orderBy((eb) => eb.case().when('d.status', '=', 'open').then(0).else(1).end())
      .orderBy('d.opened_at', 'desc')
      .orderBy('d.id', 'desc')
      .execute();
  },

  /** The people of the given deals, with their names, in order of name. */
  async members(db: Executor, dealIds: readonly number[]): Promise<DealMemberRow[]> {
    const rows: DealMemberRow[] = [];
    for (const chunk of chunks(dealIds, 500)) {
      rows.push(
        ...(await db
          .selectFrom('deal_people as dp')
          .innerJoin('people as p', 'p.id', 'dp.person_id')
          .select(['dp.deal_id', 'dp.person_id', 'p.display_name'])
          .where('dp.deal_id', 'in', chunk)
          .orderBy('p.display_name')
          .orderBy('dp.person_id')
          .execute()),
      );
    }
    return rows;
  },

  /** Adds people to a deal; those already in it stay as they are. */
  async addPeople(db: Executor, dealId: number, personIds: readonly number[]): Promise<void> {
    for (const chunk of chunks(personIds, 500)) {
      await db
        .insertInto('deal_people')
        .values(chunk.map((person_id) => ({ deal_id: dealId, person_id })))
        .onConflict((oc) => oc.columns(['deal_id', 'person_id']).doNothing())
        .execute();
    }
  },

  async removePeople(db: Executor, dealId: number, personIds: readonly number[]): Promise<void> {
    for (const chunk of chunks(personIds, 500)) {
      await db
        .deleteFrom('deal_people')
        .where('deal_id', '=', dealId)
        .where('person_id', 'in', chunk)
        .execute();
    }
  },

  /** Of the given people (or everyone), those in at least one open deal. */
  async peopleWithOpenDeals(db: Executor, personIds?: readonly number[]): Promise<Set<number>> {
    const query = db
      .selectFrom('deal_people as dp')
      .innerJoin('deals as d', 'd.id', 'dp.deal_id')
      .select('dp.person_id')
      .distinct()
      .where('d.status', '=', 'open');
    if (personIds === undefined) return new Set((await query.execute()).map((r) => Number(r.person_id)));
    const result = new Set<number>();
    for (const chunk of chunks(personIds, 500)) {
      for (const row of await query.where('dp.person_id', 'in', chunk).execute())
        result.add(Number(row.person_id));
    }
    return result;
  },

  /** Per person, when their first deal was opened (deals opened after `until` left out). */
  async firstOpenedByPerson(db: Executor, until: number): Promise<Map<number, number>> {
    const rows = await db
      .selectFrom('deal_people as dp')
      .innerJoin('deals as d', 'd.id', 'dp.deal_id')
      .select((eb) => ['dp.person_id', eb.fn.min('d.opened_at').as('first_at')])
      .where('d.opened_at', '<=', until)
      .groupBy('dp.person_id')
      .execute();
    return new Map(rows.map((r) => [Number(r.person_id), Number(r.first_at)]));
  },
};
