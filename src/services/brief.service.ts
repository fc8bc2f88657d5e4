import { BRIEF_LIMITS, type Brief, type BriefTouch, buildBrief } from '../core/brief.js';
import { CHANNELS, type Channel } from '../core/types.js';
import { type BriefTouchRow, briefRepository } from '../store/brief.repository.js';
import { peopleRepository } from '../store/people.repository.js';
import type { AppContext } from './app-context.js';
import { flagList } from './people.service.js';
import { showPerson } from './person.service.js';

export interface BriefOptions {
  /** IANA time zone for dates and times; UTC when not given. */
  timeZone?: string | undefined;
}

/** Closed plans read for the last outcome and the notes; more than the notes shown, fewer than all. */
const CLOSED_PLANS_READ = 10;

function isChannel(value: string): value is Channel {
  return (CHANNELS as readonly string[]).includes(value);
}

function toTouch(row: BriefTouchRow | undefined): BriefTouch | null {
  if (!row || !isChannel(row.channel)) return null;
  return { at: row.at, channel: row.channel, network: row.network, activity: row.activity };
}

/**
 * The one-page brief to read before meeting a person ("Ada", "#12"): the person in full as
 * `rapport show` has them (identities, strength, flags, reason), and what the brief adds: how you
 * know them, the last real conversation, topics, people you both know, open deals, plans and
 * notes. Throws person.not_found / person.ambiguous from the lookup, input.invalid for an unknown
 * time zone.
 */
export async function personBrief(
  ctx: AppContext,
  query: string,
  options: BriefOptions = {},
): Promise<Brief> {
  const db = ctx.store.db;
  const now = ctx.clock();
  // The timeline is not shown; one entry keeps the read small.
  const detail = await showPerson(ctx, query, { timelineLimit: 1 });
  const id = detail.id;
  const company = detail.company?.trim();
  const [owner, counts, first, lastReal, snippets, sharedContacts, colleagues, openDeals, plans, notes] =
    await Promise.all([
      peopleRepository.owner(db),
      briefRepository.channelCounts(db, id, now),
      briefRepository.firstTouch(db, id, now),
      briefRepository.lastOfflineTouch(db, id, now),
      briefRepository.recentSnippets(db, id, now),
      briefRepository.sharedContacts(db, id, BRIEF_LIMITS.mutual),
      company ? briefRepository.colleagues(db, id, company, BRIEF_LIMITS.mutual) : [],
      briefRepository.openDeals(db, id),
      briefRepository.plans(db, id, CLOSED_PLANS_READ),
      briefRepository.notes(db, id, now, BRIEF_LIMITS.notes),
    ]);
  return buildBrief({
    now,
    timeZone: options.timeZone ?? 'UTC',
    person: {
      id,
      name: detail.name,
      title: detail.title,
      company: detail.company,
      location: detail.location,
      relationshipType: detail.relationshipType,
      connectedAt: detail.connectedAt,
    },
    ownerNames: owner
      ? [owner.display_name, owner.first_name, owner.last_name].filter((n): n is string => Boolean(n))
      : [],
    identities: detail.identities.map((i) => ({
      network: i.network,
      handle: i.handle,
      profileUrl: i.profileUrl,
    })),
    evaluation: detail.evaluation,
    flags: flagList(detail.evaluation),
    channelCounts: Object.fromEntries(Object.entries(counts).filter(([channel]) => isChannel(channel))),
    firstTouch: toTouch(first),
    lastRealTouch: toTouch(lastReal),
    snippets,
    sharedContacts,
    colleagues,
    openDeals,
    plans,
    notes: notes.flatMap((n) => (isChannel(n.channel) ? [{ ...n, channel: n.channel }] : [])),
  });
}
