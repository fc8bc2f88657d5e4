import { sql } from 'kysely';
import type { Executor } from './bulk-writer.js';

/** A person's first touch on one channel and audience. */
export interface FirstTouchRow {
  person_id: number;
  channel: string;
  audience: string;
  first_at: number;
}

/** The network of a person's very first touch. */
export interface FirstNetworkRow {
  person_id: number;
  network: string;
  first_at: number;
}

/** Touches of one channel and audience on one UTC day. */
export interface DayCountRow {
  day: number;
  channel: string;
  audience: string;
  count: number;
}

export interface CommenterRow {
  person_id: number;
  comments: number;
  last_at: number;
}

// One day in ms, inlined rather than bound: PostgreSQL matches the GROUP BY expression to the
// selected one only when both are the same text, and two bound parameters are two expressions.
const DAY = sql.lit(86_400_000);

/**
 * Every participation with its interaction, up to `until`. Written as a cross join so that SQLite
 * keeps this order: interactions scanned in id order, each one's participants found by the
 * primary key that starts with interaction_id. Both then advance in step; the planner's own
 * choice (participants by person, interactions looked up at random) is several times slower on a
 * large book. PostgreSQL plans a cross join with a join condition as any inner join.
 */
function participations(db: Executor, until: number) {
  return db
    .selectFrom('interactions as i')
    .crossJoin('interaction_participants as p')
    .whereRef('p.interaction_id', '=', 'i.id')
    .where('p.occurred_at', '<=', until);
}

/**
 * The aggregating reads behind the funnel and the book's balance. Each is one GROUP BY over
 * interaction_participants ⋈ interactions, so a book of a million interactions is summed by the
 * database and only per-person (or per-day) totals reach memory. Touches after `until` are left out.
 */
export const insightsRepository = {
  /** Every contact's id and connection date. */
  async contacts(db: Executor): Promise<{ id: number; connected_at: number | null }[]> {
    const rows = await db
      .selectFrom('people')
      .select(['id', 'connected_at'])
      .where('is_owner', '=', 0)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      connected_at: r.connected_at === null ? null : Number(r.connected_at),
    }));
  },

  /** Per person, the first touch on each channel and audience. */
  async firstTouches(db: Executor, until: number): Promise<FirstTouchRow[]> {
    const rows = await participations(db, until)
      .select((eb) => ['p.person_id', 'i.channel', 'i.audience', eb.fn.min('p.occurred_at').as('first_at')])
      .groupBy(['p.person_id', 'i.channel', 'i.audience'])
      .execute();
    for (const row of rows) {
      row.person_id = Number(row.person_id);
      row.first_at = Number(row.first_at);
    }
    return rows;
  },

  /**
   * Per person, the network of their very first touch (a row for each network when touches tie).
   * The first times come from the (person_id, occurred_at) index alone; only those touches are
   * then looked up.
   */
  async firstTouchNetworks(db: Executor, until: number): Promise<FirstNetworkRow[]> {
    const rows = await db
      .selectFrom((eb) =>
        eb
          .selectFrom('interaction_participants')
          .select((eb) => ['person_id', eb.fn.min('occurred_at').as('first_at')])
          .where('occurred_at', '<=', until)
          .groupBy('person_id')
          .as('f'),
      )
      .innerJoin('interaction_participants as p', (join) =>
        join.onRef('p.person_id', '=', 'f.person_id').onRef('p.occurred_at', '=', 'f.first_at'),
      )
      .innerJoin('interactions as i', 'i.id', 'p.interaction_id')
      .select(['p.person_id', 'i.network', 'p.occurred_at as first_at'])
      .distinct()
      .execute();
    return rows.map((r) => ({
      person_id: Number(r.person_id),
      network: r.network,
      first_at: Number(r.first_at),
    }));
  },

  /** Per person, the networks of their identities with the first identity's id (entry order). */
  async identityNetworks(db: Executor): Promise<{ person_id: number; network: string; first_id: number }[]> {
    const rows = await db
      .selectFrom('identities')
      .select((eb) => ['person_id', 'network', eb.fn.min('id').as('first_id')])
      .groupBy(['person_id', 'network'])
      .execute();
    return rows.map((r) => ({
      person_id: Number(r.person_id),
      network: r.network,
      first_id: Number(r.first_id),
    }));
  },

  /**
   * Touches (one per participant) per UTC day, channel and audience; the day is whole days since
   * the epoch. Integer division truncates, which is the floor for every time after 1970.
   */
  async touchesByDay(db: Executor, until: number): Promise<DayCountRow[]> {
    const day = sql<number>`p.occurred_at / ${DAY}`;
    const rows = await participations(db, until)
      .select((eb) => [day.as('day'), 'i.channel', 'i.audience', eb.fn.countAll<number>().as('count')])
      .groupBy([day, 'i.channel', 'i.audience'])
      .execute();
    return rows.map((r) => ({ ...r, day: Number(r.day), count: Number(r.count) }));
  },

  /** People who commented on, replied to or mentioned the user: how often, and when last. */
  async inboundComments(db: Executor, until: number): Promise<CommenterRow[]> {
    const rows = await participations(db, until)
      .select((eb) => [
        'p.person_id',
        eb.fn.countAll<number>().as('comments'),
        eb.fn.max('p.occurred_at').as('last_at'),
      ])
      .where('i.channel', '=', 'comment')
      .where('i.direction', '=', 'in')
      .groupBy('p.person_id')
      .execute();
    return rows.map((r) => ({
      person_id: Number(r.person_id),
      comments: Number(r.comments),
      last_at: Number(r.last_at),
    }));
  },
};
