import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collect, memorySource, ofType } from './fixture-export.test-support.js';
import { type JsonPath, type JsonReadOptions, readJsonBatches } from './json-reader.js';
import type { ImportRecord } from './types.js';

type Pick = { path: (string | number)[]; value: unknown };

/** Reads `text` as one entry, picking values whose path `pick` accepts; returns picks and records. */
async function read(
  text: string | Uint8Array,
  pick: (path: JsonPath) => boolean,
  options: Partial<JsonReadOptions> & { chunkSize?: number } = {},
) {
  const picks: Pick[] = [];
  const source = memorySource({ 'f.json': text }, { chunkSize: options.chunkSize ?? 7 });
  const records: ImportRecord[] = await collect(
    readJsonBatches(source.entries[0]!, {
      file: 'f.json',
      pick,
      value: (path, value) => {
        picks.push({ path: [...path], value });
        return options.value?.(path, value, []);
      },
      assignment: options.assignment,
    }),
  );
  return { picks, rejected: ofType(records, 'rejected') };
}

describe('readJsonBatches', () => {
  it('hands over picked values whole, with their paths, across chunk boundaries', async () => {
    const doc = JSON.stringify({ participants: [{ name: 'A' }], messages: [{ a: 1, b: [true, null] }, 'x'] });
    const { picks, rejected } = await read(doc, (p) => p[0] === 'participants' || p.length === 2);
    expect(rejected).toEqual([]);
    expect(JSON.parse(JSON.stringify(picks))).toEqual([
      { path: ['participants'], value: [{ name: 'A' }] },
      { path: ['messages', 0], value: { a: 1, b: [true, null] } },
      { path: ['messages', 1], value: 'x' },
    ]);
  });

  it('skips a JavaScript assignment before the JSON and a final semicolon', async () => {
    const text = 'window.YTD.tweets.part0 = [ {"tweet": {"id": "1"}}, {"tweet": {"id": "2"}} ];\n';
    const { picks, rejected } = await read(text, (p) => p.length === 1, { assignment: true, chunkSize: 3 });
    expect(rejected).toEqual([]);
    expect(picks.map((p) => p.path)).toEqual([[0], [1]]);
  });

  it('keeps `__proto__` as a plain key', async () => {
    const { picks } = await read('[{"__proto__": {"polluted": true}}]', (p) => p.length === 1);
    const value = picks[0]!.value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports broken JSON once, with the byte offset and line, keeping what came before', async () => {
    const text = 'window.YTD.x.part0 = [\n  {"a": 1},\n  {"a": 2}\n  {"a": 3}\n]';
    const { picks, rejected } = await read(text, (p) => p.length === 1, { assignment: true });
    expect(picks).toHaveLength(2);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ file: 'f.json', line: 4 });
    expect(rejected[0]!.reason).toContain(`at byte ${text.indexOf('{"a": 3}')} (line 4)`);
  });

  it('counts bytes, not characters, in offsets', async () => {
    const text = '["ééé", x]';
    const { rejected } = await read(text, () => false);
    expect(rejected[0]!.reason).toContain(`at byte ${Buffer.byteLength('["ééé", ')}`);
  });

  it('reports truncated and empty files', async () => {
    expect((await read('[{"a": 1}, {"a"', () => false)).rejected[0]!.reason).toMatch(/^broken JSON at byte/);
    expect((await read('  \n', () => false)).rejected).toEqual([
      { type: 'rejected', file: 'f.json', line: 1, reason: 'the file is empty' },
    ]);
  });

  it('stops when the handler asks', async () => {
    const { picks, rejected } = await read(
      '{"participants": [1], "messages": [1, 2, 3] broken',
      (p) => p.length === 1,
      {
        value: () => true,
      },
    );
    expect(picks).toHaveLength(1);
    expect(rejected).toEqual([]);
  });

  it('turns a handler failure into a rejection and goes on', async () => {
    const { rejected, picks } = await read('[1, 2]', (p) => p.length === 1, {
      value: (path) => {
        if (path[0] === 0) throw new Error('boom');
        return undefined;
      },
    });
    expect(picks).toHaveLength(2);
    expect(rejected).toEqual([{ type: 'rejected', file: 'f.json', reason: 'unusable value at [0]: boom' }]);
  });

  it('turns arbitrary bytes into values or one rejection, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.boolean(), async (bytes, assignment) => {
        const { rejected } = await read(bytes, (p) => p.length === 1, { assignment });
        expect(rejected.length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200 },
    );
  });
});
