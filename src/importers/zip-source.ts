import { PassThrough, pipeline, type Readable, Transform, type TransformCallback } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import yauzl from 'yauzl';
import { entryLabel, isJunk } from './source-labels.js';
import type { ExportSource, SourceEntry } from './types.js';

/**
 * Output chunk of our inflater: yauzl's own inflates in 16 KiB steps, each a round trip to
 * the thread pool and a callback on the main thread; 64 KiB steps measured fastest.
 */
const INFLATE_CHUNK = 1 << 16;

type LowLevelName = (flags: number, name: Buffer, extra: unknown[], strict: boolean) => string;
/** yauzl 3 exports this; @types/yauzl (2.x) does not know it. */
const getFileNameLowLevel = (yauzl as unknown as { getFileNameLowLevel?: LowLevelName }).getFileNameLowLevel;

/**
 * The entry's name as text. Names are decoded by hand (decodeStrings: false) because yauzl
 * rejects the whole zip on a name like `../x` or `/etc/x`; Rapport only uses names as labels.
 */
function entryName(entry: yauzl.Entry): string {
  const raw = entry.fileName as unknown as Buffer;
  if (getFileNameLowLevel) {
    return getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, false);
  }
  return raw.toString((entry.generalPurposeBitFlag & 0x800) !== 0 ? 'utf8' : 'latin1');
}

function openZipFile(path: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      path,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true },
      (error, zip) => (error || !zip ? reject(error ?? new Error('no zip file')) : resolve(zip)),
    );
  });
}

/** Fails the stream when it does not hold exactly the size the zip's directory states. */
function expectBytes(size: number): Transform {
  let seen = 0;
  return new Transform({
    highWaterMark: INFLATE_CHUNK,
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      seen += chunk.length;
      if (seen > size) done(new Error(`entry is larger than the ${size} bytes the zip states`));
      else done(null, chunk);
    },
    flush(done: TransformCallback) {
      done(seen === size ? null : new Error(`entry is ${seen} bytes, the zip states ${size}`));
    },
  });
}

/** Opens an entry's data: stored entries as they are, deflated ones through our inflater. */
function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<NodeJS.ReadableStream> {
  return new Promise((resolve, reject) => {
    if (entry.isEncrypted()) return reject(new Error('entry is encrypted'));
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      return reject(new Error(`unsupported compression method ${entry.compressionMethod}`));
    }
    const raw = { decodeFileData: false } as unknown as yauzl.ZipFileOptions;
    zip.openReadStream(entry, raw, (error: Error | null, stream: Readable) => {
      if (error || !stream) return reject(error ?? new Error('no stream'));
      const out = new PassThrough({ highWaterMark: INFLATE_CHUNK });
      const check = expectBytes(entry.uncompressedSize);
      // pipeline forwards any error (bad data, wrong size) to `out`, where the reader sees it.
      if (entry.compressionMethod === 8) {
        pipeline(stream, createInflateRaw({ chunkSize: INFLATE_CHUNK }), check, out, () => {});
      } else {
        pipeline(stream, check, out, () => {});
      }
      resolve(out);
    });
  });
}

/** Lists a zip's files from its central directory; each is inflated only when opened. */
export async function openZip(path: string, label: string): Promise<ExportSource> {
  const zip = await openZipFile(path);
  // Keep an error listener for the zip's whole life: an 'error' without one would crash the process.
  zip.on('error', () => {});
  const entries: SourceEntry[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = entryLabel(entryName(entry));
        if (!name.endsWith('/') && name !== '' && !isJunk(name)) {
          entries.push({ path: name, size: entry.uncompressedSize, open: () => openEntry(zip, entry) });
        }
        zip.readEntry();
      });
      zip.once('end', () => resolve());
      zip.once('error', reject);
      zip.readEntry();
    });
  } catch (error) {
    zip.close();
    throw error;
  }
  return {
    label,
    entries,
    close: async () => {
      if (zip.isOpen) zip.close();
    },
  };
}
