import { DAY_MS } from '../../src/core/duration.js';
import type { RankInputs, TodayCandidate } from '../../src/core/today.js';
import type { Channel, Network, RelationshipType } from '../../src/core/types.js';
import { Random } from '../../src/sample/random.js';
import { refreshEvaluations } from '../../src/services/evaluation.service.js';
import { dealsRepository } from '../../src/store/deals.repository.js';
import type { NewInteraction } from '../../src/store/schema.js';
import type { TestApp } from './test-app.js';

/** The moment random books are evaluated at (a whole minute). */
export const RANDOM_BOOK_NOW = Date.UTC(2026, 10, 29, 9, 0);
const NOW = RANDOM_BOOK_NOW;

const TYPES: RelationshipType[] = ['prospect', 'client', 'partner', 'other', 'other'];
const KINDS: { channel: Channel; network: Network }[] = [
  { channel: 'message', network: 'linkedin' },
  { channel: 'message', network: 'linkedin' },
  { channel: 'email', network: 'email' },
  { channel: 'comment', network: 'twitter' },
  { channel: 'video', network: 'google' },
  { channel: 'in_person', network: 'manual' },
];

const HOUR_MS = 3_600_000;

/** Days ago and touch kinds per profile, from small sets so urgency days and gap bands often tie. */
const PROFILES = {
  // Five or more recent online touches, no live talk: stuck online.
  stuck: { touches: [6, 8], daysAgo: [3, 4, 20, 21], kinds: KINDS.slice(0, 3) },
  // A last real conversation a while ago, with a cadence: overdue.
  overdue: { touches: [1, 3], daysAgo: [60, 61, 100], kinds: KINDS },
  // Nothing for more than half a year: dormant (worth reviving when strong or long).
  dormant: { touches: [3, 6], daysAgo: [200, 201, 260, 400, 401], kinds: KINDS },
  anything: { touches: [0, 7], daysAgo: [1, 5, 40, 90, 200, 500], kinds: KINDS },
} as const;

/**
 * A random small book, evaluated at NOW: stuck, overdue, dormant and other people of every
 * type, touched at whole days or whole days and an hour ago (so urgency days and gap bands often
 * tie), some in open deals and some in closed ones.
 */
export async function randomBook(app: TestApp, seed: number): Promise<void> {
  const random = new Random(seed);
  const db = app.ctx.store.db;
  const count = random.int(30, 70);
  const people: { id: number; profile: keyof typeof PROFILES }[] = [];
  for (let i = 0; i < count; i++) {
    const profile = random.pick(['stuck', 'stuck', 'overdue', 'dormant', 'anything'] as const);
    const at = NOW - random.pick([100, 101, 900]) * DAY_MS - (random.chance(0.5) ? HOUR_MS : 0);
    const row = await db
      .insertInto('people')
      .values({
        display_name: `Person ${seed}-${i}`,
        first_name: null,
        last_name: null,
        company: random.chance(0.5) ? `Company ${random.int(1, 4)}` : null,
        title: null,
        location: null,
        // Types with a cadence make a dormant person overdue first: most stuck and dormant are 'other'.
        relationship_type:
          profile === 'stuck' || (profile === 'dormant' && random.chance(0.6)) ? 'other' : random.pick(TYPES),
        cadence_days: profile === 'overdue' && random.chance(0.3) ? random.pick([14, 30]) : null,
        // The stuck are known long enough (stuck.minKnownDays); others sometimes only by their touches.
        connected_at: profile === 'stuck' || random.chance(0.8) ? at : null,
        import_id: null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    people.push({ id: row.id, profile });
  }
  const ids = people.map((p) => p.id);
  const touches: NewInteraction[] = [];
  const owners: number[] = [];
  for (const { id, profile } of people) {
    const shape = PROFILES[profile];
    const n = random.int(shape.touches[0], shape.touches[1]);
    for (let t = 0; t < n; t++) {
      const kind = random.pick(shape.kinds);
      const live = kind.channel === 'video' || kind.channel === 'in_person';
      touches.push({
        source: 'test',
        external_id: `${id}-${t}`,
        import_id: null,
        occurred_at: NOW - random.pick(shape.daysAgo) * DAY_MS - (random.chance(0.5) ? HOUR_MS : 0),
        channel: kind.channel,
        network: kind.network,
        direction: live ? 'mutual' : random.chance(0.6) ? 'in' : 'out',
        audience: 'one_to_one',
        length: random.pick([10, 50]),
        thread_id: null,
        snippet: null,
        activity: null,
        note: null,
        created_at: NOW,
      });
      owners.push(id);
    }
  }
  await db.transaction().execute(async (trx) => {
    const touchIds = await app.ctx.store.bulk.insertInteractions(trx, touches);
    await app.ctx.store.bulk.insertParticipants(
      trx,
      touchIds.map((interactionId, i) => ({
        interaction_id: interactionId!,
        person_id: owners[i]!,
        identity_id: null,
        occurred_at: touches[i]!.occurred_at,
      })),
    );
    for (let d = 0; d < 3; d++) {
      const status = random.pick(['open', 'open', 'won', 'lost']);
      const dealId = await dealsRepository.insert(trx, {
        title: `Deal ${d}`,
        stage: 'lead',
        status,
        value: null,
        currency: null,
        opened_at: NOW - 10 * DAY_MS,
        closed_at: status === 'open' ? null : NOW - DAY_MS,
        note: null,
        created_at: NOW,
        updated_at: NOW,
      });
      const members = [...new Set(Array.from({ length: random.int(1, 4) }, () => random.pick(ids)))];
      await dealsRepository.addPeople(trx, dealId, members);
    }
    await refreshEvaluations(app.ctx, trx, ids, NOW);
  });
}

/** Every contact as rankToday sees it: stored rank inputs, their type, whether a deal is open. */
export async function allCandidates(app: TestApp): Promise<TodayCandidate<number>[]> {
  const db = app.ctx.store.db;
  const rows = await db
    .selectFrom('person_evaluations as e')
    .innerJoin('people as p', 'p.id', 'e.person_id')
    .select(['p.id', 'p.relationship_type', 'e.rank_inputs'])
    .execute();
  const withDeals = await dealsRepository.peopleWithOpenDeals(db);
  return rows.map((row) => ({
    id: row.id,
    evaluation: JSON.parse(row.rank_inputs) as RankInputs,
    relationshipType: row.relationship_type as RelationshipType,
    hasOpenDeal: withDeals.has(row.id),
  }));
}
