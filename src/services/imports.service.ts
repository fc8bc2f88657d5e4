import { RapportError } from '../errors.js';
import type { Executor } from '../store/bulk-writer.js';
import { busyTimesRepository } from '../store/busy-times.repository.js';
import { evaluationsRepository } from '../store/evaluations.repository.js';
import { importsRepository } from '../store/imports.repository.js';
import { interactionsRepository } from '../store/interactions.repository.js';
import { mergesRepository } from '../store/merges.repository.js';
import { settingsRepository } from '../store/settings.repository.js';
import { undoRepository } from '../store/undo.repository.js';
import type { AppContext } from './app-context.js';
import type { FileReport, ImportTotals } from './import-report.js';
import { unmergeWithin } from './merge.service.js';
import { SAMPLE_KEY, type SampleRecord } from './sample-record.js';

export interface ImportSummary {
  id: number;
  source: string;
  label: string;
  status: string;
  startedAt: number;
  finishedAt: number | null;
  totals: ImportTotals | null;
  files: FileReport[];
  error: string | null;
}

/** The history of imports, newest first. */
export async function listImports(ctx: AppContext): Promise<ImportSummary[]> {
  const rows = await importsRepository.list(ctx.store.db);
  return rows.map((row) => ({
    id: row.id,
    source: row.source,
    label: row.label,
    status: row.status,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    totals: row.counts ? (JSON.parse(row.counts) as ImportTotals) : null,
    files: row.report ? (JSON.parse(row.report) as FileReport[]) : [],
    error: row.error,
  }));
}

export interface UndoResult {
  importId: number;
  interactionsRemoved: number;
  identitiesRemoved: number;
  peopleRemoved: number;
}

/**
 * Removes exactly what one import added: its interactions, and the identities and people that
 * no other import or hand-made record still needs. Throws import.not_found, import.already_undone.
 */
export async function undoImport(ctx: AppContext, importId: number): Promise<UndoResult> {
  const row = await importsRepository.get(ctx.store.db, importId);
  if (!row)
    throw new RapportError(
      'import.not_found',
      `There is no import #${importId}; list them with: rapport imports.`,
      { importId },
    );
  if (row.status === 'undone')
    throw new RapportError('import.already_undone', `Import #${importId} was already undone.`, { importId });
  if (row.status !== 'done') {
    throw new RapportError(
      'import.not_found',
      `Import #${importId} did not finish (${row.status}); it stored nothing to undo.`,
      { importId },
    );
  }
  return ctx.store.db.transaction().execute((trx) => undoWithin(ctx, trx, importId));
}

/** undoImport's work inside the caller's transaction, for an import known to be done. */
export async function undoWithin(ctx: AppContext, trx: Executor, importId: number): Promise<UndoResult> {
  // Merges this import's certain matches made go first, newest first, so everything they
  // moved is back where the import found it.
  // The sample's diary of hand-logged meetings leaves with the sample (services/sample-record.ts).
  const sample = await settingsRepository.get<SampleRecord>(trx, SAMPLE_KEY);
  if (sample?.importId === importId) await interactionsRepository.deleteMany(trx, sample.diary);
  for (const merge of await mergesRepository.standingByImport(trx, importId)) {
    await unmergeWithin(ctx, trx, merge.id, ctx.clock());
  }
  const interactionsRemoved = await interactionsRepository.deleteByImport(trx, importId);
  await busyTimesRepository.deleteByImport(trx, importId);
  const identitiesRemoved = await undoRepository.releaseIdentities(trx, importId);
  const peopleRemoved = await undoRepository.releasePeople(trx, importId);
  // Touches, colleagues and the owner may all have changed: look at everyone again.
  await evaluationsRepository.invalidate(trx, 'all');
  await importsRepository.setStatus(trx, importId, 'undone');
  return { importId, interactionsRemoved, identitiesRemoved, peopleRemoved };
}
