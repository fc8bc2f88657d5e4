import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';

/** A file for the zip: small ones as text, large ones as a pull-based stream. */
export type ZipContent = string | Readable;

/** yazl writes DOS times in local time; a Date built from the UTC fields keeps the bytes independent of TZ. */
function dosTime(now: number): Date {
  const d = new Date(now);
  const [y, mo, day] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
  return new Date(y, mo, day, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds());
}

/**
 * Writes `files` to a zip at `outPath`, in byte order of their names as a real export lists them,
 * every entry stamped `now` (UTC) and without extra timestamp fields, so equal input gives equal
 * bytes. Streams are read only when their turn comes, and only as fast as the zip is written.
 */
export async function writeZip(
  outPath: string,
  files: Record<string, ZipContent>,
  now: number,
): Promise<void> {
  const options = { mtime: dosTime(now), forceDosTimestamp: true };
  const zip = new ZipFile();
  const streams: Readable[] = [];
  for (const name of Object.keys(files).sort()) {
    const content = files[name] as ZipContent;
    if (content instanceof Readable) {
      streams.push(content);
      zip.addReadStream(content, name, options);
    } else {
      zip.addBuffer(Buffer.from(content, 'utf8'), name, options);
    }
  }
  zip.end();

  // yazl does not forward errors of its input streams, so watch them beside the output pipeline.
  const failed = new Promise<never>((_, reject) => {
    zip.on('error', reject);
    for (const s of streams) s.on('error', reject);
  });
  failed.catch(() => undefined);
  const done = pipeline(zip.outputStream, createWriteStream(outPath));
  try {
    await Promise.race([done, failed]);
  } catch (error) {
    (zip.outputStream as Readable).destroy();
    for (const s of streams) s.destroy();
    await done.catch(() => undefined);
    throw error;
  }
}
