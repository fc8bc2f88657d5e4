import { type ContentLine, parseContentLine, repairQuotedValue, unescapeText } from '../content-line.js';
import { emailKey } from '../identity-keys.js';
import type { IcsLine } from './ics-blocks.js';
import { durationToMs, type ListedTime, timeOf, timesOf } from './ics-time.js';
import type { WallTime } from './ics-zones.js';

/** Someone named in ATTENDEE or ORGANIZER. */
export interface IcsPerson {
  email: string;
  name?: string | undefined;
  /** Upper-cased PARTSTAT ('' when absent). */
  partstat: string;
}

/** One VEVENT as read from its lines, before any zone is applied. */
export interface IcsEvent {
  line: number;
  uid: string | undefined;
  recurrenceId: WallTime | undefined;
  sequence: number;
  /** DTSTAMP and LAST-MODIFIED: when the event was last written, for "now" and for picking the newest copy. */
  stamps: WallTime[];
  status: string;
  transp: string;
  busyStatus: string;
  summary: string;
  start: WallTime | undefined;
  end: WallTime | undefined;
  durationMs: number | undefined;
  rrules: string[];
  rdates: ListedTime[];
  exdates: ListedTime[];
  organizer: IcsPerson | undefined;
  attendees: IcsPerson[];
  /** Google's generated events (birthdays) name only `@virtual` pseudo-attendees. */
  virtual: boolean;
  location: string;
  /** DESCRIPTION, URL, CONFERENCE and conference X- properties, where video and dial-in links hide. */
  links: string[];
}

const LINK_PROPERTIES = new Set(['DESCRIPTION', 'URL', 'CONFERENCE', 'X-GOOGLE-CONFERENCE', 'X-ALT-DESC']);
const NOT_PEOPLE = new Set(['RESOURCE', 'ROOM']);

/** RFC 6868 parameter escapes: ^n, ^' and ^^. */
const paramText = (s: string): string =>
  s.replace(/\^(['n^])/g, (_, c: string) => (c === 'n' ? '\n' : c === "'" ? '"' : '^'));

/**
 * ATTENDEE/ORGANIZER → a person, or undefined for what is not one: Google's `@virtual`
 * pseudo-attendees, its calendars and rooms (`…calendar.google.com`), CUTYPE=RESOURCE/ROOM.
 * The address comes from `mailto:` in any case (quoted or not), else the EMAIL parameter.
 */
export function personOf(line: ContentLine): IcsPerson | 'virtual' | undefined {
  const value = line.value.trim().replace(/^"|"$/g, '');
  const email = emailKey(
    /^mailto:/i.test(value)
      ? value.slice(7)
      : (line.params.get('EMAIL') ?? (value.includes(':') ? '' : value)),
  );
  if (email === undefined) return undefined;
  if (email.endsWith('@virtual')) return 'virtual';
  if (email.endsWith('calendar.google.com')) return undefined;
  if (NOT_PEOPLE.has((line.params.get('CUTYPE') ?? '').toUpperCase())) return undefined;
  const cn = paramText(line.params.get('CN') ?? '').trim();
  return {
    email,
    name: cn === '' || cn.toLowerCase() === email ? undefined : cn,
    partstat: (line.params.get('PARTSTAT') ?? '').toUpperCase(),
  };
}

const BEGIN = /^BEGIN:/i;
const END = /^END:/i;

/** Reads a VEVENT block's own properties (nested VALARMs are skipped: their ATTENDEE is a reminder address). */
export function readEvent(lines: readonly IcsLine[], line: number): IcsEvent {
  const event: IcsEvent = {
    line,
    uid: undefined,
    recurrenceId: undefined,
    sequence: 0,
    stamps: [],
    status: '',
    transp: '',
    busyStatus: '',
    summary: '',
    start: undefined,
    end: undefined,
    durationMs: undefined,
    rrules: [],
    rdates: [],
    exdates: [],
    organizer: undefined,
    attendees: [],
    virtual: false,
    location: '',
    links: [],
  };
  let depth = 0;
  for (let i = 1; i < lines.length - 1; i++) {
    const text = lines[i]!.text;
    if (BEGIN.test(text)) depth++;
    else if (END.test(text)) depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      const parsed = parseContentLine(text) ?? parseContentLine(repairQuotedValue(text));
      if (parsed !== undefined) take(event, parsed);
    }
  }
  return event;
}

function take(event: IcsEvent, p: ContentLine): void {
  const text = () => unescapeText(p.value).trim();
  switch (p.name) {
    case 'UID':
      event.uid = p.value.trim();
      return;
    case 'RECURRENCE-ID':
      event.recurrenceId = timeOf(p);
      return;
    case 'SEQUENCE':
      event.sequence = Number.parseInt(p.value, 10) || 0;
      return;
    case 'DTSTAMP':
    case 'LAST-MODIFIED': {
      const t = timeOf(p);
      if (t !== undefined) event.stamps.push(t);
      return;
    }
    case 'STATUS':
      event.status = p.value.trim().toUpperCase();
      return;
    case 'TRANSP':
      event.transp = p.value.trim().toUpperCase();
      return;
    case 'X-MICROSOFT-CDO-BUSYSTATUS':
      event.busyStatus = p.value.trim().toUpperCase();
      return;
    case 'SUMMARY':
      event.summary = text();
      return;
    case 'DTSTART':
      event.start = timeOf(p);
      return;
    case 'DTEND':
      event.end = timeOf(p);
      return;
    case 'DURATION':
      event.durationMs = durationToMs(p.value);
      return;
    case 'RRULE':
      // Some writers put spaces in lists (`BYDAY=MO, TU`), which ical.js refuses.
      event.rrules.push(p.value.replace(/\s+/g, ''));
      return;
    case 'RDATE':
      event.rdates.push(...timesOf(p));
      return;
    case 'EXDATE':
      event.exdates.push(...timesOf(p));
      return;
    case 'LOCATION':
      event.location = text();
      return;
    case 'ATTENDEE':
    case 'ORGANIZER': {
      const person = personOf(p);
      if (person === 'virtual') event.virtual = true;
      else if (person !== undefined && p.name === 'ORGANIZER') event.organizer = person;
      else if (person !== undefined) event.attendees.push(person);
      return;
    }
    default:
      if (LINK_PROPERTIES.has(p.name) || /^X-.*(CONFERENCE|MEETING|ONLINE)/.test(p.name))
        event.links.push(text());
  }
}
