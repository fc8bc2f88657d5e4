import { randomUUID } from 'node:crypto';
import { LOG_KINDS, type LogKind } from '../core/types.js';
import { RapportError } from '../errors.js';
import type { Executor } from '../store/bulk-writer.js';
import type { AppContext } from './app-context.js';
import { refreshEvaluations } from './evaluation.service.js';
import { type PersonDetail, showPerson } from './person.service.js';
import { findPerson } from './person-lookup.js';

export interface LogInput {
  person: string;
  kind: string;
  /** When it happened (ms); defaults to now. */
  at?: number | undefined;
  minutes?: number | undefined;
  note?: string | undefined;
}

// A generous bound that still catches a typo such as minutes entered as seconds.
const MAX_MINUTES = 24 * 60;

/**
 * Records a real conversation with a person (coffee, call, …); their score and flags reflect it
 * at once. Throws input.invalid for an unknown kind, a future time or a silly length, and
 * person.not_found / person.ambiguous from the lookup.
 */
export async function logInteraction(
  ctx: AppContext,
  input: LogInput,
): Promise<{ interactionId: number; person: PersonDetail }> {
  const kind = input.kind.toLowerCase();
  if (!Object.hasOwn(LOG_KINDS, kind)) {
    throw new RapportError(
      'input.invalid',
      `Unknown kind "${input.kind}"; log one of: ${Object.keys(LOG_KINDS).join(', ')}.`,
    );
  }
  const now = ctx.clock();
  const at = input.at ?? now;
  if (!Number.isFinite(at))
    throw new RapportError(
      'input.invalid',
      'The time is not a valid date; use e.g. 2026-11-28 or "2026-11-28 14:30".',
    );
  if (at > now) {
    throw new RapportError(
      'input.invalid',
      'That time is in the future; log a conversation once it has happened.',
    );
  }
  if (
    input.minutes !== undefined &&
    !(Number.isInteger(input.minutes) && input.minutes > 0 && input.minutes <= MAX_MINUTES)
  ) {
    throw new RapportError(
      'input.invalid',
      `Minutes must be a whole number from 1 to ${MAX_MINUTES} (got ${input.minutes}).`,
    );
  }
  const db = ctx.store.db;
  const person = await findPerson(db, input.person);
  const interactionId = await db.transaction().execute((trx) =>
    recordConversation(ctx, trx, person.id, {
      kind: kind as LogKind,
      at,
      minutes: input.minutes ?? null,
      note: input.note?.trim() || null,
    }),
  );
  return { interactionId, person: await showPerson(ctx, `#${person.id}`) };
}

/**
 * Stores a real conversation with one person and re-evaluates them, inside the caller's
 * transaction (a plan marked done records its conversation and its own change together).
 * The caller has checked the kind, time and length. Returns the interaction's id.
 */
export async function recordConversation(
  ctx: AppContext,
  trx: Executor,
  personId: number,
  conversation: { kind: LogKind; at: number; minutes: number | null; note: string | null },
): Promise<number> {
  const now = ctx.clock();
  const { kind, at } = conversation;
  const [id] = await ctx.store.bulk.insertInteractions(trx, [
    {
      source: 'manual',
      external_id: randomUUID(),
      import_id: null,
      occurred_at: at,
      channel: LOG_KINDS[kind],
      network: 'manual',
      direction: 'mutual',
      audience: 'one_to_one',
      length: conversation.minutes,
      thread_id: null,
      snippet: null,
      activity: kind,
      note: conversation.note,
      created_at: now,
    },
  ]);
  if (id === null || id === undefined)
    throw new RapportError('internal', 'Could not record the conversation; try again.');
  await ctx.store.bulk.insertParticipants(trx, [
    { interaction_id: id, person_id: personId, identity_id: null, occurred_at: at },
  ]);
  await refreshEvaluations(ctx, trx, [personId], now);
  return id;
}
