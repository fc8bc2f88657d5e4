import { hasColumns, sniffCsvRecords } from '../csv-header.js';
import { PROGRESS_BYTES, readCsvBatches } from '../csv-reader.js';
import { oneByOne } from '../one-by-one.js';
import { readHead, unreadableFile } from '../text-lines.js';
import type { ExportSource, Importer, ImportRecord, SourceEntry } from '../types.js';
import type { ColumnMapping, MappedField } from './column-mapping.js';
import { readJsonRows } from './json-lines.js';
import { DateOrderScan, type DayOrder } from './mapped-dates.js';
import { type Cells, mapRow, type RowContext } from './mapped-row.js';

const DATA_FILE = /\.(csv|tsv|jsonl|ndjson|json)$/i;

type Kind = 'csv' | 'jsonl';

/** The columns a file must have for this mapping. */
const mappedColumns = (mapping: ColumnMapping): string[] =>
  Object.values(mapping.columns).filter((c) => c !== undefined);

/** Whether an entry is a CSV or JSON-lines file holding the mapped columns (by its header or first object). */
export async function mappedKind(entry: SourceEntry, mapping: ColumnMapping): Promise<Kind | undefined> {
  if (!DATA_FILE.test(entry.path)) return undefined;
  const wanted = mappedColumns(mapping);
  const head = (await readHead(entry, 65_536)).trimStart();
  if (head.startsWith('{')) {
    const first = head.split(/\r?\n/, 1)[0]!;
    try {
      return hasColumns(Object.keys(JSON.parse(first) as object), wanted) ? 'jsonl' : undefined;
    } catch {
      return undefined;
    }
  }
  const [header] = await sniffCsvRecords(entry);
  return header !== undefined && hasColumns(header, wanted) ? 'csv' : undefined;
}

/** The day/month order of the file's dates: given by the mapping, else found by scanning until a date decides it. */
async function dayOrder(entry: SourceEntry, kind: Kind, mapping: ColumnMapping): Promise<DayOrder> {
  if (mapping.dates !== 'auto') return mapping.dates;
  const scan = new DateOrderScan();
  const column = mapping.columns.date!;
  if (kind === 'jsonl') {
    for await (const { rows } of readJsonRows(entry))
      if (rows.some((r) => 'values' in r && scan.see(r.values.get(column.toLowerCase()) ?? ''))) break;
  } else {
    for await (const _ of readCsvBatches(entry, { file: entry.path, required: [column] }, (header) => {
      const i = header.index(column);
      return { row: (fields) => void scan.see(fields[i] ?? '') };
    }))
      if (scan.order !== undefined) break;
  }
  return scan.order ?? 'dmy';
}

async function* jsonBatches(entry: SourceEntry, ctx: RowContext): AsyncGenerator<ImportRecord[]> {
  let reported = 0;
  let bytes = 0;
  const columns = ctx.mapping.columns;
  const batches = readJsonRows(entry)[Symbol.asyncIterator]();
  for (;;) {
    const next = await batches.next().catch((error: unknown) => {
      throw unreadableFile(ctx.file, error);
    });
    if (next.done) break;
    const { rows, bytesRead } = next.value;
    bytes = bytesRead;
    const out: ImportRecord[] = [];
    for (const row of rows) {
      if ('error' in row) out.push({ type: 'rejected', file: ctx.file, line: row.line, reason: row.error });
      else
        mapRow(
          (f: MappedField) => (row.values.get(columns[f]?.toLowerCase() ?? '') ?? '').trim(),
          row.line,
          ctx,
          out,
        );
    }
    if (bytes - reported >= PROGRESS_BYTES) {
      reported = bytes;
      out.push({ type: 'progress', file: ctx.file, bytesRead: bytes, bytesTotal: entry.size });
    }
    if (out.length > 0) yield out;
  }
  yield [{ type: 'progress', file: ctx.file, bytesRead: bytes, bytesTotal: entry.size }];
}

function csvBatches(entry: SourceEntry, ctx: RowContext): AsyncGenerator<ImportRecord[]> {
  const columns = ctx.mapping.columns;
  return readCsvBatches(entry, { file: ctx.file, required: mappedColumns(ctx.mapping) }, (header) => {
    const index = new Map<MappedField, number>();
    for (const [field, column] of Object.entries(columns))
      index.set(field as MappedField, header.index(column));
    return {
      row(fields, line, out) {
        const cells: Cells = (f) => {
          const i = index.get(f);
          return i === undefined || i < 0 ? '' : (fields[i] ?? '').trim();
        };
        mapRow(cells, line, ctx, out);
      },
    };
  });
}

/**
 * Any CSV or JSON-lines file read through a column mapping (see docs/importing-mapped-csv.md):
 * each row is one interaction. Files whose header (or first object) lacks a mapped column are
 * listed as skipped.
 */
async function* mappedBatches(source: ExportSource, mapping: ColumnMapping): AsyncGenerator<ImportRecord[]> {
  const found: [SourceEntry, Kind][] = [];
  const skipped: ImportRecord[] = [];
  const wanted = mappedColumns(mapping).join(', ');
  for (const entry of source.entries) {
    const kind = await mappedKind(entry, mapping).catch((error: unknown) => {
      throw unreadableFile(entry.path, error);
    });
    if (kind === undefined)
      skipped.push({
        type: 'file',
        file: entry.path,
        status: 'skipped',
        reason: `not a CSV or JSON-lines file with columns ${wanted}`,
        bytes: entry.size,
      });
    else found.push([entry, kind]);
  }
  if (skipped.length > 0) yield skipped;
  for (const [entry, kind] of found) {
    const order = await dayOrder(entry, kind, mapping).catch((error: unknown) => {
      throw unreadableFile(entry.path, error);
    });
    const ctx: RowContext = { file: entry.path, mapping, order };
    yield [{ type: 'file', file: entry.path, status: 'reading', bytes: entry.size }];
    yield* kind === 'jsonl' ? jsonBatches(entry, ctx) : csvBatches(entry, ctx);
  }
}

/** An importer for CSV and JSON-lines files read through `mapping` (Quora, Pinterest, CRM exports…). */
export function mappedCsvImporter(mapping: ColumnMapping): Importer {
  return {
    source: 'csv',
    displayName: 'CSV or JSON lines with a column mapping',
    recognisedFiles: ['*.csv', '*.jsonl', '*.ndjson'],
    /**
     * Importer.detect is synchronous, so it sees names only (.csv, .tsv, .jsonl, .ndjson,
     * .json); parse() checks each header against the mapping and skips files that lack a
     * column. sniffMapped checks contents.
     */
    detect: (source) => source.entries.some((entry) => DATA_FILE.test(entry.path)),
    parse: oneByOne((source: ExportSource) => mappedBatches(source, mapping)),
    parseBatches: (source) => mappedBatches(source, mapping),
  };
}

/** Content check: whether any file of the export has every column the mapping names. */
export async function sniffMapped(source: ExportSource, mapping: ColumnMapping): Promise<boolean> {
  for (const entry of source.entries) if ((await mappedKind(entry, mapping)) !== undefined) return true;
  return false;
}
