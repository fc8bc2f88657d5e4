import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRapportError } from '../../errors.js';
import { memorySource } from '../fixture-export.test-support.js';
import { linkedinImporter } from './linkedin.importer.js';

const HEADER =
  'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER\n';
const KNOWN = new Set(['owner', 'contact', 'interaction', 'rejected', 'file', 'progress']);

/** Runs the importer over a messages.csv made of `bytes`; only records or a RapportError may come out. */
async function survives(bytes: Uint8Array, chunkSize: number): Promise<void> {
  try {
    for await (const record of linkedinImporter.parse(
      memorySource({ 'messages.csv': bytes }, { chunkSize }),
    )) {
      expect(KNOWN.has(record.type)).toBe(true);
      if (record.type === 'interaction') {
        expect(Number.isFinite(record.at)).toBe(true);
        expect(record.snippet === undefined || record.snippet.length <= 200).toBe(true);
      }
    }
  } catch (error) {
    if (!isRapportError(error)) throw error;
  }
}

describe('messages.csv fuzzing', () => {
  it('turns arbitrary bytes into records or rejections, never another exception', async () => {
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 600 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 64 }),
        (bytes, headed, chunk) =>
          survives(headed ? Buffer.concat([Buffer.from(HEADER), bytes]) : bytes, chunk),
      ),
      { numRuns: 300 },
    );
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('survives CSV-shaped garbage after a valid header, in UTF-8 and UTF-16', async () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        '"',
        '""',
        '","',
        '\n',
        '\r\n',
        '<p>',
        '&amp;',
        '2023-05-01 14:22:10 UTC',
        'https://www.linkedin.com/in/x',
      ),
    );
    const body = fc
      .array(
        fc.array(cell, { maxLength: 14 }).map((cells) => cells.join(',')),
        { maxLength: 20 },
      )
      .map((rows) => rows.join('\n'));
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), fc.integer({ min: 1, max: 64 }), async (text, wide, chunkSize) => {
        const csv = HEADER + text;
        const bytes = wide
          ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')])
          : Buffer.from(csv);
        await survives(bytes, chunkSize);
      }),
      { numRuns: 300 },
    );
  });
});
