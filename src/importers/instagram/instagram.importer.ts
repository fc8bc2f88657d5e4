import { guessOwner, MessengerOwner } from '../facebook/messenger-owner.js';
import { readThreads } from '../facebook/messenger-thread.parser.js';
import { messengerThreads, metaExportKind, refuseHtml } from '../facebook/meta-export.js';
import { oneByOne } from '../one-by-one.js';
import { skippedFiles } from '../skipped-files.js';
import type { ExportSource, Importer, ImportRecord, SourceEntry } from '../types.js';
import { parseFollows } from './follows.parser.js';
import { InstagramPeople } from './instagram-people.js';
import { parsePersonalInformation } from './personal-information.parser.js';

const base = (entry: SourceEntry): string => entry.path.slice(entry.path.lastIndexOf('/') + 1).toLowerCase();
const isPersonal = (entry: SourceEntry): boolean => base(entry) === 'personal_information.json';
const isFollows = (entry: SourceEntry): boolean => /^(followers(_\d+)?|following)\.json$/.test(base(entry));

/**
 * Reads an Instagram "Download your information" export in JSON (2020 on; the pre-2020
 * single messages.json is not read): the owner from personal_information.json, followers and
 * followings, then every thread in inbox and message_requests, all pages. Without the
 * personal information file the owner is found as for Facebook (see guessOwner).
 */
async function* instagramBatches(source: ExportSource): AsyncGenerator<ImportRecord[]> {
  const { threads, rest } = messengerThreads(source.entries);
  const personal = rest.filter(isPersonal);
  const follows = rest
    .filter(isFollows)
    .sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
  refuseHtml(source, threads.length + personal.length + follows.length, 'Instagram');
  const unused = rest.filter((e) => !isPersonal(e) && !isFollows(e));
  if (unused.length > 0) yield skippedFiles(unused);
  const owner = new MessengerOwner();
  const people = new InstagramPeople();
  for (const entry of [...personal, ...follows]) {
    yield [{ type: 'file', file: entry.path, status: 'reading', bytes: entry.size }];
    if (isFollows(entry)) yield* parseFollows(entry, owner, people);
    else if (!owner.known) yield* parsePersonalInformation(entry, owner, people);
  }
  if (!owner.known && threads.length > 0) {
    const name = await guessOwner(threads);
    const ref = name === undefined ? undefined : people.byName(name);
    if (name !== undefined && ref !== undefined) {
      owner.add(name);
      const file = threads[0]!.pages[0]!.path;
      yield [{ type: 'owner', file, identities: [ref], person: { displayName: name } }];
    }
  }
  yield* readThreads(threads, owner, people);
}

export const instagramImporter: Importer = {
  source: 'instagram',
  displayName: 'Instagram',
  recognisedFiles: [
    'your_instagram_activity/messages/inbox/*/message_1.json',
    'followers_1.json',
    'following.json',
  ],
  detect: (source: ExportSource): boolean => metaExportKind(source) === 'instagram',
  parse: oneByOne(instagramBatches),
  parseBatches: instagramBatches,
};
