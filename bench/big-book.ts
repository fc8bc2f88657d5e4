/**
 * A book of many people in a fresh SQLite file, fast, for the API and People-page benchmarks.
 *
 * Built by direct bulk inserts, not by importing an export: people (with companies and titles
 * from the sample vocabulary) through Kysely in batches, their touches through the store's
 * bulk writer (the importer's own hot path), then every evaluation through refreshEvaluations,
 * as an import would leave it. Deterministic for a seed. Each person has 0 to 8 touches over
 * the last two years, mixing online-only, live and offline relationships, so every flag and
 * every sort has realistic values (and unknowns: people never touched).
 */
import { rmSync } from 'node:fs';
import type { Channel, Network } from '../src/core/types.js';
import { BUYER_TITLES, COMPANIES, FIRST_NAMES, LAST_NAMES } from '../src/sample/names.js';
import { Random } from '../src/sample/random.js';
import { openApp } from '../src/services/app-context.js';
import { refreshEvaluations } from '../src/services/evaluation.service.js';
import type { NewInteraction, NewPerson } from '../src/store/schema.js';

const DAY = 86_400_000;
/** People per transaction: big enough to amortise, small enough to keep memory flat. */
const BATCH = 5_000;

/** Touch kinds by weight: mostly platform messages, some email, a few live conversations. */
const TOUCHES: readonly { channel: Channel; network: Network; weight: number }[] = [
  { channel: 'message', network: 'linkedin', weight: 40 },
  { channel: 'comment', network: 'twitter', weight: 15 },
  { channel: 'reaction', network: 'linkedin', weight: 10 },
  { channel: 'email', network: 'email', weight: 20 },
  { channel: 'call', network: 'phone', weight: 5 },
  { channel: 'video', network: 'google', weight: 5 },
  { channel: 'in_person', network: 'manual', weight: 5 },
];

function pickTouch(random: Random) {
  let roll = random.next() * TOUCHES.reduce((sum, t) => sum + t.weight, 0);
  for (const touch of TOUCHES) {
    roll -= touch.weight;
    if (roll < 0) return touch;
  }
  return TOUCHES[0]!;
}

/** What buildBigBook made, and how long each part took. */
export interface BigBook {
  people: number;
  interactions: number;
  insertMs: number;
  evaluateMs: number;
  /** How many people carry each flag: Today ranks all of them. */
  flagged: { stuck: number; overdue: number; dormant: number };
}

/**
 * Writes a book of `people` contacts (plus the owner) to a new SQLite file at `path`, replacing
 * any file there, evaluated at `now`. 100,000 people take well under a minute.
 */
export async function buildBigBook(path: string, people: number, now: number, seed = 7): Promise<BigBook> {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  const ctx = await openApp({ dialect: 'sqlite', path }, { clock: () => now });
  const { db, bulk } = ctx.store;
  const random = new Random(seed);
  const started = performance.now();
  let interactions = 0;
  try {
    await db
      .insertInto('people')
      .values(person('Sam Owner', null, null, now, 1))
      .execute();
    const ids: number[] = [];
    for (let from = 0; from < people; from += BATCH) {
      await db.transaction().execute(async (trx) => {
        const count = Math.min(BATCH, people - from);
        const rows: NewPerson[] = [];
        for (let i = 0; i < count; i++) {
          const name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
          const company = random.chance(0.85) ? random.pick(COMPANIES) : null;
          const title = random.chance(0.7) ? random.pick(BUYER_TITLES) : null;
          rows.push(person(name, company, title, now - random.int(30, 2000) * DAY, 0));
        }
        const made: number[] = [];
        // 500 people × 12 columns stays under every database's parameter limit.
        for (let r = 0; r < rows.length; r += 500) {
          const inserted = await trx
            .insertInto('people')
            .values(rows.slice(r, r + 500))
            .returning('id')
            .execute();
          made.push(...inserted.map((row) => row.id));
        }
        const touches: NewInteraction[] = [];
        const owners: number[] = [];
        for (const id of made) {
          const n = random.chance(0.1) ? 0 : random.int(1, 8);
          for (let t = 0; t < n; t++) {
            const kind = pickTouch(random);
            const live = kind.channel === 'call' || kind.channel === 'video' || kind.channel === 'in_person';
            touches.push({
              source: 'bench',
              external_id: `${id}-${t}`,
              import_id: null,
              occurred_at: now - random.int(1, 730) * DAY - random.int(0, DAY - 1),
              channel: kind.channel,
              network: kind.network,
              direction: live ? 'mutual' : random.chance(0.5) ? 'in' : 'out',
              audience: 'one_to_one',
              length: live ? random.int(15, 60) : random.int(5, 200),
              thread_id: null,
              snippet: null,
              activity: null,
              note: null,
              created_at: now,
            });
            owners.push(id);
          }
        }
        const touchIds = await bulk.insertInteractions(trx, touches);
        await bulk.insertParticipants(
          trx,
          touchIds.map((interactionId, i) => ({
            interaction_id: interactionId!,
            person_id: owners[i]!,
            identity_id: null,
            occurred_at: touches[i]!.occurred_at,
          })),
        );
        interactions += touches.length;
        ids.push(...made);
      });
    }
    const inserted = performance.now();
    await db.transaction().execute((trx) => refreshEvaluations(ctx, trx, ids, now));
    const evaluated = performance.now();
    const flagged = await db
      .selectFrom('person_evaluations')
      .select((eb) => [
        eb.fn.sum<number>('stuck').as('stuck'),
        eb.fn.sum<number>('overdue').as('overdue'),
        eb.fn.sum<number>('dormant').as('dormant'),
      ])
      .executeTakeFirstOrThrow();
    return {
      people,
      interactions,
      insertMs: inserted - started,
      evaluateMs: evaluated - inserted,
      flagged: {
        stuck: Number(flagged.stuck),
        overdue: Number(flagged.overdue),
        dormant: Number(flagged.dormant),
      },
    };
  } finally {
    await ctx.store.close();
  }
}

function person(
  name: string,
  company: string | null,
  title: string | null,
  connectedAt: number,
  isOwner: number,
): NewPerson {
  const [first, ...last] = name.split(' ');
  return {
    display_name: name,
    first_name: first ?? null,
    last_name: last.join(' ') || null,
    company,
    title,
    location: null,
    cadence_days: null,
    connected_at: connectedAt,
    is_owner: isOwner,
    import_id: null,
    created_at: connectedAt,
    updated_at: connectedAt,
  };
}
