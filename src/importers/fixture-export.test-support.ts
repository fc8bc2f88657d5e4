/**
 * Test support (not a test): exports built from the shared fixtures, in memory or on disk.
 * Fixture files are named `<origin>__<original name>`; these helpers give them back their
 * export names so importers see what a real export holds.
 */
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { ExportSource, ImportRecord } from './types.js';

/** /work/shared/fixtures/linkedin, found from this file so tests run from any folder. */
export const LINKEDIN_FIXTURES = fileURLToPath(
  new URL('../../../shared/fixtures/linkedin/', import.meta.url),
);

export function linkedinFixture(name: string): Buffer {
  return readFileSync(join(LINKEDIN_FIXTURES, name));
}

/** The silkyrich sample export (MIT, see shared/fixtures/SOURCES.md) under its export names. */
export const SILKYRICH: Record<string, string> = {
  'Profile.csv': 'silkyrich__Profile.csv',
  'Connections.csv': 'silkyrich__Connections.head300.csv',
  'Invitations.csv': 'silkyrich__Invitations.csv',
  'messages.csv': 'silkyrich__messages.head150.csv',
  'Email Addresses.csv': 'silkyrich__Email Addresses.csv',
  'PhoneNumbers.csv': 'silkyrich__PhoneNumbers.csv',
  'Whatsapp Phone Numbers.csv': 'silkyrich__Whatsapp Phone Numbers.csv',
};

export type Files = Record<string, string | Uint8Array>;

/** Export names → fixture contents, for the given names (default: all of SILKYRICH). */
export function silkyrichFiles(names: readonly string[] = Object.keys(SILKYRICH)): Files {
  const files: Files = {};
  for (const name of names) files[name] = linkedinFixture(SILKYRICH[name]!);
  return files;
}

/**
 * An in-memory export. Each file is served in chunks of `chunkSize` bytes, so tests can put
 * chunk boundaries inside records, quotes and multi-byte characters.
 */
export function memorySource(
  files: Files,
  options: { label?: string; chunkSize?: number } = {},
): ExportSource {
  const chunkSize = options.chunkSize ?? 1 << 16;
  return {
    label: options.label ?? 'memory export',
    entries: Object.entries(files).map(([path, content]) => {
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
      return {
        path,
        size: bytes.length,
        open: async () => {
          const chunks: Buffer[] = [];
          for (let i = 0; i < bytes.length; i += chunkSize) chunks.push(bytes.subarray(i, i + chunkSize));
          return Readable.from(chunks);
        },
      };
    }),
    close: async () => {},
  };
}

/** Writes files (paths may hold `/`) into a new temporary folder and returns it. */
export async function writeTempFolder(files: Files): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'rapport-export-'));
  for (const [path, content] of Object.entries(files)) {
    const target = join(root, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
  return root;
}

/** Everything an async iterable yields, batches flattened. */
export async function collect(
  records: AsyncIterable<ImportRecord | ImportRecord[]>,
): Promise<ImportRecord[]> {
  const all: ImportRecord[] = [];
  for await (const item of records) {
    if (Array.isArray(item)) all.push(...item);
    else all.push(item);
  }
  return all;
}

/** Records of one type, typed. */
export function ofType<T extends ImportRecord['type']>(
  records: readonly ImportRecord[],
  type: T,
): Extract<ImportRecord, { type: T }>[] {
  return records.filter((record): record is Extract<ImportRecord, { type: T }> => record.type === type);
}

/** UTF-16LE bytes with a byte-order mark, as some 2018 LinkedIn CSVs are. */
export function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}
