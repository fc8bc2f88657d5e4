/**
 * Twitter/X archive files: `window.YTD.<name>.part0 = [ … ]` in the archive's own JSON style
 * (two-space indents, `"key" : value`, empty `[ ]`), numbers as strings, Snowflake ids.
 */
import { DAY, HOUR } from './dates.js';
import { ctimeUtc } from './life-dates.js';

/** Milliseconds of Twitter's Snowflake epoch (2010-11-04). */
const TWITTER_EPOCH = 1_288_834_974_657;

const spaces = (n: number) => ' '.repeat(n);

/** `value` as the archive writes JSON, its first line unindented and the rest at `indent`. */
export function twitterJson(value: unknown, indent = 0): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[ ]';
    const inner = value.map((v) => spaces(indent + 2) + twitterJson(v, indent + 2));
    return `[\n${inner.join(',\n')}\n${spaces(indent)}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{ }';
    const inner = entries.map(
      ([k, v]) => `${spaces(indent + 2)}${JSON.stringify(k)} : ${twitterJson(v, indent + 2)}`,
    );
    return `{\n${inner.join(',\n')}\n${spaces(indent)}}`;
  }
  return JSON.stringify(value);
}

/** The opening of a `data/<file>.js` whose global is `YTD.<name>.part0`. */
export const ytdOpen = (name: string) => `window.YTD.${name}.part0 = [\n`;
export const YTD_CLOSE = '\n]';

/** A whole `data/<file>.js` holding `items`. */
export function ytdFile(name: string, items: readonly unknown[]): string {
  if (items.length === 0) return `window.YTD.${name}.part0 = [ ]`;
  return ytdOpen(name) + items.map((item) => `  ${twitterJson(item, 2)}`).join(',\n') + YTD_CLOSE;
}

/** A Snowflake id: milliseconds since Twitter's epoch in the high bits, `seq` in the low 22. */
export function snowflake(at: number, seq: number): string {
  return ((BigInt(at - TWITTER_EPOCH) << 22n) | BigInt(seq & 0x3fffff)).toString();
}

/** An account as a tweet names it. */
export interface TweetAccount {
  id: string;
  handle: string;
  name: string;
}

/** One tweets.js item (2022 shape, with edit_info), mentioning `mentions` and maybe replying to one. */
export function tweetItem(
  at: number,
  id: string,
  text: string,
  likes: number,
  mentions: readonly TweetAccount[],
  replyTo?: TweetAccount,
) {
  const user_mentions = mentions.map((m) => {
    const start = text.indexOf(`@${m.handle}`);
    const indices = [String(start), String(start + m.handle.length + 1)];
    return { name: m.name, screen_name: m.handle, indices, id_str: m.id, id: m.id };
  });
  // The tweet replied to is not in the archive; its id only has to be older than the reply.
  const replied = replyTo && snowflake(at - DAY, 7);
  const reply = replyTo && {
    in_reply_to_status_id_str: replied,
    in_reply_to_user_id: replyTo.id,
    in_reply_to_status_id: replied,
    in_reply_to_screen_name: replyTo.handle,
    in_reply_to_user_id_str: replyTo.id,
  };
  const edits = { editTweetIds: [id], editableUntil: new Date(at + HOUR).toISOString(), editsRemaining: '5' };
  return {
    tweet: {
      edit_info: { initial: { ...edits, isEditEligible: true } },
      retweeted: false,
      source: '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>',
      entities: { hashtags: [], symbols: [], user_mentions, urls: [] },
      display_text_range: ['0', String([...text].length)],
      favorite_count: String(likes),
      id_str: id,
      truncated: false,
      retweet_count: '0',
      id,
      created_at: ctimeUtc(at),
      favorited: false,
      full_text: text,
      lang: 'en',
      ...reply,
    },
  };
}

/** One account.js item. */
export function accountItem(o: { email: string; handle: string; id: string; name: string }, now: number) {
  return {
    account: {
      email: o.email,
      createdVia: 'web',
      username: o.handle,
      accountId: o.id,
      createdAt: new Date(now - 3100 * DAY).toISOString(),
      accountDisplayName: o.name,
    },
  };
}

/** One follower.js or following.js item. */
export function followItem(kind: 'follower' | 'following', id: string) {
  return { [kind]: { accountId: id, userLink: `https://twitter.com/intent/user?user_id=${id}` } };
}

const DATA_TYPES = {
  account: ['account', 'account'],
  directMessages: ['direct-messages', 'direct_messages'],
  directMessagesGroup: ['direct-messages-group', 'direct_messages_group'],
  follower: ['follower', 'follower'],
  following: ['following', 'following'],
  tweets: ['tweets', 'tweets'],
} as const;

/** data/manifest.js: who the archive is of, and every data file with its part and item count. */
export function manifestJs(
  owner: { handle: string; id: string; name: string },
  counts: Record<keyof typeof DATA_TYPES, number>,
  sizeBytes: number,
  now: number,
): string {
  const dataTypes = Object.fromEntries(
    Object.entries(DATA_TYPES).map(([type, [file, global]]) => [
      type,
      {
        files: [
          {
            fileName: `data/${file}.js`,
            globalName: `YTD.${global}.part0`,
            count: String(counts[type as keyof typeof DATA_TYPES]),
          },
        ],
      },
    ]),
  );
  const config = {
    userInfo: { accountId: owner.id, userName: owner.handle, displayName: owner.name },
    archiveInfo: {
      sizeBytes: String(sizeBytes),
      generationDate: new Date(now).toISOString(),
      isPartialArchive: false,
      maxPartSizeBytes: '53687091200',
    },
    readmeInfo: { fileName: 'data/README.txt', directory: 'data/', name: 'README.txt' },
    dataTypes,
  };
  return `window.__THAR_CONFIG = ${twitterJson(config)}`;
}
