import type { Audience, Channel, Direction, Network, Touch } from '../core/types.js';
import type { TouchRow } from '../store/interactions.repository.js';

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
