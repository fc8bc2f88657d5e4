import { describe, expect, it } from 'vitest';
import { isRapportError } from '../../errors.js';
import { collect, type Files, memorySource, ofType } from '../fixture-export.test-support.js';
import type { ImportRecord } from '../types.js';
import { facebookImporter } from './facebook.importer.js';
import {
  BOB,
  export2018,
  export2024,
  garbleAll,
  ME,
  RENEE,
  RENEE_MESSAGES,
} from './facebook-export.test-support.js';

const summary = (records: ImportRecord[]) => ({
  owners: ofType(records, 'owner').length,
  contacts: ofType(records, 'contact').length,
  interactions: ofType(records, 'interaction').length,
  rejected: ofType(records, 'rejected').length,
});

const run = (files: Files, chunkSize = 50) =>
  collect(facebookImporter.parseBatches!(memorySource(files, { chunkSize })));

describe('facebookImporter', () => {
  it('recognises Facebook exports of every era by their paths, not Instagram ones', () => {
    const detect = (files: Files, label?: string) => facebookImporter.detect(memorySource(files, { label }));
    expect(detect({ 'messages/inbox/ada_1/message.json': '' })).toBe(true);
    expect(detect({ 'Your_Facebook_Activity/Messages/Inbox/ada_1/Message_1.json': '' })).toBe(true);
    expect(detect({ 'your_activity_across_facebook/messages/archived_threads/x_2/message_3.json': '' })).toBe(
      true,
    );
    expect(detect({ 'connections/friends/your_friends.json': '' })).toBe(true);
    expect(detect({ 'your_instagram_activity/messages/inbox/ada_1/message_1.json': '' })).toBe(false);
    expect(
      detect({
        'messages/inbox/ada_1/message_1.json': '',
        'personal_information/personal_information.json': '',
      }),
    ).toBe(false);
    expect(detect({ 'messages/inbox/ada_1/message_1.json': '' }, 'instagram-ada-2021.zip')).toBe(false);
    expect(detect({ 'facebook-2024.zip': '', 'notes.json': '' })).toBe(false);
  });

  it('reads a 2018 export: profile, friends, calls, shares, photos, reactions, a group, mojibake', async () => {
    const records = await run(export2018());
    // By hand: 2 friends; Renée's thread 5 messages + my reaction; the group: mine + Bob's reaction
    // on it + Bob's (the deleted account's is counted apart, the Subscribe event skipped).
    expect(summary(records)).toEqual({ owners: 1, contacts: 2, interactions: 9, rejected: 0 });
    expect(ofType(records, 'owner')[0]).toMatchObject({
      identities: [{ key: 'name:zoe owner', displayName: ME }],
    });
    expect(
      ofType(records, 'contact').map((c) => [
        c.identities.map((i) => i.key),
        c.person.displayName,
        c.connectedAt,
      ]),
    ).toEqual([
      [['name:renee dupont'], RENEE, 1_500_000_000_000],
      [['name:bob stone', 'bob@example.com'], BOB, 1_500_000_100_000],
    ]);
    const touches = ofType(records, 'interaction').map((i) => [
      i.channel,
      i.direction,
      i.audience,
      i.length,
      i.participants.map((p) => p.displayName).join('+'),
    ]);
    expect(touches).toEqual([
      ['message', 'in', 'one_to_one', 3, RENEE],
      ['reaction', 'out', 'one_to_one', null, RENEE],
      ['call', 'out', 'one_to_one', 2.1, RENEE],
      ['message', 'out', 'one_to_one', null, RENEE],
      ['message', 'out', 'one_to_one', 1, RENEE],
      ['message', 'out', 'one_to_one', null, RENEE],
      ['message', 'out', 'group', 2, `${RENEE}+${BOB}`],
      ['reaction', 'in', 'group', null, BOB],
      ['message', 'in', 'group', 2, `${BOB}+${RENEE}`],
    ]);
    expect(ofType(records, 'interaction')[0]).toMatchObject({
      snippet: 'ça va? 👍',
      threadId: 'inbox/reneedupont_a1b2c3d4e5',
    });
    expect(ofType(records, 'interaction')[1]!.snippet).toBe('😍');
    expect(
      ofType(records, 'file')
        .filter((f) => f.status === 'skipped')
        .map((f) => [f.file, f.reason]),
    ).toEqual([
      ['posts/your_posts.json', 'not used by Rapport'],
      ['messages/stickers_used/', '1 photo, video or audio file, not used by Rapport'],
      [
        'messages/inbox/team_b2c3d4e5f6/message.json#deleted-accounts',
        '1 message with a deleted account, who cannot be told apart from others',
      ],
    ]);
  });

  it('reads a 2024 export: nested folders, message_1 and message_2, unsent messages, requests', async () => {
    const records = await run(export2024(), 17);
    // By hand: page 1 "see you Friday" + Renée's message and my reaction (the unsent one skipped),
    // page 2 the other 4 of RENEE_MESSAGES, the stranger's request.
    expect(summary(records)).toEqual({ owners: 1, contacts: 1, interactions: 8, rejected: 0 });
    expect(ofType(records, 'owner')[0]!.person).toEqual({
      displayName: ME,
      firstName: 'Zoë',
      lastName: 'Owner',
    });
    expect(
      ofType(records, 'file')
        .filter((f) => f.status === 'reading')
        .map((f) => f.file.split('/').pop()),
    ).toEqual([
      'profile_information.json',
      'your_friends.json',
      'message_1.json',
      'message_2.json',
      'message_1.json',
    ]);
  });

  it('gives the same ids to the same messages in a 2018 and a 2024 export', async () => {
    const ids = async (files: Files) => ofType(await run(files), 'interaction').map((i) => i.externalId);
    const old = await ids(export2018());
    const recent = new Set(await ids(export2024()));
    expect(old.slice(0, 6).every((id) => recent.has(id))).toBe(true);
    expect(new Set(old).size).toBe(old.length);
  });

  it('finds the owner without a profile file: in every thread, not the one a 1:1 folder is named after', async () => {
    const records = await run(export2018(false));
    expect(ofType(records, 'owner')).toEqual([
      expect.objectContaining({
        file: 'messages/inbox/reneedupont_a1b2c3d4e5/message.json',
        identities: [expect.objectContaining({ key: 'name:zoe owner' })],
      }),
    ]);
    expect(summary(records).interactions).toBe(9);
  });

  it('reads a page whose participants come after its messages, and rejects a broken page once', async () => {
    const late = { messages: RENEE_MESSAGES.slice(1, 2), participants: [{ name: RENEE }, { name: ME }] };
    const broken = '{"participants": [{"name": "A"}], "messages": [{"sender_name": "A",';
    const files: Files = {
      'profile_information/profile_information.json': JSON.stringify(
        garbleAll({ profile_v2: { name: { full_name: ME } } }),
      ),
      'messages/inbox/late_1/message_1.json': JSON.stringify(garbleAll(late)),
      'messages/inbox/broken_2/message_1.json': broken,
    };
    const records = await run(files, 5);
    expect(ofType(records, 'interaction').map((i) => [i.channel, i.participants[0]!.key])).toEqual([
      ['call', 'name:renee dupont'],
    ]);
    expect(ofType(records, 'rejected')).toEqual([
      expect.objectContaining({
        file: 'messages/inbox/broken_2/message_1.json',
        line: 1,
        reason: `broken JSON at byte ${broken.length} (line 1): expected an object key; the rest of the file was not read`,
      }),
    ]);
  });

  it('refuses an HTML export with a clear error', async () => {
    const error = await run({ 'messages/inbox/ada_1/message_1.html': '<html>' }).catch((e: unknown) => e);
    expect(isRapportError(error) && error.message).toMatch(/HTML version .* choose the JSON format/);
  });
});
