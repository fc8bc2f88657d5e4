import { csvRow } from './csv-writer.js';
import { DAY, formatUtcSeconds, toSeconds } from './dates.js';
import type { Owner } from './export-files.js';
import { TOPICS } from './names.js';
import { makePerson, type SamplePerson } from './people.js';
import type { Random } from './random.js';

export const INVITATIONS_HEADER = csvRow([
  'From',
  'To',
  'Sent At',
  'Message',
  'Direction',
  'inviterProfileUrl',
  'inviteeProfileUrl',
]);

/** Pending invitations are about 5% of a network's size; never fewer than two, so the file is never empty. */
export function invitationCount(connections: number): number {
  return Math.max(2, Math.round(connections * 0.05));
}

/** One pending invitation: its row and the person on the other side. */
export interface Invitation {
  at: number;
  row: string;
  other: SamplePerson;
}

/**
 * Invitations.csv rows, newest first: pending requests to and from people who are not (yet)
 * connections. `firstSlot` keeps their profile URLs apart from the connections'.
 */
export function invitationRows(
  rng: Random,
  owner: Owner,
  count: number,
  now: number,
  seed: number,
  firstSlot: number,
): Invitation[] {
  const rows: Invitation[] = [];
  for (let i = 0; i < count; i++) {
    const other = makePerson(rng, seed, firstSlot + i, 'quiet', 'contact');
    const at = toSeconds(now - rng.range(0.1, 180) * DAY);
    // A salesperson sends more requests than they receive.
    const outgoing = rng.chance(0.6);
    let message = '';
    if (outgoing && rng.chance(0.35)) {
      message = `Hi ${other.firstName}, enjoyed your thoughts on ${rng.pick(TOPICS)}. Would be great to connect.`;
    } else if (!outgoing && rng.chance(0.25)) {
      message = `Hi ${owner.firstName}, we met at the ${other.city} meetup, would love to stay in touch!`;
    }
    const [from, to] = outgoing ? [owner, other] : [other, owner];
    const direction = outgoing ? 'OUTGOING' : 'INCOMING';
    rows.push({
      at,
      other,
      row: csvRow([from.name, to.name, formatUtcSeconds(at), message, direction, from.url, to.url]),
    });
  }
  return rows.sort((a, b) => b.at - a.at);
}
