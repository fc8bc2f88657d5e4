/**
 * Test support (not a test): hand-written Facebook exports in the 2018 and 2024 layouts, with
 * Meta's mojibake, and the facebook-schemas JSON Schemas (MIT, see shared/fixtures/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Files } from '../fixture-export.test-support.js';

export const FACEBOOK_FIXTURES = fileURLToPath(
  new URL('../../../../shared/fixtures/facebook/', import.meta.url),
);

export const schema = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(FACEBOOK_FIXTURES, `facebook-schemas__${name}.schema.json`), 'utf8'));

/** What Meta writes: each UTF-8 byte of `s` as one character. */
export const garble = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');

/** Every string in `value` garbled, as Meta's JSON holds it. */
export function garbleAll(value: unknown): unknown {
  if (typeof value === 'string') return garble(value);
  if (Array.isArray(value)) return value.map(garbleAll);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, garbleAll(v)]));
  return value;
}

const json = (value: unknown): string => JSON.stringify(garbleAll(value), null, 2);

export const ME = 'Zoë Owner';
export const RENEE = 'Renée Dupont';
export const BOB = 'Bob Stone';
const T = 1_700_000_000_000;

/** The one-to-one thread's messages, newest first, as the 2018 schema allows them. */
export const RENEE_MESSAGES = [
  {
    sender_name: RENEE,
    timestamp_ms: T + 5000,
    content: 'ça va? 👍',
    type: 'Generic',
    reactions: [{ reaction: '😍', actor: ME }],
  },
  { sender_name: ME, timestamp_ms: T + 4000, content: 'Zoë called Renée.', type: 'Call', call_duration: 125 },
  {
    sender_name: ME,
    timestamp_ms: T + 3000,
    content: 'Zoë called Renée.',
    type: 'Call',
    call_duration: 0,
    missed: true,
  },
  {
    sender_name: ME,
    timestamp_ms: T + 2000,
    content: 'https://example.com/x',
    type: 'Share',
    share: { link: 'https://example.com/x' },
  },
  {
    sender_name: ME,
    timestamp_ms: T + 1000,
    type: 'Generic',
    photos: [{ uri: 'messages/inbox/reneedupont_a1b2c3d4e5/photos/123.jpg', creation_timestamp: 1 }],
  },
];

const GROUP_MESSAGES = [
  {
    sender_name: 'Facebook User',
    timestamp_ms: T + 9000,
    content: 'from a deleted account',
    type: 'Generic',
  },
  {
    sender_name: ME,
    timestamp_ms: T + 8000,
    content: 'hello team',
    type: 'Generic',
    reactions: [{ reaction: '👍', actor: BOB }],
  },
  { sender_name: BOB, timestamp_ms: T + 7000, content: 'hi all', type: 'Generic' },
  {
    sender_name: BOB,
    timestamp_ms: T + 6000,
    content: 'Bob added Renée to the group.',
    type: 'Subscribe',
    users: [{ name: RENEE }],
  },
];

const thread = (participants: string[], messages: unknown[], type: string, path: string) => ({
  participants: participants.map((name) => ({ name })),
  messages,
  title: participants[0],
  is_still_participant: true,
  thread_type: type,
  thread_path: path,
});

/** A 2018-19 export: everything at the top level, `message.json` pages, `profile` and `friends`. */
export function export2018(withProfile = true): Files {
  return {
    ...(withProfile
      ? { 'profile_information/profile_information.json': json({ profile: { name: { full_name: ME } } }) }
      : {}),
    'friends/friends.json': json({
      friends: [
        { name: RENEE, timestamp: 1_500_000_000 },
        { name: BOB, timestamp: 1_500_000_100, contact_info: 'bob@example.com' },
      ],
    }),
    'messages/inbox/reneedupont_a1b2c3d4e5/message.json': json(
      thread([RENEE, ME], RENEE_MESSAGES, 'Regular', 'inbox/reneedupont_a1b2c3d4e5'),
    ),
    'messages/inbox/team_b2c3d4e5f6/message.json': json(
      thread([ME, RENEE, BOB, 'Facebook User'], GROUP_MESSAGES, 'RegularGroup', 'inbox/team_b2c3d4e5f6'),
    ),
    'messages/stickers_used/sticker.png': 'png',
    'posts/your_posts.json': '[]',
  };
}

/** A 2024 export of the same account: nested folders, pages 1 and 2, friends_v2, profile_v2, an unsent message. */
export function export2024(): Files {
  const root = 'your_facebook_activity/messages';
  const newer = {
    sender_name: RENEE,
    timestamp_ms: T + 6000,
    content: 'see you Friday',
    type: 'Generic',
    is_geoblocked_for_viewer: false,
  };
  const unsent = {
    sender_name: RENEE,
    timestamp_ms: T + 5500,
    content: '',
    type: 'Generic',
    is_unsent: true,
  };
  const page = (messages: unknown[]) => ({
    ...thread([RENEE, ME], messages, 'Regular', 'inbox/reneedupont_10158'),
    magic_words: [],
  });
  return {
    'personal_information/profile_information/profile_information.json': json({
      profile_v2: { name: { full_name: ME, first_name: 'Zoë', last_name: 'Owner' } },
    }),
    'connections/friends/your_friends.json': json({
      friends_v2: [{ name: RENEE, timestamp: 1_500_000_000 }],
    }),
    'connections/friends/removed_friends.json': json({
      deleted_friends_v2: [{ name: 'Gone', timestamp: 1 }],
    }),
    [`${root}/inbox/reneedupont_10158/message_1.json`]: json(page([newer, unsent, RENEE_MESSAGES[0]])),
    [`${root}/inbox/reneedupont_10158/message_2.json`]: json(page(RENEE_MESSAGES.slice(1))),
    [`${root}/message_requests/stranger_20001/message_1.json`]: json(
      thread(
        ['Stranger Danger', ME],
        [{ sender_name: 'Stranger Danger', timestamp_ms: T, content: 'hi', type: 'Generic' }],
        'Regular',
        'message_requests/stranger_20001',
      ),
    ),
    [`${root}/inbox/reneedupont_10158/photos/123.jpg`]: 'jpeg',
  };
}
