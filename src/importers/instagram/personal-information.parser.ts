import type { MessengerOwner } from '../facebook/messenger-owner.js';
import { obj, readJsonBatches, str } from '../json-reader.js';
import { fixMojibakeDeep } from '../mojibake.js';
import type { ImportRecord, SourceEntry } from '../types.js';
import type { InstagramPeople } from './instagram-people.js';

/** A `string_map_data` field's value: `{"Username": {"href": "", "value": "ada", "timestamp": 0}}`. */
const field = (map: Record<string, unknown> | undefined, name: string): string | undefined =>
  str(obj(map?.[name])?.value)?.trim() || undefined;

/**
 * personal_information.json (2020 on, in `account_information/` or `personal_information/`)
 * → the owner: `profile_user[0].string_map_data` Username and Name. The owner goes by their
 * display name in threads (or the username when they have none).
 */
export function parsePersonalInformation(
  entry: SourceEntry,
  owner: MessengerOwner,
  people: InstagramPeople,
): AsyncGenerator<ImportRecord[]> {
  const file = entry.path;
  return readJsonBatches(entry, {
    file,
    pick: (path) => path.length === 2 && path[0] === 'profile_user',
    value(_path, value, out) {
      const map = obj(obj(fixMojibakeDeep(value))?.string_map_data);
      const username = field(map, 'Username');
      const name = field(map, 'Name');
      if (username === undefined) {
        out.push({ type: 'rejected', file, reason: 'personal information without a Username' });
        return true;
      }
      owner.add(name ?? username);
      owner.add(username);
      out.push({
        type: 'owner',
        file,
        identities: [people.ref(username, name)],
        person: { displayName: name ?? username },
      });
      return true;
    },
  });
}
