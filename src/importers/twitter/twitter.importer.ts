import { oneByOne } from '../one-by-one.js';
import { skippedFiles } from '../skipped-files.js';
import type { ExportSource, Importer, ImportRecord, SourceEntry } from '../types.js';
import { parseAccount } from './account.parser.js';
import { parseDirectMessages } from './direct-messages.parser.js';
import { parseFollows } from './follows.parser.js';
import { parseTweets } from './tweets.parser.js';
import { classify, ROLE_ORDER, roleOf, TWITTER_FILES, type TwitterRole } from './twitter-files.js';
import { TwitterPeople } from './twitter-people.js';

function parseFile(
  role: TwitterRole,
  entry: SourceEntry,
  people: TwitterPeople,
): AsyncGenerator<ImportRecord[]> {
  switch (role) {
    case 'account':
    case 'manifest':
    case 'user-details':
      return parseAccount(role, entry, people);
    case 'tweets':
      return parseTweets(entry, people);
    case 'follower':
    case 'following':
      return parseFollows(role, entry, people);
    case 'direct-messages':
      return parseDirectMessages(entry, people, false);
    case 'group-messages':
      return parseDirectMessages(entry, people, true);
  }
}

/**
 * Reads a Twitter/X archive, any era (2013 "Grailbird" to today), zipped or unzipped: the
 * owner first (account.js, else manifest.js or user_details.js), then tweets (which teach
 * handles), followers and followings, one-to-one and group messages, whatever the zip order.
 * Parts (`tweets-part1.js`…) are read in order. Every other file is reported as skipped.
 */
async function* twitterBatches(source: ExportSource): AsyncGenerator<ImportRecord[]> {
  const { byRole, unused } = classify(source.entries);
  if (unused.length > 0) yield skippedFiles(unused);
  const people = new TwitterPeople();
  for (const role of ROLE_ORDER) {
    for (const entry of byRole.get(role) ?? []) {
      yield [{ type: 'file', file: entry.path, status: 'reading', bytes: entry.size }];
      yield* parseFile(role, entry, people);
    }
  }
}

export const twitterImporter: Importer = {
  source: 'twitter',
  displayName: 'Twitter/X',
  recognisedFiles: TWITTER_FILES,
  detect(source: ExportSource): boolean {
    return source.entries.some((entry) => roleOf(entry.path) !== undefined);
  },
  parse: oneByOne(twitterBatches),
  parseBatches: twitterBatches,
};
