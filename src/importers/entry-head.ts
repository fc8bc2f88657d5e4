import { RapportError } from '../errors.js';
import { skippedFiles } from './skipped-files.js';
import type { ExportSource, Importer, ImportRecord, SourceEntry } from './types.js';

/**
 * Recognising files by what they hold. `Importer.detect` is synchronous and sees only names and
 * sizes; reading a file's first bytes is asynchronous, so importers that recognise files by
 * their contents also offer `sniff`, and re-check each file's head in `parse` before reading it.
 */
export interface SniffingImporter extends Importer {
  /** True when some entry's first bytes look like this source (reads a few KiB per entry). */
  sniff(source: ExportSource): Promise<boolean>;
}

/** Bytes read to recognise a file. */
export const HEAD_BYTES = 4096;

/** Entries sniffed at most, so a huge folder of unrelated files costs little. */
export const SNIFF_ENTRIES = 200;

/** Names that hold media or archives, never text exports: skipped without reading. */
const BINARY =
  /\.(jpe?g|png|gif|webp|heic|bmp|tiff?|mp[34]|m4a|opus|ogg|oga|wav|aac|amr|3gp|mov|avi|mkv|webm|pdf|zip|gz|7z|rar|docx?|xlsx?|pptx?|vcf|ics)$/i;

/** True for entries whose name says they are media or archives. */
export function isBinaryName(path: string): boolean {
  return BINARY.test(path);
}

/** The first `max` bytes of an entry (fewer when it is shorter); the stream is closed after. */
export async function readHead(entry: SourceEntry, max = HEAD_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    const stream = (await entry.open()) as AsyncIterable<Uint8Array | string>;
    for await (const chunk of stream) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
      chunks.push(bytes);
      size += bytes.length;
      if (size >= max) break; // leaving the loop destroys the stream
    }
  } catch (error) {
    throw unreadableEntry(entry.path, error);
  }
  return Buffer.concat(chunks).subarray(0, max);
}

/** True when some entry (not media, not empty, among the first SNIFF_ENTRIES) passes `test`. */
export async function someEntryLooksLike(
  source: ExportSource,
  test: (head: Buffer, entry: SourceEntry) => boolean,
): Promise<boolean> {
  let tried = 0;
  for (const entry of source.entries) {
    if (entry.size === 0 || isBinaryName(entry.path)) continue;
    if (++tried > SNIFF_ENTRIES) return false;
    try {
      if (test(await readHead(entry), entry)) return true;
    } catch {
      // An unreadable entry is not evidence either way.
    }
  }
  return false;
}

/** RapportError('import.unreadable') for a file that could not be read (damaged zip entry, I/O). */
export function unreadableEntry(file: string, error: unknown): RapportError {
  if (error instanceof RapportError) return error;
  return new RapportError(
    'import.unreadable',
    `Could not read ${file}: ${error instanceof Error ? error.message : String(error)}. ` +
      'The export may be damaged or incomplete; download it again and retry.',
    { file },
    { cause: error },
  );
}

/**
 * The batches of a source whose files are recognised by their first bytes: each entry passing
 * `looksRight` is announced and read with `read`; every other entry is listed as skipped with
 * `skipReason`.
 */
export async function* sniffedEntryBatches(
  source: ExportSource,
  looksRight: (head: Buffer) => boolean,
  skipReason: string,
  read: (entry: SourceEntry) => AsyncIterable<ImportRecord[]>,
): AsyncGenerator<ImportRecord[]> {
  const files: SourceEntry[] = [];
  const other: SourceEntry[] = [];
  for (const entry of source.entries) {
    const ok = entry.size > 0 && !isBinaryName(entry.path) && looksRight(await readHead(entry));
    (ok ? files : other).push(entry);
  }
  if (other.length > 0) yield skippedFiles(other, skipReason);
  for (const entry of files) {
    yield [{ type: 'file', file: entry.path, status: 'reading', bytes: entry.size }];
    yield* read(entry);
  }
}
