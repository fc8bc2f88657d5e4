import { stat } from 'node:fs/promises';
import { RapportError } from '../errors.js';
import { twitterAccountId } from './cast-identities.js';
import { textReadable } from './csv-writer.js';
import { DAY, MINUTE } from './dates.js';
import { chatLine } from './life-text.js';
import { Random } from './random.js';
import {
  accountItem,
  followItem,
  manifestJs,
  snowflake,
  twitterJson,
  YTD_CLOSE,
  ytdFile,
  ytdOpen,
} from './twitter-json.js';
import { writeZip } from './zip-writer.js';

export interface LargeTwitterOptions {
  seed: number;
  /** Messages in data/direct-messages.js, exactly. */
  dms: number;
  /** Correspondents: one one-to-one conversation each (while there are messages to give). */
  people: number;
  now: number;
}

/** A large export written: where, how many records (the rule of MultiSourceResult.files), and its size. */
export interface LargeExportResult {
  path: string;
  records: number;
  bytes: number;
}

const OWNER = { handle: 'morgan_sells', name: 'Morgan Avery', email: 'morgan.avery@example.com' };
/** Conversation sizes fall off like a Zipf law: a few people get most of the messages. */
const ZIPF = 0.8;
const SPAN = 1500 * DAY;

/** Messages per conversation, summing to exactly `dms`; memory grows with `people`, never with `dms`. */
function conversationSizes(dms: number, people: number): Float64Array {
  const sizes = new Float64Array(Math.min(people, dms));
  let total = 0;
  for (let i = 0; i < sizes.length; i++) total += 1 / (i + 1) ** ZIPF;
  let left = dms - sizes.length;
  for (let i = 0; i < sizes.length; i++) {
    const extra = Math.floor((dms - sizes.length) / (i + 1) ** ZIPF / total);
    sizes[i] = 1 + extra;
    left -= extra;
  }
  for (let i = 0; left > 0; i = (i + 1) % sizes.length, left--) sizes[i]! += 1;
  return sizes;
}

/** One conversation's messages, newest first, each one generated only when the zip asks for it. */
function* conversation(
  rng: Random,
  me: string,
  other: string,
  count: number,
  now: number,
  seq: () => number,
) {
  yield `  {\n    "dmConversation" : {\n      "conversationId" : "${BigInt(me) < BigInt(other) ? `${me}-${other}` : `${other}-${me}`}",\n      "messages" : [\n`;
  const end = now - rng.range(1, 60) * DAY;
  const mean = Math.min(SPAN / count, 7 * DAY);
  let at = Math.floor(end / 1000) * 1000;
  for (let k = 0; k < count; k++) {
    const out = rng.chance(0.5);
    const [senderId, recipientId] = out ? [me, other] : [other, me];
    const text = chatLine(rng, 'friend', out ? 'there' : 'Morgan');
    const message = {
      messageCreate: {
        recipientId,
        reactions: [],
        urls: [],
        text,
        mediaUrls: [],
        senderId,
        id: snowflake(at, seq()),
        createdAt: new Date(at).toISOString(),
      },
    };
    yield `${k > 0 ? ',\n' : ''}        ${twitterJson(message, 8)}`;
    // Bursts of replies minutes apart, then longer silences; the mean keeps the thread in its span.
    const gap = rng.chance(0.7) ? rng.range(1, 30) * MINUTE : mean * rng.range(0.5, 3);
    at = Math.max(at - Math.max(1000, Math.floor(gap / 1000) * 1000), now - SPAN - 200 * DAY);
  }
  yield '\n      ]\n    }\n  }';
}

function* directMessages(seed: number, sizes: Float64Array, me: string, now: number): Generator<string> {
  const rng = Random.fork(seed, 0x1a76);
  let n = 0;
  const seq = () => n++;
  yield ytdOpen('direct_messages');
  for (let i = 0; i < sizes.length; i++) {
    if (i > 0) yield ',\n';
    yield* conversation(rng, me, twitterAccountId(seed, i + 1), sizes[i]!, now, seq);
  }
  yield YTD_CLOSE;
}

function* follows(
  kind: 'follower' | 'following',
  seed: number,
  people: number,
  step: number,
): Generator<string> {
  yield ytdOpen(kind);
  for (let i = 0, first = true; i < people; i += step, first = false)
    yield `${first ? '' : ',\n'}  ${twitterJson(followItem(kind, twitterAccountId(seed, i + 1)), 2)}`;
  yield YTD_CLOSE;
}

/**
 * Writes a Twitter/X archive zip whose data/direct-messages.js holds exactly `dms` one-to-one
 * messages with `people` correspondents (Zipf-sized conversations), streamed so memory stays
 * flat at any size; plus account, manifest, followers (everyone) and followings (every other).
 * Throws RapportError('input.invalid') on bad options.
 */
export async function generateLargeTwitterArchive(
  outPath: string,
  options: LargeTwitterOptions,
): Promise<LargeExportResult> {
  const { seed, dms, people, now } = options;
  if (
    !Number.isFinite(seed) ||
    !Number.isFinite(now) ||
    !Number.isSafeInteger(dms) ||
    dms < 0 ||
    !Number.isSafeInteger(people) ||
    people < 1
  )
    throw new RapportError(
      'input.invalid',
      'Large Twitter options need a finite seed and now, whole dms ≥ 0 and people ≥ 1.',
      { ...options },
    );
  const me = twitterAccountId(seed, 0);
  const sizes = conversationSizes(dms, people);
  const following = Math.ceil(people / 2);
  const counts = {
    account: 1,
    directMessages: sizes.length,
    directMessagesGroup: 0,
    follower: people,
    following,
    tweets: 0,
  };
  // The manifest comes first in the zip, so its size can only be estimated (about 330 bytes a message).
  const size = dms * 330 + people * 200;
  const owner = { ...OWNER, id: me };
  await writeZip(
    outPath,
    {
      'data/account.js': ytdFile('account', [accountItem(owner, now)]),
      'data/direct-messages-group.js': ytdFile('direct_messages_group', []),
      'data/direct-messages.js': textReadable(directMessages(seed, sizes, me, now)),
      'data/follower.js': textReadable(follows('follower', seed, people, 1)),
      'data/following.js': textReadable(follows('following', seed, people, 2)),
      'data/manifest.js': manifestJs(owner, counts, size, now),
      'data/tweets.js': ytdFile('tweets', []),
    },
    now,
  );
  return { path: outPath, records: dms + people + following, bytes: (await stat(outPath)).size };
}
