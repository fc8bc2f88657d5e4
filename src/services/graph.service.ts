import type { Evaluation } from '../core/types.js';
import { RapportError } from '../errors.js';
import { graphRepository } from '../store/graph.repository.js';
import type { AppContext } from './app-context.js';
import { refreshDueEvaluations } from './evaluation.service.js';
import { flagList } from './people.service.js';

export interface GraphNode {
  id: number;
  name: string;
  company: string | null;
  strength: number;
  offlineRatio: number | null;
  flags: string[];
}

export interface GraphEdge {
  a: number;
  b: number;
  /** Interactions the two people shared (group threads, meetings). */
  shared: number;
}

export interface RelationshipGraph {
  /** Everyone shown; the owner is the implied centre, tied to each by their strength. */
  nodes: GraphNode[];
  /** Ties between contacts. */
  edges: GraphEdge[];
  /** Companies with at least two people shown, largest first. */
  companies: { name: string; size: number }[];
  /** People in the book in all, of whom `nodes` are the strongest. */
  total: number;
}

export const MAX_GRAPH_PEOPLE = 2000;

/** The relationship map: the strongest `limit` people, their ties to each other, and company clusters. */
export async function relationshipGraph(
  ctx: AppContext,
  options: { limit?: number } = {},
): Promise<RelationshipGraph> {
  const limit = options.limit ?? 300;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_GRAPH_PEOPLE)
    throw new RapportError('input.invalid', `The map shows 1 to ${MAX_GRAPH_PEOPLE} people (got ${limit}).`);
  const db = ctx.store.db;
  await refreshDueEvaluations(ctx, ctx.clock());
  const [rows, total] = await Promise.all([
    graphRepository.strongest(db, limit),
    db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('is_owner', '=', 0)
      .executeTakeFirstOrThrow(),
  ]);
  const nodes = rows.map((r): GraphNode => {
    const evaluation = JSON.parse(r.evaluation) as Evaluation;
    return {
      id: r.id,
      name: r.display_name,
      company: r.company,
      strength: r.strength,
      offlineRatio: evaluation.balance.offlineRatio,
      flags: flagList(evaluation),
    };
  });
  const edges = await graphRepository.sharedInteractions(
    db,
    nodes.map((n) => n.id),
  );
  const sizes = new Map<string, { name: string; size: number }>();
  for (const n of nodes) {
    if (!n.company) continue;
    const key = n.company.trim().toLowerCase();
    const entry = sizes.get(key) ?? { name: n.company.trim(), size: 0 };
    entry.size += 1;
    sizes.set(key, entry);
  }
  const companies = [...sizes.values()]
    .filter((c) => c.size >= 2)
    .sort((x, y) => y.size - x.size || x.name.localeCompare(y.name));
  return { nodes, edges, companies, total: Number(total.n) };
}
