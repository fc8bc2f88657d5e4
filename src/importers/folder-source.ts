import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { isJunk } from './source-labels.js';
import type { ExportSource, SourceEntry } from './types.js';

/** Larger reads than the 64 KiB default: fewer chunks per file, same memory order. */
const READ_CHUNK = 1 << 18;

function fileEntry(absolute: string, path: string, size: number): SourceEntry {
  return { path, size, open: async () => createReadStream(absolute, { highWaterMark: READ_CHUNK }) };
}

/** Every file under `root`, paths relative with forward slashes; symlinked folders are not followed. */
async function walk(root: string, prefix: string, out: SourceEntry[]): Promise<void> {
  const items = await readdir(root, { withFileTypes: true });
  for (const item of items) {
    const absolute = join(root, item.name);
    const path = prefix === '' ? item.name : `${prefix}/${item.name}`;
    if (item.isDirectory()) {
      await walk(absolute, path, out);
    } else if (item.isFile() || item.isSymbolicLink()) {
      const info = await stat(absolute).catch(() => undefined);
      if (info?.isFile() && !isJunk(path)) out.push(fileEntry(absolute, path, info.size));
    }
  }
}

/** An unzipped export: a folder read recursively. */
export async function openFolder(root: string, label: string): Promise<ExportSource> {
  const entries: SourceEntry[] = [];
  await walk(root, '', entries);
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { label, entries, close: async () => {} };
}

/** A single export file (say Connections.csv) as a source of one entry named by its base name. */
export function openSingleFile(path: string, size: number, label: string): ExportSource {
  return { label, entries: [fileEntry(path, basename(path), size)], close: async () => {} };
}
