import { RELATIONSHIP_TYPES } from '../core/types.js';
import { RapportError } from '../errors.js';
import { peopleRepository } from '../store/people.repository.js';
import type { AppContext } from './app-context.js';
import { refreshEvaluations } from './evaluation.service.js';
import { type PersonDetail, showPerson } from './person.service.js';
import { findPerson } from './person-lookup.js';

export interface PersonChanges {
  relationshipType?: string | undefined;
  /** Days between offline touches; null removes the person's own cadence (their type's applies). */
  cadenceDays?: number | null | undefined;
}

// A cadence beyond ten years is no cadence; a typo guard as much as a limit.
const MAX_CADENCE_DAYS = 3650;

/**
 * Sets what a person is to the user (client, prospect, …) and their own keep-in-touch cadence;
 * their flags follow at once. Throws input.invalid, person.not_found, person.ambiguous.
 */
export async function updatePerson(
  ctx: AppContext,
  query: string,
  changes: PersonChanges,
): Promise<PersonDetail> {
  const type = changes.relationshipType?.toLowerCase();
  if (type !== undefined && !(RELATIONSHIP_TYPES as readonly string[]).includes(type)) {
    throw new RapportError(
      'input.invalid',
      `Unknown relationship type "${changes.relationshipType}"; use one of: ${RELATIONSHIP_TYPES.join(', ')}.`,
    );
  }
  const cadence = changes.cadenceDays;
  if (
    cadence !== undefined &&
    cadence !== null &&
    !(Number.isInteger(cadence) && cadence >= 1 && cadence <= MAX_CADENCE_DAYS)
  ) {
    throw new RapportError(
      'input.invalid',
      `A cadence is a whole number of days from 1 to ${MAX_CADENCE_DAYS}, or none (got ${cadence}).`,
    );
  }
  if (type === undefined && cadence === undefined) {
    throw new RapportError(
      'input.invalid',
      'Say what to change: --type client|prospect|partner|colleague|friend|other and/or --cadence DAYS|none.',
    );
  }
  const person = await findPerson(ctx.store.db, query);
  const now = ctx.clock();
  await ctx.store.db.transaction().execute(async (trx) => {
    await peopleRepository.update(
      trx,
      person.id,
      {
        ...(type !== undefined ? { relationship_type: type } : {}),
        ...(cadence !== undefined ? { cadence_days: cadence } : {}),
      },
      now,
    );
    await refreshEvaluations(ctx, trx, [person.id], now);
  });
  return showPerson(ctx, `#${person.id}`);
}
