import { RapportError } from '../errors.js';

/** Someone on an invite: the organizer or an attendee. */
export interface CalendarPerson {
  name: string | null;
  email: string;
}

/** One event as Rapport sends or publishes it; times are ms (UTC). */
export interface InviteEvent {
  uid: string;
  sequence: number;
  dtstamp: number;
  start: number;
  end: number;
  summary: string;
  description: string;
  location: string | null;
  /** The video link; also the LOCATION when there is no place. */
  url: string | null;
  organizer: CalendarPerson;
  attendees: readonly CalendarPerson[];
  status: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
}

const PRODID = '-//Rapport//Rapport//EN';
/** RFC 5545 §3.1: content lines SHOULD NOT be longer than 75 octets, excluding the line break. */
const MAX_LINE_OCTETS = 75;
const REMINDER = '-PT15M';
const STATUSES = new Set(['CONFIRMED', 'TENTATIVE', 'CANCELLED']);

// Characters RFC 5545 allows in no value (CONTROL, §3.1): C0 controls but HTAB, and DEL. LF is
// kept here because line breaks are carried escaped (TEXT) or turned into spaces (parameters).
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: a URI value must hold none
const NOT_IN_URI = /[\s\u0000-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Plausible, not RFC 5322-complete: what people and calendar clients actually use, nothing a
// mailto: URI would have to escape. Letters and marks of any script for internationalised mail.
const EMAIL_LOCAL = /^[\p{L}\p{M}\p{N}!$&'*+/=_~-]+(?:\.[\p{L}\p{M}\p{N}!$&'*+/=_~-]+)*$/u;
const EMAIL_DOMAIN =
  /^(?:[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?\.)+(?:\p{L}[\p{L}\p{M}]+|xn--[a-z0-9-]+)$/iu;
const MAX_EMAIL_LENGTH = 254;

function invalid(message: string, details: Record<string, unknown>): RapportError {
  return new RapportError('input.invalid', message, details);
}

/** Text as iCalendar may carry it: well-formed UTF-16, line breaks as \n, no control characters. */
function cleanText(value: string): string {
  return value.replace(LONE_SURROGATE, '\uFFFD').replace(/\r\n?/g, '\n').replace(CONTROL, '');
}

/** A TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma escaped, line breaks as \n. */
function text(value: string): string {
  return cleanText(value)
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
}

/**
 * A CN parameter value, or undefined when nothing is left of the name. Line breaks become
 * spaces and DQUOTE is dropped (a parameter can carry neither); quoted when it holds : ; or ,.
 * A caret before n, ' or ^ is doubled: parsers that implement RFC 6868 (ical.js among them)
 * would otherwise read "^n" as a line break, and parsers that do not only see it in such names.
 */
function commonName(name: string | null): string | undefined {
  if (name === null) return undefined;
  const clean = cleanText(name)
    .replace(/[\n\t]/g, ' ')
    .replace(/"/g, '')
    .trim();
  if (clean === '') return undefined;
  const careted = clean.replace(/\^(?=[n'^])/g, '^^');
  return /[:;,]/.test(careted) ? `"${careted}"` : careted;
}

/** mailto: of a plausible address; throws RapportError input.invalid naming whose address it is. */
function calAddress(person: CalendarPerson, role: string): string {
  const email = person.email;
  const at = email.lastIndexOf('@');
  const plausible =
    email.length <= MAX_EMAIL_LENGTH &&
    at > 0 &&
    EMAIL_LOCAL.test(email.slice(0, at)) &&
    EMAIL_DOMAIN.test(email.slice(at + 1));
  if (!plausible)
    throw invalid(
      `The ${role}'s email '${cleanText(email)}' is not an email address; give one such as ada@example.com.`,
      { role, email },
    );
  return `mailto:${email}`;
}

/** A URI value: an absolute URL with no spaces or control characters (so nothing to escape). */
function uri(url: string): string {
  if (!URL.canParse(url) || NOT_IN_URI.test(url))
    throw invalid(
      `The link '${cleanText(url)}' is not a full URL; give one such as https://meet.example.com/abc.`,
      {
        url,
      },
    );
  return url;
}

/** A DATE-TIME in UTC form, '20261201T090000Z' (whole seconds). */
function utc(ms: number, field: string): string {
  // Date holds ±8.64e15 ms; beyond that toISOString throws, and years past 9999 get six digits.
  const iso = Math.abs(ms) <= 8.64e15 ? new Date(Math.floor(ms / 1000) * 1000).toISOString() : '';
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.000Z$/.exec(iso);
  if (m === null)
    throw invalid(`The event's ${field} (${ms}) is not a time between the years 0 and 9999.`, {
      [field]: ms,
    });
  return `${m[1]}${m[2]}${m[3]}T${m[4]}${m[5]}${m[6]}Z`;
}

/** The UTF-8 length of one code point. */
function octets(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * A content line folded at 75 octets (RFC 5545 §3.1): continuation lines start with a space and
 * count it; a multi-byte character is never split. Its lines are joined by CRLF.
 */
function fold(line: string): string {
  const lines: string[] = [];
  let current = '';
  let used = 0;
  for (const ch of line) {
    const size = octets(ch.codePointAt(0)!);
    if (used + size > MAX_LINE_OCTETS) {
      lines.push(current);
      current = ' ';
      used = 1;
    }
    current += ch;
    used += size;
  }
  lines.push(current);
  return lines.join('\r\n');
}

type Method = 'REQUEST' | 'CANCEL' | 'PUBLISH';

/** The content lines of one VEVENT, unfolded. Throws RapportError input.invalid for a bad value. */
function eventLines(event: InviteEvent, method: Method): string[] {
  if (!Number.isInteger(event.sequence) || event.sequence < 0)
    throw invalid(`The event's sequence (${event.sequence}) must be a whole number, 0 or more.`, {
      sequence: event.sequence,
    });
  const uid = text(event.uid).trim();
  if (uid === '')
    throw invalid("The event's uid is empty; every event needs a unique id.", { uid: event.uid });
  const start = utc(event.start, 'start');
  const end = utc(event.end, 'end');
  if (Math.floor(event.end / 1000) <= Math.floor(event.start / 1000))
    throw invalid("The event's end is not after its start.", { start: event.start, end: event.end });
  if (!STATUSES.has(event.status))
    throw invalid(`The event's status '${event.status}' is not CONFIRMED, TENTATIVE or CANCELLED.`, {
      status: event.status,
    });
  const url = event.url === null ? null : uri(event.url);
  const place = event.location !== null && cleanText(event.location).trim() !== '' ? event.location : url;
  const person = (name: string, params: string, who: CalendarPerson, role: string) => {
    const cn = commonName(who.name);
    return `${name}${cn === undefined ? '' : `;CN=${cn}`}${params}:${calAddress(who, role)}`;
  };
  // RFC 5546 §3.2.5: a cancelled whole event says so; §3.2.1: a published event names no attendees.
  const status = method === 'CANCEL' ? 'CANCELLED' : event.status;
  const lines = [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utc(event.dtstamp, 'dtstamp')}`,
    `DTSTART:${start}`,
    `DTEND:${end}`,
    `SUMMARY:${text(event.summary)}`,
    `DESCRIPTION:${text(event.description)}`,
  ];
  if (place !== null) lines.push(`LOCATION:${text(place)}`);
  if (url !== null) lines.push(`URL:${url}`);
  lines.push(`STATUS:${status}`, person('ORGANIZER', '', event.organizer, 'organizer'));
  const attendees = event.attendees.map((a) =>
    person('ATTENDEE', ';ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE', a, 'attendee'),
  );
  if (method !== 'PUBLISH') lines.push(...attendees);
  if (method === 'REQUEST') {
    const reminder = cleanText(event.summary).trim() === '' ? 'Reminder' : text(event.summary);
    lines.push(
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${reminder}`,
      `TRIGGER:${REMINDER}`,
      'END:VALARM',
    );
  }
  lines.push('END:VEVENT');
  return lines;
}

function calendar(method: Method, body: string[], extra: string[] = []): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${method}`,
    ...extra,
    ...body,
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}

/**
 * An RFC 5545 / RFC 5546 invitation (METHOD:REQUEST, with a 15-minute reminder) or cancellation
 * (METHOD:CANCEL, STATUS:CANCELLED) for one event: times in UTC, lines folded at 75 octets,
 * CRLF line ends, every value escaped so no input can add a line. Throws RapportError
 * input.invalid for an implausible email, a link that is not a URL, an end not after the start,
 * an empty uid, or a negative sequence.
 */
export function buildInvite(event: InviteEvent, method: 'REQUEST' | 'CANCEL'): string {
  if (method !== 'REQUEST' && method !== 'CANCEL')
    throw invalid(`Invite method '${method}' is not REQUEST or CANCEL.`, { method });
  return calendar(method, eventLines(event, method));
}

/**
 * A subscribable calendar (METHOD:PUBLISH) named `name` (X-WR-CALNAME) holding the events; as
 * RFC 5546 §3.2.1 requires, they name their organizer but no attendees, and carry no reminders.
 * An empty list gives an empty, valid calendar. Throws as buildInvite does, for any event.
 */
export function buildFeed(events: readonly InviteEvent[], name: string): string {
  return calendar(
    'PUBLISH',
    events.flatMap((e) => eventLines(e, 'PUBLISH')),
    [`X-WR-CALNAME:${text(name)}`],
  );
}
