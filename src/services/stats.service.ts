import { summarizeOlder } from '../core/older.js';
import type { Executor } from '../store/bulk-writer.js';
import { interactionsRepository } from '../store/interactions.repository.js';
import { chunks } from '../store/people.repository.js';
import type { PersonStatsRow } from '../store/schema.js';
import { statsRepository } from '../store/stats.repository.js';
import type { AppContext } from './app-context.js';
import { groupByPerson } from './touch-mapping.js';

/**
 * Rebuilds the running totals of the given people from their interactions. Called in the same
 * transaction as any change to those interactions, so totals never disagree with the rows.
 */
export async function refreshStats(
  ctx: AppContext,
  db: Executor,
  personIds: Iterable<number>,
): Promise<void> {
  const ids = [...new Set(personIds)];
  // A few thousand people at a time bounds memory on large books.
  for (const chunk of chunks(ids, 2000)) {
    const touches = groupByPerson(await interactionsRepository.touchesOf(db, chunk));
    const groups = await interactionsRepository.groupContacts(db, chunk);
    const rows: PersonStatsRow[] = chunk.map((personId) => {
      const older = summarizeOlder(touches.get(personId) ?? [], ctx.config);
      return {
        person_id: personId,
        count: older.count,
        engagement_sum: older.engagementSum,
        inbound_sum: older.inboundSum ?? 0,
        outbound_sum: older.outboundSum ?? 0,
        first_at: older.firstAt,
        last_at: older.lastAt,
        last_offline_at: older.lastOfflineAt,
        last_live_at: older.lastLiveAt,
        last_in_person_at: older.lastInPersonAt,
        last_offline_channel: older.lastOfflineChannel ?? null,
        online_streak_start_at: older.onlineStreakStartAt ?? null,
        channels: JSON.stringify(older.channels),
        group_contacts: groups.get(personId) ?? 0,
        config_key: ctx.configKey,
      };
    });
    await statsRepository.replace(db, chunk, rows);
  }
}

/** Rebuilds the totals of everyone whose totals are missing or were made with another config. */
export async function ensureFreshStats(ctx: AppContext): Promise<void> {
  const stale = await statsRepository.stalePersons(ctx.store.db, ctx.configKey);
  if (stale.length === 0) return;
  await ctx.store.db.transaction().execute((trx) => refreshStats(ctx, trx, stale));
}
