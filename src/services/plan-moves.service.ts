import {
  type FollowUp,
  followUpAfter,
  nextStatus,
  PLAN_LOG_KINDS,
  type PlanKind,
  type PlanMove,
  type PlanStatus,
} from '../core/plan-status.js';
import { RapportError } from '../errors.js';
import { peopleRepository } from '../store/people.repository.js';
import { type PlanPatch, plansRepository } from '../store/plans.repository.js';
import type { PersonRow, PlanRow } from '../store/schema.js';
import type { AppContext } from './app-context.js';
import { evaluateOne } from './evaluation.service.js';
import { recordConversation } from './log.service.js';
import { changedMeanwhile } from './plan.service.js';
import { inviteOf, type PlanInvite } from './plan-invite.js';
import { type PlanView, planNotFound, slotsOf, toPlanView } from './plan-view.js';
import { planningSettings } from './planning-settings.service.js';

/** A plan after a move, with its invite as it now stands (a CANCEL once declined or cancelled). */
export interface MovedPlan {
  plan: PlanView;
  invite: PlanInvite | null;
  inviteMissing: string | null;
}

const MINUTE_MS = 60_000;
// A conversation longer than a day is a typo (minutes typed as seconds).
const MAX_LOGGED_MINUTES = 24 * 60;
const MAX_NOTE = 2000;

async function load(ctx: AppContext, planId: number): Promise<{ row: PlanRow; person: PersonRow }> {
  const row = await plansRepository.get(ctx.store.db, planId);
  if (!row) throw planNotFound(planId);
  const person = await peopleRepository.get(ctx.store.db, row.person_id);
  if (!person) throw planNotFound(planId);
  return { row, person };
}

/** The status `move` leads to, with the plan's id in the refusal. */
function target(row: PlanRow, move: PlanMove): PlanStatus {
  try {
    return nextStatus(row.status as PlanStatus, move, row.kind as PlanKind);
  } catch (error) {
    if (error instanceof RapportError)
      throw new RapportError(error.code, `Plan #${row.id}: ${error.message}`, {
        planId: row.id,
        ...error.details,
      });
    throw error;
  }
}

/** Writes the move unless the plan changed since it was read, then reads back the plan and its invite. */
async function apply(ctx: AppContext, row: PlanRow, person: PersonRow, patch: PlanPatch): Promise<MovedPlan> {
  const db = ctx.store.db;
  const now = ctx.clock();
  if (!(await plansRepository.updateFrom(db, row.id, row.status, patch, now))) throw changedMeanwhile(row.id);
  return reread(ctx, row.id, person);
}

async function reread(ctx: AppContext, planId: number, person: PersonRow): Promise<MovedPlan> {
  const db = ctx.store.db;
  const updated = (await plansRepository.get(db, planId))!;
  const { effective } = await planningSettings(ctx);
  const { invite, missing } = await inviteOf(db, effective, updated, person.display_name, ctx.clock());
  return { plan: toPlanView(updated, person.display_name), invite, inviteMissing: missing };
}

function slotAt(row: PlanRow, slot: number): { start: number; end: number } {
  const slots = slotsOf(row);
  const chosen = Number.isInteger(slot) ? slots[slot - 1] : undefined;
  if (!chosen) {
    throw new RapportError(
      'input.invalid',
      slots.length === 0
        ? `Plan #${row.id} has no slots; give the time with --at.`
        : `Plan #${row.id} has slots 1 to ${slots.length}; choose one of them, or give the time with --at.`,
      { planId: row.id, slot },
    );
  }
  return chosen;
}

/** A new time changes the invite: its SEQUENCE goes up so calendars take the update. */
function timePatch(row: PlanRow, time: { start: number; end: number }): PlanPatch {
  const moved = time.start !== row.starts_at || time.end !== row.ends_at;
  return {
    starts_at: time.start,
    ends_at: time.end,
    invite_sequence: moved ? row.invite_sequence + 1 : row.invite_sequence,
  };
}

/**
 * Marks the message as sent (suggested → proposed). With `slot` (1-based) the invite carries
 * that slot instead of the first. Throws plan.not_found, plan.invalid_transition, input.invalid.
 */
export async function proposePlan(
  ctx: AppContext,
  planId: number,
  options: { slot?: number } = {},
): Promise<MovedPlan> {
  const { row, person } = await load(ctx, planId);
  const status = target(row, 'propose');
  const time = options.slot === undefined ? null : slotAt(row, options.slot);
  return apply(ctx, row, person, { status, ...(time ? timePatch(row, time) : {}) });
}

/**
 * Records the agreed time: one of the plan's slots (1-based) or any time `at` (ms) from now on,
 * lasting the plan's minutes. Scheduling again moves the time. Throws plan.not_found,
 * plan.invalid_transition, input.invalid (no or unknown slot, a time already past).
 */
export async function schedulePlan(
  ctx: AppContext,
  planId: number,
  options: { slot?: number | undefined; at?: number | undefined },
): Promise<MovedPlan> {
  const { row, person } = await load(ctx, planId);
  const status = target(row, 'schedule');
  if ((options.slot === undefined) === (options.at === undefined))
    throw new RapportError(
      'input.invalid',
      `Say when plan #${planId} is: --slot N (one of its slots) or --at TIME.`,
    );
  let time: { start: number; end: number };
  if (options.at !== undefined) {
    if (!Number.isFinite(options.at) || options.at < ctx.clock())
      throw new RapportError(
        'input.invalid',
        `That time has passed; if the conversation happened, mark it done: rapport plans done ${planId} --at TIME.`,
      );
    time = { start: options.at, end: options.at + (row.minutes ?? 0) * MINUTE_MS };
  } else time = slotAt(row, options.slot!);
  return apply(ctx, row, person, { status, ...timePatch(row, time) });
}

/** What marking a plan done recorded, and what to do next. */
export interface CompletedPlan extends MovedPlan {
  /** The conversation now in the person's timeline. */
  interactionId: number;
  followUp: FollowUp;
  /** Whether the person is still stuck online after it (never, for a live conversation). */
  stillStuck: boolean;
}

function cleanNote(note: string | undefined): string | null {
  const text = note?.trim();
  if (!text) return null;
  if (text.length > MAX_NOTE)
    throw new RapportError(
      'input.invalid',
      `Keep the note under ${MAX_NOTE} characters; a sentence or two is enough.`,
    );
  return text;
}

/**
 * Marks a plan done: records the real conversation (as `rapport log` does) at `at` — by default
 * the agreed time once it has passed, else now — stores the outcome note and links the two, in
 * one transaction. Returns the follow-up from the person's fresh evaluation. Throws
 * plan.not_found, plan.invalid_transition, input.invalid (a future time, a silly length).
 */
export async function completePlan(
  ctx: AppContext,
  planId: number,
  options: { note?: string | undefined; minutes?: number | undefined; at?: number | undefined } = {},
): Promise<CompletedPlan> {
  const { row, person } = await load(ctx, planId);
  const status = target(row, 'done');
  const now = ctx.clock();
  const agreed =
    row.status === 'scheduled' && row.starts_at !== null && row.starts_at <= now ? row.starts_at : null;
  const at = options.at ?? agreed ?? now;
  if (!Number.isFinite(at) || at > now)
    throw new RapportError(
      'input.invalid',
      'That time is in the future; mark the plan done once it has happened.',
    );
  const minutes = options.minutes ?? row.minutes;
  if (minutes !== null && !(Number.isInteger(minutes) && minutes > 0 && minutes <= MAX_LOGGED_MINUTES))
    throw new RapportError(
      'input.invalid',
      `Minutes must be a whole number from 1 to ${MAX_LOGGED_MINUTES} (got ${minutes}).`,
    );
  const note = cleanNote(options.note);
  const kind = row.kind as PlanKind;
  const interactionId = await ctx.store.db.transaction().execute(async (trx) => {
    const id = await recordConversation(ctx, trx, person.id, {
      kind: PLAN_LOG_KINDS[kind],
      at,
      minutes,
      note,
    });
    const patch: PlanPatch = { status, outcome: note, interaction_id: id, minutes };
    // Rolled back with the conversation when another command moved the plan first.
    if (!(await plansRepository.updateFrom(trx, planId, row.status, patch, now)))
      throw changedMeanwhile(planId);
    return id;
  });
  const evaluation = await evaluateOne(ctx, person, now);
  return {
    ...(await reread(ctx, planId, person)),
    interactionId,
    followUp: followUpAfter(kind, at, evaluation.nextStep),
    stillStuck: evaluation.flags.stuckOnline,
  };
}

/**
 * Closes a plan without a conversation: declined (they said no), a no-show (an agreed time
 * nobody kept), or cancelled (the user dropped it), with an optional note. Declining or
 * cancelling turns the invite into a CANCEL. Throws plan.not_found, plan.invalid_transition.
 */
export async function closePlan(
  ctx: AppContext,
  planId: number,
  move: 'decline' | 'no_show' | 'cancel',
  options: { note?: string | undefined } = {},
): Promise<MovedPlan> {
  const { row, person } = await load(ctx, planId);
  const status = target(row, move);
  const cancels = move !== 'no_show';
  return apply(ctx, row, person, {
    status,
    outcome: cleanNote(options.note),
    ...(cancels ? { invite_sequence: row.invite_sequence + 1 } : {}),
  });
}
