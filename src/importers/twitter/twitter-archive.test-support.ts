/**
 * Test support (not a test): the shared Twitter fixtures under their archive names, and
 * small hand-written archives for what the fixtures lack (DMs, groups, reactions, mentions).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Files } from '../fixture-export.test-support.js';

export const TWITTER_FIXTURES = fileURLToPath(
  new URL('../../../../shared/fixtures/twitter/', import.meta.url),
);

const fixture = (name: string): string => readFileSync(join(TWITTER_FIXTURES, name), 'utf8');

/** A `window.YTD.<name>.partN = [ … ]` file as Twitter writes it (no trailing semicolon). */
export function ytd(name: string, items: unknown[], part = 0): string {
  return `window.YTD.${name}.part${part} = ${JSON.stringify(items, null, 2)}`;
}

/** simonw/twitter-to-sqlite's 2019-shaped account/follower/following (Apache-2.0) and karlicoss/HPI's tweet (MIT). */
export function fixtureArchive(prefix = 'data/'): Files {
  const tweet = JSON.parse(fixture('karlicoss-HPI__tests__twitter__archive.tweet-object.json'));
  return {
    [`${prefix}account.js`]: fixture('simonw-twitter-to-sqlite__account.js'),
    [`${prefix}follower.js`]: fixture('simonw-twitter-to-sqlite__follower.js'),
    [`${prefix}following.js`]: fixture('simonw-twitter-to-sqlite__following.js'),
    [`${prefix}tweets.js`]: ytd('tweets', [{ tweet }]),
  };
}

export const OWNER = '100';
export const ADA = '201';
export const BOB = '202';
export const CY = '203';

const mention = (id: string, screen_name: string, name: string) => ({
  id_str: id,
  id,
  screen_name,
  name,
  indices: ['0', '4'],
});

/** A tweet as the 2020+ archive writes it: wrapped, numbers as strings. */
export function tweet(
  id: string,
  text: string,
  extra: Record<string, unknown> = {},
  mentions: unknown[] = [],
) {
  return {
    tweet: {
      id_str: id,
      id,
      created_at: 'Sat Jun 06 13:02:35 +0000 2020',
      full_text: text,
      entities: { hashtags: [], user_mentions: mentions, urls: [] },
      ...extra,
    },
  };
}

export const TWEETS = [
  tweet(
    '9001',
    '@ada thanks for the talk, see you soon',
    { in_reply_to_user_id_str: ADA, in_reply_to_screen_name: 'ada' },
    [mention(ADA, 'ada', 'Ada L')],
  ),
  tweet('9002', 'Great panel with @bob and @cy today', {}, [
    mention(BOB, 'bob', 'Bob B'),
    mention(CY, 'cy', 'Cy C'),
  ]),
  tweet('9003', 'RT @bob: shipping it', {}, [mention(BOB, 'bob', 'Bob B')]),
  tweet('9004', 'just a thought, to no one'),
  tweet('9005', 'continuing my own thread', {
    in_reply_to_user_id_str: OWNER,
    in_reply_to_screen_name: 'me',
  }),
];

const dm = (
  id: string,
  from: string,
  to: string | undefined,
  text: string,
  at: string,
  reactions: unknown[] = [],
) => ({
  messageCreate: {
    id,
    senderId: from,
    ...(to ? { recipientId: to } : {}),
    text,
    createdAt: at,
    reactions,
    urls: [],
    mediaUrls: [],
  },
});

export const DMS = [
  {
    dmConversation: {
      conversationId: `${OWNER}-${ADA}`,
      messages: [
        dm('7003', OWNER, ADA, 'coffee next week?', '2024-03-03T10:00:00.000Z', [
          { senderId: ADA, reactionKey: 'like', eventId: 'e1', createdAt: '2024-03-03T10:05:00.000Z' },
        ]),
        dm('7002', ADA, OWNER, 'great &amp; thanks', '2024-03-02T10:00:00.000Z', [
          { senderId: OWNER, reactionKey: 'funny', eventId: 'e2', createdAt: '2024-03-02T10:01:00.000Z' },
          { senderId: ADA, reactionKey: 'like', eventId: 'e3', createdAt: '2024-03-02T10:02:00.000Z' },
        ]),
        dm('7001', OWNER, ADA, 'hello there', '2024-03-01T10:00:00.000Z'),
      ],
    },
  },
];

export const GROUP_DMS = [
  {
    dmConversation: {
      conversationId: '1555000',
      messages: [
        dm('8002', OWNER, undefined, 'see you all', '2024-04-02T10:00:00.000Z'),
        dm('8001', BOB, undefined, 'welcome', '2024-04-01T10:00:00.000Z'),
        {
          conversationNameUpdate: {
            initiatingUserId: BOB,
            name: 'Crew',
            createdAt: '2024-04-01T09:00:00.000Z',
          },
        },
        { participantsJoin: { initiatingUserId: BOB, userIds: [CY], createdAt: '2024-04-01T08:30:00.000Z' } },
        {
          joinConversation: {
            initiatingUserId: BOB,
            participantsSnapshot: [OWNER, BOB],
            createdAt: '2024-04-01T08:00:00.000Z',
          },
        },
      ],
    },
  },
];

/** A modern archive: account, tweets split in two parts, follows, DMs and a group. */
export function syntheticArchive(): Files {
  return {
    'data/manifest.js': `window.__THAR_CONFIG = ${JSON.stringify({ userInfo: { accountId: OWNER, userName: 'me', displayName: 'Me' } })}`,
    'data/account.js': ytd('account', [
      { account: { accountId: OWNER, username: 'me', accountDisplayName: 'Me Myself' } },
    ]),
    'data/tweets.js': ytd('tweets', TWEETS.slice(0, 3)),
    'data/tweets-part1.js': ytd('tweets', TWEETS.slice(3), 1),
    'data/follower.js': ytd('follower', [
      { follower: { accountId: ADA, userLink: `https://twitter.com/intent/user?user_id=${ADA}` } },
    ]),
    'data/following.js': ytd('following', [
      { following: { accountId: ADA } },
      { following: { accountId: '299' } },
    ]),
    'data/direct-messages.js': ytd('direct_messages', DMS),
    'data/direct-messages-group.js': ytd('direct_messages_group', GROUP_DMS),
    'data/direct-message-headers.js': ytd('direct_message_headers', []),
    'data/like.js': ytd('like', []),
    'data/tweets_media/9001-a.jpg': 'jpeg',
    'data/tweets_media/9002-b.jpg': 'jpeg',
  };
}
