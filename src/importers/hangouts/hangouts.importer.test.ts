import { describe, expect, it } from 'vitest';
import { collect, memorySource, ofType } from '../fixture-export.test-support.js';
import type { ImportRecord, InteractionRecord } from '../types.js';
import { hangoutsImporter } from './hangouts.importer.js';
import { hangoutsExport, type TestHangout } from './hangouts.test-support.js';

const run = async (files: Record<string, string>) =>
  collect(hangoutsImporter.parseBatches!(memorySource(files, { chunkSize: 61 })));
const view = (r: InteractionRecord) =>
  `${r.at} ${r.channel} ${r.direction} ${r.audience} ${r.length} ${r.participants.map((p) => p.key).join('+')}`;
const interactions = (records: ImportRecord[]) => ofType(records, 'interaction').map(view);

const T0 = Date.UTC(2016, 2, 1, 12);
const BOB: TestHangout = {
  id: 'UgxBob',
  self: '111',
  people: { '111': 'Ann Lee', '222': 'Bob Stone' },
  events: [
    { id: 'e1', sender: '222', at: T0, text: 'Hi Ann\nhow are you?', self: '111' },
    { id: 'e2', sender: '111', at: T0 + 60_000, text: 'Great, thanks', self: '111' },
    { id: 'e3', sender: '111', at: T0 + 120_000, hangout: { type: 'START_HANGOUT' }, self: '111' },
    {
      id: 'e4',
      sender: '222',
      at: T0 + 900_000,
      hangout: { type: 'END_HANGOUT', seconds: 754 },
      self: '111',
    },
    {
      id: 'e5',
      sender: '222',
      at: T0 + 990_000,
      hangout: { type: 'END_HANGOUT', seconds: 70, audioOnly: true },
      self: '111',
    },
    { id: 'e6', sender: '222', at: T0 + 999_000, hangout: { type: 'END_HANGOUT' }, self: '111' },
  ],
};
const TEAM: TestHangout = {
  id: 'UgxTeam',
  group: true,
  self: '111',
  people: { '111': 'Ann Lee', '222': 'Bob Stone', '333': 'Cy Tan' },
  events: [
    { id: 'e7', sender: '333', at: T0 + 2_000_000, other: 'ADD_USER', self: '111' },
    { id: 'e8', sender: '111', at: T0 + 2_100_000, text: 'Welcome Cy', self: '111' },
    { id: 'e9', sender: '333', at: T0 + 2_200_000, text: 'thanks', self: '111' },
  ],
};

describe('hangoutsImporter', () => {
  for (const old of [false, true]) {
    it(`reads chats, hangouts as video or calls with minutes, and groups (${old ? 'old conversation_state' : 'current'} layout)`, async () => {
      const records = await run({ 'Takeout/Hangouts/Hangouts.json': hangoutsExport([BOB, TEAM], old) });
      expect(ofType(records, 'owner')).toEqual([
        expect.objectContaining({
          identities: [{ network: 'google', key: '111', displayName: 'Ann Lee' }],
          person: { displayName: 'Ann Lee' },
        }),
      ]);
      expect(interactions(records)).toEqual([
        `${T0} message in one_to_one 5 222`,
        `${T0 + 60_000} message out one_to_one 2 222`,
        `${T0 + 900_000} video mutual one_to_one 13 222`,
        `${T0 + 990_000} call mutual one_to_one 2 222`,
        `${T0 + 2_100_000} message out group 2 222+333`,
        `${T0 + 2_200_000} message in group 1 333`,
      ]);
      expect(ofType(records, 'interaction')[0]).toMatchObject({
        snippet: 'Hi Ann how are you?',
        threadId: 'hangouts:UgxBob',
      });
      expect(ofType(records, 'interaction')[0]!.participants[0]!.displayName).toBe('Bob Stone');
      expect(ofType(records, 'rejected').map((r) => r.reason.replace(/ \(event .*$/, ''))).toEqual([
        'not a conversation: call start (the call counts when it ends)',
        'not a conversation: missed call',
        'not a conversation: Hangouts ADD_USER',
      ]);
    });
  }

  it('gives the same ids to the same events in two dumps, whatever the layout', async () => {
    const ids = async (text: string) =>
      ofType(await run({ 'Hangouts.json': text }), 'interaction').map((r) => r.externalId);
    expect(await ids(hangoutsExport([TEAM, BOB], true))).toEqual([
      ...(await ids(hangoutsExport([TEAM]))),
      ...(await ids(hangoutsExport([BOB]))),
    ]);
  });

  it('finds the owner as the participant in every conversation when no self state is given', async () => {
    const strip = (c: TestHangout): TestHangout => ({
      ...c,
      self: undefined,
      events: c.events.map((e) => ({ ...e, self: undefined })),
    });
    const cy: TestHangout = {
      id: 'UgxCy',
      people: { '333': 'Cy Tan', '111': 'Ann Lee' },
      events: [{ id: 'c1', sender: '333', at: T0, text: 'yo' }],
    };
    const records = await run({ 'Hangouts.json': hangoutsExport([strip(BOB), cy]) });
    expect(ofType(records, 'owner')[0]!.identities[0]!.key).toBe('111');
    expect(interactions(records)[1]).toBe(`${T0 + 60_000} message out one_to_one 2 222`);
  });

  it('recognises Hangouts.json by its contents, not its name', async () => {
    expect(await hangoutsImporter.sniff(memorySource({ 'data.json': hangoutsExport([BOB]) }))).toBe(true);
    expect(await hangoutsImporter.sniff(memorySource({ 'Hangouts.json': '{"conversations": []}' }))).toBe(
      false,
    );
    const records = await run({ 'Hangouts.json': '{"nothing": true}', 'b.json': hangoutsExport([BOB]) });
    expect(ofType(records, 'file').map((f) => [f.file, f.status])).toEqual([
      ['Hangouts.json', 'skipped'],
      ['b.json', 'reading'],
    ]);
  });
});
