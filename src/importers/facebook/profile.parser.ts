import { nameKey } from '../identity-keys.js';
import { obj, readJsonBatches, str } from '../json-reader.js';
import { fixMojibakeDeep } from '../mojibake.js';
import type { IdentityRef, ImportRecord, OwnerRecord, SourceEntry } from '../types.js';
import type { MessengerOwner } from './messenger-owner.js';

/** A Facebook person: names only, so the identity key is the folded name. */
export function facebookRef(name: string): IdentityRef | undefined {
  const key = nameKey(name);
  return key === undefined ? undefined : { network: 'facebook', key, displayName: name.trim() };
}

/** The owner record for a name, remembered as "me" for the threads. */
export function facebookOwner(
  file: string,
  name: string,
  owner: MessengerOwner,
  first?: string,
  last?: string,
): OwnerRecord | undefined {
  const ref = facebookRef(name);
  if (ref === undefined) return undefined;
  owner.add(name);
  return {
    type: 'owner',
    file,
    identities: [ref],
    person: { displayName: name.trim(), firstName: first, lastName: last },
  };
}

/**
 * profile_information.json → the owner: `profile_v2.name.full_name` (2020 on) or
 * `profile.name.full_name` / `profile.name` (2018-19).
 */
export function parseProfile(entry: SourceEntry, owner: MessengerOwner): AsyncGenerator<ImportRecord[]> {
  const file = entry.path;
  return readJsonBatches(entry, {
    file,
    pick: (path) => path.length === 1 && (path[0] === 'profile_v2' || path[0] === 'profile'),
    value(_path, value, out) {
      const profile = obj(fixMojibakeDeep(value));
      const name = profile?.name;
      const parts = obj(name);
      const full =
        str(name) ??
        str(parts?.full_name) ??
        [str(parts?.first_name), str(parts?.last_name)].filter(Boolean).join(' ');
      const record = facebookOwner(
        file,
        full,
        owner,
        str(parts?.first_name) || undefined,
        str(parts?.last_name) || undefined,
      );
      out.push(record ?? { type: 'rejected', file, reason: 'the profile has no name' });
      return true;
    },
  });
}
