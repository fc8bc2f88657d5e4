import { createHash } from 'node:crypto';
import { open, stat } from 'node:fs/promises';

/** Read size: large reads keep the system calls few; one buffer is reused for the whole file. */
const READ_BYTES = 1024 * 1024;

/**
 * A SHA-256 over the given files' bytes, or null when any path is a folder (a folder's
 * contents are not one thing to fingerprint). Used to tell a user "imported before as #N".
 */
export async function contentHash(paths: readonly string[]): Promise<string | null> {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(READ_BYTES);
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) return null;
    const file = await open(path);
    try {
      for (;;) {
        const { bytesRead } = await file.read(buffer, 0, READ_BYTES, null);
        if (bytesRead === 0) break;
        hash.update(buffer.subarray(0, bytesRead));
      }
    } finally {
      await file.close();
    }
    hash.update('\u0000');
  }
  return hash.digest('hex');
}
