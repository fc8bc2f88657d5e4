import type { MessengerOwner } from '../facebook/messenger-owner.js';
import { arr, obj, pathLabel, readJsonBatches, str } from '../json-reader.js';
import { fixMojibake } from '../mojibake.js';
import type { ImportRecord, SourceEntry } from '../types.js';
import { type InstagramPeople, usernameFromHref } from './instagram-people.js';

/** The keys that hold the list, by era; a bare array (followers_1.json) has none. */
const LISTS = new Set(['relationships_followers', 'relationships_following']);

/**
 * followers_N.json (a bare array) and following.json (`{relationships_following: […]}`) →
 * contacts. The username is `string_list_data[0].value`, else the entry's `title` (newer
 * following.json), else the profile link; `timestamp` (seconds) is when the follow began.
 */
export function parseFollows(
  entry: SourceEntry,
  owner: MessengerOwner,
  people: InstagramPeople,
): AsyncGenerator<ImportRecord[]> {
  const file = entry.path;
  return readJsonBatches(entry, {
    file,
    pick: (path) =>
      (path.length === 1 && typeof path[0] === 'number') || (path.length === 2 && LISTS.has(String(path[0]))),
    value(path, value, out) {
      const item = obj(value);
      const data = obj(arr(item?.string_list_data)[0]);
      const raw = str(data?.value) || str(item?.title) || usernameFromHref(str(data?.href));
      const username = raw === undefined ? undefined : fixMojibake(raw).trim().replace(/^@/, '');
      if (!username) {
        out.push({ type: 'rejected', file, reason: `${pathLabel(path)}: no username` });
        return undefined;
      }
      if (owner.is(username)) return undefined;
      people.know(username);
      const seconds = data?.timestamp;
      out.push({
        type: 'contact',
        file,
        identities: [people.ref(username)],
        person: { displayName: username },
        connectedAt: typeof seconds === 'number' && seconds > 0 ? seconds * 1000 : undefined,
      });
      return undefined;
    },
  });
}
