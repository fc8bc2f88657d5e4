import { PROGRESS_BYTES } from '../csv-reader.js';
import { oneByOne } from '../one-by-one.js';
import { readHead, unreadableFile } from '../text-lines.js';
import type { ExportSource, Importer, ImportRecord, OwnerRecord } from '../types.js';
import { readIcsBlocks } from './ics-blocks.js';
import { readEvent } from './ics-event.js';
import { type MeetingContext, meetingRecords } from './ics-meeting.js';
import type { CalendarOwner } from './ics-owner.js';
import { looksLikeIcalendar, scanCalendars } from './ics-scan.js';

/*
 * What counts, in short (details beside each rule):
 * - A meeting is a VEVENT with someone besides the owner (ics-meeting.ts); cancelled events,
 *   events the owner declined, and all-day events without attendees are rejected as
 *   "not a meeting: …". Attendees who declined, rooms and Google's @virtual are not people.
 * - Channel: in person at a place, video with a meeting link, else a call (ics-channel.ts).
 * - Owner: given, else X-WR-CALNAME, else the organizer of most events, else the address in
 *   every event (ics-owner.ts). Without one, one of each event's people is taken to be the owner.
 * - Times: IANA, Windows and Exchange zone names, else the file's VTIMEZONE (ics-zones.ts);
 *   recurrences run by ical.js in wall-clock time, guarded and capped (ics-occurrences.ts, ics-rrule.ts).
 * - Ids: UID, plus the original start for an occurrence of a series (ics-meeting.ts).
 */

/**
 * Options of the calendar importer. Importers take no clock, so "now" (the line between
 * meetings that happened and meetings planned) is `now` when the caller gives it, else the
 * latest DTSTAMP / LAST-MODIFIED in the export: calendar apps stamp events when they write
 * the file, so that is about when it was exported. A caller that knows the import time
 * should pass it.
 */
export interface IcalendarOptions {
  /** Import time (ms): later occurrences are not meetings yet. */
  now?: number | undefined;
  /** The owner's address, when the caller knows it better than the files tell. */
  owner?: string | undefined;
}

const CALENDAR_EXTENSIONS = /\.(ics|ical|icalendar|ifb|vcs)$/i;

function ownerRecord(owner: CalendarOwner): OwnerRecord {
  return {
    type: 'owner',
    file: owner.file,
    line: owner.line,
    identities: [{ network: 'email', key: owner.email, displayName: owner.name }],
    person: { displayName: owner.name ?? owner.email },
  };
}

/**
 * Reads iCalendar files (a single .ics, a folder, or a zip such as Google Takeout's Calendar):
 * meetings with other people become interactions on the 'calendar' network, one per past
 * occurrence. Two passes over each file: the first learns time zones, the owner, the export's
 * "now" and which copy of each event is the newest; the second judges events one by one as
 * they stream. Files that are not iCalendar are listed as skipped.
 */
async function* icalendarBatches(
  source: ExportSource,
  options: IcalendarOptions = {},
): AsyncGenerator<ImportRecord[]> {
  const scan = await scanCalendars(source);
  if (scan.others.length > 0)
    yield scan.others.map((entry) => ({
      type: 'file',
      file: entry.path,
      status: 'skipped',
      reason: 'not an iCalendar file',
      bytes: entry.size,
    }));
  const owner = scan.owner.decide(options.owner, scan.calendars[0]?.path ?? source.label);
  const now = options.now ?? scan.latestStamp;
  let ownerSent = owner === undefined;
  for (const entry of scan.calendars) {
    yield [{ type: 'file', file: entry.path, status: 'reading', bytes: entry.size }];
    if (!ownerSent && owner !== undefined) {
      ownerSent = true;
      yield [ownerRecord(owner)];
    }
    const ctx: MeetingContext = { file: entry.path, zones: scan.zones.get(entry.path)!, scan, owner, now };
    let reported = 0;
    let bytes = 0;
    try {
      for await (const { blocks, bytesRead } of readIcsBlocks(entry)) {
        bytes = bytesRead;
        const out: ImportRecord[] = [];
        for (const block of blocks) {
          if (block.kind === 'broken')
            out.push({ type: 'rejected', file: entry.path, line: block.line, reason: block.reason });
          if (block.kind !== 'event') continue;
          try {
            meetingRecords(readEvent(block.lines, block.line), ctx, out);
          } catch (error) {
            const why = error instanceof Error ? error.message : String(error);
            out.push({
              type: 'rejected',
              file: entry.path,
              line: block.line,
              reason: `event could not be read: ${why}`,
            });
          }
        }
        if (bytes - reported >= PROGRESS_BYTES) {
          reported = bytes;
          out.push({ type: 'progress', file: entry.path, bytesRead: bytes, bytesTotal: entry.size });
        }
        if (out.length > 0) yield out;
      }
    } catch (error) {
      throw unreadableFile(entry.path, error);
    }
    yield [{ type: 'progress', file: entry.path, bytesRead: bytes, bytesTotal: entry.size }];
  }
}

/** Content check: whether any file of the export starts like an iCalendar file. */
export async function sniffIcalendar(source: ExportSource): Promise<boolean> {
  for (const entry of source.entries)
    if (CALENDAR_EXTENSIONS.test(entry.path) && looksLikeIcalendar(await readHead(entry, 1024))) return true;
  return false;
}

export const icalendarImporter: Importer & {
  parse(source: ExportSource, options?: IcalendarOptions): AsyncIterable<ImportRecord>;
  parseBatches(source: ExportSource, options?: IcalendarOptions): AsyncIterable<ImportRecord[]>;
} = {
  source: 'calendar',
  displayName: 'Calendar (iCalendar .ics)',
  recognisedFiles: ['*.ics'],
  /**
   * Importer.detect is synchronous, so it can only see names: a file ending in .ics (or .ical,
   * .ifb, .vcs). Contents decide in parse(), which lists any other file as skipped; use
   * sniffIcalendar for a check by contents.
   */
  detect: (source) => source.entries.some((entry) => CALENDAR_EXTENSIONS.test(entry.path)),
  sniff: (source) => sniffIcalendar(source),
  parse: oneByOne(icalendarBatches),
  parseBatches: icalendarBatches,
};
