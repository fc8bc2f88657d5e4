import { type DraftValues, firstNameOf, howYouKnow, renderDraft, topicQuote } from '../core/draft.js';
import { isInPerson, type PlanKind, planKindLabel } from '../core/plan-status.js';
import type { PlanningConfig } from '../core/planning-config.js';
import { describeSlot, type Slot } from '../core/slots.js';
import type { Network } from '../core/types.js';
import type { Executor } from '../store/bulk-writer.js';
import { identitiesRepository } from '../store/identities.repository.js';
import { interactionsRepository } from '../store/interactions.repository.js';
import { planContextRepository } from '../store/plan-context.repository.js';
import type { PersonRow } from '../store/schema.js';
import type { PlanParties } from './plan-invite.js';
import { templateFor } from './planning-settings.service.js';
import { toTouch } from './touch-mapping.js';

/** Where to meet when the user has not named a place: the person picks. */
const ANY_PLACE: Record<'coffee' | 'lunch', string> = {
  coffee: 'a café that suits you',
  lunch: 'a place that suits you',
};

/**
 * The message draft for a plan, from the user's template for the kind (or Rapport's): personal
 * (how the user knows them, what they last talked about) and concrete (the slots, the place,
 * the link or the number).
 */
export async function writeDraft(
  db: Executor,
  config: PlanningConfig,
  plan: {
    person: PersonRow;
    kind: PlanKind;
    minutes: number | null;
    slots: readonly Slot[];
    parties: PlanParties;
  },
): Promise<string> {
  const { person, kind } = plan;
  const [template, identities, touches, snippet] = await Promise.all([
    templateFor(db, kind),
    identitiesRepository.listForPerson(db, person.id),
    interactionsRepository.touchesOf(db, [person.id]),
    planContextRepository.latestSnippet(db, person.id),
  ]);
  const values: DraftValues = {
    first_name: firstNameOf(person.first_name, person.display_name),
    name: person.display_name,
    how_you_know: howYouKnow(
      {
        connectedAt: person.connected_at,
        networks: identities.map((i) => i.network as Network),
        touches: touches.map(toTouch),
      },
      config.timeZone,
    ),
    last_topic: topicQuote(snippet),
    slots: plan.slots.map((slot, i) => `  ${i + 1}. ${describeSlot(slot, config.timeZone)}`).join('\n'),
    minutes: plan.minutes === null ? '' : String(plan.minutes),
    place: isInPerson(kind) ? (config.coffeePlace ?? ANY_PLACE[kind as 'coffee' | 'lunch']) : '',
    link: kind === 'video' ? (config.videoLink ?? '') : '',
    phone: kind === 'call' ? (plan.parties.phone ?? '') : '',
    kind: planKindLabel(kind),
    your_name: plan.parties.yourName ?? '',
  };
  return renderDraft(template, values);
}
