import { StringDecoder } from 'node:string_decoder';
import { TextDecoder } from 'node:util';
import type { SourceEntry } from './types.js';

/** The text encodings found in exports. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface Sniffed {
  encoding: TextEncoding;
  /** Bytes of byte-order mark to drop before decoding. */
  bomLength: number;
}

/**
 * Tells the encoding of a file from its first bytes: a UTF-8 or UTF-16 byte-order mark, or
 * (without one) the zero bytes that ASCII text in UTF-16 leaves. Everything else is UTF-8.
 */
export function sniffEncoding(head: Uint8Array): Sniffed {
  const [b0, b1, b2, b3] = head;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  if (head.length >= 4) {
    if (b0 !== 0 && b1 === 0 && b2 !== 0 && b3 === 0) return { encoding: 'utf-16le', bomLength: 0 };
    if (b0 === 0 && b1 !== 0 && b2 === 0 && b3 !== 0) return { encoding: 'utf-16be', bomLength: 0 };
  }
  return { encoding: 'utf-8', bomLength: 0 };
}

/** Bytes needed to sniff; shorter files are sniffed from what there is. */
const SNIFF_BYTES = 4;

interface ChunkDecoder {
  write(chunk: Uint8Array): string;
  end(): string;
}

/** StringDecoder is ~40% faster than TextDecoder for UTF-8; it has no UTF-16BE. */
function decoderFor(encoding: TextEncoding): ChunkDecoder {
  if (encoding === 'utf-16be') {
    const decoder = new TextDecoder('utf-16be', { fatal: false, ignoreBOM: true });
    return { write: (chunk) => decoder.decode(chunk, { stream: true }), end: () => decoder.decode() };
  }
  const decoder = new StringDecoder(encoding === 'utf-8' ? 'utf8' : 'utf16le');
  return { write: (chunk) => decoder.write(chunk as Buffer), end: () => decoder.end() };
}

/**
 * A byte stream seen as text: the encoding is sniffed from the first bytes, the byte-order
 * mark dropped, and invalid sequences become U+FFFD (never an exception). Chunk boundaries
 * may fall inside a character; the decoder carries the partial bytes over.
 */
export class DecodedText implements AsyncIterable<string> {
  /** Known once the first chunk has been read. */
  encoding: TextEncoding | undefined;
  /** Raw bytes consumed so far (BOM included), for progress. */
  bytesRead = 0;

  constructor(private readonly source: AsyncIterable<Uint8Array | string>) {}

  async *[Symbol.asyncIterator](): AsyncGenerator<string> {
    let decoder: ChunkDecoder | undefined;
    let pending: Uint8Array | undefined;
    for await (const raw of this.source) {
      const chunk = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
      this.bytesRead += chunk.length;
      if (decoder === undefined) {
        const head = pending === undefined ? chunk : Buffer.concat([pending, chunk]);
        if (head.length < SNIFF_BYTES) {
          pending = head;
          continue;
        }
        pending = undefined;
        const { text, decoder: made } = this.start(head);
        decoder = made;
        if (text.length > 0) yield text;
        continue;
      }
      const text = decoder.write(chunk);
      if (text.length > 0) yield text;
    }
    if (decoder === undefined) {
      // The whole file was shorter than SNIFF_BYTES (or empty).
      const { text } = this.start(pending ?? new Uint8Array(0), true);
      if (text.length > 0) yield text;
      return;
    }
    const tail = decoder.end();
    if (tail.length > 0) yield tail;
  }

  private start(head: Uint8Array, final = false): { text: string; decoder: ChunkDecoder } {
    const sniffed = sniffEncoding(head);
    this.encoding = sniffed.encoding;
    const decoder = decoderFor(sniffed.encoding);
    const body = Buffer.from(
      head.buffer,
      head.byteOffset + sniffed.bomLength,
      head.length - sniffed.bomLength,
    );
    const text = final ? decoder.write(body) + decoder.end() : decoder.write(body);
    return { text, decoder };
  }
}

/** Opens an entry as decoded text chunks. */
export async function openText(entry: SourceEntry): Promise<DecodedText> {
  const stream = await entry.open();
  return new DecodedText(stream as AsyncIterable<Uint8Array | string>);
}

/** Reads a whole (small) entry as text. Only for files known to be small, like Profile.csv. */
export async function readAllText(entry: SourceEntry): Promise<string> {
  let text = '';
  for await (const chunk of await openText(entry)) text += chunk;
  return text;
}
