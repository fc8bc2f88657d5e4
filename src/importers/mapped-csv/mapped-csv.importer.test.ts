import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRapportError } from '../../errors.js';
import { damagedSource } from '../damaged-entry.test-support.js';
import { collect, memorySource, ofType } from '../fixture-export.test-support.js';
import { parseMapping } from './column-mapping.js';
import { mappedCsvImporter, sniffMapped } from './mapped-csv.importer.js';

const MAPPING = parseMapping(
  'date=Date,person=Name,channel=Type,direction=Direction,email=Email,length=Minutes,text=Notes',
);
const HEADER = 'Date,Name,Email,Type,Direction,Minutes,Notes,Owner';

const read = async (files: Record<string, string | Uint8Array>, mapping = MAPPING, chunkSize?: number) =>
  collect(mappedCsvImporter(mapping).parseBatches!(memorySource(files, { chunkSize })));

describe('mappedCsvImporter', () => {
  it('reads a CRM export: one interaction per row, rejections with their line', async () => {
    const crm = [
      HEADER,
      '25/03/2024 09:30,Ada Lovelace,ADA@example.com,Coffee,,45,"Talked about engines, at length",Sam',
      '26/03/2024,Bob,,Email,Sent,,Sent the deck,Sam',
      '27/03/2024,"Carol; Dan",,Zoom call,both,30,,Sam',
      '28/03/2024,Eve,,Teleport,out,,,Sam',
      '31/04/2024,Eve,,Call,out,,,Sam',
      '29/03/2024,,,Call,out,,,Sam',
    ].join('\r\n');
    const records = await read({ 'crm.csv': crm });
    expect(
      ofType(records, 'interaction').map(
        ({ at, channel, direction, audience, length, participants, snippet }) => ({
          at: new Date(at).toISOString(),
          channel,
          direction,
          audience,
          length,
          people: participants.map((p) => `${p.network}:${p.key}:${p.displayName}`),
          snippet,
        }),
      ),
    ).toEqual([
      {
        at: '2024-03-25T09:30:00.000Z',
        channel: 'in_person',
        direction: 'mutual',
        audience: 'one_to_one',
        length: 45,
        people: ['email:ada@example.com:Ada Lovelace'],
        snippet: 'Talked about engines, at length',
      },
      {
        at: '2024-03-26T00:00:00.000Z',
        channel: 'email',
        direction: 'out',
        audience: 'one_to_one',
        length: 3,
        people: ['manual:name:bob:Bob'],
        snippet: 'Sent the deck',
      },
      {
        at: '2024-03-27T00:00:00.000Z',
        channel: 'video',
        direction: 'mutual',
        audience: 'group',
        length: 30,
        people: ['manual:name:carol:Carol', 'manual:name:dan:Dan'],
        snippet: undefined,
      },
    ]);
    expect(ofType(records, 'rejected')).toEqual([
      expect.objectContaining({
        line: 5,
        reason: expect.stringMatching(/^unknown channel "Teleport" in column Type/),
      }),
      expect.objectContaining({ line: 6, reason: 'unreadable date "31/04/2024" in column Date' }),
      expect.objectContaining({ line: 7, reason: expect.stringMatching(/^row names no one/) }),
    ]);
  });

  it('decides day or month first by scanning the whole date column, or as the mapping says', async () => {
    const rows = (dates: string[]) => [HEADER, ...dates.map((d) => `${d},Ada,,Call,,,,`)].join('\n');
    const months = async (dates: string[], mapping = MAPPING) =>
      ofType(await read({ 'a.csv': rows(dates) }, mapping), 'interaction').map(
        (i) => new Date(i.at).getUTCMonth() + 1,
      );
    // The third row decides: 13 cannot be a month.
    expect(await months(['01/02/2024', '03/04/2024', '05/13/2024'])).toEqual([1, 3, 5]);
    expect(await months(['01/02/2024', '03/04/2024', '13/05/2024'])).toEqual([2, 4, 5]);
    // Ambiguous throughout: day first, unless the mapping says otherwise.
    expect(await months(['01/02/2024'])).toEqual([2]);
    expect(
      await months(['01/02/2024'], parseMapping('date=Date,person=Name,channel=Type,dates=mdy')),
    ).toEqual([1]);
  });

  it('reads JSON lines with the same mapping, and gives a row the same id in two exports', async () => {
    const mapping = parseMapping('date=when,person=who,channel=kind,network:=linkedin');
    const jsonl = [
      '{"when":"2024-03-05T10:00:00Z","who":"Ada Lovelace","kind":"message"}',
      '',
      '{"when":1709640000,"who":"Bob","kind":"like"}',
      'not json',
      '[1,2]',
    ].join('\n');
    const records = await read({ 'activity.jsonl': jsonl }, mapping);
    const interactions = ofType(records, 'interaction');
    expect(interactions.map((i) => [i.network, i.channel, i.direction, i.participants[0]!.key])).toEqual([
      ['linkedin', 'message', 'out', 'name:ada lovelace'],
      ['linkedin', 'reaction', 'out', 'name:bob'],
    ]);
    expect(ofType(records, 'rejected').map((r) => r.line)).toEqual([4, 5]);
    const again = ofType(await read({ 'other.jsonl': jsonl }, mapping, 7), 'interaction');
    expect(again.map((i) => i.externalId)).toEqual(interactions.map((i) => i.externalId));
  });

  it('skips files whose header lacks a mapped column, and checks contents on request', async () => {
    const files = {
      'crm.csv': `${HEADER}\n2024-01-01,Ada,,Call,,,,\n`,
      'other.csv': 'Date,Who\n2024-01-01,Ada\n',
    };
    const records = await read(files);
    expect(ofType(records, 'file').map((f) => [f.file, f.status])).toEqual([
      ['other.csv', 'skipped'],
      ['crm.csv', 'reading'],
    ]);
    expect(await sniffMapped(memorySource({ 'other.csv': files['other.csv'] }), MAPPING)).toBe(false);
    expect(mappedCsvImporter(MAPPING).detect(memorySource({ 'x.ndjson': '' }))).toBe(true);
  });

  it('reports a file that breaks off mid-read as import.unreadable', async () => {
    for (const name of ['a.csv', 'a.jsonl']) {
      const head = name.endsWith('.csv')
        ? `${HEADER}\n2024-01-01,Ada,,Call,,,,\n`
        : '{"Date":"2024-01-01","Name":"A","Type":"call","Direction":"","Email":"","Minutes":"","Notes":""}\n';
      await expect(
        collect(mappedCsvImporter(MAPPING).parseBatches!(damagedSource(name, head))),
      ).rejects.toMatchObject({
        code: 'import.unreadable',
      });
    }
  });

  it('turns arbitrary bytes into records or rejections, never another exception', async () => {
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 500 }),
        fc.constantFrom('csv', 'jsonl'),
        fc.integer({ min: 1, max: 64 }),
        async (bytes, kind, chunk) => {
          const head =
            kind === 'csv'
              ? `${HEADER}\n`
              : '{"Date":"2024-01-01","Name":"A","Type":"call","Direction":"in","Email":"","Minutes":"1","Notes":""}\n';
          try {
            for (const record of await read(
              { [`f.${kind}`]: Buffer.concat([Buffer.from(head), bytes]) },
              MAPPING,
              chunk,
            ))
              expect(['interaction', 'rejected', 'file', 'progress']).toContain(record.type);
          } catch (error) {
            if (!isRapportError(error)) throw error;
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
