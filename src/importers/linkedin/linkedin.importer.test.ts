import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { RapportError } from '../../errors.js';
import { openExport } from '../export-source.js';
import {
  collect,
  type Files,
  linkedinFixture,
  memorySource,
  ofType,
  silkyrichFiles,
  utf16le,
  writeTempFolder,
} from '../fixture-export.test-support.js';
import type { ImportRecord } from '../types.js';
import { linkedinImporter } from './linkedin.importer.js';

const summary = (records: ImportRecord[]) => ({
  owners: ofType(records, 'owner').length,
  contacts: ofType(records, 'contact').length,
  interactions: ofType(records, 'interaction').length,
  rejected: ofType(records, 'rejected').length,
});

/** The fixture counts: 300 connections, 162 invitations + 148 sent messages, owner from Profile.csv and then with a URL. */
// Owner records: Profile.csv, Email Addresses.csv (2 addresses), PhoneNumbers.csv (the two
// +44 numbers; the two 7-digit +1 numbers are not possible and are rejected), and one learned
// from messages.
const SAMPLE = { owners: 4, contacts: 300, interactions: 310, rejected: 2 };

async function zipOf(files: Files, order: string[]): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const name of order)
    zip.addBuffer(Buffer.from(files[name]!), `Basic_LinkedInDataExport_01-01-2026/${name}`);
  zip.end();
  const path = join(await mkdtemp(join(tmpdir(), 'rapport-li-')), 'Basic_LinkedInDataExport_01-01-2026.zip');
  await new Promise<void>((resolve, reject) =>
    zip.outputStream.pipe(createWriteStream(path)).on('close', resolve).on('error', reject),
  );
  return path;
}

describe('linkedinImporter', () => {
  it('recognises LinkedIn exports by their files, in any case and era', () => {
    expect(linkedinImporter.detect(memorySource({ 'connections.CSV': '' }))).toBe(true);
    expect(linkedinImporter.detect(memorySource({ 'Export/Messages.csv': '' }))).toBe(true);
    expect(linkedinImporter.detect(memorySource({ 'Connections (1).csv': '' }))).toBe(true);
    expect(linkedinImporter.detect(memorySource({ 'guide_messages.csv': '', 'notes.txt': '' }))).toBe(false);
  });

  it("reads Profile, the owner's addresses, Connections, Invitations, messages in that order, whatever the zip order", async () => {
    const files = silkyrichFiles();
    const order = [
      'messages.csv',
      'Email Addresses.csv',
      'Invitations.csv',
      'Connections.csv',
      'PhoneNumbers.csv',
      'Profile.csv',
    ];
    const source = await openExport(await zipOf(files, order));
    const records = await collect(linkedinImporter.parse(source));
    await source.close();
    const read = ofType(records, 'file')
      .filter((f) => f.status === 'reading')
      .map((f) => f.file.split('/')[1]);
    expect(read).toEqual([
      'Profile.csv',
      'Email Addresses.csv',
      'PhoneNumbers.csv',
      'Connections.csv',
      'Invitations.csv',
      'messages.csv',
    ]);
    expect(ofType(records, 'file').filter((f) => f.status === 'skipped')).toEqual([]);
    const owner = ofType(records, 'owner').at(-1)!;
    expect(owner.identities.filter((i) => i.network !== 'linkedin').map((i) => i.key)).toEqual([
      'ada.example@example.com',
      'ada.personal@example.com',
      '+442055500100',
      '+442055500101',
    ]);
    expect(ofType(records, 'rejected').map((r) => `${r.file.split('/')[1]}:${r.line}`)).toEqual([
      'PhoneNumbers.csv:4',
      'PhoneNumbers.csv:5',
    ]);
    expect(summary(records)).toEqual(SAMPLE);
    expect(records[records.findIndex((r) => r.type === 'owner') - 1]).toMatchObject({
      type: 'file',
      status: 'reading',
    });
  });

  it('reads the same export from a folder, and parse and parseBatches agree', async () => {
    const source = await openExport(await writeTempFolder(silkyrichFiles()));
    const records = await collect(linkedinImporter.parse(source));
    expect(summary(records)).toEqual(SAMPLE);
    expect(await collect(linkedinImporter.parseBatches!(source))).toEqual(records);
  });

  it("skips LinkedIn's coach chats, which share the messages header", async () => {
    const messages = silkyrichFiles(['messages.csv'])['messages.csv']!;
    const records = await collect(
      linkedinImporter.parse(
        memorySource({ 'guide_messages.csv': messages, 'learning_role_play_messages.csv': messages }),
      ),
    );
    expect(ofType(records, 'interaction')).toEqual([]);
    expect(ofType(records, 'file').map((f) => [f.file, f.status, f.reason])).toEqual([
      ['guide_messages.csv', 'skipped', "LinkedIn's AI coach chat, not a conversation with a person"],
      [
        'learning_role_play_messages.csv',
        'skipped',
        "LinkedIn's AI coach chat, not a conversation with a person",
      ],
    ]);
  });

  it('reads a 2018 export built from its real headers, UTF-16 files included', async () => {
    // Header lines copied from shared/fixtures/linkedin/legacy-2018__headers-only.txt.
    const files: Files = {
      'Profile.csv':
        'First Name,Last Name,Maiden Name,Address,Birth Date,Contact Instructions,Headline,Summary,Industry,Country,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n' +
        'Ada,Lovelace,,,,,Analyst,,,,,London,,,\n',
      'Connections.csv':
        'First Name,Last Name,Email Address,Company,Position,Connected On\nBob,Stone,bob@example.com,Acme,CEO,"1/8/18, 6:14 PM"\n',
      'Invitations.csv':
        'From,To,Sent At,Message,Direction\nAda Lovelace,Cy Twombly,"1/9/18, 9:00 AM",Hello Cy,OUTGOING\n',
      'Messages.csv':
        'From,To,Date,Subject,Content,Direction,Folder\nBob Stone,Ada Lovelace,"1/10/18, 10:00 AM",Hi,Hello Ada,INCOMING,INBOX\n',
      'Ad Targeting.csv': utf16le('"Age Group"\t"Country"\n"25-34"\t"UK"\n'),
      'Logins.csv': utf16le('"Login Date"\t"IP Address"\t"User Agent"\t"Login Type"\n'),
    };
    const records = await collect(linkedinImporter.parse(memorySource(files)));
    expect(summary(records)).toEqual({ owners: 1, contacts: 1, interactions: 2, rejected: 0 });
    expect(ofType(records, 'interaction').map((i) => [i.file, i.direction, i.participants[0]?.key])).toEqual([
      ['Invitations.csv', 'out', 'name:cy twombly'],
      ['Messages.csv', 'in', 'name:bob stone'],
    ]);
    expect(
      ofType(records, 'file')
        .filter((f) => f.status === 'skipped')
        .map((f) => f.file),
    ).toEqual(['Ad Targeting.csv', 'Logins.csv']);
  });

  it('yields zero contacts for the real preamble-only Connections.csv, and reports an empty one', async () => {
    const real = await collect(
      linkedinImporter.parse(
        memorySource({ 'Connections.csv': linkedinFixture('REAL-Connections-preamble.txt') }),
      ),
    );
    expect(summary(real)).toEqual({ owners: 0, contacts: 0, interactions: 0, rejected: 0 });
    const empty = await collect(linkedinImporter.parse(memorySource({ 'Connections.csv': '' })));
    expect(ofType(empty, 'rejected').map((r) => r.reason)).toEqual([
      'file is empty: expected a header with First Name, Last Name',
    ]);
  });
});

describe('linkedinImporter on a damaged zip', () => {
  it('stops with import.unreadable naming the file when an entry cannot be inflated', async () => {
    const files = silkyrichFiles(['Connections.csv']);
    const path = await zipOf(files, ['Connections.csv']);
    const bytes = await readFile(path);
    bytes.fill(0xff, 200, 260); // inside Connections.csv's deflated data
    await writeFile(path, bytes);
    const source = await openExport(path);
    const error = await collect(linkedinImporter.parse(source)).catch((e: unknown) => e);
    await source.close();
    expect(error).toBeInstanceOf(RapportError);
    expect(error).toMatchObject({ code: 'import.unreadable' });
    expect((error as Error).message).toMatch(
      /Could not read Basic_LinkedInDataExport_01-01-2026\/Connections\.csv: .*download it again/,
    );
  });
});
