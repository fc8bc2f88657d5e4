import type { Evaluation } from '../core/types.js';
import { identitiesRepository } from '../store/identities.repository.js';
import { interactionsRepository } from '../store/interactions.repository.js';
import type { AppContext } from './app-context.js';
import { type DealSummary, dealsOfPerson } from './deals.service.js';
import { evaluateOne } from './evaluation.service.js';
import { flagList } from './people.service.js';
import { findPerson } from './person-lookup.js';

export interface PersonDetail {
  id: number;
  name: string;
  company: string | null;
  title: string | null;
  location: string | null;
  relationshipType: string;
  connectedAt: number | null;
  identities: {
    network: string;
    key: string;
    handle: string | null;
    profileUrl: string | null;
    displayName: string | null;
  }[];
  evaluation: Evaluation;
  flags: string[];
  timeline: {
    id: number;
    at: number;
    channel: string;
    network: string;
    direction: string;
    audience: string;
    activity: string | null;
    length: number | null;
    snippet: string | null;
    note: string | null;
  }[];
  timelineTotal: number;
  /** The deals they are in, open first. */
  deals: DealSummary[];
}

export const DEFAULT_TIMELINE_LIMIT = 50;

/** Everything about one person: identities, score with each term, balance, flags, timeline, deals. */
export async function showPerson(
  ctx: AppContext,
  query: string,
  options: { timelineLimit?: number } = {},
): Promise<PersonDetail> {
  const db = ctx.store.db;
  const person = await findPerson(db, query);
  const now = ctx.clock();
  const [identities, evaluation, timeline, deals] = await Promise.all([
    identitiesRepository.listForPerson(db, person.id),
    evaluateOne(ctx, person, now),
    interactionsRepository.timeline(db, person.id, options.timelineLimit ?? DEFAULT_TIMELINE_LIMIT),
    dealsOfPerson(db, person.id),
  ]);
  const total = await interactionsRepository.countForPerson(db, person.id);
  return {
    id: person.id,
    name: person.display_name,
    company: person.company,
    title: person.title,
    location: person.location,
    relationshipType: person.relationship_type,
    connectedAt: person.connected_at,
    identities: identities.map((i) => ({
      network: i.network,
      key: i.key,
      handle: i.handle,
      profileUrl: i.profile_url,
      displayName: i.display_name,
    })),
    evaluation,
    flags: flagList(evaluation),
    timeline: timeline.map((t) => ({
      id: t.id,
      at: t.occurred_at,
      channel: t.channel,
      network: t.network,
      direction: t.direction,
      audience: t.audience,
      activity: t.activity,
      length: t.length,
      snippet: t.snippet,
      note: t.note,
    })),
    timelineTotal: total,
    deals,
  };
}
