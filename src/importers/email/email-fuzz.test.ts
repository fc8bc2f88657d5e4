import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRapportError } from '../../errors.js';
import { memorySource } from '../fixture-export.test-support.js';
import { emailImporter } from './email.importer.js';
import { gmail, mbox } from './mail.test-support.js';

const KNOWN = new Set(['owner', 'contact', 'interaction', 'rejected', 'file', 'progress']);

/** Runs the importer over one file of `bytes`; only records or a RapportError may come out. */
async function survives(name: string, bytes: Uint8Array, chunkSize: number): Promise<void> {
  try {
    for await (const record of emailImporter.parse(memorySource({ [name]: bytes }, { chunkSize }))) {
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

const VALID = mbox([
  gmail({ id: 'a', from: 'Bob <bob@x.com>', to: 'me@gmail.com', cc: 'c@y.org' }),
  gmail({
    id: 'b',
    from: '=?utf-8?B?w6k=?= <me@gmail.com>',
    to: 'bob@x.com',
    labels: 'Sent',
    extra: ['Content-Type: multipart/alternative; boundary="q"'],
    body: '--q\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\nh=C3=A9=\r\nllo\r\n--q--\r\n',
  }),
]);

describe('email fuzzing', () => {
  it('turns arbitrary bytes after a From_ line or as an .eml into records, never another exception', async () => {
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 800 }),
        fc.constantFrom('x.mbox', 'x.eml'),
        fc.integer({ min: 1, max: 64 }),
        (bytes, name, chunk) => {
          const head = name === 'x.mbox' ? 'From a@b Fri Dec 29 12:49:00 2000\n' : 'From: a@b.c\nDate: x\n';
          return survives(name, Buffer.concat([Buffer.from(head), bytes]), chunk);
        },
      ),
      { numRuns: 300 },
    );
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('survives every truncation and byte flip of a valid mbox', async () => {
    const bytes = Buffer.from(VALID);
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: bytes.length }),
        fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        fc.integer({ min: 1, max: 97 }),
        async (cut, flips, chunk) => {
          const copy = Buffer.from(bytes.subarray(0, cut));
          for (const [at, value] of flips) if (at < copy.length) copy[at] = value;
          await survives('x.mbox', copy, chunk);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('survives mail-shaped garbage: headers, encoded words, boundaries', async () => {
    const piece = fc.constantFrom(
      'From: ',
      'To: ',
      'Cc: ',
      'Date: ',
      'Content-Type: multipart/mixed; boundary=',
      'Content-Transfer-Encoding: base64',
      'quoted-printable',
      '=?utf-8?Q?',
      '=?x?B?',
      '?=',
      '<',
      '>',
      '"',
      ',',
      '@',
      '--',
      '=',
      '\r\n',
      '\n',
      '\t',
      'From a@b Fri Dec 29 12:49:00 2000\n',
      'a@b.c',
    );
    const text = fc
      .array(fc.oneof(piece, fc.string({ maxLength: 8 })), { maxLength: 60 })
      .map((parts) => parts.join(''));
    await fc.assert(
      fc.asyncProperty(text, fc.integer({ min: 1, max: 64 }), (t, chunk) =>
        survives('x.mbox', Buffer.from(`From a@b Fri Dec 29 12:49:00 2000\n${t}`), chunk),
      ),
      { numRuns: 300 },
    );
  });
});
