import { evaluate } from '../core/evaluate.js';
import { historyFacts } from '../core/facts.js';
import { stableUntil } from '../core/horizon.js';
import { sameCity } from '../core/same-city.js';
import { rankInputsOf, todayKeysOf } from '../core/today.js';
import type { Evaluation, PersonHistory, RelationshipType, Touch } from '../core/types.js';
import type { Executor } from '../store/bulk-writer.js';
import { dealsRepository } from '../store/deals.repository.js';
import { evaluationsRepository } from '../store/evaluations.repository.js';
import { interactionsRepository } from '../store/interactions.repository.js';
import { chunks, peopleRepository } from '../store/people.repository.js';
import type { PersonEvaluationRow, PersonRow } from '../store/schema.js';
import { settingsRepository } from '../store/settings.repository.js';
import { listKeys } from '../store/sort-key.js';
import type { AppContext } from './app-context.js';
import type { TouchLog } from './touch-log.js';
import { groupByPerson } from './touch-mapping.js';

/** The scoring config the stored evaluations were made with; another one means all are due. */
const EVALUATIONS_CONFIG_KEY = 'evaluations.config_key';

/** What the structure term and the next step need about the whole book. */
interface BookFacts {
  ownerLocation: string | null;
  companySizes: Map<string, number>;
}

async function bookFacts(db: Executor, people?: readonly PersonRow[]): Promise<BookFacts> {
  const owner = await peopleRepository.owner(db);
  // For a few people, count only their companies rather than grouping the whole book.
  const companies = people && [
    ...new Set(people.flatMap((p) => (p.company ? [p.company.toLowerCase()] : []))),
  ];
  return {
    ownerLocation: owner?.location ?? null,
    companySizes: await peopleRepository.companySizes(db, companies),
  };
}

function historyOf(
  person: PersonRow,
  touches: readonly Touch[],
  groupContacts: number,
  book: BookFacts,
  hasOpenDeal: boolean,
): PersonHistory {
  const colleagues = person.company ? (book.companySizes.get(person.company.toLowerCase()) ?? 1) - 1 : 0;
  return {
    touches,
    connectedAt: person.connected_at,
    mutualContacts: groupContacts + colleagues,
    relationshipType: person.relationship_type as RelationshipType,
    cadenceDays: person.cadence_days,
    sameCity: sameCity(person.location, book.ownerLocation),
    hasOpenDeal,
  };
}

/**
 * Before evaluations made with this scoring config are stored beside older ones: when the
 * config differs from the one stored evaluations were made with, they all become due.
 */
async function adoptConfig(ctx: AppContext, db: Executor): Promise<void> {
  if ((await settingsRepository.get<string>(db, EVALUATIONS_CONFIG_KEY)) === ctx.configKey) return;
  await evaluationsRepository.invalidate(db, 'all');
  await settingsRepository.set(db, EVALUATIONS_CONFIG_KEY, ctx.configKey);
}

/**
 * Evaluates the given people at `now` from every one of their touches and stores the result
 * with the moment it must be looked at again. `known` may hold the complete touches and group
 * contacts of people the caller already has in memory (an import's new people), saving a read-back.
 */
export async function refreshEvaluations(
  ctx: AppContext,
  db: Executor,
  personIds: Iterable<number>,
  now: number,
  known?: TouchLog,
): Promise<void> {
  await adoptConfig(ctx, db);
  const book = await bookFacts(db);
  // A bounded number of people at a time keeps memory flat on large books.
  for (const chunk of chunks([...new Set(personIds)], 500)) {
    const unknown = chunk.filter((id) => !known?.has(id));
    const groupsUnknown = chunk.filter((id) => known?.groupContacts(id) === undefined);
    const [people, read, groups, withDeals] = await Promise.all([
      peopleRepository.getMany(db, chunk),
      unknown.length
        ? interactionsRepository.touchesOf(db, unknown).then(groupByPerson)
        : new Map<number, Touch[]>(),
      groupsUnknown.length
        ? interactionsRepository.groupContacts(db, groupsUnknown)
        : new Map<number, number>(),
      dealsRepository.peopleWithOpenDeals(db, chunk),
    ]);
    const rows: PersonEvaluationRow[] = [];
    for (const person of people) {
      if (person.is_owner) continue;
      const touches = known?.get(person.id) ?? read.get(person.id) ?? [];
      const groupContacts = groups.get(person.id) ?? known?.groupContacts(person.id) ?? 0;
      const history = historyOf(person, touches, groupContacts, book, withDeals.has(person.id));
      const evaluation = evaluate(history, now, ctx.config);
      // Only the stuck need their streak's start (Today's urgency); the facts are read again for them alone.
      const streakStart = evaluation.flags.stuckOnline
        ? historyFacts(history, now).onlineStreakStartAt
        : null;
      const rankInputs = rankInputsOf(evaluation, streakStart);
      const keys = todayKeysOf({
        evaluation: rankInputs,
        relationshipType: history.relationshipType,
        hasOpenDeal: history.hasOpenDeal,
      });
      rows.push({
        person_id: person.id,
        evaluated_at: now,
        recheck_at: stableUntil(history, now, ctx.config),
        stuck: evaluation.flags.stuckOnline ? 1 : 0,
        dormant: evaluation.flags.dormant ? 1 : 0,
        overdue: evaluation.flags.overdue ? 1 : 0,
        flagged: evaluation.flags.stuckOnline || evaluation.flags.dormant || evaluation.flags.overdue ? 1 : 0,
        strength: evaluation.score.strength,
        offline_ratio: evaluation.balance.offlineRatio,
        live_ratio: evaluation.balance.liveRatio,
        last_real_at: evaluation.lastRealConversationAt,
        last_touch_at: evaluation.lastTouchAt,
        ...listKeys(person),
        today_bucket: keys.bucket,
        value_rank: keys.valueRank,
        gap_band: keys.gapBand,
        urgency_since: keys.urgencySince,
        rank_inputs: JSON.stringify(rankInputs),
        evaluation: JSON.stringify(evaluation),
        config_key: ctx.configKey,
      });
    }
    await evaluationsRepository.replace(db, ctx.store.bulk, rows);
  }
}

/**
 * Re-evaluates, in one transaction, everyone whose stored evaluation is due, missing, or made
 * with another scoring config, so that what is stored is exact at `now` but for decay.
 */
export async function refreshDueEvaluations(ctx: AppContext, now: number): Promise<void> {
  const db = ctx.store.db;
  await adoptConfig(ctx, db);
  const due = await evaluationsRepository.due(db, now);
  if (due.length > 0) await db.transaction().execute((trx) => refreshEvaluations(ctx, trx, due, now));
}

/** Evaluates the given people exactly at `now`, each from every one of their touches; in their order. */
export async function evaluateMany(
  ctx: AppContext,
  people: readonly PersonRow[],
  now: number,
): Promise<Evaluation[]> {
  const db = ctx.store.db;
  const ids = people.map((p) => p.id);
  const [rows, groups, book, withDeals] = await Promise.all([
    interactionsRepository.touchesOf(db, ids),
    interactionsRepository.groupContacts(db, ids),
    bookFacts(db, people),
    dealsRepository.peopleWithOpenDeals(db, ids),
  ]);
  const touches = groupByPerson(rows);
  return people.map((person) =>
    evaluate(
      historyOf(
        person,
        touches.get(person.id) ?? [],
        groups.get(person.id) ?? 0,
        book,
        withDeals.has(person.id),
      ),
      now,
      ctx.config,
    ),
  );
}

/** Evaluates one person exactly at `now`, from every one of their touches. */
export async function evaluateOne(ctx: AppContext, person: PersonRow, now: number): Promise<Evaluation> {
  const [evaluation] = await evaluateMany(ctx, [person], now);
  return evaluation!;
}
