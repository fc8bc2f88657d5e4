import { rankToday } from '../core/today.js';
import type { Evaluation, RelationshipType } from '../core/types.js';
import type { AppContext } from './app-context.js';
import { evaluateAll } from './evaluation.service.js';
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

/** Today's people to take offline: stuck online first, then overdue, then dormant worth reviving. */
export async function today(
  ctx: AppContext,
  options: { limit?: number } = {},
): Promise<{ now: number; entries: TodayEntry[] }> {
  const now = ctx.clock();
  const evaluated = await evaluateAll(ctx, now);
  const byId = new Map(evaluated.map((e) => [e.person.id, e]));
  const ranked = rankToday(
    evaluated.map(({ person, evaluation }) => ({
      id: person.id,
      evaluation,
      relationshipType: person.relationship_type as RelationshipType,
      hasOpenDeal: false,
    })),
    now,
    options.limit ?? DEFAULT_TODAY_LIMIT,
  );
  return {
    now,
    entries: ranked.map((entry, index) => {
      const { person, evaluation } = byId.get(entry.id)!;
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
