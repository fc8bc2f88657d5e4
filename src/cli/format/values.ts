import { ago } from '../../core/duration.js';

/** "42" for a strength. */
export function formatStrength(value: number): string {
  return Math.round(value).toString();
}

/** "35%" for a ratio; "–" when unknown. */
export function formatRatio(value: number | null): string {
  return value === null ? '–' : `${Math.round(value * 100)}%`;
}

/** "3 weeks ago"; "never" when unknown. */
export function formatAgo(at: number | null, now: number): string {
  return at === null ? 'never' : ago(at, now);
}

/** "2026-11-28 14:30" in the local time zone. */
export function formatDateTime(at: number): string {
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** "2026-11-28" in the local time zone. */
export function formatDate(at: number): string {
  return formatDateTime(at).slice(0, 10);
}
