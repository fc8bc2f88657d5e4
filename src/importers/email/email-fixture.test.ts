import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collect, memorySource, ofType } from '../fixture-export.test-support.js';
import type { ImportRecord } from '../types.js';
import { emailImporter } from './email.importer.js';

/** /work/shared/fixtures/email (origin and licences in its SOURCES.md). */
const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/email/', import.meta.url));
const fixture = (name: string): Buffer => readFileSync(join(FIXTURES, name));

const count = (records: ImportRecord[]) => ({
  owners: ofType(records, 'owner').length,
  interactions: ofType(records, 'interaction').length,
  rejected: ofType(records, 'rejected').length,
  skipped: ofType(records, 'file').filter((f) => f.status === 'skipped').length,
});

describe('emailImporter on the shared fixtures', () => {
  // Expected values checked independently with Python 3's `mailbox` and `email` modules
  // (policy=default; get_body(('plain','html')); words = len(text.split()) after stripping tags):
  // the Enron mbox holds 2 messages (From_ at lines 1 and 32) to 7 and 10 addresses in To+Cc;
  // legacy_002/003 are Doug Sauder → Heinz Müller, 19 May 2000 00:31:00 / 00:29:55 -0400,
  // 119 words each (HTML-only / text part); thirdparty_010 has no From and no Date.
  it('reads every file with exact counts', async () => {
    const files = {
      'mail-parser__resources__eml__legacy_002.eml': fixture('mail-parser__resources__eml__legacy_002.eml'),
      'mail-parser__resources__eml__legacy_003.eml': fixture('mail-parser__resources__eml__legacy_003.eml'),
      'mail-parser__resources__eml__thirdparty_010.eml': fixture(
        'mail-parser__resources__eml__thirdparty_010.eml',
      ),
      'enron-sample.mbox': fixture('simonw-mbox-to-sqlite__tests__enron-sample.mbox'),
      'legacy_002.expected.json': fixture('mail-parser__resources__eml__legacy_002.expected.json'),
      'LICENSE-MIT.txt': fixture('mail-parser__LICENSE-MIT.txt'),
    };
    const records = await collect(emailImporter.parseBatches!(memorySource(files, { chunkSize: 777 })));
    // No owner: across these files Doug and Heinz tie (two messages each), and the Enron
    // messages are broadcasts, so nothing says who "me" is.
    expect(count(records)).toEqual({ owners: 0, interactions: 2, rejected: 3, skipped: 2 });
    expect(ofType(records, 'rejected').map((r) => [r.file, r.line, r.reason])).toEqual([
      ['mail-parser__resources__eml__thirdparty_010.eml', 1, 'no sender (From:)'],
      ['enron-sample.mbox', 1, 'not a conversation: sent to 7 people (more than 5)'],
      ['enron-sample.mbox', 32, 'not a conversation: sent to 10 people (more than 5)'],
    ]);
    const [html, plain] = ofType(records, 'interaction');
    expect(html).toMatchObject({
      at: Date.UTC(2000, 4, 19, 4, 31),
      channel: 'email',
      direction: 'in',
      audience: 'one_to_one',
      length: 119,
      participants: [{ network: 'email', key: 'dwsauder@example.com', displayName: 'Doug Sauder' }],
    });
    expect(html!.snippet).toMatch(/^Die Hasen und die Frösche Die Hasen klagten einst über/);
    expect(plain).toMatchObject({ at: Date.UTC(2000, 4, 19, 4, 29, 55), length: 119 });
    expect(html!.externalId).not.toBe(plain!.externalId);
  });

  it('recognises mail by its first bytes, not its name', async () => {
    const source = memorySource({
      Inbox: fixture('simonw-mbox-to-sqlite__tests__enron-sample.mbox'),
      'notes.eml': 'just some text\n',
    });
    expect(await emailImporter.sniff(source)).toBe(true);
    expect(await emailImporter.sniff(memorySource({ 'x.mbox': 'From: nobody\n\nhi' }))).toBe(false);
    expect(
      await emailImporter.sniff(memorySource({ 'contact.vcf.txt': 'BEGIN:VCARD\nFN:A\nEND:VCARD\n' })),
    ).toBe(false);
    const records = await collect(emailImporter.parseBatches!(source));
    expect(ofType(records, 'file').map((f) => [f.file, f.status])).toEqual([
      ['notes.eml', 'skipped'],
      ['Inbox', 'reading'],
    ]);
  });
});
