import { emailKey } from '../identity-keys.js';
import { obj, pathLabel, readJsonBatches, str } from '../json-reader.js';
import { fixMojibake } from '../mojibake.js';
import type { IdentityRef, ImportRecord, SourceEntry } from '../types.js';
import type { MessengerOwner } from './messenger-owner.js';
import { facebookRef } from './profile.parser.js';

/** The lists that hold friends (not requests, not removed friends). */
const LISTS = new Set(['friends', 'friends_v2']);

/**
 * friends/friends.json `{friends: [{name, timestamp, contact_info?}]}` (2018-19) or
 * connections/friends/your_friends.json `{friends_v2: […]}` → contacts, connected at
 * `timestamp` (seconds). An email in contact_info becomes a second identity.
 */
export function parseFriends(entry: SourceEntry, owner: MessengerOwner): AsyncGenerator<ImportRecord[]> {
  const file = entry.path;
  return readJsonBatches(entry, {
    file,
    pick: (path) =>
      (path.length === 2 && LISTS.has(String(path[0]))) || (path.length === 1 && typeof path[0] === 'number'),
    value(path, value, out) {
      const friend = obj(value);
      const name = fixMojibake(str(friend?.name) ?? '').trim();
      const ref = facebookRef(name);
      if (ref === undefined) {
        out.push({ type: 'rejected', file, reason: `${pathLabel(path)}: a friend without a name` });
        return undefined;
      }
      if (owner.is(name)) return undefined;
      const identities: IdentityRef[] = [ref];
      const email = emailKey(str(friend?.contact_info) ?? '');
      if (email !== undefined) identities.push({ network: 'email', key: email, displayName: name });
      const seconds = friend?.timestamp;
      out.push({
        type: 'contact',
        file,
        identities,
        person: { displayName: name },
        connectedAt: typeof seconds === 'number' && seconds > 0 ? seconds * 1000 : undefined,
      });
      return undefined;
    },
  });
}
