/** Milliseconds in a minute, an hour and a day. */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** `2023-05-01 14:22:10 UTC`, as in messages.csv, Invitations.csv and Email Addresses.csv. */
export function formatUtcSeconds(at: number): string {
  const iso = new Date(at).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/** `05 Jun 2023`, as in the Connected On column of Connections.csv. */
export function formatConnectedOn(at: number): string {
  const d = new Date(at);
  const day = String(d.getUTCDate()).padStart(2, '0');
  return `${day} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** `Mar 2021`, as in the Started On column of Positions.csv. */
export function formatMonthYear(at: number): string {
  const d = new Date(at);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** Whole seconds, the precision of LinkedIn's timestamps. */
export function toSeconds(at: number): number {
  return Math.floor(at / 1000) * 1000;
}
