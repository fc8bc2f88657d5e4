import type { LogKind } from '../core/types.js';
import { RapportError } from '../errors.js';
import { type ConversationPlan, conversationRows, MESSAGES_HEADER } from './conversations.js';
import { csvRow, textReadable } from './csv-writer.js';
import { formatConnectedOn } from './dates.js';
import {
  CONNECTIONS_HEADER,
  CONNECTIONS_PREAMBLE,
  guideMessagesCsv,
  type Owner,
  profileCsv,
  unusedFiles,
} from './export-files.js';
import { type History, planHistory } from './histories.js';
import { INVITATIONS_HEADER, type Invitation, invitationCount, invitationRows } from './invitations.js';
import { buildPeople, profileUrl, type SamplePerson, slugify } from './people.js';
import { assignPersonas, PERSONAS } from './personas.js';
import { planConversations } from './plan-conversations.js';
import { Random } from './random.js';
import { writeZip } from './zip-writer.js';

export interface SampleOptions {
  seed: number;
  connections: number;
  messages: number;
  /** Milliseconds: the "today" every history is relative to; nothing in the export is later. */
  now: number;
  owner?: { firstName: string; lastName: string };
}

/** One entry of the salesperson's diary, for the demo to record through Rapport's log command. */
export interface SampleLogEntry {
  profileUrl: string;
  name: string;
  kind: LogKind;
  at: number;
  minutes: number | null;
  note: string;
}

export interface SampleResult {
  zipPath: string;
  connections: number;
  messages: number;
  invitations: number;
  coachMessages: number;
  log: SampleLogEntry[];
  /** Persona name → number of connections with it. */
  personas: Record<string, number>;
}

function validate(o: SampleOptions): void {
  const { seed, connections, messages, now } = o;
  const details = { seed, connections, messages, now };
  const count = (n: number) => Number.isSafeInteger(n) && n >= 0;
  if (!Number.isFinite(seed) || !Number.isFinite(now) || !count(connections) || !count(messages)) {
    throw new RapportError(
      'input.invalid',
      'Sample options need a finite seed and now, and non-negative whole counts.',
      details,
    );
  }
  if (messages > 0 && connections === 0) {
    throw new RapportError(
      'input.invalid',
      'Sample messages need at least one connection to talk to.',
      details,
    );
  }
}

function makeOwner(options: SampleOptions): Owner {
  const { firstName, lastName } = options.owner ?? { firstName: 'Morgan', lastName: 'Avery' };
  return {
    firstName,
    lastName,
    name: `${firstName} ${lastName}`,
    url: profileUrl(firstName, lastName, 0, options.seed),
    email: `${slugify(firstName)}.${slugify(lastName)}@example.com`,
    company: 'Brightwave Analytics',
    title: 'Account Executive',
    location: 'Austin, Texas, United States',
  };
}

/** Everything a sample export holds, planned before any byte is written. */
export interface LinkedInPlan {
  owner: Owner;
  people: SamplePerson[];
  histories: History[];
  plans: ConversationPlan[];
  invitations: Invitation[];
  log: SampleLogEntry[];
  personas: Record<string, number>;
}

/**
 * Plans a sample export: the owner, the connections with their histories and conversations, and
 * the pending invitations, all from the seed. Throws RapportError('input.invalid') on bad options.
 */
export function planLinkedInExport(options: SampleOptions): LinkedInPlan {
  validate(options);
  const { seed, now } = options;
  const rng = new Random(seed);
  const owner = makeOwner(options);
  const people = buildPeople(assignPersonas(options.connections, rng), rng, seed);
  const histories = people.map((p) => planHistory(p, rng, now));
  const talker = people[0];
  if (options.messages > 0 && talker && !histories.some((h) => h.shape)) {
    // Networks too small for any talking persona still need somewhere to put the messages.
    talker.persona = 'stuck_online';
    histories[0] = planHistory(talker, rng, now);
  }
  const { plans, dropped } = planConversations(people, histories, options.messages, rng, seed, now);
  for (const i of dropped) {
    (people[i] as SamplePerson).persona = 'quiet';
    (histories[i] as { log: unknown[] }).log = [];
  }

  const log: SampleLogEntry[] = people.flatMap((p, i) =>
    (histories[i]?.log ?? []).map((e) => ({ profileUrl: p.url, name: p.name, ...e })),
  );
  log.sort((a, b) => a.at - b.at || (a.profileUrl < b.profileUrl ? -1 : 1));
  const personas: Record<string, number> = Object.fromEntries(PERSONAS.map((p) => [p, 0]));
  for (const p of people) personas[p.persona] = (personas[p.persona] ?? 0) + 1;
  const count = invitationCount(options.connections);
  const invitations = invitationRows(rng, owner, count, now, seed, people.length + 1);
  return { owner, people, histories, plans, invitations, log, personas };
}

/**
 * Writes a deterministic, real-format LinkedIn export zip for a fictional salesperson to `outPath`,
 * streaming the large files so any size fits in bounded memory. Throws RapportError('input.invalid')
 * on bad options.
 */
export async function generateLinkedInExport(outPath: string, options: SampleOptions): Promise<SampleResult> {
  const { seed, now } = options;
  const { owner, people, histories, plans, invitations, log, personas } = planLinkedInExport(options);
  const order = people
    .map((_, i) => i)
    .sort((a, b) => (histories[b]?.connectedAt ?? 0) - (histories[a]?.connectedAt ?? 0) || a - b);
  function* connectionLines(): Generator<string> {
    yield CONNECTIONS_PREAMBLE + CONNECTIONS_HEADER;
    for (const i of order) {
      const p = people[i] as SamplePerson;
      const on = formatConnectedOn(histories[i]?.connectedAt ?? now);
      yield csvRow([p.firstName, p.lastName, p.url, p.email, p.company, p.position, on]);
    }
  }
  let written = 0;
  function* messageLines(): Generator<string> {
    yield csvRow(MESSAGES_HEADER);
    for (const plan of plans) {
      for (const row of conversationRows(plan, owner, seed)) {
        written++;
        yield row;
      }
    }
  }

  const guide = guideMessagesCsv(owner, now);
  await writeZip(
    outPath,
    {
      ...unusedFiles(owner, now),
      'Connections.csv': textReadable(connectionLines()),
      'Invitations.csv': INVITATIONS_HEADER + invitations.map((i) => i.row).join(''),
      'Profile.csv': profileCsv(owner),
      'guide_messages.csv': guide.text,
      'messages.csv': textReadable(messageLines()),
    },
    now,
  );
  if (written !== options.messages) {
    throw new RapportError(
      'internal',
      `Sample generator wrote ${written} messages instead of ${options.messages}.`,
    );
  }
  return {
    zipPath: outPath,
    connections: people.length,
    messages: written,
    invitations: invitations.length,
    coachMessages: guide.count,
    log,
    personas,
  };
}
