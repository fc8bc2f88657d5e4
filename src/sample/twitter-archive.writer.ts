import { join } from 'node:path';
import { hexId } from './cast-identities.js';
import type { CastMember, LifeContext, SourceFile } from './cast-types.js';
import { DAY, MINUTE } from './dates.js';
import { conversationTimes, daysAgo } from './life-dates.js';
import { chatLine } from './life-text.js';
import { Random } from './random.js';
import { accountItem, followItem, manifestJs, snowflake, tweetItem, ytdFile } from './twitter-json.js';
import { writeZip } from './zip-writer.js';

const SALT = 0x7717;
const REACTIONS = ['like', 'funny', 'agree', 'excited'] as const;
const BROADCASTS = [
  'Big week for ops analytics teams. Forecasts are only as good as the data under them 📊',
  'Three things I learned selling to CFOs this quarter 🧵',
  'Hiring: we are looking for a solutions engineer in Austin. DM me!',
  'Café meetings > Zoom calls. Change my mind ☕',
  'Reading "The Challenger Sale" again. Still holds up.',
] as const;

type Person = CastMember & { twitter: { id: string; handle: string } };
const iso = (at: number) => new Date(at).toISOString();

/** Ids of a one-to-one conversation, smaller first, as `<id>-<id>`. */
const pairId = (a: string, b: string) => (BigInt(a) < BigInt(b) ? `${a}-${b}` : `${b}-${a}`);

/** The owner's tweets, newest first: broadcasts, a reply to each person, mentions of pairs. */
function tweets(rng: Random, ctx: LifeContext, people: Person[], seq: () => number) {
  const out: { at: number; item: unknown }[] = [];
  const add = (text: string, mentions: Person[], replyTo?: Person) => {
    const account = (p: Person) => ({ id: p.twitter.id, handle: p.twitter.handle, name: p.person.name });
    const at = daysAgo(rng, ctx.now, 1, 365);
    const reply = replyTo && account(replyTo);
    out.push({
      at,
      item: tweetItem(at, snowflake(at, seq()), text, rng.int(0, 40), mentions.map(account), reply),
    });
  };
  const broadcasts = Math.max(3, Math.round(6 * ctx.scale));
  for (let i = 0; i < broadcasts; i++) add(rng.pick(BROADCASTS), []);
  people.forEach((p, i) => {
    add(`@${p.twitter.handle} ${chatLine(rng, 'work', p.person.firstName)}`, [p], p);
    const next = people[i + 1];
    if (i % 2 === 0 && next)
      add(`Great panel with @${p.twitter.handle} and @${next.twitter.handle} today!`, [p, next]);
  });
  return out.sort((a, b) => b.at - a.at).map((t) => t.item);
}

function dmConversation(rng: Random, ctx: LifeContext, me: string, p: Person, seq: () => number) {
  const count = Math.max(2, Math.round(rng.int(3, 10) * ctx.scale));
  const from = ctx.now - 500 * DAY;
  const messages = conversationTimes(rng, count, from, daysAgo(rng, ctx.now, 1, 60)).map((at) => {
    const out = rng.chance(0.5);
    const [senderId, recipientId] = out ? [me, p.twitter.id] : [p.twitter.id, me];
    const reactions = rng.chance(0.15)
      ? [
          {
            senderId: recipientId,
            reactionKey: rng.pick(REACTIONS),
            eventId: snowflake(at + MINUTE, seq()),
            createdAt: iso(at + MINUTE),
          },
        ]
      : [];
    const text = chatLine(rng, 'friend', out ? p.person.firstName : 'Morgan');
    const id = snowflake(at, seq());
    return {
      messageCreate: {
        recipientId,
        reactions,
        urls: [],
        text,
        mediaUrls: [],
        senderId,
        id,
        createdAt: iso(at),
      },
    };
  });
  return { dmConversation: { conversationId: pairId(me, p.twitter.id), messages } };
}

/** A group conversation, newest event first: messages, a rename, a later join, the creation. */
function groupConversation(rng: Random, ctx: LifeContext, me: string, people: Person[], seq: () => number) {
  const [a, ...later] = people.slice(0, 3);
  const ids = a ? [me, a.twitter.id] : [me];
  const start = daysAgo(rng, ctx.now, 200, 400);
  const events: unknown[] = [
    { joinConversation: { initiatingUserId: me, participantsSnapshot: [...ids], createdAt: iso(start) } },
    {
      conversationNameUpdate: {
        initiatingUserId: me,
        name: 'Ops analytics nerds 📊',
        createdAt: iso(start + MINUTE),
      },
    },
  ];
  later.forEach((p, i) => {
    const joined = { initiatingUserId: me, userIds: [p.twitter.id], createdAt: iso(start + (i + 1) * DAY) };
    events.push({ participantsJoin: joined });
    ids.push(p.twitter.id);
  });
  const count = Math.max(3, Math.round(8 * ctx.scale));
  const times = conversationTimes(rng, count, start + 2 * DAY, ctx.now - 2 * DAY).reverse();
  for (const at of times) {
    const senderId = rng.pick(ids);
    const text = chatLine(rng, 'work', 'all');
    const id = snowflake(at, seq());
    events.push({
      messageCreate: { reactions: [], urls: [], text, mediaUrls: [], senderId, id, createdAt: iso(at) },
    });
  }
  const conversationId = snowflake(start, 0x3fffff);
  return { item: { dmConversation: { conversationId, messages: events.reverse() } }, count };
}

/**
 * Writes the owner's Twitter/X archive zip: account, manifest, followers, followings, tweets
 * (broadcasts, replies, mentions), one-to-one DMs with reactions, and a group DM with its events.
 */
export async function writeTwitterArchive(ctx: LifeContext): Promise<SourceFile> {
  const { cast, now } = ctx;
  const rng = Random.fork(ctx.seed, SALT);
  let n = 0;
  const seq = () => n++;
  const { owner } = cast;
  const me = { id: owner.twitter.id, handle: owner.twitter.handle, name: owner.name, email: owner.email };
  const people = cast.members.filter((m): m is Person => m.twitter !== undefined);
  // Everyone follows the owner but the last person, whom the owner follows without a follow back.
  const followers = people.slice(0, Math.max(1, people.length - 1));
  const following = people.filter((_, i) => i % 2 === 0 || i === people.length - 1);
  const posts = tweets(rng, ctx, people, seq);
  const talkers = people.slice(0, Math.max(1, Math.ceil(people.length * 0.7)));
  const dms = talkers.map((p) => dmConversation(rng, ctx, me.id, p, seq));
  const group = groupConversation(rng, ctx, me.id, people, seq);
  const dmCount = dms.reduce((sum, d) => sum + d.dmConversation.messages.length, 0);
  const data: Record<string, string> = {
    'data/account.js': ytdFile('account', [accountItem(me, now)]),
    'data/direct-messages-group.js': ytdFile('direct_messages_group', [group.item]),
    'data/direct-messages.js': ytdFile('direct_messages', dms),
    'data/follower.js': ytdFile(
      'follower',
      followers.map((p) => followItem('follower', p.twitter.id)),
    ),
    'data/following.js': ytdFile(
      'following',
      following.map((p) => followItem('following', p.twitter.id)),
    ),
    'data/tweets.js': ytdFile('tweets', posts),
  };
  const size = Object.values(data).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
  const counts = {
    account: 1,
    directMessages: dms.length,
    directMessagesGroup: 1,
    follower: followers.length,
    following: following.length,
    tweets: posts.length,
  };
  data['data/manifest.js'] = manifestJs(me, counts, size, now);
  const path = join(
    ctx.dir,
    `twitter-${new Date(now).toISOString().slice(0, 10)}-${hexId(ctx.seed, SALT, 8)}.zip`,
  );
  await writeZip(path, data, now);
  const records = followers.length + following.length + posts.length + dmCount + group.count;
  return { source: 'twitter', path, records };
}
