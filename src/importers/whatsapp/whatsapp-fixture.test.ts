import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collect, memorySource, ofType } from '../fixture-export.test-support.js';
import { whatsappImporter } from './whatsapp.importer.js';

const FIXTURE = readFileSync(
  fileURLToPath(
    new URL('../../../../shared/fixtures/whatsapp/pustur__test-header-variants.txt', import.meta.url),
  ),
  'utf8',
);

/**
 * Each fixture line as its own one-line chat (the fixture's `\n` marks a line break inside a
 * test string). Expected values worked out by hand from the line and, where the fixture lists
 * them, Pustur's expected ISO dates (2018-06-03T13:55, 2018-06-13T21:25:15, 2020-12-30T13:00,
 * 2021-01-13T13:00). Two lines hold U+202F and U+00A0 before the AM/PM mark, as phones
 * write them. A lone ambiguous date (03/02/17) is read day first, the documented default.
 */
const EXPECTED: Record<string, string[] | 'skipped'> = {
  '03-06-2018, 01.55 PM - a: m': ['2018-06-03T13:55:00.000Z a "m"'],
  '03/02/17, 18:42 - Luke: ': ['2017-02-03T18:42:00.000Z luke ""'],
  '06/03/2017, 00:45 - You created group "Test"': [
    'rejected: not a conversation: WhatsApp notice "You created group "Test""',
  ],
  '13. 6. 2018. 21:25:15 a: m': ['2018-06-13T21:25:15.000Z a "m"'],
  '13.06.18 21.25.15: a: m': ['2018-06-13T21:25:15.000Z a "m"'],
  '13.6.2018 klo 21.25.15 - a: m': ['2018-06-13T21:25:15.000Z a "m"'],
  '23/06/2018, 01:55 a.m. - Luke: Hey!': ['2018-06-23T01:55:00.000Z luke "Hey!"'],
  '23/06/2018, 01:55 p.m. - Loris: one': ['2018-06-23T13:55:00.000Z loris "one"'],
  '23/06/2018, 01:55 p.m. - Loris: one\\ntwo': ['2018-06-23T13:55:00.000Z loris "one two"'],
  '23/06/2018, 01:55 p.m. - Loris: one\\ntwo\\n2016-04-29 10:30:00': [
    '2018-06-23T13:55:00.000Z loris "one two 2016-04-29 10:30:00"',
  ],
  '3/6/18, 1:55 p.m. - a: 2015-08-04-PHOTO-00004762.jpg <\u200eattached>': [
    '2018-06-03T13:55:00.000Z a "2015-08-04-PHOTO-00004762.jpg <attached>"',
  ],
  '3/6/18, 1:55 p.m. - a: < attached: 00000042-PHOTO-2020-06-07-15-13-20.jpg >': [
    '2018-06-03T13:55:00.000Z a "< attached: 00000042-PHOTO-2020-06-07-15-13-20.jpg >"',
  ],
  '3/6/18, 1:55 p.m. - a: IMG-20210428-WA0001.jpg (file attached)': [
    '2018-06-03T13:55:00.000Z a "IMG-20210428-WA0001.jpg (file attached)"',
  ],
  '3/6/18, 1:55 p.m. - a: m': ['2018-06-03T13:55:00.000Z a "m"'],
  '3/6/18, 1:55\u202fPM - a: m': ['2018-06-03T13:55:00.000Z a "m"'],
  '3/6/2018 1:55 p.\u00a0m. - a: m': ['2018-06-03T13:55:00.000Z a "m"'],
  '30/12/2020 13:00 - a: m\\n13/1/2021 13:00 - a: m': [
    '2020-12-30T13:00:00.000Z a "m"',
    '2021-01-13T13:00:00.000Z a "m"',
  ],
  '[06.13.18 21:25:15] a: m': ['2018-06-13T21:25:15.000Z a "m"'],
  '[06/2018/13, 21:25:15] a: m': ['2018-06-13T21:25:15.000Z a "m"'],
  '[2018/06/13, 21:25:15] a: m': ['2018-06-13T21:25:15.000Z a "m"'],
  '[3/6/18 1:55:00 p. m.] a: m': ['2018-06-03T13:55:00.000Z a "m"'],
};

async function readLine(line: string): Promise<string[] | 'skipped'> {
  const source = memorySource({ 'chat.txt': line.replace(/\\n/g, '\n') }, { chunkSize: 5 });
  const records = await collect(whatsappImporter.parseBatches!(source));
  if (ofType(records, 'file').some((f) => f.status === 'skipped')) return 'skipped';
  return records.flatMap((r) => {
    if (r.type === 'rejected') return [`rejected: ${r.reason}`];
    if (r.type !== 'interaction') return [];
    return [
      `${new Date(r.at).toISOString()} ${r.participants[0]!.key.replace('name:', '')} ${JSON.stringify(r.snippet ?? '')}`,
    ];
  });
}

describe('whatsappImporter on the shared fixture', () => {
  const lines = FIXTURE.split('\n').filter((line) => line !== '');

  it('reads every header variant as a chat of its own, with the exact date, sender and text', async () => {
    expect(lines).toHaveLength(31); // 2 comments, 21 chat lines, 8 expected outputs and file names
    const chats = lines.filter((line) => EXPECTED[line] !== undefined);
    expect(Object.keys(EXPECTED).filter((k) => !lines.includes(k))).toEqual([]);
    expect(chats).toHaveLength(21);
    for (const line of lines)
      expect([line, await readLine(line)]).toEqual([line, EXPECTED[line] ?? 'skipped']);
  });

  it('does not take the fixture file itself for a chat: its first line is a comment', async () => {
    const records = await collect(whatsappImporter.parseBatches!(memorySource({ 'variants.txt': FIXTURE })));
    expect(ofType(records, 'file')).toEqual([
      expect.objectContaining({ status: 'skipped', reason: 'not a WhatsApp chat' }),
    ]);
    expect(await whatsappImporter.sniff(memorySource({ 'variants.txt': FIXTURE }))).toBe(false);
  });
});
