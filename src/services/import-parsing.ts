import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { RapportError } from '../errors.js';
import type { ColumnMapping } from '../importers/mapped-csv/column-mapping.js';
import { IMPORTERS } from '../importers/registry.js';
import type { ExportSource, Importer, ImportRecord, ParseOptions } from '../importers/types.js';
import { avoidStickyPretenuring } from './heap-tuning.js';
import {
  fromWire,
  type ParseJob,
  TAKEN,
  type WorkerImporter,
  type WorkerMessage,
} from './import-worker-protocol.js';
import { unpackRecords } from './record-packing.js';

/**
 * Batches the worker may have posted before the import takes them. With ~1,000 records each
 * this is a few MB at most, and enough slack that neither side waits on the other's jitter.
 */
const MAX_IN_FLIGHT = 4;
/**
 * Records per posted batch: enough that messaging costs little, few enough that the import
 * holds each batch only briefly (long-held objects fill the main thread's old generation).
 */
const BATCH_RECORDS = 250;
/**
 * The worker's young generation (V8 makes it three semi-spaces): parsing makes a few short-lived
 * strings and objects per field, and with 32 MB semi-spaces instead of the default 16 MB far fewer
 * of them live long enough to be copied, which took a quarter of the parser's time on the large
 * mbox. Costs up to ~30 MB more of resident memory while an import runs.
 */
const YOUNG_GENERATION_MB = 96;

/**
 * The worker entry next to this module: `import-worker.js` beside the tsc output,
 * `import-worker.mjs` in the bundle (rolldown.config.mjs builds it as a second entry).
 * Under vitest the sources are TypeScript and neither exists: parsing then runs in-thread.
 */
const WORKER_FILES = ['import-worker.js', 'import-worker.mjs'];

function workerFile(): URL | undefined {
  for (const name of WORKER_FILES) {
    const url = new URL(`./${name}`, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return url;
  }
  return undefined;
}

/** The importer's records in batches, which costs one async step per batch instead of per record. */
export async function* recordBatches(
  importer: Importer,
  source: ExportSource,
  options: ParseOptions,
): AsyncGenerator<readonly ImportRecord[]> {
  if (importer.parseBatches) {
    yield* importer.parseBatches(source, options);
    return;
  }
  for await (const record of importer.parse(source, options)) yield [record];
}

/** How the worker finds the same importer: by its place in the registry, or rebuilt from the mapping. */
function workerImporter(importer: Importer, mapping: ColumnMapping | undefined): WorkerImporter | undefined {
  if (mapping !== undefined) return { kind: 'mapped', mapping };
  const index = IMPORTERS.indexOf(importer);
  return index === -1 ? undefined : { kind: 'registry', index };
}

export interface ParseRequest {
  importer: Importer;
  /** The export as the import opened it (read in-thread when no worker can run). */
  source: ExportSource;
  /** The paths it was opened from, which the worker opens again. */
  paths: readonly string[];
  options: ParseOptions;
  /** The column mapping the importer was made from, for the mapped-CSV importer. */
  mapping?: ColumnMapping | undefined;
}

/** An export being parsed: its record batches (to be read once), and a way to stop early. */
export interface Parsing {
  batches: AsyncIterable<readonly ImportRecord[]>;
  /** Stops parsing (the worker ends) if the batches were not read to the end; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts parsing one source: in a worker thread when the compiled worker is there (the CLI, the
 * bundle, the benchmarks), so parsing overlaps the database writes, otherwise in this thread.
 * The worker starts at once, so it can read ahead (a few batches) while the import gets ready.
 * The records and their order are the same either way; an error thrown by the parser arrives
 * as the same RapportError (id, message, file and line details).
 */
export function startParsing(request: ParseRequest): Parsing {
  // Process-wide, before the import's first records: see heap-tuning.ts.
  avoidStickyPretenuring();
  const file = workerFile();
  const importer = workerImporter(request.importer, request.mapping);
  if (file === undefined || importer === undefined) {
    const batches = recordBatches(request.importer, request.source, request.options);
    return {
      batches,
      stop: async () => {
        await batches.return(undefined);
      },
    };
  }
  return new WorkerParsing(file, {
    importer,
    paths: request.paths,
    options: request.options,
    maxInFlight: MAX_IN_FLIGHT,
    batchRecords: BATCH_RECORDS,
  });
}

type Arrival = WorkerMessage | { type: 'crashed'; error: Error } | { type: 'exited'; code: number };

class WorkerParsing implements Parsing {
  private readonly worker: Worker;
  private readonly arrived: Arrival[] = [];
  private wake: (() => void) | undefined;
  private stopped: Promise<number> | undefined;
  readonly batches: AsyncGenerator<readonly ImportRecord[]>;

  constructor(
    file: URL,
    private readonly job: ParseJob,
  ) {
    this.worker = new Worker(file, {
      workerData: job,
      resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    const arrive = (arrival: Arrival): void => {
      this.arrived.push(arrival);
      this.wake?.();
      this.wake = undefined;
    };
    this.worker.on('message', (message: WorkerMessage) => arrive(message));
    this.worker.on('error', (error) => arrive({ type: 'crashed', error }));
    this.worker.on('exit', (code) => arrive({ type: 'exited', code }));
    this.batches = this.read();
  }

  async stop(): Promise<void> {
    this.stopped ??= this.worker.terminate();
    await this.stopped;
  }

  private async *read(): AsyncGenerator<readonly ImportRecord[]> {
    try {
      for (;;) {
        while (this.arrived.length === 0) await new Promise<void>((resolve) => (this.wake = resolve));
        const next = this.arrived.shift()!;
        switch (next.type) {
          case 'batch':
            // Taken now, not once handled: the worker parses the next batch while this one is written.
            this.worker.postMessage(TAKEN);
            yield unpackRecords(next.batch);
            break;
          case 'done':
            return;
          case 'error':
            throw fromWire(next.error);
          case 'crashed':
            throw next.error;
          case 'exited':
            throw new RapportError(
              'internal',
              `The parser stopped unexpectedly (exit code ${next.code}) while reading ${this.job.paths.join(', ')}. Nothing was stored; try the import again.`,
            );
        }
      }
    } finally {
      // Also when the import stops early (a failed write): the worker must not keep reading.
      await this.stop();
    }
  }
}
