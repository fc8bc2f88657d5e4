import { type Expression, type SqlBool, sql } from 'kysely';
import type { Executor } from './bulk-writer.js';
import { chunks } from './people.repository.js';
import { searchNeedle } from './sort-key.js';

export type PeopleListSort = 'strength' | 'name' | 'offline' | 'live' | 'last' | 'company';
export type PeopleListFlag = 'stuck' | 'dormant' | 'overdue';
export type SortOrder = 'asc' | 'desc';

export interface PeopleListQuery {
  sort: PeopleListSort;
  /** The sort's natural order (numbers highest first, words A–Z) when left out. */
  order?: SortOrder | undefined;
  filter?: PeopleListFlag | undefined;
  /** A substring of name, company or title, ignoring case and accents; taken literally (% and _ too). */
  search?: string | undefined;
  /** How many rows; undefined for every row from `offset` on. */
  limit?: number | undefined;
  offset: number;
}

export interface PeopleListRow {
  id: number;
  display_name: string;
  company: string | null;
  title: string | null;
  strength: number;
  offline_ratio: number | null;
  live_ratio: number | null;
  last_real_at: number | null;
  last_touch_at: number | null;
  stuck: number;
  dormant: number;
  overdue: number;
}

/** Each sort's column, indexed by migration 0005 in its natural order: numbers highest first, words A–Z. */
const SORT_KEYS = {
  strength: { column: 'e.strength', natural: 'desc', nullable: false },
  offline: { column: 'e.offline_ratio', natural: 'desc', nullable: true },
  live: { column: 'e.live_ratio', natural: 'desc', nullable: true },
  last: { column: 'e.last_real_at', natural: 'desc', nullable: true },
  name: { column: 'e.name_key', natural: 'asc', nullable: true },
  company: { column: 'e.company_key', natural: 'asc', nullable: true },
} as const satisfies Record<PeopleListSort, { column: string; natural: SortOrder; nullable: boolean }>;

/** A LIKE pattern matching `text` anywhere, with the pattern characters taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Name, company or title containing the search, ignoring case and accents alike in both
 * databases: both sides are folded in code (SQLite's lower() folds only ASCII, and PostgreSQL's
 * LIKE is case-sensitive), so LIKE compares folded text exactly.
 */
function searchCondition(search: string): Expression<SqlBool> | null {
  const needle = searchNeedle(search);
  if (needle === null) return null;
  // SQLite has no default LIKE escape character; name one so both dialects agree.
  return sql<SqlBool>`e.search_text like ${containsPattern(needle)} escape '\\'`;
}

/**
 * The people list as pages read from indexes: filtered by flag, searched, sorted with unknown
 * values last in both orders, ties by id (ascending in the sort's natural order, so that the
 * other order is its exact reverse but for the unknowns). Only contacts have evaluations (the
 * owner is never evaluated), so the evaluations table alone counts and orders the book.
 */
export const peopleListRepository = {
  async page(db: Executor, query: PeopleListQuery): Promise<{ total: number; rows: PeopleListRow[] }> {
    const key = SORT_KEYS[query.sort];
    const sortKey = sql.ref(key.column);
    const conditions: Expression<SqlBool>[] = [];
    // Every flagged row has flagged = 1: that prefix of Today's index narrows the scan.
    if (query.filter) conditions.push(sql<SqlBool>`e.flagged = 1 and ${sql.ref(`e.${query.filter}`)} = 1`);
    const search = query.search ? searchCondition(query.search) : null;
    if (search) conditions.push(search);
    const { total, unknown } = await counts(db, conditions, key.nullable ? sortKey : null);
    const known = total - unknown;

    const keyOrder = query.order ?? key.natural;
    const byId = sql`e.person_id ${sql.raw(keyOrder === key.natural ? 'asc' : 'desc')}`;
    // The page's ids first, from the sort's index alone (skipping `offset` entries of a narrow
    // index, not `offset` joined rows), then those few people in full.
    const ids = async (
      range: Expression<SqlBool> | null,
      order: Expression<unknown>,
      limit: number,
      offset: number,
    ) => {
      const where = range ? [...conditions, range] : conditions;
      const rows = await db
        .selectFrom('person_evaluations as e')
        .select('e.person_id')
        .$if(where.length > 0, (q) => q.where(sql<SqlBool>`${sql.join(where, sql` and `)}`))
        .orderBy(order)
        .limit(limit)
        .offset(offset)
        .execute();
      return rows.map((r) => r.person_id);
    };

    const wanted = Math.max(0, Math.min(query.limit ?? total, total - query.offset));
    if (wanted === 0) return { total, rows: [] };
    const ordered = sql`${sortKey} ${sql.raw(keyOrder)}, ${byId}`;
    let page: number[];
    if (!key.nullable) page = await ids(null, ordered, wanted, query.offset);
    else {
      // Unknown values last in both orders and in both databases (SQLite puts NULL first when
      // ascending, PostgreSQL last): the known range, then the unknown one, each an index range.
      page = [];
      if (query.offset < known) {
        const take = Math.min(wanted, known - query.offset);
        page.push(...(await ids(sql<SqlBool>`${sortKey} is not null`, ordered, take, query.offset)));
      }
      if (page.length < wanted) {
        const offset = Math.max(0, query.offset - known);
        page.push(...(await ids(sql<SqlBool>`${sortKey} is null`, byId, wanted - page.length, offset)));
      }
    }
    return { total, rows: await rowsOf(db, page) };
  },
};

/**
 * How many evaluations meet every condition, and how many of those have no value to sort by;
 * in one statement. With no condition, a count SQLite answers without visiting every row.
 */
async function counts(
  db: Executor,
  conditions: readonly Expression<SqlBool>[],
  nullableKey: Expression<unknown> | null,
): Promise<{ total: number; unknown: number }> {
  const count = (where: readonly Expression<SqlBool>[]) =>
    db
      .selectFrom('person_evaluations as e')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .$if(where.length > 0, (q) => q.where(sql<SqlBool>`${sql.join(where, sql` and `)}`));
  const row = await db
    .selectNoFrom([
      count(conditions).as('total'),
      (nullableKey ? count([...conditions, sql<SqlBool>`${nullableKey} is null`]) : sql<number>`0`).as(
        'unknown',
      ),
    ])
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), unknown: Number(row.unknown) };
}

/** The listed people with what the list shows, in the order of `ids`. */
async function rowsOf(db: Executor, ids: readonly number[]): Promise<PeopleListRow[]> {
  if (ids.length === 0) return [];
  const byId = new Map<number, PeopleListRow>();
  for (const chunk of chunks(ids, 500)) {
    const rows = await db
      .selectFrom('person_evaluations as e')
      .innerJoin('people as p', 'p.id', 'e.person_id')
      .select([
        'p.id',
        'p.display_name',
        'p.company',
        'p.title',
        'e.strength',
        'e.offline_ratio',
        'e.live_ratio',
        'e.last_real_at',
        'e.last_touch_at',
        'e.stuck',
        'e.dormant',
        'e.overdue',
      ])
      .where('e.person_id', 'in', chunk)
      .execute();
    for (const row of rows) byId.set(row.id, row);
  }
  return ids.flatMap((id) => byId.get(id) ?? []);
}
