import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRapportError } from '../../errors.js';
import { memorySource } from '../fixture-export.test-support.js';
import { twitterImporter } from './twitter.importer.js';
import { DMS, GROUP_DMS, OWNER, TWEETS, ytd } from './twitter-archive.test-support.js';

const KNOWN = new Set(['owner', 'contact', 'interaction', 'rejected', 'file', 'progress']);
const ACCOUNT = ytd('account', [{ account: { accountId: OWNER, username: 'me' } }]);

/** Runs the importer with `bytes` as `name`; only records or a RapportError may come out. */
async function survives(name: string, bytes: Uint8Array, chunkSize: number): Promise<void> {
  try {
    const source = memorySource({ 'data/account.js': ACCOUNT, [name]: bytes }, { chunkSize });
    for await (const batch of twitterImporter.parseBatches!(source)) {
      for (const record of batch) {
        expect(KNOWN.has(record.type)).toBe(true);
        if (record.type === 'interaction') expect(Number.isFinite(record.at)).toBe(true);
      }
    }
  } catch (error) {
    if (!isRapportError(error)) throw error;
  }
}

const FILES = [
  'data/tweets.js',
  'data/direct-messages.js',
  'data/direct-messages-group.js',
  'data/follower.js',
];
const VALID = [ytd('tweets', TWEETS), ytd('direct_messages', DMS), ytd('direct_messages_group', GROUP_DMS)];

describe('Twitter archive fuzzing', () => {
  it('turns arbitrary bytes into records or rejections, never another exception, quickly', async () => {
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...FILES),
        fc.uint8Array({ maxLength: 500 }),
        fc.integer({ min: 1, max: 64 }),
        (name, bytes, chunk) => survives(name, bytes, chunk),
      ),
      { numRuns: 200 },
    );
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('survives truncated and spliced real files', async () => {
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...FILES),
        fc.constantFrom(...VALID),
        fc.nat(),
        fc.nat(),
        fc.string({ maxLength: 8 }),
        fc.integer({ min: 1, max: 97 }),
        async (name, text, a, b, junk, chunk) => {
          const cut = a % (text.length + 1);
          const resume = Math.max(cut, b % (text.length + 1));
          await survives(name, Buffer.from(text.slice(0, cut) + junk + text.slice(resume)), chunk);
        },
      ),
      { numRuns: 300 },
    );
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
