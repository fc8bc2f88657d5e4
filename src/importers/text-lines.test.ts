import { describe, expect, it } from 'vitest';
import { memorySource } from './fixture-export.test-support.js';
import { readLines } from './text-lines.js';

async function lines(text: string, chunkSize: number, max?: number) {
  const out: { text: string; line: number; overlong?: boolean }[] = [];
  for await (const batch of readLines(memorySource({ f: text }, { chunkSize }).entries[0]!, max))
    out.push(...batch.lines);
  return out;
}

describe('readLines', () => {
  it('splits on LF, CRLF and lone CR, whatever the chunking, and keeps a last line without newline', async () => {
    for (const size of [1, 2, 3, 100]) {
      expect(await lines('a\r\nb\nc\rd\r\r\ne', size)).toEqual([
        { text: 'a', line: 1 },
        { text: 'b', line: 2 },
        { text: 'c', line: 3 },
        { text: 'd', line: 4 },
        { text: '', line: 5 },
        { text: 'e', line: 6 },
      ]);
    }
  });

  it('cuts an overlong line and drops the rest of it, counting lines on', async () => {
    expect(await lines(`${'x'.repeat(50)}\nok\n`, 7, 10)).toEqual([
      { text: 'x'.repeat(10), line: 1, overlong: true },
      { text: 'ok', line: 2 },
    ]);
  });
});
