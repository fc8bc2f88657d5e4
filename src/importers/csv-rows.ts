import type { CsvSink, CsvTokenizer } from './csv-tokenizer.js';
import type { ImportRecord } from './types.js';

/*
 * The row side of CSV reading: header lookup by name, delimiter guess, row checks.
 */

/** The header of a CSV file: column positions by (case-insensitive, trimmed) name. */
export interface CsvHeader {
  readonly names: readonly string[];
  /** 1-based line of the header. */
  readonly line: number;
  /** Position of a column, or -1 when the file has no such column. */
  index(name: string): number;
}

/** Turns one row into records (pushed to `out`). `fields` is reused after the call: copy what you keep. */
export type RowMapper = (fields: readonly string[], line: number, out: ImportRecord[]) => void;

/** What a parser supplies once the header is known: a row mapper and an optional end-of-file step. */
export interface RowHandler {
  row: RowMapper;
  /** Called after the last row (only when the header was found). */
  end?(out: ImportRecord[]): void;
}

export interface CsvReadOptions {
  /** The file name put on records. */
  file: string;
  /** Columns the header must have; the first record that has them all is the header. */
  required: readonly string[];
  /** Records allowed before the header (LinkedIn's `Notes:` preamble). */
  maxPreambleRecords?: number;
}

const normalise = (name: string): string =>
  name
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();

function makeHeader(fields: readonly string[], line: number): CsvHeader {
  const names = fields.map(normalise);
  const positions = new Map<string, number>();
  names.forEach((name, i) => {
    if (!positions.has(name)) positions.set(name, i);
  });
  return { names, line, index: (name) => positions.get(normalise(name)) ?? -1 };
}

/** Characters read before the delimiter is guessed. */
export const HEAD_CHARS = 4096;

/**
 * Guesses the delimiter from the start of the text: tabs (2018 UTF-16 files) or commas,
 * whichever appears more often outside quotes.
 */
export function guessDelimiter(head: string): ',' | '\t' {
  let tabs = 0;
  let commas = 0;
  let quoted = false;
  const end = Math.min(head.length, HEAD_CHARS);
  for (let i = 0; i < end; i++) {
    const c = head.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (quoted) continue;
    else if (c === 9) tabs++;
    else if (c === 44) commas++;
  }
  return tabs > commas ? '\t' : ',';
}

/** Receives records from the tokenizer: finds the header, checks widths, maps rows. */
export class RowSink implements CsvSink {
  header: CsvHeader | undefined;
  handler: RowHandler | undefined;
  out: ImportRecord[] = [];
  rows = 0;
  /** The header was never found: the file has been reported and reading stopped. */
  failed = false;
  private width = 0;
  private preamble = 0;
  private best: { fields: string[]; line: number; found: number } | undefined;

  constructor(
    private readonly options: CsvReadOptions,
    private readonly handlerFor: (header: CsvHeader) => RowHandler,
    private readonly tokenizer: CsvTokenizer,
  ) {}

  record(fields: string[], line: number): void {
    if (this.handler === undefined) {
      this.findHeader(fields, line);
      return;
    }
    if (fields.length !== this.width) {
      if (fields.length === 1 && fields[0]!.trim() === '') return;
      if (!(fields.length > this.width && fields.slice(this.width).every((f) => f === ''))) {
        this.reject(line, `row has ${fields.length} fields but the header has ${this.width} (check quoting)`);
        return;
      }
    }
    this.rows++;
    try {
      this.handler.row(fields, line, this.out);
    } catch (error) {
      this.reject(line, `row could not be read: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  malformed(line: number, reason: string): void {
    this.reject(line, reason);
  }

  reject(line: number | undefined, reason: string): void {
    this.out.push({ type: 'rejected', file: this.options.file, line, reason });
  }

  private findHeader(fields: string[], line: number): void {
    const names = new Set(fields.map(normalise));
    const found = this.options.required.filter((name) => names.has(name.toLowerCase())).length;
    if (found === this.options.required.length) {
      this.header = makeHeader(fields, line);
      this.width = fields.length;
      this.handler = this.handlerFor(this.header);
      return;
    }
    if (this.best === undefined || found > this.best.found) this.best = { fields: [...fields], line, found };
    if (++this.preamble > (this.options.maxPreambleRecords ?? 10)) {
      this.tokenizer.stop();
      this.noHeader();
    }
  }

  /** Reports a file whose header was never found. */
  noHeader(): void {
    this.failed = true;
    const best = this.best;
    if (best === undefined) {
      this.reject(undefined, `file is empty: expected a header with ${this.options.required.join(', ')}`);
      return;
    }
    const have = new Set(best.fields.map(normalise));
    const missing = this.options.required.filter((name) => !have.has(name.toLowerCase()));
    const seen = best.fields.slice(0, 12).map((f) => JSON.stringify(f.slice(0, 40)));
    this.reject(
      best.line,
      `header is missing required columns ${missing.join(', ')} (found ${seen.join(', ')})`,
    );
  }
}
