import { describe, expect, it } from 'vitest';
import { guessDelimiter, PROGRESS_BYTES, readCsv } from './csv-reader.js';
import { collect, memorySource, ofType, utf16le } from './fixture-export.test-support.js';
import type { ImportRecord, SourceEntry } from './types.js';

/** Reads `content` as file `f.csv`, turning each row into a rejected record that carries the row as JSON. */
async function rows(
  content: string | Buffer,
  required = ['a', 'b'],
  chunkSize?: number,
): Promise<ImportRecord[]> {
  const entry = memorySource({ 'f.csv': content }, { chunkSize }).entries[0] as SourceEntry;
  return collect(
    readCsv(entry, { file: 'f.csv', required }, (header) => ({
      row(fields, line, out) {
        const picked = required.map((name) => fields[header.index(name)]);
        out.push({ type: 'rejected', file: 'row', line, reason: JSON.stringify(picked) });
      },
    })),
  );
}

const rowsOf = (records: ImportRecord[]) =>
  ofType(records, 'rejected')
    .filter((r) => r.file === 'row')
    .map((r) => [r.line, JSON.parse(r.reason)]);
const problems = (records: ImportRecord[]) => ofType(records, 'rejected').filter((r) => r.file !== 'row');

describe('readCsv', () => {
  it('finds columns by name after a preamble, in any order and case', async () => {
    const records = await rows('Notes:\n"a note, with a comma"\n\nB,c,A\n2,x,1\n');
    expect(rowsOf(records)).toEqual([[5, ['1', '2']]]);
    expect(problems(records)).toEqual([]);
  });

  it('names the missing columns when the header lacks them', async () => {
    const records = await rows('a,c\n1,2\n');
    expect(problems(records)).toEqual([
      {
        type: 'rejected',
        file: 'f.csv',
        line: 1,
        reason: 'header is missing required columns b (found "a", "c")',
      },
    ]);
  });

  it('reports an empty file', async () => {
    expect(problems(await rows(''))[0]?.reason).toMatch(/file is empty/);
  });

  it('rejects a row of the wrong width with its line, and keeps going', async () => {
    const records = await rows('a,b\n1,2\n1,2,3\n"multi\nline",4\n5,6,\n');
    expect(rowsOf(records)).toEqual([
      [2, ['1', '2']],
      [4, ['multi\nline', '4']],
      [6, ['5', '6']],
    ]);
    expect(problems(records)).toEqual([
      {
        type: 'rejected',
        file: 'f.csv',
        line: 3,
        reason: 'row has 3 fields but the header has 2 (check quoting)',
      },
    ]);
  });

  it('turns an exception in a row mapper into a rejection', async () => {
    const entry = memorySource({ 'f.csv': 'a\n1\n' }).entries[0] as SourceEntry;
    const records = await collect(
      readCsv(entry, { file: 'f.csv', required: ['a'] }, () => ({
        row() {
          throw new Error('boom');
        },
      })),
    );
    expect(ofType(records, 'rejected')).toEqual([
      { type: 'rejected', file: 'f.csv', line: 2, reason: 'row could not be read: boom' },
    ]);
  });

  it('reads UTF-16LE tab-separated files with every field quoted (2018 exports)', async () => {
    const text = '"a"\t"b"\n"1, one"\t"Zoë"\n';
    expect(rowsOf(await rows(utf16le(text), ['a', 'b'], 3))).toEqual([[2, ['1, one', 'Zoë']]]);
    expect(guessDelimiter(text)).toBe('\t');
    expect(guessDelimiter('Notes:\n"x"\n\na,b\n')).toBe(',');
  });

  it('reports progress as bytes are read, ending with the whole file', async () => {
    const body = `a,b\n${'1,2\n'.repeat(PROGRESS_BYTES / 2)}`;
    const progress = ofType(await rows(body, ['a', 'b'], 4096), 'progress');
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.at(-1)).toEqual({
      type: 'progress',
      file: 'f.csv',
      bytesRead: body.length,
      bytesTotal: body.length,
    });
  });
});
