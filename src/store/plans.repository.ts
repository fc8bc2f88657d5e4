import type { Executor } from './bulk-writer.js';
import { chunks } from './people.repository.js';
import type { NewPlan, PlanRow } from './schema.js';

/** What a move may change on a plan. */
export type PlanPatch = Partial<
  Pick<
    PlanRow,
    | 'status'
    | 'slots'
    | 'starts_at'
    | 'ends_at'
    | 'location'
    | 'video_link'
    | 'draft'
    | 'invite_sequence'
    | 'outcome'
    | 'interaction_id'
    | 'minutes'
  >
>;

/** A plan with the name of the person it is for, as lists show it. */
export interface PlanListRow extends PlanRow {
  person_name: string;
}

/** Planned offline steps. */
export const plansRepository = {
  async insert(db: Executor, plan: NewPlan): Promise<number> {
    const row = await db.insertInto('plans').values(plan).returning('id').executeTakeFirstOrThrow();
    return row.id;
  },

  async get(db: Executor, id: number): Promise<PlanRow | undefined> {
    return db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /**
   * Applies `patch` only while the plan is still in `status`, so two moves made at once cannot
   * both succeed; returns whether it was applied.
   */
  async updateFrom(
    db: Executor,
    id: number,
    status: string,
    patch: PlanPatch,
    now: number,
  ): Promise<boolean> {
    const result = await db
      .updateTable('plans')
      .set({ ...patch, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', status)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  /** Plans with their person's name, newest first; only the given statuses when named. */
  async list(
    db: Executor,
    options: { statuses?: readonly string[]; personId?: number } = {},
  ): Promise<PlanListRow[]> {
    let query = db
      .selectFrom('plans')
      .innerJoin('people', 'people.id', 'plans.person_id')
      .selectAll('plans')
      .select('people.display_name as person_name')
      .orderBy('plans.created_at', 'desc')
      .orderBy('plans.id', 'desc');
    if (options.statuses) {
      if (options.statuses.length === 0) return [];
      query = query.where('plans.status', 'in', options.statuses);
    }
    if (options.personId !== undefined) query = query.where('plans.person_id', '=', options.personId);
    return query.execute();
  },

  /** The plans in the given statuses of each of the given people, newest first. */
  async ofPeople(
    db: Executor,
    personIds: readonly number[],
    statuses: readonly string[],
  ): Promise<PlanRow[]> {
    const rows: PlanRow[] = [];
    for (const chunk of chunks(personIds, 500)) {
      rows.push(
        ...(await db
          .selectFrom('plans')
          .selectAll()
          .where('person_id', 'in', chunk)
          .where('status', 'in', statuses)
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .execute()),
      );
    }
    return rows;
  },
};
