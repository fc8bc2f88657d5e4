import { arr, obj, pathLabel, readJsonBatches, str } from '../json-reader.js';
import { plainText } from '../plain-text.js';
import { stableId } from '../stable-id.js';
import type { FileRecord, IdentityRef, ImportRecord, SourceEntry } from '../types.js';
import { parseTweetDate } from './twitter-dates.js';
import { numericId, type TwitterPeople } from './twitter-people.js';

/** The leading `@a @b ` a reply starts with: the people, not the words. */
const LEADING_MENTIONS = /^(\s*@\w+)+\s*/;
const RETWEET = /^RT @(\w+):/;

type Tweet = Record<string, unknown>;

/** The accounts a tweet addresses, learning their handles and names on the way. */
function counterparts(tweet: Tweet, people: TwitterPeople): string[] {
  const ids: string[] = [];
  const add = (id: string | undefined) => {
    if (id !== undefined && !people.isOwner(id) && !ids.includes(id)) ids.push(id);
  };
  const replyTo = numericId(tweet.in_reply_to_user_id_str ?? tweet.in_reply_to_user_id);
  if (replyTo !== undefined) {
    people.learn(replyTo, tweet.in_reply_to_screen_name, undefined);
    add(replyTo);
  }
  for (const raw of arr(obj(tweet.entities)?.user_mentions)) {
    const mention = obj(raw);
    const id = numericId(mention?.id_str ?? mention?.id);
    if (mention === undefined || id === undefined) continue;
    people.learn(id, mention.screen_name, mention.name);
    add(id);
  }
  return ids;
}

/** The author of a retweet: `retweeted_status.user` (pre-2019) or the mention its `RT @x:` names. */
function retweetedAuthor(tweet: Tweet, text: string, people: TwitterPeople): string | undefined {
  const user = obj(obj(tweet.retweeted_status)?.user);
  const fromStatus = numericId(user?.id_str ?? user?.id);
  if (fromStatus !== undefined) {
    people.learn(fromStatus, user?.screen_name, user?.name);
    return fromStatus;
  }
  const handle = RETWEET.exec(text)?.[1]?.toLowerCase();
  for (const raw of arr(obj(tweet.entities)?.user_mentions)) {
    const mention = obj(raw);
    if (str(mention?.screen_name)?.toLowerCase() !== handle) continue;
    const id = numericId(mention?.id_str ?? mention?.id);
    if (id !== undefined) people.learn(id, mention?.screen_name, mention?.name);
    return id;
  }
  return undefined;
}

/**
 * tweets.js / tweet.js / data/js/tweets/YYYY_MM.js → the owner's public touches with people.
 * A reply or mention is a 'comment' to the people it addresses (one_to_one for one person,
 * group for several); a retweet is a 'reaction' to its author. A plain tweet is a broadcast
 * to no one in particular: it makes no interaction (the service needs a participant) and is
 * counted instead in one skipped-file record, `<file>#broadcasts`, at the end of the file.
 */
export async function* parseTweets(
  entry: SourceEntry,
  people: TwitterPeople,
): AsyncGenerator<ImportRecord[]> {
  const file = entry.path;
  let broadcasts = 0;
  yield* readJsonBatches(entry, {
    file,
    assignment: true,
    pick: (path) => path.length === 1,
    value(path, item, out) {
      const holder = obj(item);
      const tweet = obj(holder?.tweet) ?? holder;
      const id = numericId(tweet?.id_str ?? tweet?.id);
      const at = parseTweetDate(tweet?.created_at);
      if (tweet === undefined || id === undefined || at === undefined) {
        const what =
          tweet === undefined ? 'not a tweet' : id === undefined ? 'no tweet id' : 'unreadable created_at';
        out.push({ type: 'rejected', file, reason: `${pathLabel(path)}: ${what}` });
        return undefined;
      }
      const text = str(tweet.full_text) ?? str(tweet.text) ?? '';
      const retweet = RETWEET.test(text) || obj(tweet.retweeted_status) !== undefined;
      const author = retweet ? retweetedAuthor(tweet, text, people) : undefined;
      const ids = retweet
        ? author === undefined || people.isOwner(author)
          ? []
          : [author]
        : counterparts(tweet, people);
      if (ids.length === 0) {
        broadcasts++;
        return undefined;
      }
      const participants: IdentityRef[] = ids.map((other) => people.ref(other));
      const { snippet } = plainText(text);
      out.push({
        type: 'interaction',
        file,
        externalId: stableId('tweet', id),
        at,
        channel: retweet ? 'reaction' : 'comment',
        network: 'twitter',
        direction: 'out',
        audience: participants.length > 1 ? 'group' : 'one_to_one',
        length: retweet ? null : plainText(text.replace(LEADING_MENTIONS, '')).words,
        snippet: snippet === '' ? undefined : snippet,
        participants,
      });
      return undefined;
    },
  });
  if (broadcasts > 0) yield [broadcastRecord(file, broadcasts)];
}

/** The plain tweets of a file, reported as skipped records under `<file>#broadcasts`. */
export function broadcastRecord(file: string, count: number): FileRecord {
  return {
    type: 'file',
    file: `${file}#broadcasts`,
    status: 'skipped',
    reason: `${count} tweet${count === 1 ? '' : 's'} replying to or mentioning no one: broadcasts, not touches with a person`,
  };
}
