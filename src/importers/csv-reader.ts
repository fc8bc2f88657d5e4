import { RapportError } from '../errors.js';
import {
  type CsvHeader,
  type CsvReadOptions,
  guessDelimiter,
  HEAD_CHARS,
  type RowHandler,
  RowSink,
} from './csv-rows.js';
import { CsvTokenizer } from './csv-tokenizer.js';
import { type DecodedText, openText } from './text-decode.js';
import type { ImportRecord, SourceEntry } from './types.js';

export type { CsvHeader, CsvReadOptions, RowHandler, RowMapper } from './csv-rows.js';
export { guessDelimiter } from './csv-rows.js';

/** Bytes between progress records. */
export const PROGRESS_BYTES = 1 << 16;

/**
 * Streams the rows of a CSV entry through `handlerFor(header)`, yielding the records it makes
 * in batches (one per chunk read, so callers pay per chunk, not per record), with rejections
 * for unreadable rows (file and line) and a progress record every ~64 KiB.
 * Bad data never throws; an unreadable entry throws RapportError('import.unreadable').
 */
export async function* readCsvBatches(
  entry: SourceEntry,
  options: CsvReadOptions,
  handlerFor: (header: CsvHeader) => RowHandler,
): AsyncGenerator<ImportRecord[]> {
  let tokenizer: CsvTokenizer | undefined;
  let sink: RowSink | undefined;
  let text: DecodedText | undefined;
  let reported = 0;
  const progress = (): ImportRecord => {
    reported = text?.bytesRead ?? 0;
    return { type: 'progress', file: options.file, bytesRead: reported, bytesTotal: entry.size };
  };
  let head = '';
  try {
    text = await openText(entry);
    for await (const chunk of text) {
      if (tokenizer === undefined || sink === undefined) {
        head += chunk;
        if (head.length < HEAD_CHARS) continue;
        tokenizer = new CsvTokenizer({ delimiter: guessDelimiter(head) });
        sink = new RowSink(options, handlerFor, tokenizer);
        tokenizer.write(head, sink);
        head = '';
      } else {
        tokenizer.write(chunk, sink);
      }
      if (text.bytesRead - reported >= PROGRESS_BYTES) sink.out.push(progress());
      if (sink.out.length > 0) {
        const out = sink.out;
        sink.out = [];
        yield out;
      }
    }
  } catch (error) {
    throw unreadable(options.file, error);
  }
  if (tokenizer === undefined || sink === undefined) {
    // A file shorter than HEAD_CHARS.
    tokenizer = new CsvTokenizer({ delimiter: guessDelimiter(head) });
    sink = new RowSink(options, handlerFor, tokenizer);
    tokenizer.write(head, sink);
  }
  tokenizer.end(sink);
  if (sink.handler === undefined) {
    if (!sink.failed) sink.noHeader();
  } else {
    try {
      sink.handler.end?.(sink.out);
    } catch (error) {
      sink.reject(
        undefined,
        `file could not be finished: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  sink.out.push(progress());
  yield sink.out;
}

/** readCsvBatches, one record at a time. */
export async function* readCsv(
  entry: SourceEntry,
  options: CsvReadOptions,
  handlerFor: (header: CsvHeader) => RowHandler,
): AsyncGenerator<ImportRecord> {
  for await (const batch of readCsvBatches(entry, options, handlerFor))
    for (const record of batch) yield record;
}

function unreadable(file: string, error: unknown): RapportError {
  if (error instanceof RapportError) return error;
  return new RapportError(
    'import.unreadable',
    `Could not read ${file}: ${error instanceof Error ? error.message : String(error)}. ` +
      'The export may be damaged or incomplete; download it again and retry.',
    { file },
    { cause: error },
  );
}
