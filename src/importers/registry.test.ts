import { describe, expect, it } from 'vitest';
import { RapportError } from '../errors.js';
import { memorySource } from './fixture-export.test-support.js';
import { detectImporter, IMPORTERS } from './registry.js';

describe('detectImporter', () => {
  it('picks the LinkedIn importer for a LinkedIn export', async () => {
    expect(
      (await detectImporter(memorySource({ 'Connections.csv': '', 'Ad_Targeting.csv': '' }))).source,
    ).toBe('linkedin');
  });

  it('explains an export it does not recognise: what was found and what Rapport reads', async () => {
    const source = memorySource({ 'notes.txt': '', 'photo.jpg': '' }, { label: 'stuff.zip' });
    let error: unknown;
    try {
      await detectImporter(source);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RapportError);
    expect(error).toMatchObject({
      code: 'import.unrecognised',
      details: { files: ['notes.txt', 'photo.jpg'], supported: IMPORTERS.map((i) => i.source) },
    });
    const message = (error as Error).message;
    expect(message).toMatch(
      /^Rapport does not recognise stuff\.zip: it found notes\.txt, photo\.jpg\. Rapport can read: LinkedIn \(Profile\.csv, Email Addresses\.csv, PhoneNumbers\.csv, Connections\.csv, Invitations\.csv, messages\.csv\); /,
    );
    for (const importer of IMPORTERS) expect(message).toContain(importer.displayName ?? importer.source);
    expect(message).toMatch(/Point it at the export's \.zip, its unzipped folder, or one of those files\.$/);
  });

  it('says so when the export holds no files at all', async () => {
    await expect(detectImporter(memorySource({}, { label: 'empty.zip' }))).rejects.toThrow(/found no files/);
  });
});
