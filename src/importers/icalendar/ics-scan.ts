import { parseContentLine, unescapeText } from '../content-line.js';
import { readHead, unreadableFile } from '../text-lines.js';
import type { ExportSource, SourceEntry } from '../types.js';
import { readIcsBlocks } from './ics-blocks.js';
import { type IcsEvent, type IcsPerson, readEvent } from './ics-event.js';
import { isRecurring } from './ics-occurrences.js';
import { OwnerStats } from './ics-owner.js';
import { ZoneBook } from './ics-zones.js';

/** File names worth opening to look for a calendar (contents decide; other files are listed as skipped). */
const CALENDAR_NAME = /(\.(ics|ical|icalendar|ifb|vcs|txt)|\/[^./]+|^[^./]+)$/i;

/** Starts like an iCalendar file (after a byte-order mark and blank lines). */
export const looksLikeIcalendar = (head: string): boolean => /^\s*BEGIN:(VCALENDAR|VEVENT)\b/i.test(head);

/** The copy of an event (UID + RECURRENCE-ID) that wins: highest SEQUENCE, then newest stamp, then last read. */
interface Copy {
  file: string;
  line: number;
  sequence: number;
  stamp: number;
}

/** What a sparse override (one without its own ATTENDEE lines) borrows from its series. */
export interface SeriesInfo {
  attendees: IcsPerson[];
  organizer: IcsPerson | undefined;
  location: string;
  links: string[];
}

/** Everything the first pass learns about an export's calendars before any event is judged. */
export interface CalendarScan {
  calendars: SourceEntry[];
  others: SourceEntry[];
  zones: Map<string, ZoneBook>;
  owner: OwnerStats;
  /** Latest DTSTAMP / LAST-MODIFIED in the whole export (ms), if any. */
  latestStamp: number | undefined;
  copies: Map<string, Copy>;
  /** UID → RECURRENCE-ID instants that have an override. */
  overridden: Map<string, Set<number>>;
  series: Map<string, SeriesInfo>;
}

/** The key of one copy of an event; undefined without a UID (such events are never merged). */
export function copyKey(uid: string | undefined, recurrenceId: number | undefined): string | undefined {
  return uid === undefined || uid === '' ? undefined : `${uid}\u0000${recurrenceId ?? ''}`;
}

/** First pass: sniffs each entry, then reads time zones, stamps, owner clues and event copies. */
export async function scanCalendars(source: ExportSource): Promise<CalendarScan> {
  const scan: CalendarScan = {
    calendars: [],
    others: [],
    zones: new Map(),
    owner: new OwnerStats(),
    latestStamp: undefined,
    copies: new Map(),
    overridden: new Map(),
    series: new Map(),
  };
  for (const entry of source.entries) {
    try {
      const calendar = CALENDAR_NAME.test(entry.path) && looksLikeIcalendar(await readHead(entry, 1024));
      (calendar ? scan.calendars : scan.others).push(entry);
      if (calendar) await scanFile(entry, scan);
    } catch (error) {
      throw unreadableFile(entry.path, error);
    }
  }
  return scan;
}

async function scanFile(entry: SourceEntry, scan: CalendarScan): Promise<void> {
  const zones = new ZoneBook();
  scan.zones.set(entry.path, zones);
  // Only what must wait for the zones is kept (not whole events: descriptions can be large).
  const events: Pick<IcsEvent, 'uid' | 'recurrenceId' | 'sequence' | 'stamps' | 'line'>[] = [];
  for await (const { blocks } of readIcsBlocks(entry)) {
    for (const block of blocks) {
      if (block.kind === 'timezone') zones.addTimezone(block.lines);
      else if (block.kind === 'event') {
        const event = readEvent(block.lines, block.line);
        scan.owner.event(event, entry.path);
        if (event.uid !== undefined && event.recurrenceId === undefined && isRecurring(event)) {
          const { attendees, organizer, location, links } = event;
          scan.series.set(event.uid, { attendees, organizer, location, links });
        }
        const { uid, recurrenceId, sequence, stamps, line } = event;
        events.push({ uid, recurrenceId, sequence, stamps, line });
      } else if (block.kind === 'property') {
        const p = parseContentLine(block.text);
        if (p === undefined) continue;
        const value = unescapeText(p.value).trim();
        if (p.name === 'X-WR-TIMEZONE') zones.setDefault(value);
        scan.owner.property(p.name, value, entry.path, block.line);
      }
    }
  }
  // Zones are complete only now: a VTIMEZONE may follow the events that use it.
  for (const event of events) {
    let stamp = Number.NEGATIVE_INFINITY;
    for (const t of event.stamps) stamp = Math.max(stamp, zones.toMs(t));
    if (Number.isFinite(stamp) && (scan.latestStamp === undefined || stamp > scan.latestStamp))
      scan.latestStamp = stamp;
    const rid = event.recurrenceId === undefined ? undefined : zones.toMs(event.recurrenceId);
    const key = copyKey(event.uid, rid);
    if (key === undefined) continue;
    const copy = { file: entry.path, line: event.line, sequence: event.sequence, stamp };
    const best = scan.copies.get(key);
    if (
      best === undefined ||
      copy.sequence > best.sequence ||
      (copy.sequence === best.sequence && copy.stamp >= best.stamp)
    )
      scan.copies.set(key, copy);
    if (rid !== undefined) {
      const set = scan.overridden.get(event.uid!) ?? new Set<number>();
      set.add(rid);
      scan.overridden.set(event.uid!, set);
    }
  }
}
