import { obj, pathLabel, readJsonBatches } from '../json-reader.js';
import type { ImportRecord, SourceEntry } from '../types.js';
import type { TwitterRole } from './twitter-files.js';
import { numericId, type TwitterPeople } from './twitter-people.js';

type OwnerRole = Extract<TwitterRole, 'account' | 'manifest' | 'user-details'>;

/** Where each file keeps the owner: its path, and the id, handle and name fields. */
const SHAPES: Record<OwnerRole, { depth: number; wrap?: string; id: string; handle: string; name: string }> =
  {
    // window.YTD.account.part0 = [ {account: {accountId, username, accountDisplayName}} ]
    account: { depth: 1, wrap: 'account', id: 'accountId', handle: 'username', name: 'accountDisplayName' },
    // window.__THAR_CONFIG = { userInfo: {accountId, userName, displayName}, … }
    manifest: { depth: 1, wrap: undefined, id: 'accountId', handle: 'userName', name: 'displayName' },
    // var user_details = { screen_name, full_name, id } (pre-2019 archives)
    'user-details': { depth: 0, wrap: undefined, id: 'id', handle: 'screen_name', name: 'full_name' },
  };

/**
 * account.js, manifest.js (`userInfo`) or the old user_details.js → the owner record. The
 * first file that names the owner wins; later ones are read only while the owner is unknown.
 */
export async function* parseAccount(
  role: OwnerRole,
  entry: SourceEntry,
  people: TwitterPeople,
): AsyncGenerator<ImportRecord[]> {
  if (people.ownerId !== undefined) return;
  const shape = SHAPES[role];
  const file = entry.path;
  let seen = false;
  const end = yield* readJsonBatches(entry, {
    file,
    assignment: true,
    pick: (path) => path.length === shape.depth && (role !== 'manifest' || path[0] === 'userInfo'),
    value(path, value, out) {
      seen = true;
      const holder = obj(value);
      const fields = shape.wrap === undefined ? holder : obj(holder?.[shape.wrap]);
      const id = numericId(fields?.[shape.id]);
      if (fields === undefined || id === undefined) {
        out.push({ type: 'rejected', file, reason: `no account id at ${pathLabel(path)}` });
        return undefined;
      }
      out.push(people.owner(file, id, fields[shape.handle], fields[shape.name]));
      return true;
    },
  });
  if (!seen && end === 'complete' && role === 'account') {
    yield [{ type: 'rejected', file, reason: 'account.js does not say who you are (no accountId)' }];
  }
}
