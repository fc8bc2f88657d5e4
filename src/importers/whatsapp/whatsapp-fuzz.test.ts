import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRapportError } from '../../errors.js';
import { memorySource } from '../fixture-export.test-support.js';
import { whatsappImporter } from './whatsapp.importer.js';

const KNOWN = new Set(['owner', 'contact', 'interaction', 'rejected', 'file', 'progress']);

async function survives(bytes: Uint8Array, chunkSize: number): Promise<void> {
  try {
    const source = memorySource({ 'WhatsApp Chat with Bob.txt': bytes }, { chunkSize });
    for await (const record of whatsappImporter.parse(source)) {
      expect(KNOWN.has(record.type)).toBe(true);
      if (record.type === 'interaction') {
        expect(Number.isFinite(record.at)).toBe(true);
        expect(record.participants.length).toBeGreaterThan(0);
        expect(record.snippet === undefined || record.snippet.length <= 200).toBe(true);
      }
    }
  } catch (error) {
    if (!isRapportError(error)) throw error;
  }
}

describe('whatsapp fuzzing', () => {
  it('turns arbitrary bytes after a header line into records, never another exception', async () => {
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 800 }), fc.integer({ min: 1, max: 64 }), (bytes, chunk) =>
        survives(Buffer.concat([Buffer.from('01/02/2020, 10:00 - Ann: hi\n'), bytes]), chunk),
      ),
      { numRuns: 300 },
    );
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('survives chat-shaped garbage: dates, times, marks, names and call notices', async () => {
    const piece = fc.constantFrom(
      '[',
      ']',
      '12/31/21, ',
      '31.12.21 ',
      '2021-12-31, ',
      '99/99/99, ',
      '00:00',
      '13:61',
      ' p. m.',
      '\u202fAM',
      ' - ',
      ': ',
      'Bob',
      '+44 7911 123456',
      '\u200e',
      '\u202a',
      'Voice call, 5 min',
      'Missed video call',
      '<Media omitted>',
      '\n',
      '\r\n',
      '\r',
    );
    const text = fc
      .array(fc.oneof(piece, fc.string({ maxLength: 6 })), { maxLength: 80 })
      .map((p) => p.join(''));
    await fc.assert(
      fc.asyncProperty(text, fc.integer({ min: 1, max: 64 }), (t, chunk) =>
        survives(Buffer.from(`[01/02/2020, 10:00:00] Ann: x\n${t}`), chunk),
      ),
      { numRuns: 300 },
    );
  });
});
