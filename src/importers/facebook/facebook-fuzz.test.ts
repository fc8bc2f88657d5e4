import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRapportError } from '../../errors.js';
import { memorySource } from '../fixture-export.test-support.js';
import { facebookImporter } from './facebook.importer.js';
import { export2018 } from './facebook-export.test-support.js';

const KNOWN = new Set(['owner', 'contact', 'interaction', 'rejected', 'file', 'progress']);
const PAGE = 'messages/inbox/reneedupont_a1b2c3d4e5/message.json';
const FRIENDS = 'friends/friends.json';

/** Runs the importer with `bytes` in place of one file; only records or a RapportError may come out. */
async function survives(name: string, bytes: Uint8Array, chunkSize: number): Promise<void> {
  try {
    const source = memorySource({ ...export2018(), [name]: bytes }, { chunkSize });
    for await (const batch of facebookImporter.parseBatches!(source)) {
      for (const record of batch) {
        expect(KNOWN.has(record.type)).toBe(true);
        if (record.type === 'interaction') expect(Number.isFinite(record.at)).toBe(true);
      }
    }
  } catch (error) {
    if (!isRapportError(error)) throw error;
  }
}

describe('Facebook export fuzzing', () => {
  it('turns arbitrary bytes as a thread page or friends file into records or rejections, quickly', async () => {
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(PAGE, FRIENDS),
        fc.uint8Array({ maxLength: 500 }),
        fc.integer({ min: 1, max: 64 }),
        (name, bytes, chunk) => survives(name, bytes, chunk),
      ),
      { numRuns: 150 },
    );
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('survives truncated and spliced real pages', async () => {
    const started = Date.now();
    const text = export2018()[PAGE] as string;
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.nat(),
        fc.string({ maxLength: 8 }),
        fc.integer({ min: 1, max: 97 }),
        (a, b, junk, chunk) => {
          const cut = a % (text.length + 1);
          const resume = Math.max(cut, b % (text.length + 1));
          return survives(PAGE, Buffer.from(text.slice(0, cut) + junk + text.slice(resume), 'latin1'), chunk);
        },
      ),
      { numRuns: 200 },
    );
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
