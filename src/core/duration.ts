/** Milliseconds in one day. */
export const DAY_MS = 86_400_000;

const WEEK_DAYS = 7;
const MONTH_DAYS = 365.25 / 12;
const YEAR_DAYS = 365.25;

/** Whole-and-fractional days from `from` to `to` (negative when `to` is earlier); never throws. */
export function daysBetween(from: number, to: number): number {
  return (to - from) / DAY_MS;
}

/** "1 message", "11 messages": the count with the noun, plural unless the count is exactly 1; never throws. */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}

/**
 * A duration in words at the coarsest sensible unit: "less than a day", "3 days",
 * "6 weeks", "7 months", "2 years". Negative durations count as their absolute value; never throws.
 */
export function humanizeDuration(ms: number): string {
  const days = Math.abs(ms) / DAY_MS;
  if (!Number.isFinite(days)) return 'forever';
  if (days < 1) return 'less than a day';
  // Thresholds chosen so a unit is only used once there are at least two of it.
  if (days < 14) return plural(Math.floor(days), 'day');
  if (days < 61) return plural(Math.round(days / WEEK_DAYS), 'week');
  if (days < 365) return plural(Math.max(2, Math.round(days / MONTH_DAYS)), 'month');
  if (days < 1.5 * YEAR_DAYS) return '1 year';
  return plural(Math.round(days / YEAR_DAYS), 'year');
}

/** "7 months ago" for a moment before `now`, "today" within the last day; never throws. */
export function ago(at: number, now: number): string {
  const ms = now - at;
  if (ms < DAY_MS) return 'today';
  return `${humanizeDuration(ms)} ago`;
}
