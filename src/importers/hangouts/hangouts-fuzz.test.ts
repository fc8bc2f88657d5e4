import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRapportError } from '../../errors.js';
import { memorySource } from '../fixture-export.test-support.js';
import { hangoutsImporter } from './hangouts.importer.js';
import { hangoutsExport } from './hangouts.test-support.js';

const KNOWN = new Set(['owner', 'contact', 'interaction', 'rejected', 'file', 'progress']);

async function survives(bytes: Uint8Array, chunkSize: number): Promise<void> {
  try {
    for await (const record of hangoutsImporter.parse(
      memorySource({ 'Hangouts.json': bytes }, { chunkSize }),
    )) {
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
  hangoutsExport([
    {
      id: 'c',
      self: '1',
      people: { '1': 'A', '2': 'B' },
      events: [
        { id: 'e1', sender: '2', at: Date.UTC(2016, 0, 1), text: 'hi\nthere' },
        { id: 'e2', sender: '1', at: Date.UTC(2016, 0, 2), hangout: { type: 'END_HANGOUT', seconds: 61 } },
      ],
    },
  ]),
);

describe('hangouts fuzzing', () => {
  it('turns arbitrary bytes after the start of a dump into records, never another exception', async () => {
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), fc.integer({ min: 1, max: 64 }), (bytes, chunk) =>
        survives(
          Buffer.concat([Buffer.from('{"conversations":[{"conversation":{"conversation_id":'), bytes]),
          chunk,
        ),
      ),
      { numRuns: 200 },
    );
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('survives every truncation and byte flip of a valid dump', async () => {
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

  it('survives valid JSON of the wrong shapes in conversations and events', async () => {
    const json = fc
      .tuple(fc.json({ maxDepth: 3 }), fc.json({ maxDepth: 4 }))
      .map(([c, e]) => `{"conversations":[{"conversation":${c},"conversation_id":1,"events":[${e}]}]}`);
    await fc.assert(
      fc.asyncProperty(json, (text) => survives(Buffer.from(text), 16)),
      { numRuns: 200 },
    );
  });
});
