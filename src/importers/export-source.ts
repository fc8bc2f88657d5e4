import { open, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { RapportError } from '../errors.js';
import { openFolder, openSingleFile } from './folder-source.js';
import type { ExportSource, SourceEntry } from './types.js';
import { openZip } from './zip-source.js';

const WHAT_TO_POINT_AT = "Point Rapport at the export's .zip, the folder it unzips to, or one of its files.";

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'there is no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

async function startsLikeZip(path: string): Promise<boolean> {
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await file.read(head, 0, 4, 0);
    // Local file header, or the end record of an empty zip.
    return (
      bytesRead === 4 &&
      head[0] === 0x50 &&
      head[1] === 0x4b &&
      (head[2] === 3 || head[2] === 5) &&
      head[3] === head[2] + 1
    );
  } finally {
    await file.close();
  }
}

/**
 * Opens what the user pointed at: a .zip (entries listed from its directory, inflated only when
 * read), an unzipped folder (read recursively), or a single file. Throws
 * RapportError('import.unreadable') naming the path and what to do.
 */
export async function openExport(path: string): Promise<ExportSource> {
  const label = basename(resolve(path));
  try {
    const info = await stat(path);
    if (info.isDirectory()) return await openFolder(path, label);
    if (!info.isFile()) throw new Error('it is neither a file nor a folder');
    const zipName = path.toLowerCase().endsWith('.zip');
    if (zipName || (await startsLikeZip(path))) {
      try {
        return await openZip(path, label);
      } catch (error) {
        throw new RapportError(
          'import.unreadable',
          `Cannot read ${path} as a zip (${reason(error)}). It may be damaged or still downloading: download the export again, or unzip it and point Rapport at the folder.`,
          { path },
          { cause: error },
        );
      }
    }
    return openSingleFile(path, info.size, label);
  } catch (error) {
    if (error instanceof RapportError) throw error;
    throw new RapportError(
      'import.unreadable',
      `Cannot open ${path}: ${reason(error)}. ${WHAT_TO_POINT_AT}`,
      { path },
      { cause: error },
    );
  }
}

/**
 * Opens several paths as one export (LinkedIn may split an export over several zips). A file
 * path found in more than one part is prefixed with its part's name to keep paths distinct.
 */
export async function openExports(paths: readonly string[]): Promise<ExportSource> {
  if (paths.length === 1) return openExport(paths[0]!);
  const parts: ExportSource[] = [];
  try {
    for (const path of paths) parts.push(await openExport(path));
  } catch (error) {
    await Promise.allSettled(parts.map((part) => part.close()));
    throw error;
  }
  return combineSources(parts);
}

/** Several opened sources as one; closing it closes them all. */
export function combineSources(parts: readonly ExportSource[]): ExportSource {
  const counts = new Map<string, number>();
  for (const part of parts)
    for (const entry of part.entries) counts.set(entry.path, (counts.get(entry.path) ?? 0) + 1);
  // Parts named alike (two `export.zip` from different folders) are told apart by number.
  const names = parts.map((part, i) =>
    parts.filter((p) => p.label === part.label).length > 1 ? `${part.label}#${i + 1}` : part.label,
  );
  const entries: SourceEntry[] = [];
  for (const [i, part] of parts.entries()) {
    for (const entry of part.entries) {
      const path = (counts.get(entry.path) ?? 0) > 1 ? `${names[i]}/${entry.path}` : entry.path;
      entries.push({ path, size: entry.size, container: part.label, open: () => entry.open() });
    }
  }
  return {
    label: parts.map((part) => part.label).join(', '),
    entries,
    close: async () => {
      await Promise.allSettled(parts.map((part) => part.close()));
    },
  };
}

/** All entries whose base name (or, when `name` holds a `/`, relative path) matches, ignoring case. */
export function findEntries(source: ExportSource, name: string): SourceEntry[] {
  const wanted = name
    .replace(/\\/g, '/')
    .replace(/^\.?\//, '')
    .toLowerCase();
  const byPath = wanted.includes('/');
  return source.entries.filter((entry) => {
    const path = entry.path.toLowerCase();
    if (byPath) return path === wanted || path.endsWith(`/${wanted}`);
    return path.slice(path.lastIndexOf('/') + 1) === wanted;
  });
}

/** The first entry matching `name` (see findEntries), or undefined. */
export function findEntry(source: ExportSource, name: string): SourceEntry | undefined {
  return findEntries(source, name)[0];
}
