import { DAY_MS } from '../core/duration.js';
import { evaluate } from '../core/evaluate.js';
import { recentWindowDays, summarizeOlder } from '../core/older.js';
import { sameCity } from '../core/same-city.js';
import type {
  Channel,
  Evaluation,
  OlderHistory,
  PersonHistory,
  RelationshipType,
  Touch,
} from '../core/types.js';
import { interactionsRepository } from '../store/interactions.repository.js';
import { peopleRepository } from '../store/people.repository.js';
import type { PersonRow, PersonStatsRow } from '../store/schema.js';
import { statsRepository } from '../store/stats.repository.js';
import type { AppContext } from './app-context.js';
import { ensureFreshStats } from './stats.service.js';
import { groupByPerson, toHistoryTotals } from './touch-mapping.js';

export interface EvaluatedPerson {
  person: PersonRow;
  evaluation: Evaluation;
}

/** What the structure term and the next step need about the whole book. */
interface BookFacts {
  ownerLocation: string | null;
  companySizes: Map<string, number>;
}

async function bookFacts(ctx: AppContext): Promise<BookFacts> {
  const owner = await peopleRepository.owner(ctx.store.db);
  return {
    ownerLocation: owner?.location ?? null,
    companySizes: await peopleRepository.companySizes(ctx.store.db),
  };
}

function history(
  person: PersonRow,
  touches: Touch[],
  older: OlderHistory | undefined,
  groupContacts: number,
  book: BookFacts,
): PersonHistory {
  const colleagues = person.company ? (book.companySizes.get(person.company.toLowerCase()) ?? 1) - 1 : 0;
  return {
    touches,
    ...(older ? { older } : {}),
    connectedAt: person.connected_at,
    mutualContacts: groupContacts + colleagues,
    relationshipType: person.relationship_type as RelationshipType,
    cadenceDays: person.cadence_days,
    sameCity: sameCity(person.location, book.ownerLocation),
    hasOpenDeal: false,
  };
}

/**
 * All-time totals minus the recent touches: what happened before the recent window.
 * The "last … at" fields stay all-time, which is what the engine wants from them.
 */
function olderPart(totals: OlderHistory, recent: readonly Touch[], ctx: AppContext): OlderHistory {
  const part = summarizeOlder(recent, ctx.config);
  const count = totals.count - part.count;
  const channels: Partial<Record<Channel, number>> = { ...totals.channels };
  for (const [channel, n] of Object.entries(part.channels) as [Channel, number][]) {
    channels[channel] = (channels[channel] ?? 0) - n;
  }
  // Floating subtraction can leave a crumb where nothing older exists.
  const rest = (all: number | undefined, recentSum: number | undefined) =>
    count === 0 ? 0 : Math.max(0, (all ?? 0) - (recentSum ?? 0));
  return {
    ...totals,
    count,
    engagementSum: rest(totals.engagementSum, part.engagementSum),
    inboundSum: rest(totals.inboundSum, part.inboundSum),
    outboundSum: rest(totals.outboundSum, part.outboundSum),
    firstAt: count === 0 ? null : totals.firstAt,
    channels,
  };
}

/** Evaluates every contact at `now`: one scan of the recent window plus stored totals. */
export async function evaluateAll(ctx: AppContext, now: number): Promise<EvaluatedPerson[]> {
  await ensureFreshStats(ctx);
  const db = ctx.store.db;
  const [people, stats, recentRows, book] = await Promise.all([
    peopleRepository.listContacts(db),
    statsRepository.all(db),
    interactionsRepository.touchesBetween(db, now - recentWindowDays(ctx.config) * DAY_MS, now),
    bookFacts(ctx),
  ]);
  const statsByPerson = new Map<number, PersonStatsRow>(stats.map((s) => [s.person_id, s]));
  const recent = groupByPerson(recentRows);
  return people.map((person) => {
    const touches = recent.get(person.id) ?? [];
    const row = statsByPerson.get(person.id);
    const older = row ? olderPart(toHistoryTotals(row), touches, ctx) : undefined;
    return {
      person,
      evaluation: evaluate(history(person, touches, older, row?.group_contacts ?? 0, book), now, ctx.config),
    };
  });
}

/** Evaluates one person exactly, from every one of their touches. */
export async function evaluateOne(ctx: AppContext, person: PersonRow, now: number): Promise<Evaluation> {
  const db = ctx.store.db;
  const [rows, groups, book] = await Promise.all([
    interactionsRepository.touchesOf(db, [person.id]),
    interactionsRepository.groupContacts(db, [person.id]),
    bookFacts(ctx),
  ]);
  const touches = groupByPerson(rows).get(person.id) ?? [];
  return evaluate(history(person, touches, undefined, groups.get(person.id) ?? 0, book), now, ctx.config);
}
