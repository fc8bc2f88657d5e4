import { DAY_MS } from '../core/duration.js';
import { RapportError } from '../errors.js';

/**
 * A time the user typed, in their local time zone: "today", "yesterday", "3 days ago",
 * "2026-11-28", "2026-11-28 14:30" or any full ISO timestamp. Throws input.invalid saying
 * what is accepted.
 */
export function parseWhen(text: string, now: number): number {
  const value = text.trim().toLowerCase();
  if (value === 'now') return now;
  if (value === 'today') return now;
  if (value === 'yesterday') return now - DAY_MS;
  const ago = /^(\d+)\s*(d|day|days|w|week|weeks)\s+ago$/.exec(value);
  if (ago) return now - Number(ago[1]) * (ago[2]!.startsWith('w') ? 7 : 1) * DAY_MS;
  const local = /^(\d{4})-(\d{2})-(\d{2})(?:[ t](\d{1,2}):(\d{2}))?$/.exec(value);
  if (local) {
    const [, y, mo, d, h = '12', mi = '00'] = local;
    const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
    if (date.getMonth() === Number(mo) - 1 && date.getDate() === Number(d)) return date.getTime();
  } else if (/^\d{4}-\d{2}-\d{2}t/.test(value)) {
    const at = Date.parse(text.trim());
    if (Number.isFinite(at)) return at;
  }
  throw new RapportError(
    'input.invalid',
    `Cannot read the time "${text}". Use today, yesterday, "3 days ago", 2026-11-28 or "2026-11-28 14:30".`,
    { value: text },
  );
}
