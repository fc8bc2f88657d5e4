import { obj, pathLabel, readJsonBatches, str } from '../json-reader.js';
import type { ImportRecord, SourceEntry } from '../types.js';
import { numericId, type TwitterPeople } from './twitter-people.js';

/**
 * follower.js / following.js → contacts: `{follower|following: {accountId, userLink}}`
 * (2019 archives: accountId only). No dates: the archive does not say when a follow began.
 */
export function parseFollows(
  kind: 'follower' | 'following',
  entry: SourceEntry,
  people: TwitterPeople,
): AsyncGenerator<ImportRecord[]> {
  const file = entry.path;
  return readJsonBatches(entry, {
    file,
    assignment: true,
    pick: (path) => path.length === 1,
    value(path, item, out) {
      const follow = obj(obj(item)?.[kind]);
      const id = numericId(follow?.accountId);
      if (id === undefined) {
        out.push({ type: 'rejected', file, reason: `${pathLabel(path)}: no ${kind}.accountId` });
        return undefined;
      }
      if (people.isOwner(id)) return undefined;
      out.push({
        type: 'contact',
        file,
        identities: [people.ref(id, str(follow?.userLink))],
        person: { displayName: people.displayName(id) },
      });
      return undefined;
    },
  });
}
