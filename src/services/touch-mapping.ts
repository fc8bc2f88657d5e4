import type { Audience, Channel, Direction, Network, OlderHistory, Touch } from '../core/types.js';
import type { TouchRow } from '../store/interactions.repository.js';
import type { PersonStatsRow } from '../store/schema.js';

/** A stored touch as the engine's value. The store only ever holds values from these unions. */
export function toTouch(row: TouchRow): Touch {
  return {
    at: row.occurred_at,
    channel: row.channel as Channel,
    network: row.network as Network,
    direction: row.direction as Direction,
    audience: row.audience as Audience,
    length: row.length,
  };
}

/** Groups touch rows by person. */
export function groupByPerson(rows: readonly TouchRow[]): Map<number, Touch[]> {
  const byPerson = new Map<number, Touch[]>();
  for (const row of rows) {
    const list = byPerson.get(row.person_id);
    if (list) list.push(toTouch(row));
    else byPerson.set(row.person_id, [toTouch(row)]);
  }
  return byPerson;
}

/** Stored totals as the engine's OlderHistory (all-time totals of one person). */
export function toHistoryTotals(row: PersonStatsRow): OlderHistory {
  return {
    count: row.count,
    engagementSum: row.engagement_sum,
    firstAt: row.first_at,
    lastAt: row.last_at,
    lastOfflineAt: row.last_offline_at,
    lastLiveAt: row.last_live_at,
    lastInPersonAt: row.last_in_person_at,
    channels: JSON.parse(row.channels) as OlderHistory['channels'],
    inboundSum: row.inbound_sum,
    outboundSum: row.outbound_sum,
    lastOfflineChannel: row.last_offline_channel as Channel | null,
    onlineStreakStartAt: row.online_streak_start_at,
  };
}
