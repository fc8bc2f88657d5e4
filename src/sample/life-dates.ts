import { DAY, MINUTE, toSeconds } from './dates.js';
import type { Random } from './random.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
/** `n` with leading zeros to `width` digits (two by default). */
export function padNumber(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}
const pad = padNumber;

/** A whole-second instant between `hiDays` and `loDays` days before `now`. */
export function daysAgo(rng: Random, now: number, loDays: number, hiDays: number): number {
  return toSeconds(now - rng.range(loDays, hiDays) * DAY);
}

/**
 * `count` distinct whole-second instants in [from, to], newest first (the newest at `to`), in
 * bursts of replies minutes apart with days between bursts, as conversations go.
 */
export function conversationTimes(rng: Random, count: number, from: number, to: number): number[] {
  const pBreak = 1 / rng.range(2, 5);
  const offsets: number[] = [];
  let offset = 0;
  for (let i = 0; i < count; i++) {
    if (i > 0) offset += rng.chance(pBreak) ? rng.range(0.5, 20) * DAY : rng.range(1, 40) * MINUTE;
    offsets.push(offset);
  }
  const span = Math.max(0, to - from) * 0.95;
  const scale = offset > span ? span / offset : 1;
  const times = offsets.map((o) => toSeconds(to - o * scale));
  for (let i = 1; i < times.length; i++) times[i] = Math.min(times[i]!, times[i - 1]! - 1000);
  return times;
}

/** `Sat Jun 06 13:02:35 +0000 2020`: Twitter's created_at and Gmail's From_ line date, always UTC. */
export function ctimeUtc(at: number): string {
  const d = new Date(at);
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${time} +0000 ${d.getUTCFullYear()}`;
}

/** `Tue, 7 Oct 2025 09:05:11 -0500`: an RFC 5322 Date header in a zone `offset` minutes east of UTC. */
export function rfc5322(at: number, offset: number): string {
  const d = new Date(at + offset * MINUTE);
  const sign = offset < 0 ? '-' : '+';
  const zone = `${sign}${pad(Math.floor(Math.abs(offset) / 60))}${pad(Math.abs(offset) % 60)}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]}, ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${time} ${zone}`;
}

/** The calendar fields of an instant shifted `offset` minutes east of UTC. */
export function fieldsAt(at: number, offset = 0) {
  const d = new Date(at + offset * MINUTE);
  return {
    y: d.getUTCFullYear(),
    mo: d.getUTCMonth() + 1,
    d: d.getUTCDate(),
    h: d.getUTCHours(),
    mi: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
  };
}

/** `20251007T150000` (local) or `20251007T150000Z` (UTC), as iCalendar writes date-times. */
export function icsDateTime(at: number, offset?: number): string {
  const f = fieldsAt(at, offset ?? 0);
  const stamp = `${f.y}${pad(f.mo)}${pad(f.d)}T${pad(f.h)}${pad(f.mi)}${pad(f.s)}`;
  return offset === undefined ? `${stamp}Z` : stamp;
}
