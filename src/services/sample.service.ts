import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateLinkedInExport } from '../sample/linkedin-export.generator.js';
import { sampleExportFileName } from '../sample/sample-paths.js';
import { personIdByProfileUrl } from '../store/identities.repository.js';
import { importsRepository } from '../store/imports.repository.js';
import { peopleRepository } from '../store/people.repository.js';
import { settingsRepository } from '../store/settings.repository.js';
import type { AppContext } from './app-context.js';
import { importExport } from './import.service.js';
import type { ImportResult } from './import-report.js';
import { logInteraction } from './log.service.js';
import { SAMPLE_KEY, type SampleRecord } from './sample-record.js';

/** The demo book: a fictional salesperson's LinkedIn export of this size. */
export const SAMPLE_SIZE = { seed: 20261129, connections: 150, messages: 2000 } as const;

/** The id of the sample's import while the book still holds it (not undone); else null. */
export async function sampleImportId(ctx: AppContext): Promise<number | null> {
  const db = ctx.store.db;
  const record = await settingsRepository.get<SampleRecord>(db, SAMPLE_KEY);
  if (record === undefined) return null;
  const row = await importsRepository.get(db, record.importId);
  return row?.status === 'done' ? record.importId : null;
}

export interface SampleOutcome {
  /** Null when the database already held data and nothing was generated. */
  imported: ImportResult | null;
  logged: number;
}

/**
 * When the database is empty, writes a realistic sample LinkedIn export, imports it through
 * the real importer, and records the salesperson's diary of real meetings. Does nothing otherwise.
 */
export async function ensureSampleData(ctx: AppContext): Promise<SampleOutcome> {
  const db = ctx.store.db;
  if ((await peopleRepository.count(db)) > 0 || (await importsRepository.list(db)).length > 0) {
    return { imported: null, logged: 0 };
  }
  const now = ctx.clock();
  const dir = await mkdtemp(join(tmpdir(), 'rapport-sample-'));
  try {
    const zipPath = join(dir, sampleExportFileName(now));
    const sample = await generateLinkedInExport(zipPath, { ...SAMPLE_SIZE, now });
    const imported = await importExport(ctx, [zipPath]);
    const diary: number[] = [];
    for (const entry of sample.log) {
      const personId = await personIdByProfileUrl(db, entry.profileUrl);
      if (personId === undefined) continue;
      const { interactionId } = await logInteraction(ctx, {
        person: `#${personId}`,
        kind: entry.kind,
        at: entry.at,
        minutes: entry.minutes ?? undefined,
        note: entry.note,
      });
      diary.push(interactionId);
    }
    const record: SampleRecord = { importId: imported.importId, diary };
    await settingsRepository.set(db, SAMPLE_KEY, record);
    return { imported, logged: diary.length };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
