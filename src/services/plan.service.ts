import { randomUUID } from 'node:crypto';
import { stepLabel } from '../core/ladder.js';
import {
  isMeeting,
  isOpen,
  OPEN_STATUSES,
  PLAN_KINDS,
  PLAN_STATUSES,
  type PlanKind,
  type PlanStatus,
  planKindFor,
  planKindLabel,
} from '../core/plan-status.js';
import { sameCity } from '../core/same-city.js';
import type { NextStep } from '../core/types.js';
import { RapportError } from '../errors.js';
import { peopleRepository } from '../store/people.repository.js';
import { plansRepository } from '../store/plans.repository.js';
import type { AppContext } from './app-context.js';
import { evaluateOne } from './evaluation.service.js';
import { findPerson } from './person-lookup.js';
import { writeDraft } from './plan-draft.js';
import { inviteOf, type PlanInvite, planParties } from './plan-invite.js';
import { freeSlots } from './plan-slots.js';
import { type PlanView, planNotFound, toPlanView } from './plan-view.js';
import { planningSettings } from './planning-settings.service.js';

export interface PlanInput {
  /** A name or an id, as findPerson reads it. */
  person: string;
  /** coffee, lunch, video, call or email; default: from the person's next step. */
  kind?: string | undefined;
  /** Look for slots this many days ahead; default: the planning setting withinDays. */
  withinDays?: number | undefined;
  /** Length; default: the planning setting for the kind. */
  minutes?: number | undefined;
}

export interface CreatedPlan {
  plan: PlanView;
  /** Why this person, in words ("12 LinkedIn messages over 7 weeks, never spoke"). */
  reason: string;
  /** The rung Rapport suggests for them, whatever kind was chosen. */
  suggested: NextStep;
  invite: PlanInvite | null;
  /** Why there is no invite, and what to do about it. */
  inviteMissing: string | null;
  /** Their other plans still under way. */
  otherOpen: PlanView[];
}

// Longer than a working day is not a coffee; shorter than five minutes is not a conversation.
const MIN_MINUTES = 5;
const MAX_MINUTES = 8 * 60;
const MAX_WITHIN_DAYS = 365;

function checkInput(input: PlanInput): { kind: PlanKind | undefined } {
  const kind = input.kind?.toLowerCase();
  if (kind !== undefined && !(PLAN_KINDS as readonly string[]).includes(kind))
    throw new RapportError(
      'input.invalid',
      `Unknown kind "${input.kind}"; plan one of: ${PLAN_KINDS.join(', ')}.`,
    );
  const { minutes, withinDays } = input;
  if (
    minutes !== undefined &&
    !(Number.isInteger(minutes) && minutes >= MIN_MINUTES && minutes <= MAX_MINUTES)
  )
    throw new RapportError(
      'input.invalid',
      `Minutes must be a whole number from ${MIN_MINUTES} to ${MAX_MINUTES} (got ${minutes}).`,
    );
  if (
    withinDays !== undefined &&
    !(Number.isInteger(withinDays) && withinDays >= 1 && withinDays <= MAX_WITHIN_DAYS)
  )
    throw new RapportError(
      'input.invalid',
      `Look for slots from 1 to ${MAX_WITHIN_DAYS} days ahead (got ${withinDays}); e.g. --within 2w.`,
    );
  return { kind: kind as PlanKind | undefined };
}

/**
 * Plans the next offline step with a person: the kind (as asked, or from their next step), two
 * or three free slots, a personal message draft and, when the user's email is known, an invite.
 * The plan starts as suggested. Throws input.invalid, person.not_found / person.ambiguous, and
 * plan.no_slots when no free time fits in the window.
 */
export async function createPlan(ctx: AppContext, input: PlanInput): Promise<CreatedPlan> {
  const checked = checkInput(input);
  const db = ctx.store.db;
  const now = ctx.clock();
  const person = await findPerson(db, input.person);
  const [{ effective: config }, evaluation, owner] = await Promise.all([
    planningSettings(ctx),
    evaluateOne(ctx, person, now),
    peopleRepository.owner(db),
  ]);
  const suggested = evaluation.nextStep;
  const fitting = planKindFor(suggested.kind, sameCity(person.location, owner?.location));
  const kind = checked.kind ?? fitting;
  const minutes = isMeeting(kind) ? (input.minutes ?? config.minutes[kind]) : null;
  const withinDays = input.withinDays ?? config.withinDays;
  const slots = minutes === null ? [] : await freeSlots(db, config, { kind, minutes, now, withinDays });
  if (minutes !== null && slots.length === 0) {
    throw new RapportError(
      'plan.no_slots',
      `No free ${minutes}-minute time for a ${planKindLabel(kind)} in the next ${withinDays} days between ${config.workStart} and ${config.workEnd} (${config.timeZone}). Look further ahead with --within 4w, or check your working hours with: rapport planning.`,
      { kind, minutes, withinDays },
    );
  }
  const parties = await planParties(db, config, person.id);
  const draft = await writeDraft(db, config, { person, kind, minutes, slots, parties });
  const why =
    kind === fitting
      ? suggested.why
      : `${evaluation.reason}; you chose a ${planKindLabel(kind)} where Rapport suggests a ${stepLabel(suggested.kind)}`;
  const first = slots[0];
  const id = await plansRepository.insert(db, {
    person_id: person.id,
    kind,
    status: 'suggested',
    minutes,
    why,
    slots: JSON.stringify(slots),
    starts_at: first?.start ?? null,
    ends_at: first?.end ?? null,
    time_zone: first ? config.timeZone : null,
    location: kind === 'coffee' || kind === 'lunch' ? config.coffeePlace : null,
    video_link: kind === 'video' ? config.videoLink : null,
    draft,
    // A UID stays with the event through every update, so calendars replace it instead of adding another.
    invite_uid: `${randomUUID()}@rapport`,
    created_at: now,
    updated_at: now,
  });
  const row = (await plansRepository.get(db, id))!;
  const { invite, missing } = await inviteOf(db, config, row, person.display_name, now);
  const others = await plansRepository.ofPeople(db, [person.id], OPEN_STATUSES);
  return {
    plan: toPlanView(row, person.display_name),
    reason: evaluation.reason,
    suggested,
    invite,
    inviteMissing: missing,
    otherOpen: others.filter((p) => p.id !== id).map((p) => toPlanView(p, person.display_name)),
  };
}

/**
 * Plans, newest first: all, those in one status, or `open` (suggested, proposed, scheduled);
 * optionally one person's. Throws input.invalid for an unknown status.
 */
export async function listPlans(
  ctx: AppContext,
  options: { status?: string | undefined; person?: string | undefined } = {},
): Promise<PlanView[]> {
  const db = ctx.store.db;
  const status = options.status?.toLowerCase().replace('-', '_');
  if (status !== undefined && status !== 'open' && !(PLAN_STATUSES as readonly string[]).includes(status))
    throw new RapportError(
      'input.invalid',
      `Unknown status "${options.status}"; use open or one of: ${PLAN_STATUSES.join(', ')}.`,
    );
  const statuses = status === undefined ? undefined : status === 'open' ? OPEN_STATUSES : [status];
  const personId = options.person === undefined ? undefined : (await findPerson(db, options.person)).id;
  const rows = await plansRepository.list(db, {
    ...(statuses ? { statuses } : {}),
    ...(personId ? { personId } : {}),
  });
  return rows.map((row) => toPlanView(row, row.person_name));
}

/** One plan in full. Throws plan.not_found. */
export async function showPlan(ctx: AppContext, planId: number): Promise<PlanView> {
  const db = ctx.store.db;
  const row = await plansRepository.get(db, planId);
  if (!row) throw planNotFound(planId);
  const person = await peopleRepository.get(db, row.person_id);
  return toPlanView(row, person?.display_name ?? '');
}

// A message, not a document: anything longer is most likely the wrong file.
const MAX_DRAFT = 20_000;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
const DRAFT_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Replaces a plan's message draft with the user's own text (plain text; control characters
 * other than line breaks and tabs are removed). Throws plan.not_found, input.invalid for an
 * empty or overlong text, plan.invalid_transition once the plan is closed.
 */
export async function setPlanDraft(ctx: AppContext, planId: number, text: string): Promise<PlanView> {
  const db = ctx.store.db;
  const row = await plansRepository.get(db, planId);
  if (!row) throw planNotFound(planId);
  if (!isOpen(row.status as PlanStatus))
    throw new RapportError(
      'plan.invalid_transition',
      `Plan #${planId} is ${row.status}; its draft stays as it was sent.`,
      { planId, status: row.status },
    );
  const draft = text.replace(/\r\n?/g, '\n').replace(DRAFT_CONTROL, '').trim();
  if (draft === '')
    throw new RapportError('input.invalid', 'The draft is empty; write the message you will send.');
  if (draft.length > MAX_DRAFT)
    throw new RapportError(
      'input.invalid',
      `The draft is longer than ${MAX_DRAFT} characters; is this the right file?`,
    );
  const now = ctx.clock();
  if (!(await plansRepository.updateFrom(db, planId, row.status, { draft }, now)))
    throw changedMeanwhile(planId);
  return showPlan(ctx, planId);
}

/** Another command changed the plan between reading and writing it. */
export function changedMeanwhile(planId: number): RapportError {
  return new RapportError(
    'plan.invalid_transition',
    `Plan #${planId} changed meanwhile; look at it again with: rapport plans show ${planId}.`,
    { planId },
  );
}

/** A person's plan under way, as Today shows it. */
export interface OpenPlan {
  id: number;
  kind: PlanKind;
  status: PlanStatus;
  startsAt: number | null;
  /** "Tue 1 Dec, 10:00–10:45 (Europe/Berlin)"; null for an email. */
  when: string | null;
}

const PROGRESS: Record<string, number> = { scheduled: 0, proposed: 1, suggested: 2 };

/** Each of the given people's furthest plan under way (scheduled before proposed before suggested). */
export async function openPlansOf(
  ctx: AppContext,
  personIds: readonly number[],
): Promise<Map<number, OpenPlan>> {
  const rows = await plansRepository.ofPeople(ctx.store.db, personIds, OPEN_STATUSES);
  rows.sort((a, b) => (PROGRESS[a.status] ?? 3) - (PROGRESS[b.status] ?? 3));
  const open = new Map<number, OpenPlan>();
  for (const row of rows) {
    if (open.has(row.person_id)) continue;
    const view = toPlanView(row, '');
    open.set(row.person_id, {
      id: view.id,
      kind: view.kind,
      status: view.status,
      startsAt: view.startsAt,
      when: view.when,
    });
  }
  return open;
}
