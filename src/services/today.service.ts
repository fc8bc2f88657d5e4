import { type RankInputs, rankToday } from '../core/today.js';
import type { Evaluation, RelationshipType } from '../core/types.js';
import { evaluationsRepository } from '../store/evaluations.repository.js';
import { peopleRepository } from '../store/people.repository.js';
import type { AppContext } from './app-context.js';
import { evaluateMany, refreshDueEvaluations } from './evaluation.service.js';
import { flagList } from './people.service.js';

export interface TodayEntry {
  rank: number;
  id: number;
  name: string;
  company: string | null;
  title: string | null;
  bucket: string;
  reason: string;
  nextStep: Evaluation['nextStep'];
  strength: number;
  flags: string[];
}

export const DEFAULT_TODAY_LIMIT = 10;

/**
 * Today's people to take offline: stuck online first, then overdue, then dormant worth reviving.
 * Ranks the stored evaluations of flagged people, then evaluates the few it shows afresh so
 * their reasons and scores read exactly as of now.
 */
export async function today(
  ctx: AppContext,
  options: { limit?: number } = {},
): Promise<{ now: number; entries: TodayEntry[] }> {
  const now = ctx.clock();
  await refreshDueEvaluations(ctx, now);
  const flagged = await evaluationsRepository.flagged(ctx.store.db);
  const ranked = rankToday(
    flagged.map((row) => ({
      id: row.id,
      evaluation: JSON.parse(row.rank_inputs) as RankInputs,
      relationshipType: row.relationship_type as RelationshipType,
      hasOpenDeal: false,
    })),
    now,
    options.limit ?? DEFAULT_TODAY_LIMIT,
  );
  const people = new Map(
    (
      await peopleRepository.getMany(
        ctx.store.db,
        ranked.map((r) => r.id),
      )
    ).map((p) => [p.id, p]),
  );
  const shown = ranked.map((entry) => ({ entry, person: people.get(entry.id)! }));
  const evaluations = await evaluateMany(
    ctx,
    shown.map((s) => s.person),
    now,
  );
  return {
    now,
    entries: shown.map(({ entry, person }, index) => {
      const evaluation = evaluations[index]!;
      return {
        rank: index + 1,
        id: person.id,
        name: person.display_name,
        company: person.company,
        title: person.title,
        bucket: entry.bucket,
        reason: evaluation.reason,
        nextStep: evaluation.nextStep,
        strength: evaluation.score.strength,
        flags: flagList(evaluation),
      };
    }),
  };
}
