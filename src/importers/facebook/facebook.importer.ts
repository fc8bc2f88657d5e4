import { oneByOne } from '../one-by-one.js';
import { skippedFiles } from '../skipped-files.js';
import type { ExportSource, Importer, ImportRecord, SourceEntry } from '../types.js';
import { parseFriends } from './friends.parser.js';
import { guessOwner, MessengerOwner } from './messenger-owner.js';
import { readThreads, type ThreadPeople } from './messenger-thread.parser.js';
import { messengerThreads, metaExportKind, refuseHtml } from './meta-export.js';
import { facebookOwner, facebookRef, parseProfile } from './profile.parser.js';

const PROFILE = /(?:^|\/)profile_information\.json$/i;
const FRIENDS = /(?:^|\/)((friends|friends_and_followers)\/friends|your_friends)\.json$/i;

const FACEBOOK_PEOPLE: ThreadPeople = {
  network: 'facebook',
  refs(_thread, names) {
    return {
      others: names.map(facebookRef).filter((ref) => ref !== undefined),
      refOf: facebookRef,
    };
  },
};

/**
 * Reads a Facebook "Download your information" export in JSON, any era (2018's top-level
 * `messages/` to 2024's `your_facebook_activity/`): the owner from profile_information.json,
 * friends, then every Messenger thread (inbox, archived, filtered, requests, legacy), all pages.
 * Without a profile file, the owner is the participant in the most threads (see guessOwner).
 */
async function* facebookBatches(source: ExportSource): AsyncGenerator<ImportRecord[]> {
  const { threads, rest } = messengerThreads(source.entries);
  const profiles = rest.filter((e) => PROFILE.test(e.path));
  const friends = rest.filter((e) => FRIENDS.test(e.path));
  refuseHtml(source, threads.length + profiles.length + friends.length, 'Facebook');
  const unused = rest.filter((e) => !profiles.includes(e) && !friends.includes(e));
  if (unused.length > 0) yield skippedFiles(unused);
  const owner = new MessengerOwner();
  const reading = (entry: SourceEntry): ImportRecord[] => [
    { type: 'file', file: entry.path, status: 'reading', bytes: entry.size },
  ];
  for (const entry of profiles) {
    yield reading(entry);
    if (!owner.known) yield* parseProfile(entry, owner);
  }
  if (!owner.known && threads.length > 0) {
    const name = await guessOwner(threads);
    const record = name === undefined ? undefined : facebookOwner(threads[0]!.pages[0]!.path, name, owner);
    if (record) yield [record];
  }
  for (const entry of friends) {
    yield reading(entry);
    yield* parseFriends(entry, owner);
  }
  yield* readThreads(threads, owner, FACEBOOK_PEOPLE);
}

export const facebookImporter: Importer = {
  source: 'facebook',
  displayName: 'Facebook',
  recognisedFiles: ['messages/inbox/*/message_1.json', 'profile_information.json', 'your_friends.json'],
  detect: (source: ExportSource): boolean => metaExportKind(source) === 'facebook',
  parse: oneByOne(facebookBatches),
  parseBatches: facebookBatches,
};
