import { RapportError } from '../errors.js';
import { DAY_MS } from './duration.js';
import { stepLabel } from './ladder.js';
import type { LogKind, NextStep, StepKind } from './types.js';

/** The offline steps a plan can be, from the deepest rung down. */
export const PLAN_KINDS = ['coffee', 'lunch', 'video', 'call', 'email'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

/** The kinds that happen at a time and get slots and an invite; an email has neither. */
export const MEETING_KINDS = ['coffee', 'lunch', 'video', 'call'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const PLAN_STATUSES = [
  'suggested', // made by Rapport, not yet sent
  'proposed', // the message went out with the slots
  'scheduled', // a time is agreed
  'done',
  'declined',
  'no_show',
  'cancelled', // the user dropped it
] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/** Statuses of a plan still under way: shown on Today, counted as busy time, part of the calendar feed. */
export const OPEN_STATUSES: readonly PlanStatus[] = ['suggested', 'proposed', 'scheduled'];

/** What a user can do to a plan. */
export const PLAN_MOVES = ['propose', 'schedule', 'done', 'decline', 'no_show', 'cancel'] as const;
export type PlanMove = (typeof PLAN_MOVES)[number];

const TARGET: Record<PlanMove, PlanStatus> = {
  propose: 'proposed',
  schedule: 'scheduled',
  done: 'done',
  decline: 'declined',
  no_show: 'no_show',
  cancel: 'cancelled',
};

/**
 * The moves open from each status. Done may skip the earlier steps (the user called without
 * telling Rapport first); a time can be moved (schedule again) but never un-agreed (propose
 * after schedule); a no-show needs an agreed time; closed plans are final, the next step is a
 * new plan.
 */
const MOVES: Record<PlanStatus, readonly PlanMove[]> = {
  suggested: ['propose', 'schedule', 'done', 'decline', 'cancel'],
  proposed: ['propose', 'schedule', 'done', 'decline', 'cancel'],
  scheduled: ['schedule', 'done', 'decline', 'no_show', 'cancel'],
  done: [],
  declined: [],
  no_show: [],
  cancelled: [],
};

// An email has no time: it cannot be scheduled or missed.
const TIMED_MOVES: ReadonlySet<PlanMove> = new Set(['schedule', 'no_show']);

const MOVE_WORDS: Record<PlanMove, string> = {
  propose: 'proposed',
  schedule: 'scheduled',
  done: 'marked done',
  decline: 'marked declined',
  no_show: 'marked a no-show',
  cancel: 'cancelled',
};

/** True when the plan is still under way; never throws. */
export function isOpen(status: PlanStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** True for the kinds that meet at a time (everything but an email); never throws. */
export function isMeeting(kind: PlanKind): kind is MeetingKind {
  return kind !== 'email';
}

/** True for the kinds that meet in person (travel time applies); never throws. */
export function isInPerson(kind: PlanKind): boolean {
  return kind === 'coffee' || kind === 'lunch';
}

/** The moves allowed from `status` for a plan of this kind, in PLAN_MOVES order; never throws. */
export function allowedMoves(status: PlanStatus, kind: PlanKind): PlanMove[] {
  return MOVES[status].filter((move) => isMeeting(kind) || !TIMED_MOVES.has(move));
}

/**
 * The status a plan moves to. Throws RapportError plan.invalid_transition, naming the moves
 * that are open, when `move` is not allowed from `status` for this kind.
 */
export function nextStatus(status: PlanStatus, move: PlanMove, kind: PlanKind): PlanStatus {
  const allowed = allowedMoves(status, kind);
  if (allowed.includes(move)) return TARGET[move];
  const why =
    allowed.length === 0
      ? `it is ${statusLabel(status)} and closed; plan the next step with: rapport plan NAME`
      : !isMeeting(kind) && TIMED_MOVES.has(move)
        ? 'an email has no time to agree or miss'
        : `it is ${statusLabel(status)}; from here it can be ${allowed.map((m) => MOVE_WORDS[m]).join(', ')}`;
  throw new RapportError('plan.invalid_transition', `This plan cannot be ${MOVE_WORDS[move]}: ${why}.`, {
    status,
    move,
    allowed,
  });
}

const STATUS_LABELS: Record<PlanStatus, string> = {
  suggested: 'suggested',
  proposed: 'proposed',
  scheduled: 'scheduled',
  done: 'done',
  declined: 'declined',
  no_show: 'a no-show',
  cancelled: 'cancelled',
};

/** A status in words: "scheduled", "a no-show"; never throws. */
export function statusLabel(status: PlanStatus): string {
  return STATUS_LABELS[status];
}

const KIND_LABELS: Record<PlanKind, string> = {
  coffee: 'coffee',
  lunch: 'lunch',
  video: 'video call',
  call: 'call',
  email: 'email',
};

/** A plan's kind in words: "coffee", "video call"; never throws. */
export function planKindLabel(kind: PlanKind): string {
  return KIND_LABELS[kind];
}

/** What each kind is logged as when done (core LOG_KINDS gives the channel); never throws. */
export const PLAN_LOG_KINDS: Record<PlanKind, LogKind> = {
  coffee: 'coffee',
  lunch: 'lunch',
  video: 'video',
  call: 'call',
  email: 'email',
};

/**
 * The plan kind for a person's next step: the same rung where there is one; a follow-up or a
 * reconnect is a coffee in the same city and a video call otherwise (or when the city is
 * unknown, which asks no one to travel on a guess). Never throws.
 */
export function planKindFor(step: StepKind, sameCity: boolean | null): PlanKind {
  switch (step) {
    case 'email':
    case 'call':
    case 'video':
    case 'coffee':
      return step;
    case 'follow_up':
    case 'reconnect':
      return sameCity === true ? 'coffee' : 'video';
  }
}

/** A thank-you within two days keeps what was said fresh and puts the agreed next step in writing. */
export const THANK_YOU_DAYS = 2;

export interface FollowUp {
  /** Send the thank-you email by then (ms); null after an email, which needs a reply instead. */
  thankYouBy: number | null;
  /** What to do now, in words. */
  text: string;
  /** The next rung, from the person's evaluation after the conversation was recorded. */
  next: NextStep;
}

/**
 * What to do after a plan is done at `doneAt`: a thank-you email within THANK_YOU_DAYS naming
 * the next step agreed (after a conversation), or waiting for the reply (after an email); then
 * the next rung, `next`, from the person's fresh evaluation. Never throws.
 */
export function followUpAfter(kind: PlanKind, doneAt: number, next: NextStep): FollowUp {
  const rung = `Next rung: ${stepLabel(next.kind)}${next.minutes ? ` (${next.minutes} min)` : ''} — ${next.why}.`;
  if (kind === 'email') {
    return {
      thankYouBy: null,
      text: `When they reply, answer within two days and suggest a time to talk. ${rung}`,
      next,
    };
  }
  return {
    thankYouBy: doneAt + THANK_YOU_DAYS * DAY_MS,
    text: `Within two days, send a short thank-you email that names the next step you agreed. ${rung}`,
    next,
  };
}
