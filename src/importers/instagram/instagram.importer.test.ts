import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRapportError } from '../../errors.js';
import { facebookImporter } from '../facebook/facebook.importer.js';
import { collect, type Files, memorySource, ofType } from '../fixture-export.test-support.js';
import type { ImportRecord } from '../types.js';
import { instagramImporter } from './instagram.importer.js';
import { igsiftExport, syntheticExport } from './instagram-export.test-support.js';

const summary = (records: ImportRecord[]) => ({
  owners: ofType(records, 'owner').length,
  contacts: ofType(records, 'contact').length,
  interactions: ofType(records, 'interaction').length,
  rejected: ofType(records, 'rejected').length,
});

const run = (files: Files, chunkSize = 41) =>
  collect(instagramImporter.parseBatches!(memorySource(files, { chunkSize })));

describe('instagramImporter', () => {
  it('recognises Instagram exports by their paths, and Facebook leaves them alone', () => {
    const both = (files: Files) => {
      const source = memorySource(files);
      return [instagramImporter.detect(source), facebookImporter.detect(source)];
    };
    expect(both(igsiftExport())).toEqual([true, false]);
    expect(both({ 'Your_Instagram_Activity/Messages/Inbox/ada_1/message_1.json': '' })).toEqual([
      true,
      false,
    ]);
    expect(both({ 'followers_and_following/followers.json': '' })).toEqual([true, false]);
    expect(
      both({
        'messages/inbox/ada_1/message_1.json': '',
        'account_information/personal_information.json': '',
      }),
    ).toEqual([true, false]);
    expect(both({ 'messages/inbox/ada_1/message_1.json': '' })).toEqual([false, true]);
    expect(both({ 'instagram-ada.zip': '', 'notes.json': '' })).toEqual([false, false]);
  });

  it('reads the igsift sample export with exact counts', async () => {
    // Verified with python3's json module: owner me_synth ("Test User"); 2 followers + 4
    // followings; threads alice 2+1, bob 3+1 and 2 (message_2), carol 2 + 3 reactions ("Liked a
    // message" and two reactions involving the owner), stranger 2 → 11 messages, 5 reactions.
    const records = await run(igsiftExport());
    expect(summary(records)).toEqual({ owners: 1, contacts: 6, interactions: 16, rejected: 0 });
    const count = (channel: string) =>
      ofType(records, 'interaction').filter((i) => i.channel === channel).length;
    expect([count('message'), count('reaction')]).toEqual([11, 5]);
    expect(ofType(records, 'owner')[0]).toMatchObject({
      identities: [{ network: 'instagram', key: 'me_synth', displayName: 'Test User' }],
    });
    expect(ofType(records, 'contact').map((c) => [c.identities[0]!.key, c.connectedAt])).toEqual([
      ['alice_synth', 1_700_050_000_000],
      ['dave_synth', 1_700_060_000_000],
      ['alice_synth', 1_700_000_000_000],
      ['bob_synth', 1_700_100_000_000],
      ['carol_synth', 1_700_200_000_000],
      ['nytimes_official', undefined],
    ]);
    const keys = new Set(ofType(records, 'interaction').flatMap((i) => i.participants.map((p) => p.key)));
    // A display name that is a known username is that username; "Carol Synth" is only a name.
    expect([...keys].sort()).toEqual(['alice_synth', 'bob_synth', 'name:carol synth', 'name:stranger_synth']);
    const carol = ofType(records, 'interaction').filter((i) => i.threadId === 'inbox/carol_thread');
    expect(carol.map((i) => [i.channel, i.direction])).toEqual([
      ['message', 'in'],
      ['reaction', 'out'],
      ['message', 'out'],
      ['reaction', 'in'],
      ['reaction', 'in'],
    ]);
    const reading = ofType(records, 'file')
      .filter((f) => f.status === 'reading')
      .map((f) => f.file);
    expect(reading.slice(0, 3)).toEqual([
      'personal_information/personal_information/personal_information.json',
      'connections/followers_and_following/followers_1.json',
      'connections/followers_and_following/following.json',
    ]);
  });

  it('reads mojibake, username folders, groups, system reactions and deleted accounts', async () => {
    const records = await run(syntheticExport(), 13);
    // By hand: Renée's thread: her "Reacted ❤️" text, my message + her reaction, her "coucou";
    // the group: kai_99's "Liked a message" (the deleted account's message counted apart);
    // the thread with a deleted account: counted apart.
    expect(summary(records)).toEqual({ owners: 1, contacts: 2, interactions: 5, rejected: 0 });
    expect(ofType(records, 'owner')[0]).toMatchObject({
      identities: [{ key: 'zoe.owner', displayName: 'Zoë Owner' }],
    });
    const touches = ofType(records, 'interaction').map((i) => [
      i.channel,
      i.direction,
      i.audience,
      i.length,
      i.participants.map((p) => p.key).join('+'),
    ]);
    // Threads in folder order; "on se voit à midi ?" is 6 words to plainText (the "?" stands alone).
    expect(touches).toEqual([
      ['reaction', 'in', 'group', null, 'kai_99+name:renee d'],
      ['reaction', 'in', 'one_to_one', null, 'rene.d'],
      ['message', 'out', 'one_to_one', 6, 'rene.d'],
      ['reaction', 'in', 'one_to_one', null, 'rene.d'],
      ['message', 'in', 'one_to_one', 1, 'rene.d'],
    ]);
    expect(ofType(records, 'interaction')[1]).toMatchObject({
      snippet: 'Reacted ❤️ to your message',
      participants: [{ displayName: 'Renée D' }],
    });
    expect(
      ofType(records, 'file')
        .filter((f) => f.status === 'skipped')
        .map((f) => f.file),
    ).toEqual([
      'your_instagram_activity/content/posts_1.json',
      'media/posts/',
      'your_instagram_activity/messages/inbox/groupchat_17841400000000002/message_1.json#deleted-accounts',
      'your_instagram_activity/messages/inbox/instagramuser_17841400000000003/message_1.json#deleted-accounts',
    ]);
  });

  it('gives the same ids to the same messages in two overlapping exports', async () => {
    const ids = async (files: Files) =>
      ofType(await run(files), 'interaction')
        .map((i) => i.externalId)
        .sort();
    const whole = await ids(igsiftExport());
    const inZip = await ids(igsiftExport('instagram-me_synth-2024-01-01/'));
    expect(inZip).toEqual(whole);
    expect(new Set(whole).size).toBe(whole.length);
  });

  it('finds the owner without personal_information.json', async () => {
    const { 'personal_information/personal_information/personal_information.json': _, ...files } =
      igsiftExport();
    const records = await run(files);
    expect(ofType(records, 'owner')).toEqual([
      expect.objectContaining({ identities: [expect.objectContaining({ key: 'name:test user' })] }),
    ]);
    expect(summary(records).interactions).toBe(16);
  });

  it('turns arbitrary bytes or truncated JSON as a thread page into records or rejections, quickly', async () => {
    const page = 'your_instagram_activity/messages/inbox/carol_thread/message_1.json';
    const text = igsiftExport()[page]!.toString();
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          fc.nat({ max: text.length }).map((cut) => Buffer.from(text.slice(0, cut))),
        ),
        fc.integer({ min: 1, max: 64 }),
        async (bytes, chunk) => {
          try {
            for (const record of await run({ ...igsiftExport(), [page]: bytes }, chunk)) {
              if (record.type === 'interaction') expect(Number.isFinite(record.at)).toBe(true);
            }
          } catch (error) {
            if (!isRapportError(error)) throw error;
          }
        },
      ),
      { numRuns: 150 },
    );
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
