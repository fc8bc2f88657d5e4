import { guessDelimiter } from './csv-reader.js';
import { CsvTokenizer } from './csv-tokenizer.js';
import { readHead } from './text-lines.js';
import type { SourceEntry } from './types.js';

/** Characters read to find a header (LinkedIn-style preambles and wide Outlook headers fit). */
const HEAD_CHARS = 16_384;

/**
 * The first records of a CSV entry (decoded as csv-reader decodes it: byte-order mark sniffed,
 * comma or tab), for telling which kind of CSV a file is before reading it. Cells are trimmed,
 * a leading byte-order mark dropped. At most `records` records; fewer for a short file.
 */
export async function sniffCsvRecords(entry: SourceEntry, records = 1): Promise<string[][]> {
  const head = await readHead(entry, HEAD_CHARS);
  const found: string[][] = [];
  const tokenizer = new CsvTokenizer({ delimiter: guessDelimiter(head) });
  const sink = {
    record(fields: string[]) {
      if (found.length < records) found.push(fields.map((f) => f.replace(/^\uFEFF/, '').trim()));
      if (found.length >= records) tokenizer.stop();
    },
    malformed() {},
  };
  tokenizer.write(head, sink);
  if (found.length < records && head.length < HEAD_CHARS) tokenizer.end(sink);
  return found;
}

/** Whether `names` (a header, any case) holds every one of `wanted` (any case, trimmed). */
export function hasColumns(names: readonly string[], wanted: readonly string[]): boolean {
  const have = new Set(names.map((n) => n.trim().toLowerCase()));
  return wanted.every((w) => have.has(w.trim().toLowerCase()));
}
