import { join } from 'node:path';
import { decimalId, hexId } from './cast-identities.js';
import type { CastMember, LifeContext, SourceFile } from './cast-types.js';
import { DAY } from './dates.js';
import { conversationTimes, daysAgo, padNumber } from './life-dates.js';
import { chatLine } from './life-text.js';
import { type MetaMessage, metaJson, threadPage, threadStem } from './meta-json.js';
import { Random } from './random.js';
import { writeZip } from './zip-writer.js';

const SALT = 0xfb00;
const ROOT = 'your_facebook_activity/messages/inbox';
/** Real pages hold thousands of messages; a small page makes the sample exercise paging. */
export const FACEBOOK_PAGE = 25;

interface Thread {
  folder: string;
  title: string;
  others: string[];
  messages: MetaMessage[];
}

function message(rng: Random, sender: string, to: string, at: number, owner: string): MetaMessage {
  const base = { sender_name: sender, timestamp_ms: at, is_geoblocked_for_viewer: false };
  const first = (name: string) => name.split(' ')[0] ?? name;
  const roll = rng.next();
  if (roll < 0.06) {
    const content = sender === owner ? `You called ${first(to)}.` : `${first(sender)} called you.`;
    return { ...base, content, type: 'Call', call_duration: rng.int(40, 2400) };
  }
  if (roll < 0.08) {
    const content =
      sender === owner ? `${first(to)} missed your call.` : `You missed a call from ${first(sender)}.`;
    return { ...base, content, type: 'Call', call_duration: 0 };
  }
  if (roll < 0.12) {
    const link = 'https://www.example.com/blog/why-ops-teams-love-dashboards';
    return { ...base, content: link, type: 'Share', share: { link } };
  }
  const reactions = rng.chance(0.1) ? [{ reaction: rng.pick(['❤', '😆', '👍']), actor: to }] : undefined;
  return {
    ...base,
    content: chatLine(rng, 'friend', first(to)),
    type: 'Generic',
    ...(reactions && { reactions }),
  };
}

function thread(
  rng: Random,
  ctx: LifeContext,
  others: CastMember[],
  count: number,
  title: string,
  index: number,
): Thread {
  const owner = ctx.cast.owner.name;
  const names = others.map((m) => m.person.name);
  const times = conversationTimes(rng, count, ctx.now - 700 * DAY, daysAgo(rng, ctx.now, 1, 40));
  const messages = times.map((at) => {
    const sender = rng.chance(0.45) ? owner : rng.pick(names);
    return message(rng, sender, sender === owner ? rng.pick(names) : owner, at, owner);
  });
  const folder = `${threadStem(title) || 'thread'}_${decimalId(ctx.seed, SALT + 1 + index, 16)}`;
  return { folder, title, others: names, messages };
}

/** The thread's pages, `message_1.json` holding the newest messages. */
function pages(t: Thread, owner: string): Record<string, string> {
  const files: Record<string, string> = {};
  const group = t.others.length > 1;
  const participants = group ? [owner, ...t.others] : [...t.others, owner];
  for (let p = 0; p * FACEBOOK_PAGE < t.messages.length; p++) {
    const slice = t.messages.slice(p * FACEBOOK_PAGE, (p + 1) * FACEBOOK_PAGE);
    files[`${ROOT}/${t.folder}/message_${p + 1}.json`] = threadPage(
      participants,
      slice,
      t.title,
      `inbox/${t.folder}`,
      group ? 'RegularGroup' : 'Regular',
    );
  }
  return files;
}

/**
 * Writes the owner's Facebook "Download your information" zip (2024 layout, mojibake and all):
 * profile, friends, one-to-one threads (the first long enough for two pages) with calls, shares
 * and reactions, and a group thread.
 */
export async function writeFacebookExport(ctx: LifeContext): Promise<SourceFile> {
  const { cast, now, scale } = ctx;
  const rng = Random.fork(ctx.seed, SALT);
  const owner = cast.owner;
  const people = cast.members.filter((m) => m.facebook);
  const friends = people
    .map((m) => ({ name: m.person.name, timestamp: Math.floor(daysAgo(rng, now, 300, 4000) / 1000) }))
    .sort((a, b) => b.timestamp - a.timestamp);
  // The last friend (of three or more) was never messaged: a friend without a thread.
  const talkers = people.length >= 3 ? people.slice(0, -1) : people;
  const threads = talkers.map((m, i) => {
    const count =
      i === 0
        ? Math.max(FACEBOOK_PAGE + 5, Math.round(40 * scale))
        : Math.max(2, Math.round(rng.int(4, 14) * scale));
    return thread(rng, ctx, [m], count, m.person.name, i);
  });
  const groupSize = Math.max(3, Math.round(10 * scale));
  threads.push(thread(rng, ctx, people.slice(0, 3), groupSize, 'Café crew ☕', threads.length));

  const d = new Date(now);
  const date = `${padNumber(d.getUTCDate())}_${padNumber(d.getUTCMonth() + 1)}_${d.getUTCFullYear()}`;
  const files: Record<string, string> = {
    'personal_information/profile_information/profile_information.json': metaJson({
      profile_v2: {
        name: {
          full_name: owner.name,
          first_name: owner.firstName,
          middle_name: '',
          last_name: owner.lastName,
        },
        emails: { emails: [owner.email], previous_emails: [], pending_emails: [], ad_account_emails: [] },
        current_city: { name: 'Austin, Texas', timestamp: 0 },
        registration_timestamp: Math.floor((now - 4200 * DAY) / 1000),
        profile_uri: 'https://www.facebook.com/morgan.avery.atx',
      },
    }),
    'connections/friends/your_friends.json': metaJson({ friends_v2: friends }),
  };
  for (const t of threads) Object.assign(files, pages(t, owner.name));
  const path = join(ctx.dir, `facebook-morganavery-${date}-${hexId(ctx.seed, SALT).slice(0, 8)}.zip`);
  await writeZip(path, files, now);
  const records = friends.length + threads.reduce((sum, t) => sum + t.messages.length, 0);
  return { source: 'facebook', path, records };
}
