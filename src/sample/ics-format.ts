/** iCalendar (RFC 5545) and vCard (RFC 2426) content lines: escaping, parameters, folding. */
import { DAY, HOUR } from './dates.js';

export const CRLF = '\r\n';

/** TEXT values escape backslash, semicolon, comma and newline. */
export function icsText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** A parameter value, double-quoted when it holds `:`, `;` or `,` (RFC 5545 3.2). */
export function paramValue(value: string): string {
  return /[:;,]/.test(value) ? `"${value.replace(/"/g, "'")}"` : value;
}

/**
 * Folds a content line into lines of at most 75 octets, continuation lines starting with a
 * space, never splitting a UTF-8 sequence (a CN or LOCATION may be folded mid-word).
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const c of line) {
    const size = Buffer.byteLength(c);
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += c;
    octets += size;
  }
  out.push(current);
  return out.join(`${CRLF} `);
}

/** Lines joined into a file: each folded, CRLF-terminated. */
export function contentLines(lines: readonly string[]): string {
  return lines.map((l) => foldLine(l) + CRLF).join('');
}

/** The instant of the EU clock change in `month` (2: March, 9: October) of `year`: its last Sunday, 01:00 UTC. */
export function euClockChange(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/** Berlin's offset from UTC in minutes at `at`: +120 in summer time, +60 otherwise. */
export function berlinOffset(at: number): number {
  const year = new Date(at).getUTCFullYear();
  return at >= euClockChange(year, 2) && at < euClockChange(year, 9) ? 120 : 60;
}

/** The latest EU clock change that a series starting 24 days before it ends well before `now`. */
export function lastClockChangeBefore(now: number): number {
  const year = new Date(now).getUTCFullYear();
  const changes = [year, year - 1, year - 2].flatMap((y) => [euClockChange(y, 9), euClockChange(y, 2)]);
  return changes.filter((t) => t + 40 * DAY < now).sort((a, b) => b - a)[0] ?? now - 400 * DAY;
}

/** Outlook's definition of the Windows zone id `W. Europe Standard Time`. */
export const W_EUROPE = 'W. Europe Standard Time';
export const W_EUROPE_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${W_EUROPE}`,
  'BEGIN:STANDARD',
  'DTSTART:16010101T030000',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:16010101T020000',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
] as const;

/** The DESCRIPTION of a Zoom invitation: the link that makes a meeting a video call. */
export const zoomInvite = (id: string) =>
  `Join Zoom Meeting\nhttps://us02web.zoom.us/j/${id}?pwd=cmFwcG9ydA\n\nMeeting ID: ${id}`;

/** The DESCRIPTION Google Calendar writes for a Meet call. */
export const meetInvite = (code: string) =>
  `Join with Google Meet: https://meet.google.com/${code}\nLearn more about Meet at: https://support.google.com/a/users/answer/9282720`;

/** An instant rounded down to the hour. */
export const toHour = (at: number) => Math.floor(at / HOUR) * HOUR;
