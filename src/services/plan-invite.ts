import { buildFeed, buildInvite, type CalendarPerson, type InviteEvent } from '../core/invite.js';
import { isInPerson, type PlanKind, type PlanStatus, planKindLabel } from '../core/plan-status.js';
import type { PlanningConfig } from '../core/planning-config.js';
import { RapportError } from '../errors.js';
import type { Executor } from '../store/bulk-writer.js';
import { identitiesRepository } from '../store/identities.repository.js';
import { peopleRepository } from '../store/people.repository.js';
import { planContextRepository } from '../store/plan-context.repository.js';
import { plansRepository } from '../store/plans.repository.js';
import type { PlanRow } from '../store/schema.js';
import type { AppContext } from './app-context.js';
import { planNotFound } from './plan-view.js';
import { planningSettings } from './planning-settings.service.js';

/** Who is in a plan, as an invite names them. */
export interface PlanParties {
  /** The user; null when no email of theirs is known, and then there is no invite. */
  organizer: CalendarPerson | null;
  /** The person, when their email is known. */
  attendee: CalendarPerson | null;
  /** The person's phone number, for calls. */
  phone: string | null;
  /** The user's name, for drafts and invite titles. */
  yourName: string | null;
}

/** What to do when there can be no invite because the user's own address is unknown. */
export const SET_YOUR_EMAIL =
  'To get an invite, tell Rapport your email address: rapport config set planning.yourEmail you@example.com';

/**
 * The parties of a plan with `personId`: the organizer from the planning setting yourEmail,
 * else the owner's own email identity (never a made-up address); the attendee from the
 * person's email identity.
 */
export async function planParties(
  db: Executor,
  config: PlanningConfig,
  personId: number,
): Promise<PlanParties> {
  const [person, identities, owner, ownerEmail] = await Promise.all([
    peopleRepository.get(db, personId),
    identitiesRepository.listForPerson(db, personId),
    peopleRepository.owner(db),
    config.yourEmail === null ? planContextRepository.ownerEmail(db) : Promise.resolve(config.yourEmail),
  ]);
  const yourName = config.yourName ?? owner?.display_name ?? null;
  const email = identities.find((i) => i.network === 'email')?.key ?? null;
  return {
    organizer: ownerEmail ? { name: yourName, email: ownerEmail } : null,
    attendee: email ? { name: person?.display_name ?? null, email } : null,
    phone: identities.find((i) => i.network === 'phone')?.key ?? null,
    yourName,
  };
}

const EVENT_STATUS: Record<PlanStatus, InviteEvent['status']> = {
  suggested: 'TENTATIVE',
  proposed: 'TENTATIVE',
  scheduled: 'CONFIRMED',
  done: 'CONFIRMED',
  no_show: 'CONFIRMED',
  declined: 'CANCELLED',
  cancelled: 'CANCELLED',
};

/** A declined or cancelled plan's invite takes the event off the calendars it went to. */
export function inviteMethod(status: PlanStatus): 'REQUEST' | 'CANCEL' {
  return EVENT_STATUS[status] === 'CANCELLED' ? 'CANCEL' : 'REQUEST';
}

/** The invite file's name for a plan. */
export function inviteFileName(planId: number): string {
  return `rapport-plan-${planId}.ics`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What the invite says: how long, and where, on which link, or on which number. */
function description(plan: PlanRow, personName: string, parties: PlanParties): string {
  const kind = plan.kind as PlanKind;
  const head = `${capitalised(planKindLabel(kind))}, ${plan.minutes} minutes.`;
  if (isInPerson(kind))
    return `${head} ${plan.location ? `Where: ${plan.location}.` : 'The place is to be agreed.'}`;
  if (kind === 'video')
    return `${head} ${plan.video_link ? `Join: ${plan.video_link}` : 'The video link will follow.'}`;
  const caller = parties.yourName ?? 'The organizer';
  return `${head} ${parties.phone ? `${caller} will call ${personName} on ${parties.phone}.` : 'The number to call is to be agreed.'}`;
}

/** The calendar event of a plan with a time and an organizer; null otherwise (an email, or no address). */
export function planEvent(
  plan: PlanRow,
  personName: string,
  parties: PlanParties,
  now: number,
): InviteEvent | null {
  const kind = plan.kind as PlanKind;
  if (parties.organizer === null || plan.starts_at === null || plan.ends_at === null) return null;
  const label = capitalised(planKindLabel(kind));
  return {
    uid: plan.invite_uid,
    sequence: plan.invite_sequence,
    dtstamp: now,
    start: plan.starts_at,
    end: plan.ends_at,
    summary: parties.yourName
      ? `${label}: ${parties.yourName} and ${personName}`
      : `${label} with ${personName}`,
    description: description(plan, personName, parties),
    // A video call's link stands in as its location (core invite.ts).
    location: isInPerson(kind) ? (plan.location ?? 'To be agreed') : null,
    url: kind === 'video' ? plan.video_link : null,
    organizer: parties.organizer,
    attendees: parties.attendee ? [parties.attendee] : [],
    status: EVENT_STATUS[plan.status as PlanStatus],
  };
}

/** An invite ready to write to a file. */
export interface PlanInvite {
  fileName: string;
  method: 'REQUEST' | 'CANCEL';
  text: string;
}

/** A plan's invite, or why there is none (an email has no time; no address of the user's is known). */
export async function inviteOf(
  db: Executor,
  config: PlanningConfig,
  plan: PlanRow,
  personName: string,
  now: number,
): Promise<{ invite: PlanInvite | null; missing: string | null }> {
  if (plan.kind === 'email' || plan.starts_at === null)
    return { invite: null, missing: 'An email has no time, so it needs no invite.' };
  const parties = await planParties(db, config, plan.person_id);
  const event = planEvent(plan, personName, parties, now);
  if (event === null) return { invite: null, missing: SET_YOUR_EMAIL };
  const method = inviteMethod(plan.status as PlanStatus);
  try {
    return {
      invite: { fileName: inviteFileName(plan.id), method, text: buildInvite(event, method) },
      missing: null,
    };
  } catch (error) {
    // An imported address a calendar would refuse: the plan stands, the invite waits for a fix.
    if (error instanceof RapportError && error.code === 'input.invalid')
      return { invite: null, missing: error.message };
    throw error;
  }
}

/**
 * A plan's invite as it stands: a REQUEST, or a CANCEL once declined or cancelled. Throws
 * plan.not_found, and plan.no_invite for an email or when the user's address is unknown.
 */
export async function planInvite(ctx: AppContext, planId: number): Promise<PlanInvite> {
  const db = ctx.store.db;
  const plan = await plansRepository.get(db, planId);
  if (!plan) throw planNotFound(planId);
  const person = await peopleRepository.get(db, plan.person_id);
  const { effective } = await planningSettings(ctx);
  const { invite, missing } = await inviteOf(db, effective, plan, person?.display_name ?? '', ctx.clock());
  if (invite === null)
    throw new RapportError('plan.no_invite', `Plan #${planId} has no invite. ${missing}`, { planId });
  return invite;
}

/**
 * The calendar feed of the steps under way (proposed and scheduled plans with a time), for a
 * calendar app to subscribe to or import. Throws plan.no_invite when the user's address is unknown.
 */
export async function calendarFeed(ctx: AppContext): Promise<{ text: string; events: number }> {
  const db = ctx.store.db;
  const now = ctx.clock();
  const { effective } = await planningSettings(ctx);
  const events: InviteEvent[] = [];
  for (const plan of await plansRepository.list(db, { statuses: ['proposed', 'scheduled'] })) {
    if (plan.kind === 'email' || plan.starts_at === null) continue;
    const event = planEvent(plan, plan.person_name, await planParties(db, effective, plan.person_id), now);
    if (event === null)
      throw new RapportError('plan.no_invite', `The calendar feed needs an organizer. ${SET_YOUR_EMAIL}`);
    events.push(event);
  }
  events.sort((a, b) => a.start - b.start);
  return { text: buildFeed(events, 'Rapport plans'), events: events.length };
}
