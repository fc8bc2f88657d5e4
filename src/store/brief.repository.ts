import type { Executor } from './bulk-writer.js';

/** The tier A and B channels: the touches that left the platform. */
const OFFLINE_CHANNELS = ['email', 'call', 'video', 'in_person'];
const OPEN_PLAN_STATUSES = ['suggested', 'proposed', 'scheduled'];

/** Topics come from the last two months of one-to-one threads… */
export const SNIPPET_WINDOW_DAYS = 60;
/** …or from the last 30 texts when those two months were quiet. */
export const SNIPPET_MIN_COUNT = 30;
/** A bound on the texts read for one brief, however busy the two months were. */
const SNIPPET_MAX_COUNT = 300;
const DAY_MS = 86_400_000;

export interface BriefTouchRow {
  at: number;
  channel: string;
  network: string;
  activity: string | null;
}

export interface SharedContactRow {
  id: number;
  name: string;
  company: string | null;
  shared: number;
  lastSharedAt: number;
}

export interface BriefDealRow {
  id: number;
  title: string;
  stage: string;
  value: number | null;
  currency: string | null;
  openedAt: number;
}

export interface BriefPlanRow {
  id: number;
  kind: string;
  status: string;
  startsAt: number | null;
  outcome: string | null;
  updatedAt: number;
  interactionId: number | null;
}

export interface BriefNoteRow {
  interactionId: number;
  at: number;
  channel: string;
  activity: string | null;
  text: string;
}

function personTouches(db: Executor, personId: number, now: number) {
  return db
    .selectFrom('interaction_participants as p')
    .innerJoin('interactions as i', 'i.id', 'p.interaction_id')
    .where('p.person_id', '=', personId)
    .where('i.occurred_at', '<=', now)
    .where('i.channel', '!=', 'broadcast')
    .where('i.audience', '!=', 'one_to_many');
}

/** The reads behind a meeting brief; one query set for SQLite and PostgreSQL. */
export const briefRepository = {
  /** How many relationship touches (no broadcasts) the person had up to `now`, by channel. */
  async channelCounts(db: Executor, personId: number, now: number): Promise<Record<string, number>> {
    const rows = await personTouches(db, personId, now)
      .select((eb) => ['i.channel', eb.fn.countAll<number>().as('n')])
      .groupBy('i.channel')
      .execute();
    // PostgreSQL returns counts as strings.
    return Object.fromEntries(rows.map((r) => [r.channel, Number(r.n)]));
  },

  /** The person's first relationship touch, if any. */
  async firstTouch(db: Executor, personId: number, now: number): Promise<BriefTouchRow | undefined> {
    return personTouches(db, personId, now)
      .select(['i.occurred_at as at', 'i.channel', 'i.network', 'i.activity'])
      .orderBy('i.occurred_at')
      .orderBy('i.id')
      .limit(1)
      .executeTakeFirst();
  },

  /** The person's latest tier A or B touch up to `now`: the last time you really talked. */
  async lastOfflineTouch(db: Executor, personId: number, now: number): Promise<BriefTouchRow | undefined> {
    return personTouches(db, personId, now)
      .where('i.channel', 'in', OFFLINE_CHANNELS)
      .select(['i.occurred_at as at', 'i.channel', 'i.network', 'i.activity'])
      .orderBy('i.occurred_at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(1)
      .executeTakeFirst();
  },

  /**
   * The texts of recent one-to-one interactions with the person, newest first: those of the last
   * 60 days, and at least the last 30 whatever their age (bounded at 300).
   */
  async recentSnippets(db: Executor, personId: number, now: number): Promise<{ at: number; text: string }[]> {
    const rows = await db
      .selectFrom('interaction_participants as p')
      .innerJoin('interactions as i', 'i.id', 'p.interaction_id')
      .select(['i.occurred_at as at', 'i.snippet'])
      .where('p.person_id', '=', personId)
      .where('i.audience', '=', 'one_to_one')
      .where('i.occurred_at', '<=', now)
      .where('i.snippet', 'is not', null)
      .orderBy('i.occurred_at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(SNIPPET_MAX_COUNT)
      .execute();
    const since = now - SNIPPET_WINDOW_DAYS * DAY_MS;
    return rows
      .filter((r, i) => i < SNIPPET_MIN_COUNT || r.at >= since)
      .map((r) => ({ at: r.at, text: r.snippet ?? '' }));
  },

  /**
   * People who took part in the same group interactions (group threads, meetings) as the
   * person, most shared first, with the latest shared moment; one query.
   */
  async sharedContacts(db: Executor, personId: number, limit: number): Promise<SharedContactRow[]> {
    const rows = await db
      .selectFrom('interaction_participants as a')
      .innerJoin('interactions as i', 'i.id', 'a.interaction_id')
      .innerJoin('interaction_participants as b', 'b.interaction_id', 'a.interaction_id')
      .innerJoin('people as q', 'q.id', 'b.person_id')
      .select((eb) => [
        'q.id',
        'q.display_name as name',
        'q.company',
        eb.fn.count<number>('i.id').distinct().as('shared'),
        eb.fn.max('i.occurred_at').as('lastSharedAt'),
      ])
      .where('a.person_id', '=', personId)
      .where('i.audience', '=', 'group')
      .whereRef('b.person_id', '!=', 'a.person_id')
      .where('q.is_owner', '=', 0)
      .groupBy(['q.id', 'q.display_name', 'q.company'])
      .orderBy('shared', 'desc')
      .orderBy('q.id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ ...r, shared: Number(r.shared), lastSharedAt: Number(r.lastSharedAt) }));
  },

  /** Other contacts at the same company (compared lower-cased), strongest relationships first. */
  async colleagues(
    db: Executor,
    personId: number,
    company: string,
    limit: number,
  ): Promise<{ id: number; name: string; company: string | null }[]> {
    return (
      db
        .selectFrom('people as q')
        .leftJoin('person_evaluations as e', 'e.person_id', 'q.id')
        .select(['q.id', 'q.display_name as name', 'q.company'])
        .where('q.is_owner', '=', 0)
        .where('q.id', '!=', personId)
        // lower() on both sides: SQLite folds ASCII only, so both must fold the same way.
        .where((eb) =>
          eb(eb.fn('lower', ['q.company']), '=', eb.fn('lower', [eb.cast(eb.val(company), 'text')])),
        )
        .orderBy((eb) => eb.fn.coalesce('e.strength', eb.lit(0)), 'desc')
        .orderBy('q.id')
        .limit(limit)
        .execute()
    );
  },

  /** The open deals the person is part of, oldest first. */
  async openDeals(db: Executor, personId: number): Promise<BriefDealRow[]> {
    return db
      .selectFrom('deals as d')
      .innerJoin('deal_people as dp', 'dp.deal_id', 'd.id')
      .select(['d.id', 'd.title', 'd.stage', 'd.value', 'd.currency', 'd.opened_at as openedAt'])
      .where('dp.person_id', '=', personId)
      .where('d.status', '=', 'open')
      .orderBy('d.opened_at')
      .orderBy('d.id')
      .execute();
  },

  /** The person's open plans and their latest closed ones (the outcomes), newest first. */
  async plans(db: Executor, personId: number, closedLimit: number): Promise<BriefPlanRow[]> {
    const columns = [
      'id',
      'kind',
      'status',
      'starts_at as startsAt',
      'outcome',
      'updated_at as updatedAt',
      'interaction_id as interactionId',
    ] as const;
    const [open, closed] = await Promise.all([
      db
        .selectFrom('plans')
        .select(columns)
        .where('person_id', '=', personId)
        .where('status', 'in', OPEN_PLAN_STATUSES)
        .execute(),
      db
        .selectFrom('plans')
        .select(columns)
        .where('person_id', '=', personId)
        .where('status', 'not in', OPEN_PLAN_STATUSES)
        .orderBy('updated_at', 'desc')
        .orderBy('id', 'desc')
        .limit(closedLimit)
        .execute(),
    ]);
    return [...open, ...closed];
  },

  /** The person's latest hand-written notes on logged conversations, newest first. */
  async notes(db: Executor, personId: number, now: number, limit: number): Promise<BriefNoteRow[]> {
    const rows = await db
      .selectFrom('interaction_participants as p')
      .innerJoin('interactions as i', 'i.id', 'p.interaction_id')
      .select(['i.id as interactionId', 'i.occurred_at as at', 'i.channel', 'i.activity', 'i.note'])
      .where('p.person_id', '=', personId)
      .where('i.occurred_at', '<=', now)
      .where('i.note', 'is not', null)
      .where('i.note', '!=', '')
      .orderBy('i.occurred_at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(({ note, ...r }) => ({ ...r, text: note ?? '' }));
  },
};
