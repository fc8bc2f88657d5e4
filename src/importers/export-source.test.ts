import { createWriteStream } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text as readText } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { isRapportError } from '../errors.js';
import { findEntry, openExport, openExports } from './export-source.js';
import { writeTempFolder } from './fixture-export.test-support.js';
import type { ExportSource } from './types.js';

async function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'rapport-zip-'));
}

/** Writes a zip with yazl; `patch` rewrites equal-length byte strings afterwards (for names yazl refuses). */
async function writeZip(
  files: Record<string, string>,
  options: { dirs?: string[]; patch?: [string, string] } = {},
): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const dir of options.dirs ?? []) zip.addEmptyDirectory(dir);
  for (const [name, content] of Object.entries(files)) zip.addBuffer(Buffer.from(content), name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  let bytes = Buffer.concat(chunks);
  if (options.patch) {
    const [from, to] = options.patch;
    bytes = Buffer.from(bytes.toString('latin1').replaceAll(from, to), 'latin1');
  }
  const path = join(await tempDir(), 'export.zip');
  await new Promise<void>((resolve, reject) => {
    const out = createWriteStream(path);
    out.on('error', reject);
    out.end(bytes, resolve);
  });
  return path;
}

async function contents(source: ExportSource): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const entry of source.entries) result[entry.path] = await readText(await entry.open());
  return result;
}

async function unreadable(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isRapportError(error) && error.code).toBe('import.unreadable');
  return (error as Error).message;
}

describe('openExport', () => {
  it('lists a zip lazily and reads each entry on demand, skipping folders and junk', async () => {
    const path = await writeZip(
      { 'Connections.csv': 'a,b\n1,2\n', 'Jobs/Saved Jobs.csv': 'x\n', '__MACOSX/._Connections.csv': 'junk' },
      { dirs: ['Jobs', 'Empty'] },
    );
    const source = await openExport(path);
    expect(source.label).toBe('export.zip');
    expect(source.entries.map((e) => [e.path, e.size])).toEqual([
      ['Connections.csv', 8],
      ['Jobs/Saved Jobs.csv', 2],
    ]);
    expect(await contents(source)).toEqual({ 'Connections.csv': 'a,b\n1,2\n', 'Jobs/Saved Jobs.csv': 'x\n' });
    await source.close();
  });

  it('keeps dangerous entry names as plain labels instead of failing the zip', async () => {
    const path = await writeZip(
      { 'xx/evil.csv': 'a\n', 'yyyyetc/passwd': 'b\n' },
      { patch: ['xx/evil.csv', '../evil.csv'] },
    );
    const patched = await writeZip(
      { 'yyyyetc/passwd': 'b\n' },
      { patch: ['yyyyetc/passwd', '////etc/passwd'] },
    );
    const source = await openExport(path);
    expect(await contents(source)).toEqual({ '../evil.csv': 'a\n', 'yyyyetc/passwd': 'b\n' });
    const other = await openExport(patched);
    expect(other.entries.map((e) => e.path)).toEqual(['etc/passwd']);
    await Promise.all([source.close(), other.close()]);
  });

  it('reads an unzipped folder recursively, with forward-slash relative paths', async () => {
    const root = await writeTempFolder({
      'messages.csv': 'm\n',
      'Jobs/Saved Jobs.csv': 's\n',
      '.DS_Store': 'x',
    });
    const source = await openExport(root);
    expect(await contents(source)).toEqual({ 'Jobs/Saved Jobs.csv': 's\n', 'messages.csv': 'm\n' });
  });

  it('reads a single file as a source of one entry', async () => {
    const root = await writeTempFolder({ 'Connections.csv': 'c\n' });
    const source = await openExport(join(root, 'Connections.csv'));
    expect(await contents(source)).toEqual({ 'Connections.csv': 'c\n' });
  });

  it('explains a missing path, a damaged zip and a zip without the .zip name', async () => {
    expect(await unreadable(openExport('/nowhere/export.zip'))).toMatch(
      /\/nowhere\/export\.zip.*no such file.*Point Rapport at/,
    );
    const dir = await tempDir();
    await writeFile(join(dir, 'broken.zip'), 'this is not a zip at all');
    expect(await unreadable(openExport(join(dir, 'broken.zip')))).toMatch(
      /broken\.zip as a zip.*download the export again/,
    );
    await writeFile(join(dir, 'download'), Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(40)]));
    await unreadable(openExport(join(dir, 'download')));
  });
});

describe('openExports and findEntry', () => {
  it('combines an export split over several zips, keeping repeated paths apart', async () => {
    const first = await writeZip({ 'Connections.csv': '1', 'messages.csv': 'a' });
    const second = await writeZip({ 'Invitations.csv': '2', 'messages.csv': 'b' });
    const source = await openExports([first, second]);
    expect(source.label).toBe('export.zip, export.zip');
    expect(source.entries.map((e) => [e.path, e.container])).toEqual([
      ['Connections.csv', 'export.zip'],
      ['export.zip#1/messages.csv', 'export.zip'],
      ['Invitations.csv', 'export.zip'],
      ['export.zip#2/messages.csv', 'export.zip'],
    ]);
    expect(await readText(await (source.entries[3]?.open() ?? Promise.reject()))).toBe('b');
    await source.close();
  });

  it('closes what it opened when one part cannot be opened', async () => {
    await unreadable(openExports([await writeZip({ 'a.csv': '1' }), '/nowhere/part2.zip']));
  });

  it('finds entries by base name or relative path, ignoring case', async () => {
    const source = await openExport(
      await writeTempFolder({ 'Export/Connections.csv': 'c', 'Jobs/Saved Jobs.csv': 's' }),
    );
    expect(findEntry(source, 'connections.CSV')?.path).toBe('Export/Connections.csv');
    expect(findEntry(source, 'jobs/saved jobs.csv')?.path).toBe('Jobs/Saved Jobs.csv');
    expect(findEntry(source, 'export/connections.csv')?.path).toBe('Export/Connections.csv');
    expect(findEntry(source, 'messages.csv')).toBeUndefined();
  });
});
