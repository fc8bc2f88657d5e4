import type { Evaluation, Flag } from '../core/types.js';
import { RapportError } from '../errors.js';
import {
  type PeopleListRow,
  type PeopleListSort,
  peopleListRepository,
  type SortOrder,
} from '../store/people-list.repository.js';
import type { AppContext } from './app-context.js';
import { refreshDueEvaluations } from './evaluation.service.js';

export const PEOPLE_SORTS = [
  'strength',
  'name',
  'offline',
  'live',
  'last',
  'company',
] as const satisfies readonly PeopleListSort[];
export type PeopleSort = (typeof PEOPLE_SORTS)[number];
export const PEOPLE_FILTERS = ['stuck', 'dormant', 'overdue'] as const satisfies readonly Flag[];

export interface PersonSummary {
  id: number;
  name: string;
  company: string | null;
  title: string | null;
  strength: number;
  offlineRatio: number | null;
  liveRatio: number | null;
  lastRealConversationAt: number | null;
  lastTouchAt: number | null;
  flags: Flag[];
}

export type { SortOrder };
export const SORT_ORDERS = ['asc', 'desc'] as const satisfies readonly SortOrder[];

export interface PeopleQuery {
  sort?: PeopleSort;
  /** The sort's natural order when left out; the other one reverses it, unknown values staying last. */
  order?: SortOrder;
  filter?: Flag;
  search?: string;
  /** How many people; 0 or left out for all. */
  limit?: number;
  offset?: number;
}

/** The flags of an evaluation as a list of words. */
export function flagList(evaluation: Evaluation): Flag[] {
  const flags: Flag[] = [];
  if (evaluation.flags.stuckOnline) flags.push('stuck');
  if (evaluation.flags.overdue) flags.push('overdue');
  if (evaluation.flags.dormant) flags.push('dormant');
  return flags;
}

/** The book as a page: strength, balance, last real conversation and flags; sorted, filtered, searched. */
export async function listPeople(
  ctx: AppContext,
  query: PeopleQuery = {},
): Promise<{ total: number; people: PersonSummary[] }> {
  const sort = query.sort ?? 'strength';
  if (!PEOPLE_SORTS.includes(sort))
    throw new RapportError(
      'input.invalid',
      `Unknown sort "${sort}"; use one of: ${PEOPLE_SORTS.join(', ')}.`,
    );
  if (query.order && !SORT_ORDERS.includes(query.order))
    throw new RapportError('input.invalid', `Unknown order "${query.order}"; use asc or desc.`);
  if (query.filter && !PEOPLE_FILTERS.includes(query.filter)) {
    throw new RapportError(
      'input.invalid',
      `Unknown filter "${query.filter}"; use one of: ${PEOPLE_FILTERS.join(', ')}.`,
    );
  }
  for (const [name, value] of [
    ['limit', query.limit],
    ['offset', query.offset],
  ] as const) {
    if (value !== undefined && !(Number.isSafeInteger(value) && value >= 0))
      throw new RapportError(
        'input.invalid',
        `The ${name} must be a whole number of 0 or more, not ${value}.`,
      );
  }
  // Flags and balance read from stored evaluations are exact only once the due ones are redone.
  await refreshDueEvaluations(ctx, ctx.clock());
  const search = query.search?.trim();
  const { total, rows } = await peopleListRepository.page(ctx.store.db, {
    sort,
    order: query.order,
    filter: query.filter,
    search: search || undefined,
    // 0 or no limit: every row.
    limit: query.limit || undefined,
    offset: query.offset ?? 0,
  });
  return { total, people: rows.map(summaryOf) };
}

function summaryOf(row: PeopleListRow): PersonSummary {
  const flags: Flag[] = [];
  if (row.stuck) flags.push('stuck');
  if (row.overdue) flags.push('overdue');
  if (row.dormant) flags.push('dormant');
  return {
    id: row.id,
    name: row.display_name,
    company: row.company,
    title: row.title,
    strength: row.strength,
    offlineRatio: row.offline_ratio,
    liveRatio: row.live_ratio,
    lastRealConversationAt: row.last_real_at,
    lastTouchAt: row.last_touch_at,
    flags,
  };
}
