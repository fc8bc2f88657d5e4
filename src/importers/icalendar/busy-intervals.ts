import { unreadableFile } from '../text-lines.js';
import type { ExportSource } from '../types.js';
import { readIcsBlocks } from './ics-blocks.js';
import { type IcsEvent, readEvent } from './ics-event.js';
import { expand, lengthMs } from './ics-occurrences.js';
import { type CalendarScan, copyKey, scanCalendars } from './ics-scan.js';
import type { ZoneBook } from './ics-zones.js';

/** A time the owner is busy (ms, end exclusive), and the file that says so. */
export interface BusyInterval {
  start: number;
  end: number;
  file: string;
}

export interface BusyWindow {
  /** Start of the window (ms, inclusive). */
  from: number;
  /** End of the window (ms, exclusive). */
  to: number;
  /** The owner's address, when the files do not tell it (for declined events). */
  owner?: string | undefined;
}

/**
 * Whether an event blocks the owner's time: not cancelled, not declined by the owner, not
 * marked free (TRANSP:TRANSPARENT, Outlook's BUSYSTATUS FREE), not Google's generated
 * birthday events. Events alone in the calendar count: a dentist appointment is busy time.
 */
function blocks(event: IcsEvent, owner: string | undefined): boolean {
  if (event.start === undefined || event.status === 'CANCELLED') return false;
  if (event.transp === 'TRANSPARENT' || event.busyStatus === 'FREE') return false;
  if (event.virtual && event.attendees.length === 0 && event.organizer === undefined) return false;
  return !event.attendees.some((p) => p.email === owner && p.partstat === 'DECLINED');
}

function newest(event: IcsEvent, file: string, zones: ZoneBook, scan: CalendarScan): boolean {
  const rid = event.recurrenceId === undefined ? undefined : zones.toMs(event.recurrenceId);
  const best = scan.copies.get(copyKey(event.uid, rid) ?? '');
  return best === undefined || (best.file === file && best.line === event.line);
}

/**
 * The owner's busy times in [from, to) from the calendars of an export, past or future
 * (recurring events expanded into the window), sorted by start. Overlaps are kept as they
 * are; unreadable events are left out.
 */
export async function busyIntervals(source: ExportSource, window: BusyWindow): Promise<BusyInterval[]> {
  const scan = await scanCalendars(source);
  const owner = scan.owner.decide(window.owner, '')?.email;
  const busy: BusyInterval[] = [];
  for (const entry of scan.calendars) {
    const zones = scan.zones.get(entry.path)!;
    const batches = readIcsBlocks(entry)[Symbol.asyncIterator]();
    for (;;) {
      const next = await batches.next().catch((error: unknown) => {
        throw unreadableFile(entry.path, error);
      });
      if (next.done) break;
      const found = next.value.blocks;
      for (const block of found) {
        if (block.kind !== 'event') continue;
        try {
          const event = readEvent(block.lines, block.line);
          if (!blocks(event, owner) || !newest(event, entry.path, zones, scan)) continue;
          const overridden =
            event.recurrenceId === undefined && event.uid !== undefined
              ? scan.overridden.get(event.uid)
              : undefined;
          const before = lengthMs(event, zones);
          const { occurrences } = expand(
            event,
            zones,
            overridden ?? new Set(),
            window.from - before,
            window.to - 1,
          );
          for (const o of occurrences)
            if (o.end > window.from && o.start < window.to)
              busy.push({ start: o.start, end: o.end, file: entry.path });
        } catch {
          // An event that cannot be read blocks nothing; the importer reports it.
        }
      }
    }
  }
  return busy.sort((a, b) => a.start - b.start || a.end - b.end);
}
