import { Readable } from 'node:stream';

const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE = /"/g;

/** RFC 4180: quotes a field when it holds a comma, a quote, CR or LF; doubles inner quotes. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(QUOTE, '""')}"` : value;
}

/** One CSV record with its LF terminator (LinkedIn's CSVs end lines with LF). */
export function csvRow(fields: readonly string[]): string {
  let out = '';
  for (let i = 0; i < fields.length; i++) {
    if (i > 0) out += ',';
    out += csvField(fields[i] as string);
  }
  return `${out}\n`;
}

/** Joins whole rows into chunks of about this many characters before handing them to the zip. */
const CHUNK_CHARS = 64 * 1024;

/**
 * A Readable that pulls text from `pieces` only when the consumer asks for more, so a file of
 * any size is generated in bounded memory (push() returning false pauses generation).
 */
export function textReadable(pieces: Iterable<string>): Readable {
  const it = pieces[Symbol.iterator]();
  return new Readable({
    read() {
      for (;;) {
        let chunk = '';
        let done = false;
        while (chunk.length < CHUNK_CHARS) {
          const r = it.next();
          if (r.done) {
            done = true;
            break;
          }
          chunk += r.value;
        }
        const wantsMore = chunk.length === 0 || this.push(Buffer.from(chunk, 'utf8'));
        if (done) {
          this.push(null);
          return;
        }
        if (!wantsMore) return;
      }
    },
  });
}
