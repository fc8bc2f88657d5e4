import { createWriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { openExport } from '../export-source.js';
import { collect, type Files, memorySource, ofType } from '../fixture-export.test-support.js';
import type { ImportRecord } from '../types.js';
import { twitterImporter } from './twitter.importer.js';
import {
  ADA,
  BOB,
  CY,
  fixtureArchive,
  OWNER,
  syntheticArchive,
  ytd,
} from './twitter-archive.test-support.js';

const summary = (records: ImportRecord[]) => ({
  owners: ofType(records, 'owner').length,
  contacts: ofType(records, 'contact').length,
  interactions: ofType(records, 'interaction').length,
  rejected: ofType(records, 'rejected').length,
});

const run = async (files: Files, chunkSize?: number) =>
  collect(twitterImporter.parseBatches!(memorySource(files, chunkSize ? { chunkSize } : {})));

async function zipOf(files: Files): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(files)) zip.addBuffer(Buffer.from(content), name);
  zip.end();
  const path = join(await mkdtemp(join(tmpdir(), 'rapport-tw-')), 'twitter-2024-01-01-abc.zip');
  await new Promise<void>((resolve, reject) =>
    zip.outputStream.pipe(createWriteStream(path)).on('close', resolve).on('error', reject),
  );
  return path;
}

describe('twitterImporter', () => {
  it('recognises archives by their files, in any case and era, never by the zip name', () => {
    const detect = (files: Files) => twitterImporter.detect(memorySource(files));
    expect(detect({ 'data/tweets.js': '' })).toBe(true);
    expect(detect({ 'DATA/Direct-Messages-Part2.js': '' })).toBe(true);
    expect(detect({ 'tweet.js': '', 'follower.js': '' })).toBe(true);
    expect(detect({ 'data/js/tweets/2013_07.js': '' })).toBe(true);
    expect(detect({ 'twitter-2024.zip': '', 'data/tweets.json': '', 'notes.txt': '' })).toBe(false);
    expect(detect({ 'data/direct-message-headers.js': '' })).toBe(false);
  });

  it('reads the shared fixtures (a 2019 archive at the top level and a 2020 tweet)', async () => {
    // Counted with python3's json module after stripping `window.YTD.x.part0 =`: account 12497
    // (simonw), 2 followers + 2 followings, 1 tweet with no reply and no user_mentions.
    for (const prefix of ['data/', '']) {
      const records = await run(fixtureArchive(prefix), 13);
      expect(summary(records)).toEqual({ owners: 1, contacts: 4, interactions: 0, rejected: 0 });
      expect(ofType(records, 'owner')[0]).toMatchObject({
        identities: [{ network: 'twitter', key: '12497', handle: 'simonw', displayName: 'Simon Willison' }],
        person: { displayName: 'Simon Willison' },
      });
      expect(ofType(records, 'contact').map((c) => c.identities[0]!.key)).toEqual([
        '73747798',
        '386025404',
        '547842573',
        '12158',
      ]);
      expect(ofType(records, 'file').filter((f) => f.status === 'skipped')).toEqual([
        expect.objectContaining({
          file: `${prefix}tweets.js#broadcasts`,
          reason: expect.stringMatching(/^1 tweet /),
        }),
      ]);
    }
  });

  it('reads a modern archive from a zip: replies, mentions, retweets, DMs, reactions, groups', async () => {
    const source = await openExport(await zipOf(syntheticArchive()));
    const records = await collect(twitterImporter.parseBatches!(source));
    await source.close();
    // By hand: tweets 9001 reply, 9002 two mentions, 9003 retweet (9004 plain, 9005 self-reply
    // are broadcasts); DMs 7001-7003 + ADA's like + my "funny" (ADA liking her own is not a touch);
    // group 8001, 8002.
    expect(summary(records)).toEqual({ owners: 1, contacts: 3, interactions: 10, rejected: 0 });
    const reading = ofType(records, 'file')
      .filter((f) => f.status === 'reading')
      .map((f) => f.file);
    expect(reading).toEqual([
      'data/account.js',
      'data/manifest.js',
      'data/tweets.js',
      'data/tweets-part1.js',
      'data/follower.js',
      'data/following.js',
      'data/direct-messages.js',
      'data/direct-messages-group.js',
    ]);
    const skipped = ofType(records, 'file').filter((f) => f.status === 'skipped');
    expect(skipped.map((f) => [f.file, f.reason])).toEqual([
      ['data/direct-message-headers.js', 'not used by Rapport'],
      ['data/like.js', 'not used by Rapport'],
      ['data/tweets_media/', '2 photo, video or audio files, not used by Rapport'],
      [
        'data/tweets-part1.js#broadcasts',
        expect.stringMatching(/^2 tweets replying to or mentioning no one/),
      ],
    ]);
    const touches = ofType(records, 'interaction').map((i) => [
      i.channel,
      i.direction,
      i.audience,
      i.length,
      i.participants.map((p) => p.key).join(','),
    ]);
    expect(touches).toEqual([
      ['comment', 'out', 'one_to_one', 7, ADA],
      ['comment', 'out', 'group', 7, `${BOB},${CY}`],
      ['reaction', 'out', 'one_to_one', null, BOB],
      ['message', 'out', 'one_to_one', 3, ADA],
      ['reaction', 'in', 'one_to_one', null, ADA],
      ['message', 'in', 'one_to_one', 3, ADA],
      ['reaction', 'out', 'one_to_one', null, ADA],
      ['message', 'out', 'one_to_one', 2, ADA],
      ['message', 'out', 'group', 3, `${BOB},${CY}`],
      ['message', 'in', 'group', 1, `${BOB},${CY}`],
    ]);
    const ada = ofType(records, 'contact')[0]!.identities[0]!;
    expect(ada).toMatchObject({ key: ADA, handle: 'ada', displayName: 'Ada L' });
    expect(ofType(records, 'contact')[2]).toMatchObject({ person: { displayName: 'Twitter account 299' } });
    const dm = ofType(records, 'interaction')[5]!;
    expect(dm).toMatchObject({
      snippet: 'great & thanks',
      threadId: `${OWNER}-${ADA}`,
      at: Date.UTC(2024, 2, 2, 10),
    });
  });

  it('gives the same ids to the same events in two overlapping archives', async () => {
    const ids = async (files: Files) => ofType(await run(files), 'interaction').map((i) => i.externalId);
    const first = await ids(syntheticArchive());
    const { 'data/tweets-part1.js': _, ...later } = syntheticArchive();
    later['data/tweets.js'] = ytd('tweets', []);
    const second = await ids({ ...later, 'tweet.js': syntheticArchive()['data/tweets.js']! });
    expect(new Set(first).size).toBe(first.length);
    expect([...second].sort()).toEqual([...first].sort());
  });

  it('falls back to manifest.js for the owner, and without any owner rejects DMs once per file', async () => {
    const { 'data/account.js': _, ...noAccount } = syntheticArchive();
    const viaManifest = await run(noAccount);
    expect(ofType(viaManifest, 'owner')[0]).toMatchObject({
      file: 'data/manifest.js',
      identities: [{ key: OWNER }],
    });
    expect(summary(viaManifest).interactions).toBe(10);
    const { 'data/manifest.js': __, ...nobody } = noAccount;
    const records = await run(nobody);
    expect(ofType(records, 'rejected').map((r) => r.file)).toEqual([
      'data/direct-messages.js',
      'data/direct-messages-group.js',
    ]);
  });

  it('rejects a broken file once, with its byte offset, and reads the other files', async () => {
    const files = syntheticArchive();
    const good = files['data/tweets.js'] as string;
    const cut = good.lastIndexOf('{', good.indexOf('"tweet"', good.indexOf('9002')));
    files['data/tweets.js'] = `${good.slice(0, cut)} oops`;
    const records = await run(files, 64);
    const rejected = ofType(records, 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ file: 'data/tweets.js' });
    expect(rejected[0]!.reason).toBe(
      `broken JSON at byte ${cut + 1} (line ${good.slice(0, cut).split('\n').length}): expected a value; the rest of the file was not read`,
    );
    // 9001 and 9002 before the break, the DMs and the group after it.
    expect(summary(records)).toMatchObject({ owners: 1, contacts: 3, interactions: 9 });
  });
});
