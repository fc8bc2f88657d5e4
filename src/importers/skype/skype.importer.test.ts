import { describe, expect, it } from 'vitest';
import { collect, memorySource, ofType } from '../fixture-export.test-support.js';
import type { ImportRecord, InteractionRecord } from '../types.js';
import { skypeImporter } from './skype.importer.js';
import { callContent, skypeExport, type TestConversation } from './skype.test-support.js';

const run = async (files: Record<string, string>) =>
  collect(skypeImporter.parseBatches!(memorySource(files, { chunkSize: 57 })));
const view = (r: InteractionRecord) =>
  `${r.at} ${r.channel} ${r.direction} ${r.audience} ${r.length} ${r.participants.map((p) => p.key).join('+')}`;
const interactions = (records: ImportRecord[]) => ofType(records, 'interaction').map(view);
const T = (minute: number) => `2023-05-01T10:${String(minute).padStart(2, '0')}:00.000Z`;
const at = (minute: number) => Date.parse(T(minute));

const BOB: TestConversation = {
  id: '8:live:bob',
  displayName: 'Bob Stone',
  messages: [
    {
      id: '1',
      from: '8:live:bob',
      at: T(1),
      content: 'Hi <b>there</b> &amp; welcome',
      displayName: 'Bob Stone',
    },
    {
      id: '2',
      from: '8:live:me',
      at: T(2),
      content: '<quote author="live:bob">Hi there</quote>Thanks!',
      displayName: 'Me Myself',
    },
    { id: '3', from: '8:live:me', at: T(3), type: 'Event/Call', content: callContent('started') },
    { id: '4', from: '8:live:me', at: T(9), type: 'Event/Call', content: callContent('ended', 361) },
    { id: '5', from: '8:live:bob', at: T(20), type: 'Event/Call', content: callContent('missed') },
    {
      id: '6',
      from: '8:live:bob',
      at: T(21),
      type: 'RichText/UriObject',
      content: '<URIObject type="Picture.1">To view this shared photo, go to a link</URIObject>',
    },
  ],
};
const TEAM: TestConversation = {
  id: '19:abc@thread.skype',
  displayName: 'Team',
  members: ['8:live:me', '8:live:bob', '8:carol'],
  messages: [
    { id: '7', from: '8:live:me', at: T(30), content: 'Morning all' },
    { id: '8', from: '8:carol', at: T(31), content: 'Morning', displayName: 'Carol' },
    { id: '9', from: '8:carol', at: T(32), type: 'ThreadActivity/AddMember', content: '<addmember/>' },
    { id: '10', from: '28:concierge', at: T(33), content: 'I am a bot' },
  ],
};

describe('skypeImporter', () => {
  it('reads messages, calls, groups; skips call starts, missed calls, activity and bots', async () => {
    const records = await run({ 'messages.json': skypeExport('8:live:me', [BOB, TEAM]) });
    expect(ofType(records, 'owner').map((o) => [o.identities[0]!.key, o.person.displayName])).toEqual([
      ['live:me', 'live:me'],
      ['live:me', 'Me Myself'],
    ]);
    expect(interactions(records)).toEqual([
      `${at(1)} message in one_to_one 4 live:bob`,
      `${at(2)} message out one_to_one 1 live:bob`,
      `${at(9)} call mutual one_to_one 7 live:bob`,
      `${at(21)} message in one_to_one 9 live:bob`,
      `${at(30)} message out group 2 live:bob+carol`,
      `${at(31)} message in group 1 carol`,
    ]);
    const [first, second] = ofType(records, 'interaction');
    expect(first).toMatchObject({ snippet: 'Hi there & welcome', threadId: 'skype:8:live:bob' });
    expect(first!.participants[0]!.displayName).toBe('Bob Stone');
    expect(second!.participants[0]!.displayName).toBe('Bob Stone');
    expect(ofType(records, 'rejected').map((r) => r.reason.replace(/ \(message .*$/, ''))).toEqual([
      'not a conversation: call start (the call counts when it ends)',
      'not a conversation: missed call',
      'not a conversation: Skype ThreadActivity/AddMember',
      'not a conversation: a bot',
    ]);
  });

  it('gives the same ids to the same messages in two exports', async () => {
    const ids = async (text: string) =>
      ofType(await run({ 'messages.json': text }), 'interaction').map((r) => r.externalId);
    const first = await ids(skypeExport('8:live:me', [BOB]));
    const later = await ids(
      skypeExport('8:live:me', [
        TEAM,
        { ...BOB, messages: [...BOB.messages, { id: '11', from: '8:live:bob', at: T(40) }] },
      ]),
    );
    expect(later.slice(2, 6)).toEqual(first);
    expect(new Set(later).size).toBe(later.length);
  });

  it('guesses the owner when userId is missing, from one-to-one conversations', async () => {
    const records = await run({ 'messages.json': skypeExport(undefined, [BOB]) });
    expect(ofType(records, 'owner')[0]!.identities[0]!.key).toBe('live:me');
    expect(interactions(records)[1]).toBe(`${at(2)} message out one_to_one 1 live:bob`);
  });

  it('claims messages.json by name only when no other JSON sits beside it (old Instagram exports)', () => {
    expect(skypeImporter.detect(memorySource({ 'messages.json': '', 'media/a.jpg': '' }))).toBe(true);
    expect(
      skypeImporter.detect(memorySource({ 'messages.json': '', 'profile.json': '', 'likes.json': '' })),
    ).toBe(false);
  });

  it('recognises the export by its contents and reports broken JSON with its byte offset', async () => {
    expect(await skypeImporter.sniff(memorySource({ 'export.json': skypeExport('8:me', [BOB]) }))).toBe(true);
    expect(await skypeImporter.sniff(memorySource({ 'messages.json': '[{"participants": []}]' }))).toBe(
      false,
    );
    const text = skypeExport('8:live:me', [BOB]);
    const broken = `${text.slice(0, 700)}}}garbage`;
    const records = await run({ 'messages.json': broken, 'media/photo.jpg': 'x' });
    expect(ofType(records, 'file').map((f) => [f.file, f.status])).toEqual([
      ['media/', 'skipped'],
      ['messages.json', 'reading'],
    ]);
    const rejected = ofType(records, 'rejected');
    expect(rejected.at(-1)!.reason).toMatch(/^broken JSON at byte \d+ \(line 1\)/);
  });
});
