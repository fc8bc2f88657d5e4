import { DAY_MS } from '../core/duration.js';
import { busyIntervals } from '../importers/icalendar/busy-intervals.js';
import type { ExportSource } from '../importers/types.js';
import type { Executor } from '../store/bulk-writer.js';
import { busyTimesRepository } from '../store/busy-times.repository.js';
import type { AppContext } from './app-context.js';
import { planningSettings } from './planning-settings.service.js';

/**
 * Busy times are kept from a day back (a meeting running now still blocks its buffer) to a
 * year ahead (recurring meetings expand into the window, never into the whole future).
 */
export const BUSY_WINDOW = { pastDays: 1, futureDays: 366 } as const;

/**
 * Stores the owner's busy times from a calendar import, read from the same files, within the
 * import's own transaction `db` — so they are stored with it or not at all — and free slots
 * avoid them. Undoing the import removes them again. Returns how many intervals were stored.
 */
export async function storeBusyTimes(
  ctx: AppContext,
  db: Executor,
  importId: number,
  source: ExportSource,
): Promise<number> {
  const now = ctx.clock();
  const { effective } = await planningSettings(ctx, db);
  const busy = await busyIntervals(source, {
    from: now - BUSY_WINDOW.pastDays * DAY_MS,
    to: now + BUSY_WINDOW.futureDays * DAY_MS,
    // Lets declined meetings be told apart when the files do not say whose calendar they are.
    owner: effective.yourEmail ?? undefined,
  });
  // Re-reading the same import replaces its busy times rather than doubling them.
  await busyTimesRepository.deleteByImport(db, importId);
  await busyTimesRepository.insertMany(db, importId, busy);
  return busy.length;
}
