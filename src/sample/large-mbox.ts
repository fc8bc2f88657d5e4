import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { RapportError } from '../errors.js';
import { asciiName, companyDomain } from './cast-identities.js';
import { textReadable } from './csv-writer.js';
import { DAY } from './dates.js';
import type { LargeExportResult } from './large-twitter-archive.js';
import type { MailPerson } from './mail-thread.js';
import { threadEntries } from './mail-thread.js';
import { bulkEntries } from './mbox.writer.js';
import { TOPICS } from './names.js';
import { makePerson } from './people.js';
import { Random } from './random.js';

export interface LargeMboxOptions {
  seed: number;
  /** Messages in the mbox, exactly. */
  messages: number;
  /** Correspondents, each with their own address. */
  people: number;
  now: number;
}

const OWNER: MailPerson = { name: 'Morgan Avery', address: 'morgan.avery@example.com', offset: -360 };
/** One thread in this many is bulk mail instead (a mailing-list post and a newsletter). */
const BULK_EVERY = 25;
const OFFSETS = [60, 0, -300, 120, 330, 540, -180] as const;

/** Correspondent `i`, made again from the seed whenever needed, so none is kept in memory. */
function correspondent(seed: number, i: number): MailPerson {
  const p = makePerson(Random.fork(seed, 0x6d00_0000 + i), seed, i + 1, 'quiet', 'contact');
  const domain = companyDomain(p.company);
  return {
    name: p.name,
    address: `${asciiName(p.firstName)}.${asciiName(p.lastName)}.${i}@${domain}`,
    offset: OFFSETS[i % OFFSETS.length] as number,
  };
}

function* mailbox(o: LargeMboxOptions): Generator<string> {
  const rng = Random.fork(o.seed, 0x3b0d);
  let n = 0;
  const seq = () => n++;
  let written = 0;
  for (let thread = 0; written < o.messages; thread++) {
    if (thread % BULK_EVERY === BULK_EVERY - 1 && o.messages - written >= 2) {
      for (const entry of bulkEntries(rng, o.now, OWNER, seq)) yield entry;
      written += 2;
      continue;
    }
    // Squaring the draw makes low-numbered correspondents the frequent ones.
    const other = correspondent(o.seed, Math.floor(o.people * rng.next() ** 2));
    const count = Math.min(o.messages - written, rng.int(1, 6));
    const to = o.now - rng.range(1, 1500) * DAY;
    const plan = {
      owner: OWNER,
      other,
      count,
      from: to - 30 * DAY,
      to,
      topic: rng.pick(TOPICS),
      labels: ['Inbox', 'Opened'],
    };
    yield* threadEntries(rng, plan, seq);
    written += count;
  }
}

/**
 * Writes a Gmail Takeout mbox of exactly `messages` messages with `people` correspondents
 * (threads of one to six, one thread in 25 replaced by list mail and a newsletter), streamed
 * to the file so memory stays flat at any size. Throws RapportError('input.invalid') on bad options.
 */
export async function generateLargeMbox(
  outPath: string,
  options: LargeMboxOptions,
): Promise<LargeExportResult> {
  const { seed, messages, people, now } = options;
  if (
    !Number.isFinite(seed) ||
    !Number.isFinite(now) ||
    !Number.isSafeInteger(messages) ||
    messages < 0 ||
    !Number.isSafeInteger(people) ||
    people < 1
  )
    throw new RapportError(
      'input.invalid',
      'Large mbox options need a finite seed and now, whole messages ≥ 0 and people ≥ 1.',
      { ...options },
    );
  await pipeline(textReadable(mailbox(options)), createWriteStream(outPath));
  return { path: outPath, records: messages, bytes: (await stat(outPath)).size };
}
