import { basename } from 'node:path';
import { RapportError } from '../errors.js';
import { combineSources, openExport } from '../importers/export-source.js';
import type { ColumnMapping } from '../importers/mapped-csv/column-mapping.js';
import { mappedCsvImporter } from '../importers/mapped-csv/mapped-csv.importer.js';
import { detectImporters, IMPORTERS } from '../importers/registry.js';
import type { ExportSource, Importer, ImportRecord } from '../importers/types.js';
import type { Executor } from '../store/bulk-writer.js';
import { evaluationsRepository } from '../store/evaluations.repository.js';
import { identitiesRepository } from '../store/identities.repository.js';
import { importsRepository } from '../store/imports.repository.js';
import { colleaguesAt } from '../store/people.repository.js';
import type { AppContext } from './app-context.js';
import { storeBusyTimes } from './busy-times.service.js';
import { contentHash } from './content-hash.js';
import { refreshEvaluations } from './evaluation.service.js';
import { type Parsing, startParsing } from './import-parsing.js';
import { type ImportResult, ReportBuilder } from './import-report.js';
import { ImportSession } from './import-session.js';

/** What a caller can watch while an import runs (for progress bars and logs). */
export type ImportEvent =
  | {
      type: 'file';
      file: string;
      status: 'reading' | 'skipped';
      reason?: string | undefined;
      bytes?: number | undefined;
    }
  | { type: 'progress'; file: string; bytesRead: number; bytesTotal: number }
  | { type: 'scoring'; people: number };

export interface ImportOptions {
  onEvent?: (event: ImportEvent) => void;
  /** Region for phone numbers written without a country code, e.g. 'DE'. */
  defaultRegion?: string | undefined;
  /** Read CSV / JSON-lines files with this column mapping (and nothing else). */
  mapping?: ColumnMapping | undefined;
}

/**
 * Imports what the user pointed at: any mix of zips, folders and files. Each is recognised by
 * its contents; parts of one export (LinkedIn split over several zips) are read together, and
 * an archive holding several sources (a Google Takeout) is read by each importer that knows
 * it. Every source becomes one import in one transaction: stored whole or not at all.
 * Imports are made in order and stop at the first failure, which names those already stored.
 * Throws RapportError: input.invalid, import.unreadable, import.unrecognised, import.empty.
 */
export async function importPaths(
  ctx: AppContext,
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<ImportResult[]> {
  if (paths.length === 0)
    throw new RapportError('input.invalid', 'Name at least one export file or folder to import.');
  const opened: { path: string; source: ExportSource }[] = [];
  try {
    for (const path of paths) opened.push({ path, source: await openExport(path) });
    const plan = new Map<Importer, typeof opened>();
    for (const part of opened) {
      const candidates = options.mapping ? [mappedCsvImporter(options.mapping)] : IMPORTERS;
      for (const importer of await detectImporters(part.source, candidates))
        plan.set(importer, [...(plan.get(importer) ?? []), part]);
    }
    const results: ImportResult[] = [];
    for (const [importer, parts] of plan) {
      // A view over the parts: they are closed once, below, whoever else reads them.
      const source = { ...combineSources(parts.map((p) => p.source)), close: async () => {} };
      try {
        results.push(
          await importWith(
            ctx,
            importer,
            source,
            parts.map((p) => p.path),
            options,
          ),
        );
      } catch (error) {
        if (results.length === 0 || !(error instanceof RapportError)) throw error;
        const stored = results.map((r) => `#${r.importId} (${r.source})`).join(', ');
        throw new RapportError(error.code, `${error.message} Imports already stored: ${stored}.`, {
          ...error.details,
          stored: results.map((r) => r.importId),
        });
      }
    }
    return results;
  } finally {
    await Promise.allSettled(opened.map((p) => p.source.close()));
  }
}

/** Imports paths that hold exactly one source; see importPaths. */
export async function importExport(
  ctx: AppContext,
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<ImportResult> {
  const results = await importPaths(ctx, paths, options);
  if (results.length !== 1) {
    throw new RapportError(
      'input.invalid',
      `Expected one source in ${paths.join(', ')}, found ${results.length}.`,
    );
  }
  return results[0]!;
}

/** One source, one import, one transaction. */
async function importWith(
  ctx: AppContext,
  importer: Importer,
  source: ExportSource,
  paths: readonly string[],
  options: ImportOptions,
): Promise<ImportResult> {
  const label = paths.map((p) => basename(p)).join(', ');
  const now = ctx.clock();
  // Parsing starts first: in its worker it reads ahead while the content hash is computed.
  const parsing = startParsing({
    importer,
    source,
    paths,
    options: { now, defaultRegion: options.defaultRegion },
    mapping: options.mapping,
  });
  try {
    return await importParsed(ctx, { importer, source, paths, options, label, now, parsing });
  } finally {
    await parsing.stop();
  }
}

/** One source being imported, its parsing started. */
interface ImportJob {
  importer: Importer;
  source: ExportSource;
  paths: readonly string[];
  options: ImportOptions;
  label: string;
  now: number;
  parsing: Parsing;
}

async function importParsed(ctx: AppContext, job: ImportJob): Promise<ImportResult> {
  const { importer, source, paths, options, label, now, parsing } = job;
  // The fingerprint is read beside the import, not before it: hashing a 400 MB mailbox first
  // kept the parsing worker waiting most of a second for its first batches to be taken. Only
  // the closing "imported before as #N" needs it; a file that cannot be read fails the import.
  const hashing = contentHash(paths).catch(() => null);
  const importId = await importsRepository.create(ctx.store.db, {
    source: importer.source,
    label,
    contentHash: null,
    now,
  });
  const report = new ReportBuilder();
  try {
    await ctx.store.db.transaction().execute(async (trx) => {
      const session = new ImportSession(ctx, trx, importId, importer.source, report, now);
      await session.start();
      for await (const batch of parsing.batches) {
        for (const record of batch) {
          // Awaited only when the record needs it: most of a large import's records do not.
          const waiting = dispatch(session, record, report, options);
          if (waiting !== undefined) await waiting;
        }
      }
      await session.flush();
      if (session.recordsFound === 0) throw emptyImport(source.label, report);
      await identitiesRepository.addSightings(trx, importId, [...session.sighted]);
      options.onEvent?.({ type: 'scoring', people: session.touchedPeople.size });
      await refreshEvaluations(ctx, trx, session.touchedPeople, now, session.newPeopleTouches);
      await invalidateAfterImport(trx, session);
      // Free slots avoid a calendar's busy times; they are stored (and undone) with the import.
      if (importer.source === 'calendar') await storeBusyTimes(ctx, trx, importId, source);
    });
  } catch (error) {
    await importsRepository.finish(ctx.store.db, importId, {
      status: 'failed',
      now: ctx.clock(),
      report: report.list(),
      error: (error as Error).message,
      contentHash: await hashing,
    });
    throw error;
  }
  const hash = await hashing;
  const previous = hash ? await importsRepository.findDoneByHash(ctx.store.db, hash) : undefined;
  const result: ImportResult = {
    importId,
    source: importer.source,
    label,
    files: report.list(),
    totals: report.totals(),
    previousImportId: previous?.id ?? null,
  };
  await importsRepository.finish(ctx.store.db, importId, {
    status: 'done',
    now: ctx.clock(),
    counts: result.totals,
    report: result.files,
    contentHash: hash,
  });
  return result;
}

function dispatch(
  session: ImportSession,
  record: ImportRecord,
  report: ReportBuilder,
  options: ImportOptions,
): Promise<void> | undefined {
  switch (record.type) {
    case 'owner':
      return session.owner(record);
    case 'contact':
      return session.contact(record);
    case 'interaction':
      return session.interaction(record);
    case 'rejected':
      report.reject(record.file, record.line, record.reason);
      return;
    case 'file':
      if (record.status === 'skipped') report.skip(record.file, record.reason);
      else report.file(record.file);
      options.onEvent?.({
        type: 'file',
        file: record.file,
        status: record.status,
        reason: record.reason,
        bytes: record.bytes,
      });
      return;
    case 'progress':
      options.onEvent?.(record);
      return;
  }
}

/** Others whose evaluation depends on what this import changed: new colleagues, a moved owner. */
async function invalidateAfterImport(db: Executor, session: ImportSession): Promise<void> {
  if (session.ownerMoved) {
    await evaluationsRepository.invalidate(db, 'all');
    return;
  }
  const colleagues = await colleaguesAt(db, [...session.companies]);
  await evaluationsRepository.invalidate(
    db,
    colleagues.filter((id) => !session.touchedPeople.has(id)),
  );
}

function emptyImport(label: string, report: ReportBuilder): RapportError {
  const files = report.list();
  const seen = files.length
    ? files.map((f) => `${f.file}${f.status === 'skipped' ? ' (skipped)' : ''}`).join(', ')
    : 'no files';
  return new RapportError(
    'import.empty',
    `Found no connections or messages in ${label} (files: ${seen}). Nothing was stored. Check that this is the export you meant; a LinkedIn export needs Connections.csv or messages.csv.`,
    { files },
  );
}
