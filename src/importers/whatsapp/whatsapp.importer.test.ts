import { createWriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { openExport } from '../export-source.js';
import { collect, memorySource, ofType } from '../fixture-export.test-support.js';
import type { ImportRecord, InteractionRecord } from '../types.js';
import { whatsappImporter } from './whatsapp.importer.js';

const run = async (files: Record<string, string>, label?: string) =>
  collect(whatsappImporter.parseBatches!(memorySource(files, { chunkSize: 13, label })));

const view = (r: InteractionRecord) =>
  `${new Date(r.at).toISOString().slice(0, 16)} ${r.channel} ${r.direction} ${r.audience} ${r.length} ${r.participants.map((p) => p.key).join('+')}`;
const interactions = (records: ImportRecord[]) => ofType(records, 'interaction').map(view);

// Android, 24-hour clock; 03/04 alone is ambiguous, 25/12 settles day-first for the whole file.
const ANDROID = [
  '03/04/2021, 09:15 - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.',
  '03/04/2021, 09:15 - Ann Lee: Hi Bob',
  'are you free for coffee?',
  '03/04/2021, 09:17 - Bob Stone: Sure!',
  '03/04/2021, 09:17 - Bob Stone: <Media omitted>',
  '25/12/2021, 20:01 - Ann Lee: Merry Christmas',
  '',
].join('\n');

describe('whatsappImporter', () => {
  it('reads an Android chat: owner from the file name, day/month order from a later date, multi-line messages', async () => {
    const records = await run({ 'WhatsApp Chat with Bob Stone.txt': ANDROID });
    expect(ofType(records, 'owner')).toEqual([
      expect.objectContaining({
        identities: [{ network: 'whatsapp', key: 'name:ann lee', displayName: 'Ann Lee' }],
      }),
    ]);
    expect(interactions(records)).toEqual([
      '2021-04-03T09:15 message out one_to_one 7 name:bob stone',
      '2021-04-03T09:17 message in one_to_one 1 name:bob stone',
      '2021-04-03T09:17 message in one_to_one 2 name:bob stone',
      '2021-12-25T20:01 message out one_to_one 2 name:bob stone',
    ]);
    expect(ofType(records, 'interaction')[0]).toMatchObject({
      line: 2,
      snippet: 'Hi Bob are you free for coffee?',
    });
    expect(ofType(records, 'rejected').map((r) => [r.line, r.reason.slice(0, 56)])).toEqual([
      [1, 'not a conversation: WhatsApp notice "Messages and calls '],
    ]);
  });

  it('reads month-first dates when a later date says so (12/25)', async () => {
    const chat = ['03/04/21, 9:15 AM - Ann: Hi', '12/25/21, 8:01 PM - Bob: Merry Christmas', ''].join('\n');
    expect(interactions(await run({ 'WhatsApp Chat with Bob.txt': chat }))).toEqual([
      '2021-03-04T09:15 message out one_to_one 1 name:bob',
      '2021-12-25T20:01 message in one_to_one 2 name:bob',
    ]);
  });

  it('reads an iOS zip (_chat.txt beside media): calls with minutes, missed calls and notices skipped', async () => {
    const chat = [
      '\u200e[12.01.21, 10:00:00] Bob: \u200eMessages and calls are end-to-end encrypted.',
      '[12.01.21, 10:01:00] Bob: \u200eMissed voice call',
      '[12.01.21, 10:02:00] Ann: \u200eVoice call, \u200e12 min',
      '[12.01.21, 10:30:00] Bob: Video call, 1 hr 5 min',
      '[12.01.21, 11:40:00] Bob: \u200eimage omitted',
      '[12.01.21, 11:41:00] Bob: Video call tomorrow?',
      '',
    ].join('\r\n');
    const records = await run(
      { 'WhatsApp Chat - Bob/_chat.txt': chat, 'WhatsApp Chat - Bob/00000012-PHOTO.jpg': 'x' },
      'WhatsApp Chat - Bob.zip',
    );
    expect(ofType(records, 'file').map((f) => [f.file, f.status])).toEqual([
      ['WhatsApp Chat - Bob/', 'skipped'],
      ['WhatsApp Chat - Bob/_chat.txt', 'reading'],
    ]);
    expect(ofType(records, 'owner')[0]!.identities[0]!.key).toBe('name:ann');
    expect(interactions(records)).toEqual([
      '2021-01-12T10:02 call mutual one_to_one 12 name:bob',
      '2021-01-12T10:30 video mutual one_to_one 65 name:bob',
      '2021-01-12T11:40 message in one_to_one 2 name:bob',
      '2021-01-12T11:41 message in one_to_one 3 name:bob',
    ]);
    expect(ofType(records, 'rejected').map((r) => r.reason)).toEqual([
      'not a conversation: WhatsApp notice "Messages and calls are end-to-end encrypted."',
      'not a conversation: missed voice call',
    ]);
  });

  it('identifies senders shown as phone numbers by their E.164 number', async () => {
    const chat = '[13.01.21, 09:00:00] \u202a+44 7911 123456\u202c: hello from a number\n';
    const [record] = ofType(await run({ '_chat.txt': chat }), 'interaction');
    expect(record!.participants).toEqual([
      { network: 'whatsapp', key: '+447911123456', displayName: '+44 7911 123456' },
    ]);
  });

  it('finds the owner as the one sender common to several chats, and reads groups', async () => {
    const group = [
      '[2021-05-01, 10:00:00] Ann: Hello team',
      '[2021-05-01, 10:01:00] Cy: hi',
      '[2021-05-01, 10:02:00] Dee: hey',
      '',
    ].join('\n');
    const other = ['[2021-05-02, 10:00:00] Eve: ping', '[2021-05-02, 10:01:00] Ann: pong', ''].join('\n');
    const records = await run({ 'team/_chat.txt': group, 'eve/_chat.txt': other });
    expect(ofType(records, 'owner')[0]!.identities[0]!.key).toBe('name:ann');
    expect(interactions(records)).toEqual([
      '2021-05-01T10:00 message out group 2 name:cy+name:dee',
      '2021-05-01T10:01 message in group 1 name:cy',
      '2021-05-01T10:02 message in group 1 name:dee',
      '2021-05-02T10:00 message in one_to_one 1 name:eve',
      '2021-05-02T10:01 message out one_to_one 1 name:eve',
    ]);
  });

  it('leaves the owner unknown when nothing says who it is: every message is received', async () => {
    const chat = ['1/2/20, 10:00 - Ann: a', '1/2/20, 10:01 - Cy: b', ''].join('\n');
    const records = await run({ '_chat.txt': chat });
    expect(ofType(records, 'owner')).toEqual([]);
    expect(interactions(records)).toEqual([
      '2020-02-01T10:00 message in one_to_one 1 name:ann',
      '2020-02-01T10:01 message in one_to_one 1 name:cy',
    ]);
  });

  it('gives the same ids to the same messages in two exports of one chat, repeats included', async () => {
    const lines = [
      '03/04/2021, 09:15 - Ann Lee: ok',
      '03/04/2021, 09:15 - Ann Lee: ok',
      '03/04/2021, 09:16 - Bob Stone: fine',
    ];
    const ids = async (text: string, name: string) =>
      ofType(await run({ [name]: text }), 'interaction').map((r) => r.externalId);
    const early = await ids(lines.slice(0, 2).join('\n'), 'WhatsApp Chat with Bob Stone.txt');
    const later = await ids(`${lines.join('\r\n')}\r\n`, 'WhatsApp Chat with Bob Stone (1).txt');
    expect(new Set(early).size).toBe(2);
    expect(later.slice(0, 2)).toEqual(early);
  });

  it('rejects lines before the first message and impossible dates with their line', async () => {
    const chat = ['stray text', '31/02/2021, 10:00 - Ann: never', '01/03/2021, 10:00 - Ann: fine', ''].join(
      '\n',
    );
    const records = await run({ 'x.txt': `01/03/2021, 09:00 - Ann: first\n${chat}` });
    expect(ofType(records, 'rejected').map((r) => [r.line, r.reason])).toEqual([
      [3, 'unreadable date or time'],
    ]);
    expect(ofType(records, 'interaction')[0]!.snippet).toBe('first stray text');
  });

  it('reads an iOS export zip, taking the chat name from the zip name', async () => {
    const zip = new yazl.ZipFile();
    zip.addBuffer(
      Buffer.from('[2021-05-01, 10:00:00] Bob Stone: hi\n[2021-05-01, 10:01:00] Ann: hello\n'),
      '_chat.txt',
    );
    zip.addBuffer(Buffer.alloc(10), '00000003-PHOTO-2021-05-01-10-02-00.jpg');
    zip.end();
    const path = join(await mkdtemp(join(tmpdir(), 'rapport-wa-')), 'WhatsApp Chat - Bob Stone.zip');
    await new Promise<void>((resolve, reject) =>
      zip.outputStream.pipe(createWriteStream(path)).on('close', resolve).on('error', reject),
    );
    const source = await openExport(path);
    expect(await whatsappImporter.sniff(source)).toBe(true);
    const records = await collect(whatsappImporter.parse(source));
    await source.close();
    expect(ofType(records, 'owner')[0]!.person.displayName).toBe('Ann');
    expect(interactions(records)).toEqual([
      '2021-05-01T10:00 message in one_to_one 1 name:bob stone',
      '2021-05-01T10:01 message out one_to_one 1 name:bob stone',
    ]);
  });
});
