import { join } from 'node:path';
import { decimalId, hexId } from './cast-identities.js';
import type { CastMember, LifeContext, SourceFile } from './cast-types.js';
import { DAY } from './dates.js';
import { conversationTimes, daysAgo } from './life-dates.js';
import { chatLine } from './life-text.js';
import { type MetaMessage, metaJson, threadPage } from './meta-json.js';
import { Random } from './random.js';
import { writeZip } from './zip-writer.js';

const SALT = 0x16a0;
const ROOT = 'your_instagram_activity/messages/inbox';
const FOLLOWS = 'connections/followers_and_following';

type Person = CastMember & { instagram: string };

const stringList = (href: string, value: string | undefined, timestamp: number) => [
  { href, ...(value !== undefined && { value }), timestamp },
];

/** One thread's messages, newest first; some are the system texts Instagram writes for likes and reactions. */
function messages(rng: Random, ctx: LifeContext, p: Person, count: number): MetaMessage[] {
  const owner = ctx.cast.owner.name;
  const them = p.person.name;
  const times = conversationTimes(rng, count, ctx.now - 400 * DAY, daysAgo(rng, ctx.now, 1, 30));
  return times.map((at, i) => {
    const sender = rng.chance(0.5) ? owner : them;
    const base = { sender_name: sender, timestamp_ms: at, is_geoblocked_for_viewer: false };
    const flags = { is_unsent_image_by_messenger_kid_parent: false };
    // The oldest message is never a reaction: there must be something to react to.
    const last = i === times.length - 1;
    if (!last && i % 5 === 1) return { ...base, content: 'Liked a message', ...flags };
    // Only the other side's reactions are written as "Reacted … to your message " (with the space).
    if (!last && i % 7 === 3 && sender === them)
      return { ...base, content: 'Reacted 😂 to your message ', ...flags };
    const reactions = rng.chance(0.15) ? [{ reaction: '❤️', actor: sender === owner ? them : owner }] : [];
    return { ...base, content: chatLine(rng, 'friend', p.person.firstName), reactions, ...flags };
  });
}

/**
 * Writes the owner's Instagram export zip (2024 layout, mojibake and all): personal information,
 * followers and followings, and a one-to-one thread per person with "Liked a message" and
 * "Reacted … to your message" system texts.
 */
export async function writeInstagramExport(ctx: LifeContext): Promise<SourceFile> {
  const { cast, now, scale } = ctx;
  const rng = Random.fork(ctx.seed, SALT);
  const owner = cast.owner;
  const people = cast.members.filter((m): m is Person => m.instagram !== undefined);
  const since = people.map(() => Math.floor(daysAgo(rng, now, 30, 2000) / 1000));
  const followers = people.map((p, i) => ({
    title: '',
    media_list_data: [],
    string_list_data: stringList(`https://www.instagram.com/${p.instagram}`, p.instagram, since[i]!),
  }));
  // The owner follows back every other follower.
  const following = people
    .filter((_, i) => i % 2 === 0)
    .map((p, i) => ({
      title: p.instagram,
      string_list_data: stringList(`https://www.instagram.com/_u/${p.instagram}`, undefined, since[i * 2]!),
    }));
  const field = (value: string) => ({ href: '', value, timestamp: 0 });
  const files: Record<string, string> = {
    'personal_information/personal_information/personal_information.json': metaJson({
      profile_user: [
        {
          title: '',
          media_map_data: {},
          string_map_data: {
            Username: field(owner.instagram),
            Name: field(owner.name),
            Email: field(owner.email),
          },
        },
      ],
    }),
    [`${FOLLOWS}/followers_1.json`]: metaJson(followers),
    [`${FOLLOWS}/following.json`]: metaJson({ relationships_following: following }),
  };
  let records = followers.length + following.length;
  people.forEach((p, i) => {
    const folder = `${p.instagram}_${decimalId(ctx.seed, SALT + 1 + i, 17)}`;
    const list = messages(rng, ctx, p, Math.max(3, Math.round(rng.int(5, 15) * scale)));
    records += list.length;
    const page = threadPage([p.person.name, owner.name], list, p.person.name, `inbox/${folder}`);
    files[`${ROOT}/${folder}/message_1.json`] = page;
  });
  const date = new Date(now).toISOString().slice(0, 10);
  const path = join(ctx.dir, `instagram-${owner.instagram}-${date}-${hexId(ctx.seed, SALT).slice(0, 8)}.zip`);
  await writeZip(path, files, now);
  return { source: 'instagram', path, records };
}
