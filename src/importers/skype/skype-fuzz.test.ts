import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRapportError } from '../../errors.js';
import { memorySource } from '../fixture-export.test-support.js';
import { skypeImporter } from './skype.importer.js';
import { callContent, skypeExport } from './skype.test-support.js';

const KNOWN = new Set(['owner', 'contact', 'interaction', 'rejected', 'file', 'progress']);

async function survives(bytes: Uint8Array, chunkSize: number): Promise<void> {
  try {
    for await (const record of skypeImporter.parse(memorySource({ 'messages.json': bytes }, { chunkSize }))) {
      expect(KNOWN.has(record.type)).toBe(true);
      if (record.type === 'interaction') {
        expect(Number.isFinite(record.at)).toBe(true);
        expect(record.participants.length).toBeGreaterThan(0);
      }
    }
  } catch (error) {
    if (!isRapportError(error)) throw error;
  }
}

const VALID = Buffer.from(
  skypeExport('8:live:me', [
    {
      id: '8:live:bob',
      displayName: 'Bob',
      messages: [
        { id: '1', from: '8:live:bob', at: '2023-05-01T10:00:00Z', content: '<b>hi</b>' },
        {
          id: '2',
          from: '8:live:me',
          at: '2023-05-01T10:05:00Z',
          type: 'Event/Call',
          content: callContent('ended', 99),
        },
      ],
    },
    {
      id: '19:x@thread.skype',
      displayName: null,
      members: ['8:a', '8:b'],
      messages: [{ id: '3', from: '8:a', at: 'x' }],
    },
  ]),
);

describe('skype fuzzing', () => {
  it('turns arbitrary bytes after the start of an export into records, never another exception', async () => {
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), fc.integer({ min: 1, max: 64 }), (bytes, chunk) =>
        survives(Buffer.concat([Buffer.from('{"userId":"8:me","conversations":['), bytes]), chunk),
      ),
      { numRuns: 200 },
    );
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('survives every truncation and byte flip of a valid export', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: VALID.length }),
        fc.array(fc.tuple(fc.nat(VALID.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
        fc.integer({ min: 1, max: 97 }),
        async (cut, flips, chunk) => {
          const copy = Buffer.from(VALID.subarray(0, cut));
          for (const [at, value] of flips) if (at < copy.length) copy[at] = value;
          await survives(copy, chunk);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('survives valid JSON of the wrong shapes', async () => {
    const json = fc
      .json({ maxDepth: 4 })
      .map((value) => `{"userId":"8:me","conversations":[{"id":"8:x","MessageList":[${value}]}]}`);
    await fc.assert(
      fc.asyncProperty(json, (text) => survives(Buffer.from(text), 16)),
      { numRuns: 200 },
    );
  });
});
