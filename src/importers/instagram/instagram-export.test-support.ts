/**
 * Test support (not a test): the igsift sample export (MIT, see shared/fixtures/SOURCES.md)
 * under its export paths, and hand-written threads for what it lacks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { garbleAll } from '../facebook/facebook-export.test-support.js';
import type { Files } from '../fixture-export.test-support.js';

export const INSTAGRAM_FIXTURES = fileURLToPath(
  new URL('../../../../shared/fixtures/instagram/', import.meta.url),
);

const PREFIX = 'igsift__sample_export__';

/** `igsift__sample_export__a__b__c.json` → `a/b/c.json`, for every file of the sample export. */
export function igsiftExport(root = ''): Files {
  const files: Files = {};
  for (const name of readdirSync(INSTAGRAM_FIXTURES)) {
    if (!name.startsWith(PREFIX)) continue;
    files[root + name.slice(PREFIX.length).replaceAll('__', '/')] = readFileSync(
      join(INSTAGRAM_FIXTURES, name),
    );
  }
  return files;
}

const T = 1_710_000_000_000;
const ME = 'Zoë Owner';

const page = (folder: string, participants: string[], messages: unknown[]) =>
  JSON.stringify(
    garbleAll({
      participants: participants.map((name) => ({ name })),
      messages,
      title: participants[0],
      is_still_participant: true,
      thread_path: `inbox/${folder}`,
      magic_words: [],
    }),
  );

/** A 2024 export with Meta's mojibake, real `<username>_<id>` folders, a group, a deleted account, reactions. */
export function syntheticExport(): Files {
  const root = 'your_instagram_activity/messages/inbox';
  return {
    'personal_information/personal_information/personal_information.json': JSON.stringify(
      garbleAll({
        profile_user: [{ string_map_data: { Username: { value: 'zoe.owner' }, Name: { value: ME } } }],
      }),
    ),
    'connections/followers_and_following/followers_1.json': JSON.stringify([
      {
        title: '',
        string_list_data: [
          { href: 'https://www.instagram.com/rene.d', value: 'rene.d', timestamp: 1_700_000_000 },
        ],
      },
    ]),
    'connections/followers_and_following/following.json': JSON.stringify({
      relationships_following: [
        {
          title: 'kai_99',
          string_list_data: [{ href: 'https://www.instagram.com/_u/kai_99', timestamp: 1_700_000_100 }],
        },
      ],
    }),
    [`${root}/rene.d_17841400000000001/message_1.json`]: page(
      'rene.d_17841400000000001',
      ['Renée D', ME],
      [
        {
          sender_name: 'Renée D',
          timestamp_ms: T + 3000,
          content: 'Reacted ❤️ to your message ',
          reactions: [],
        },
        {
          sender_name: ME,
          timestamp_ms: T + 2000,
          content: 'on se voit à midi ?',
          reactions: [{ reaction: '❤️', actor: 'Renée D' }],
        },
        { sender_name: 'Renée D', timestamp_ms: T + 1000, content: 'coucou', reactions: [] },
      ],
    ),
    [`${root}/groupchat_17841400000000002/message_1.json`]: page(
      'groupchat_17841400000000002',
      [ME, 'kai_99', 'Renée D', 'Instagram User'],
      [
        { sender_name: 'Instagram User', timestamp_ms: T + 5000, content: 'gone now' },
        { sender_name: 'kai_99', timestamp_ms: T + 4000, content: 'Liked a message' },
      ],
    ),
    [`${root}/instagramuser_17841400000000003/message_1.json`]: page(
      'instagramuser_17841400000000003',
      ['Instagram User', ME],
      [{ sender_name: ME, timestamp_ms: T + 6000, content: 'hello?' }],
    ),
    'your_instagram_activity/content/posts_1.json': '[]',
    'media/posts/202401/a.jpg': 'jpeg',
  };
}
