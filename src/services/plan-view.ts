import { allowedMoves, type PlanKind, type PlanMove, type PlanStatus } from '../core/plan-status.js';
import { describeSlot, type Slot } from '../core/slots.js';
import { RapportError } from '../errors.js';
import type { PlanRow } from '../store/schema.js';

/** A plan as the CLI and the API show it. */
export interface PlanView {
  id: number;
  personId: number;
  personName: string;
  kind: PlanKind;
  status: PlanStatus;
  minutes: number | null;
  why: string;
  /** The proposed times, each with its words ("Tue 1 Dec, 10:00–10:45 (Europe/Berlin)"). */
  slots: (Slot & { label: string })[];
  /** The agreed time, or the one the invite carries until one is agreed. */
  startsAt: number | null;
  endsAt: number | null;
  when: string | null;
  timeZone: string | null;
  location: string | null;
  videoLink: string | null;
  draft: string | null;
  outcome: string | null;
  /** The conversation recorded when it was done. */
  interactionId: number | null;
  inviteUid: string;
  inviteSequence: number;
  createdAt: number;
  updatedAt: number;
  /** What can be done with it next. */
  moves: PlanMove[];
}

/** The slots stored with a plan. */
export function slotsOf(row: PlanRow): Slot[] {
  return JSON.parse(row.slots) as Slot[];
}

/** A stored plan and its person's name as a PlanView. */
export function toPlanView(row: PlanRow, personName: string): PlanView {
  const zone = row.time_zone;
  const kind = row.kind as PlanKind;
  const status = row.status as PlanStatus;
  return {
    id: row.id,
    personId: row.person_id,
    personName,
    kind,
    status,
    minutes: row.minutes,
    why: row.why,
    slots: slotsOf(row).map((slot) => ({ ...slot, label: zone ? describeSlot(slot, zone) : '' })),
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    when:
      zone && row.starts_at !== null && row.ends_at !== null
        ? describeSlot({ start: row.starts_at, end: row.ends_at }, zone)
        : null,
    timeZone: zone,
    location: row.location,
    videoLink: row.video_link,
    draft: row.draft,
    outcome: row.outcome,
    interactionId: row.interaction_id,
    inviteUid: row.invite_uid,
    inviteSequence: row.invite_sequence,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    moves: allowedMoves(status, kind),
  };
}

/** The error for a plan id that is not there. */
export function planNotFound(planId: number): RapportError {
  return new RapportError('plan.not_found', `There is no plan #${planId}; list them with: rapport plans.`, {
    planId,
  });
}
