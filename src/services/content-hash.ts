import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';

/**
 * A SHA-256 over the given files' bytes, or null when any path is a folder (a folder's
 * contents are not one thing to fingerprint). Used to tell a user "imported before as #N".
 */
export async function contentHash(paths: readonly string[]): Promise<string | null> {
  const hash = createHash('sha256');
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) return null;
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    hash.update('\u0000');
  }
  return hash.digest('hex');
}
