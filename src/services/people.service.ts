import type { Evaluation, Flag } from '../core/types.js';
import { RapportError } from '../errors.js';
import type { AppContext } from './app-context.js';
import { type EvaluatedPerson, loadEvaluations } from './evaluation.service.js';

export const PEOPLE_SORTS = ['strength', 'name', 'offline', 'live', 'last', 'company'] as const;
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

export interface PeopleQuery {
  sort?: PeopleSort;
  filter?: Flag;
  search?: string;
  limit?: number;
}

/** The flags of an evaluation as a list of words. */
export function flagList(evaluation: Evaluation): Flag[] {
  const flags: Flag[] = [];
  if (evaluation.flags.stuckOnline) flags.push('stuck');
  if (evaluation.flags.overdue) flags.push('overdue');
  if (evaluation.flags.dormant) flags.push('dormant');
  return flags;
}

export function summarize({ person, evaluation }: EvaluatedPerson): PersonSummary {
  return {
    id: person.id,
    name: person.display_name,
    company: person.company,
    title: person.title,
    strength: evaluation.score.strength,
    offlineRatio: evaluation.balance.offlineRatio,
    liveRatio: evaluation.balance.liveRatio,
    lastRealConversationAt: evaluation.lastRealConversationAt,
    lastTouchAt: evaluation.lastTouchAt,
    flags: flagList(evaluation),
  };
}

// Unknown values sort last in every order.
const desc = (a: number | null, b: number | null) => (b ?? -Infinity) - (a ?? -Infinity);
const SORTS: Record<PeopleSort, (a: PersonSummary, b: PersonSummary) => number> = {
  strength: (a, b) => b.strength - a.strength,
  name: (a, b) => a.name.localeCompare(b.name),
  offline: (a, b) => desc(a.offlineRatio, b.offlineRatio),
  live: (a, b) => desc(a.liveRatio, b.liveRatio),
  last: (a, b) => desc(a.lastRealConversationAt, b.lastRealConversationAt),
  company: (a, b) => (a.company ?? '\uffff').localeCompare(b.company ?? '\uffff'),
};

/** The book as a list: strength, balance, last real conversation and flags; sorted and filtered. */
export async function listPeople(
  ctx: AppContext,
  query: PeopleQuery = {},
): Promise<{ total: number; people: PersonSummary[] }> {
  const sort = query.sort ?? 'strength';
  if (!SORTS[sort])
    throw new RapportError(
      'input.invalid',
      `Unknown sort "${sort}"; use one of: ${PEOPLE_SORTS.join(', ')}.`,
    );
  if (query.filter && !PEOPLE_FILTERS.includes(query.filter)) {
    throw new RapportError(
      'input.invalid',
      `Unknown filter "${query.filter}"; use one of: ${PEOPLE_FILTERS.join(', ')}.`,
    );
  }
  const needle = query.search?.trim().toLowerCase();
  let people = (await loadEvaluations(ctx, ctx.clock())).map(summarize);
  if (query.filter) people = people.filter((p) => p.flags.includes(query.filter!));
  if (needle) {
    people = people.filter((p) =>
      [p.name, p.company, p.title].some((field) => field?.toLowerCase().includes(needle)),
    );
  }
  people.sort((a, b) => SORTS[sort](a, b) || a.id - b.id);
  return { total: people.length, people: query.limit ? people.slice(0, query.limit) : people };
}
