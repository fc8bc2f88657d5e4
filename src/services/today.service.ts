import { TODAY_BUCKETS } from '../core/today.js';
import type { Evaluation } from '../core/types.js';
import { evaluationsRepository } from '../store/evaluations.repository.js';
import { peopleRepository } from '../store/people.repository.js';
import type { AppContext } from './app-context.js';
import { evaluateMany, refreshDueEvaluations } from './evaluation.service.js';
import { flagList } from './people.service.js';
import { type OpenPlan, openPlansOf } from './plan.service.js';

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
  /** Their plan under way, if any. */
  plan: OpenPlan | null;
}

export const DEFAULT_TODAY_LIMIT = 10;

/**
 * Today's people to take offline: stuck online first, then overdue, then dormant worth reviving.
 * Reads the first page in rankToday's order from the keys stored beside each evaluation, then
 * evaluates the few it shows afresh so their reasons and scores read exactly as of now.
 */
export async function today(
  ctx: AppContext,
  options: { limit?: number } = {},
): Promise<{ now: number; entries: TodayEntry[] }> {
  const now = ctx.clock();
  await refreshDueEvaluations(ctx, now);
  const limit = options.limit ?? DEFAULT_TODAY_LIMIT;
  // The stored keys order the page exactly as core rankToday would (one index range).
  const ranked = (await evaluationsRepository.todayPage(ctx.store.db, now, limit)).map((row) => ({
    id: row.id,
    bucket: TODAY_BUCKETS[row.today_bucket]!,
  }));
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
  const plans = await openPlansOf(
    ctx,
    shown.map((s) => s.person.id),
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
        plan: plans.get(person.id) ?? null,
      };
    }),
  };
}
