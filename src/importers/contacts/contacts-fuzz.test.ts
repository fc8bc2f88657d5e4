import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRapportError } from '../../errors.js';
import { memorySource } from '../fixture-export.test-support.js';
import { contactsImporter } from './contacts.importer.js';

const KNOWN = new Set(['owner', 'contact', 'interaction', 'rejected', 'file', 'progress']);
const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/contacts/', import.meta.url));
const GOOGLE =
  'First Name,Middle Name,Last Name,Labels,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Website 1 - Value\n';

/** Runs the importer over one file; only records or a RapportError may come out. */
async function survives(name: string, bytes: Uint8Array, chunkSize: number): Promise<void> {
  try {
    const source = memorySource({ [name]: bytes }, { chunkSize });
    for await (const batch of contactsImporter.parseBatches(source, { defaultRegion: 'DE' })) {
      for (const record of batch) {
        expect(KNOWN.has(record.type)).toBe(true);
        if (record.type === 'contact') expect(record.identities.length).toBeGreaterThan(0);
      }
    }
  } catch (error) {
    if (!isRapportError(error)) throw error;
  }
}

const VCARD_LINES = fc.oneof(
  fc.constantFrom(
    'BEGIN:VCARD',
    'END:VCARD',
    'VERSION:2.1',
    'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=91=',
    'FN;ENCODING=QUOTED-PRINTABLE;CHARSET=bogus:=ZZ=',
    'TEL;WORK;VOICE:+49 30 1234567',
    'TEL;VALUE=uri:tel:+1-418-656-9254;ext=102',
    'EMAIL;TYPE="a,b":x@y.z',
    'item1.URL:https://linkedin.com/in/%E0%A4',
    'item1.X-ABLabel:_$!<Fax>!$_',
    'ADR;TYPE=WORK:;;;;;;;;;',
    ' folded',
    '=20',
    '',
  ),
  fc.string({ maxLength: 40 }),
);

describe('contacts fuzzing', () => {
  it('turns arbitrary bytes into records or rejections, as .vcf or as a Google CSV, in bounded time', async () => {
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 600 }),
        fc.constantFrom('vcf', 'csv', 'raw'),
        fc.integer({ min: 1, max: 64 }),
        (bytes, kind, chunk) =>
          kind === 'vcf'
            ? survives('a.vcf', Buffer.concat([Buffer.from('BEGIN:VCARD\r\n'), bytes]), chunk)
            : kind === 'csv'
              ? survives('contacts.csv', Buffer.concat([Buffer.from(GOOGLE), bytes]), chunk)
              : survives('a.vcf', bytes, chunk),
      ),
      { numRuns: 300 },
    );
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('survives vCard-shaped garbage and every fixture cut short', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(VCARD_LINES, { maxLength: 40 }),
        fc.integer({ min: 1, max: 64 }),
        (lines, chunk) => survives('a.vcf', Buffer.from(lines.join(chunk % 3 === 0 ? '\n' : '\r\n')), chunk),
      ),
      { numRuns: 300 },
    );
    const files = readdirSync(FIXTURES).map((name) => readFileSync(FIXTURES + name));
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: files.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (i, cut) => survives('a.vcf', files[i]!.subarray(0, Math.floor(files[i]!.length * cut)), 101),
      ),
      { numRuns: 200 },
    );
  });
});
