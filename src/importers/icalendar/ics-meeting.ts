import { plainText } from '../plain-text.js';
import { stableId } from '../stable-id.js';
import type { ImportRecord } from '../types.js';
import { meetingChannel } from './ics-channel.js';
import type { IcsEvent, IcsPerson } from './ics-event.js';
import { expand, isRecurring, MAX_OCCURRENCES } from './ics-occurrences.js';
import type { CalendarOwner } from './ics-owner.js';
import { type CalendarScan, copyKey } from './ics-scan.js';
import type { ZoneBook } from './ics-zones.js';

/** What judging one file's events needs from the first pass. */
export interface MeetingContext {
  file: string;
  zones: ZoneBook;
  scan: CalendarScan;
  owner: CalendarOwner | undefined;
  /** Occurrences after this are not meetings yet; undefined when the export says nothing of when it was made. */
  now: number | undefined;
}

const iso = (ms: number): string => (Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : String(ms));

/** Why an event is not a meeting, or the people and the override's instant when it is. */
type Verdict = { reason: string } | { people: IcsPerson[]; rid: number | undefined };

function judge(event: IcsEvent, ctx: MeetingContext): Verdict {
  if (event.start === undefined) return { reason: 'unreadable event: no readable DTSTART' };
  const rid = event.recurrenceId === undefined ? undefined : ctx.zones.toMs(event.recurrenceId);
  const key = copyKey(event.uid, rid);
  const best = key === undefined ? undefined : ctx.scan.copies.get(key);
  if (best !== undefined && (best.file !== ctx.file || best.line !== event.line))
    return {
      reason: `duplicate of the event at ${best.file}:${best.line}, the newest copy, which is read instead`,
    };
  if (event.status === 'CANCELLED') return { reason: 'not a meeting: cancelled (STATUS:CANCELLED)' };
  const owner = ctx.owner?.email;
  if (owner !== undefined && event.attendees.some((p) => p.email === owner && p.partstat === 'DECLINED'))
    return { reason: 'not a meeting: you declined it' };
  const seen = new Set<string>();
  const people: IcsPerson[] = [];
  for (const p of event.organizer === undefined ? event.attendees : [event.organizer, ...event.attendees]) {
    if (seen.has(p.email) || p.email === owner || p.partstat === 'DECLINED') continue;
    seen.add(p.email);
    people.push(p);
  }
  // Without a known owner, one of the people is taken to be the owner.
  if (people.length < (owner === undefined ? 2 : 1))
    return {
      reason: event.start.date
        ? 'not a meeting: all-day event without attendees'
        : 'not a meeting: no one else attends',
    };
  return { people, rid };
}

/** A sparse override (no ATTENDEE of its own, as Zimbra writes them) takes its series' people and place. */
function withSeries(event: IcsEvent, ctx: MeetingContext): IcsEvent {
  const series =
    event.recurrenceId === undefined || event.uid === undefined ? undefined : ctx.scan.series.get(event.uid);
  if (series === undefined) return event;
  const borrowed = { ...event };
  if (event.attendees.length === 0) {
    borrowed.attendees = series.attendees;
    borrowed.organizer = event.organizer ?? series.organizer;
  }
  if (event.location === '' && event.links.length === 0) {
    borrowed.location = series.location;
    borrowed.links = series.links;
  }
  return borrowed;
}

/**
 * One VEVENT → its meetings (one interaction per past occurrence) or a rejection saying why
 * it is not one: cancelled, declined by the owner, no one else attends, not happened yet.
 */
export function meetingRecords(raw: IcsEvent, ctx: MeetingContext, out: ImportRecord[]): void {
  const { file } = ctx;
  const reject = (reason: string) => out.push({ type: 'rejected', file, line: raw.line, reason });
  const event = withSeries(raw, ctx);
  const verdict = judge(event, ctx);
  if ('reason' in verdict) return void reject(verdict.reason);
  const series = verdict.rid === undefined && isRecurring(event);
  if (series && ctx.now === undefined)
    return void reject(
      'recurring event not expanded: the export has no DTSTAMP or LAST-MODIFIED to tell past from future',
    );
  const overridden = series && event.uid !== undefined ? ctx.scan.overridden.get(event.uid) : undefined;
  const expansion = expand(
    event,
    ctx.zones,
    overridden ?? new Set(),
    Number.NEGATIVE_INFINITY,
    ctx.now ?? Infinity,
  );
  if (expansion.unreadable !== undefined) reject(`${expansion.unreadable}; only its other dates were read`);
  if (expansion.occurrences.length === 0) {
    const first = ctx.zones.toMs(event.start!);
    return void reject(
      ctx.now !== undefined && first > ctx.now
        ? `not a meeting yet: starts after ${iso(ctx.now)}, when the export was made`
        : 'not a meeting: every occurrence is excluded or moved',
    );
  }
  if (expansion.capped)
    reject(
      `recurring event cut: only its latest ${MAX_OCCURRENCES} occurrences before ${iso(ctx.now!)} were read`,
    );
  const channel = meetingChannel(event.location, event.links);
  const participants = verdict.people.map((p) => ({
    network: 'email' as const,
    key: p.email,
    displayName: p.name,
  }));
  const others = ctx.owner === undefined ? participants.length - 1 : participants.length;
  const { snippet } = plainText(event.summary);
  const uid = event.uid || stableId('no-uid', event.summary, iso(ctx.zones.toMs(event.start!)));
  for (const o of expansion.occurrences) {
    const instant = verdict.rid ?? (series ? o.start : undefined);
    const minutes = Math.round((o.end - o.start) / 60_000);
    out.push({
      type: 'interaction',
      file,
      line: event.line,
      externalId: instant === undefined ? stableId('ics', uid) : stableId('ics', uid, iso(instant)),
      at: o.start,
      channel,
      network: 'calendar',
      direction: 'mutual',
      audience: others <= 1 ? 'one_to_one' : 'group',
      length: o.allDay || minutes <= 0 ? null : minutes,
      threadId: event.uid || undefined,
      snippet: snippet === '' ? undefined : snippet,
      participants,
    });
  }
}
