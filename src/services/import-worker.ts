/**
 * Worker thread entry: parses one export and posts its records to the import in batches.
 * Started by import-parsing.ts; runs only inside a worker. Parsing here runs beside the
 * import's database writes on the main thread instead of taking turns with them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { combineSources, openExport } from '../importers/export-source.js';
import { mappedCsvImporter } from '../importers/mapped-csv/mapped-csv.importer.js';
import { IMPORTERS } from '../importers/registry.js';
import type { ExportSource, Importer, ImportRecord } from '../importers/types.js';
import { recordBatches } from './import-parsing.js';
import { type ParseJob, TAKEN, toWire, type WorkerMessage } from './import-worker-protocol.js';
import { packRecords } from './record-packing.js';

const port = parentPort;
if (port === null) throw new Error('import-worker.js runs only as a worker thread');
const job = workerData as ParseJob;

let inFlight = 0;
let room: (() => void) | undefined;
port.on('message', (message) => {
  if (message !== TAKEN) return;
  inFlight--;
  room?.();
  room = undefined;
});

function post(message: WorkerMessage): void {
  port!.postMessage(message);
}

/** Posts a batch, then waits while the import has as many untaken batches as it allows. */
async function send(records: ImportRecord[]): Promise<void> {
  inFlight++;
  const batch = packRecords(records);
  port!.postMessage({ type: 'batch', batch } satisfies WorkerMessage, [batch.numbers.buffer]);
  while (inFlight >= job.maxInFlight) await new Promise<void>((resolve) => (room = resolve));
}

function importerOf(job: ParseJob): Importer {
  if (job.importer.kind === 'mapped') return mappedCsvImporter(job.importer.mapping);
  const importer = IMPORTERS[job.importer.index];
  if (importer === undefined) throw new Error(`no importer at position ${job.importer.index}`);
  return importer;
}

async function run(): Promise<void> {
  const importer = importerOf(job);
  const opened: ExportSource[] = [];
  try {
    for (const path of job.paths) opened.push(await openExport(path));
    const source = combineSources(opened);
    let pending: ImportRecord[] = [];
    for await (const batch of recordBatches(importer, source, job.options)) {
      for (const record of batch) pending.push(record);
      if (pending.length >= job.batchRecords) {
        const full = pending;
        pending = [];
        await send(full);
      }
    }
    if (pending.length > 0) await send(pending);
  } finally {
    await Promise.allSettled(opened.map((source) => source.close()));
  }
}

run().then(
  () => post({ type: 'done' }),
  (error: unknown) => post({ type: 'error', error: toWire(error) }),
);
