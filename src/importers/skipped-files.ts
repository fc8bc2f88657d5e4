import type { FileRecord, SourceEntry } from './types.js';

const MEDIA = /\.(jpe?g|png|gif|webp|heic|bmp|mp4|mov|m4a|m4v|webm|aac|opus|ogg|mp3|wav|pdf)$/i;

/**
 * Skipped-file records for the entries an importer does not read. Media files (thousands in a
 * Twitter, Facebook or Instagram export, a folder per conversation) are reported once per
 * folder of the first two levels (`data/tweets_media/`, `messages/inbox/`) with their count; every
 * other file on its own, so the report says what was left out without listing every photo.
 */
export function skippedFiles(entries: readonly SourceEntry[], reason = 'not used by Rapport'): FileRecord[] {
  const records: FileRecord[] = [];
  const folders = new Map<string, { count: number; bytes: number }>();
  for (const entry of entries) {
    if (!MEDIA.test(entry.path)) {
      records.push({ type: 'file', file: entry.path, status: 'skipped', reason, bytes: entry.size });
      continue;
    }
    const parts = entry.path.split('/');
    const folder = parts.length === 1 ? './' : `${parts.slice(0, Math.min(2, parts.length - 1)).join('/')}/`;
    const seen = folders.get(folder) ?? { count: 0, bytes: 0 };
    seen.count++;
    seen.bytes += entry.size;
    folders.set(folder, seen);
  }
  for (const [folder, { count, bytes }] of folders) {
    records.push({
      type: 'file',
      file: folder,
      status: 'skipped',
      reason: `${count} photo, video or audio file${count === 1 ? '' : 's'}, not used by Rapport`,
      bytes,
    });
  }
  return records;
}
