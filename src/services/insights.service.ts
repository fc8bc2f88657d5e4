import { type DealInsights, dealInsights } from '../core/deal-insights.js';
import {
  conversationCandidates,
  type FirstTouch,
  type Funnel,
  type FunnelGroup,
  firstLiveAt,
  funnelBy,
  funnelOf,
  type MonthBalance,
  type NetworkTouch,
  offlineRatioByMonth,
  personRungs,
} from '../core/funnel.js';
import type { Audience, Channel, Network } from '../core/types.js';
import { dealsRepository } from '../store/deals.repository.js';
import { insightsRepository } from '../store/insights.repository.js';
import { peopleRepository } from '../store/people.repository.js';
import type { AppContext } from './app-context.js';

export const INSIGHT_GROUPINGS = ['network', 'month'] as const;
export type InsightGrouping = (typeof INSIGHT_GROUPINGS)[number];

/** How many conversation candidates the insights name. */
export const CANDIDATE_LIMIT = 20;

export interface ConversationCandidate {
  id: number;
  name: string;
  company: string | null;
  /** Inbound comments, replies and mentions. */
  comments: number;
  lastCommentAt: number;
}

export interface Insights {
  now: number;
  /** Contacts in the book. */
  people: number;
  /** Contacts with no touch, connection date or deal: not on the ladder. */
  notOnLadder: number;
  funnel: Funnel;
  by: InsightGrouping | null;
  /** The funnel per source network or per month cohort, when asked for. */
  groups: FunnelGroup[] | null;
  offlineByMonth: MonthBalance[];
  candidates: ConversationCandidate[];
  deals: DealInsights;
}

/** Rows grouped by a key (a person, a deal), each made into a value, keeping their order. */
function listsBy<R, V>(rows: readonly R[], key: (row: R) => number, value: (row: R) => V): Map<number, V[]> {
  const lists = new Map<number, V[]>();
  for (const row of rows) {
    const list = lists.get(key(row));
    if (list) list.push(value(row));
    else lists.set(key(row), [value(row)]);
  }
  return lists;
}

const byPerson = (row: { person_id: number }) => row.person_id;

/**
 * The funnel of the whole book (and per source network or month cohort), its offline ratio per
 * month, the public commenters worth a conversation, and how deals close with and without a live
 * conversation. Every figure comes with its counts; docs/insights.md explains each.
 */
export async function insights(ctx: AppContext, options: { by?: InsightGrouping } = {}): Promise<Insights> {
  const db = ctx.store.db;
  const now = ctx.clock();
  const [contacts, firstRows, networkRows, identityRows, firstDeals, dayCounts, commenterRows, closedDeals] =
    await Promise.all([
      insightsRepository.contacts(db),
      insightsRepository.firstTouches(db, now),
      insightsRepository.firstTouchNetworks(db, now),
      insightsRepository.identityNetworks(db),
      dealsRepository.firstOpenedByPerson(db, now),
      insightsRepository.touchesByDay(db, now),
      insightsRepository.inboundComments(db, now),
      dealsRepository.closed(db),
    ]);

  const firsts = listsBy(
    firstRows,
    byPerson,
    (r): FirstTouch => ({
      channel: r.channel as Channel,
      audience: r.audience as Audience,
      at: r.first_at,
    }),
  );
  const firstNetworks = listsBy(
    networkRows,
    byPerson,
    (r): NetworkTouch => ({ network: r.network as Network, at: r.first_at }),
  );
  const identityNetworks = listsBy(
    [...identityRows].sort((a, b) => a.first_id - b.first_id),
    byPerson,
    (r) => r.network as Network,
  );

  const ladder = contacts.map((c) =>
    personRungs(
      {
        id: c.id,
        connectedAt: c.connected_at,
        firsts: firsts.get(c.id) ?? [],
        firstTouchNetworks: firstNetworks.get(c.id) ?? [],
        firstDealAt: firstDeals.get(c.id) ?? null,
        identityNetworks: identityNetworks.get(c.id) ?? [],
      },
      now,
    ),
  );
  const funnel = funnelOf(ladder);

  const ranked = conversationCandidates(
    commenterRows.map((r) => ({
      id: r.person_id,
      comments: r.comments,
      lastCommentAt: r.last_at,
      firsts: firsts.get(r.person_id) ?? [],
    })),
    CANDIDATE_LIMIT,
  );
  const named = new Map(
    (
      await peopleRepository.getMany(
        db,
        ranked.map((c) => c.id),
      )
    ).map((p) => [Number(p.id), p]),
  );

  const members = await dealsRepository.members(
    db,
    closedDeals.map((d) => Number(d.id)),
  );
  const dealPeople = listsBy(
    members,
    (m) => Number(m.deal_id),
    (m) => ({ firstLiveAt: firstLiveAt(firsts.get(Number(m.person_id)) ?? [], now) }),
  );

  return {
    now,
    people: contacts.length,
    notOnLadder: contacts.length - funnel.people,
    funnel,
    by: options.by ?? null,
    groups: options.by ? funnelBy(ladder, options.by) : null,
    offlineByMonth: offlineRatioByMonth(
      dayCounts.map((r) => ({
        day: r.day,
        channel: r.channel as Channel,
        audience: r.audience as Audience,
        count: r.count,
      })),
    ),
    candidates: ranked.flatMap((c) => {
      const person = named.get(c.id);
      return person && !person.is_owner ? [{ ...c, name: person.display_name, company: person.company }] : [];
    }),
    deals: dealInsights(
      closedDeals.map((d) => ({
        status: d.status,
        openedAt: Number(d.opened_at),
        closedAt: d.closed_at === null ? null : Number(d.closed_at),
        people: dealPeople.get(Number(d.id)) ?? [],
      })),
    ),
  };
}
