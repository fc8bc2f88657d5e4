/**
 * Test support (not a test): small calendars written the way exports write them (CRLF,
 * X-WR-CALNAME naming the owner), and a runner that collects what the importer yields.
 */
import { collect, memorySource } from '../fixture-export.test-support.js';
import type { ImportRecord } from '../types.js';
import { type IcalendarOptions, icalendarImporter } from './icalendar.importer.js';

export const OWNER = 'me@example.com';

/** A VEVENT from its property lines (UID, DTSTAMP and an hour-long DTSTART/DTEND added when missing). */
export function vevent(lines: readonly string[], uid = `uid-${Math.abs(hashOf(lines.join('|')))}`): string {
  const has = (name: string) => lines.some((l) => l.toUpperCase().startsWith(name));
  return [
    'BEGIN:VEVENT',
    ...(has('UID') ? [] : [`UID:${uid}`]),
    ...(has('DTSTAMP') ? [] : ['DTSTAMP:20240601T000000Z']),
    ...(has('DTSTART') ? [] : ['DTSTART:20240115T100000Z', 'DTEND:20240115T110000Z']),
    ...lines,
    'END:VEVENT',
  ].join('\r\n');
}

/** A calendar export holding `events` (VEVENT or VTIMEZONE text), with the owner named by X-WR-CALNAME. */
export function calendar(
  events: readonly string[],
  header: readonly string[] = [`X-WR-CALNAME:${OWNER}`],
): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//test//EN',
    ...header,
    ...events,
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

/** An attendee line for `email` (PARTSTAT=ACCEPTED unless given). */
export const attendee = (email: string, extra = 'PARTSTAT=ACCEPTED'): string =>
  `ATTENDEE;${extra}:mailto:${email}`;

/** Everything the importer yields for these files. */
export async function importCalendars(
  files: Record<string, string | Uint8Array>,
  options: IcalendarOptions = {},
  chunkSize?: number,
): Promise<ImportRecord[]> {
  return collect(icalendarImporter.parseBatches(memorySource(files, { chunkSize }), options));
}

function hashOf(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return h;
}
