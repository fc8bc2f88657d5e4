import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hexId } from './cast-identities.js';
import type { CastMember, LifeContext, SourceFile } from './cast-types.js';
import { DAY, HOUR, MINUTE } from './dates.js';
import {
  berlinOffset,
  contentLines,
  icsText,
  lastClockChangeBefore,
  meetInvite,
  paramValue,
  toHour,
  W_EUROPE,
  W_EUROPE_VTIMEZONE,
  zoomInvite,
} from './ics-format.js';
import { daysAgo, icsDateTime } from './life-dates.js';
import { CAFES, TOPICS } from './names.js';
import { Random } from './random.js';

const SALT = 0x1c55;

interface Guest {
  name: string;
  email: string;
  partstat?: 'ACCEPTED' | 'DECLINED' | 'NEEDS-ACTION';
}

interface Meeting {
  summary: string;
  start: number;
  minutes: number;
  organizer: Guest;
  guests: Guest[];
  location?: string;
  description?: string;
  status?: 'CONFIRMED' | 'CANCELLED';
  /** Windows-zone series (Outlook style): local start, weekly COUNT. */
  weekly?: number;
  allDay?: boolean;
}

const guest = (m: CastMember): Guest => ({ name: m.person.name, email: m.email ?? '' });

function attendee(g: Guest, upper: boolean): string {
  const mailto = upper ? 'MAILTO' : 'mailto';
  const stat = g.partstat ?? 'ACCEPTED';
  return `ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=${stat};CN=${paramValue(g.name)};X-NUM-GUESTS=0:${mailto}:${g.email}`;
}

function vevent(m: Meeting, uid: string, now: number): string[] {
  const end = m.start + m.minutes * MINUTE;
  const when = m.allDay
    ? [
        `DTSTART;VALUE=DATE:${icsDateTime(m.start).slice(0, 8)}`,
        `DTEND;VALUE=DATE:${icsDateTime(m.start + DAY).slice(0, 8)}`,
      ]
    : m.weekly
      ? [
          `DTSTART;TZID=${W_EUROPE}:${icsDateTime(m.start, berlinOffset(m.start))}`,
          `DTEND;TZID=${W_EUROPE}:${icsDateTime(end, berlinOffset(m.start))}`,
          `RRULE:FREQ=WEEKLY;COUNT=${m.weekly}`,
        ]
      : [`DTSTART:${icsDateTime(m.start)}`, `DTEND:${icsDateTime(end)}`];
  const upper = m.weekly !== undefined;
  const people = m.guests.length > 0 ? [m.organizer, ...m.guests] : [];
  return [
    'BEGIN:VEVENT',
    ...when,
    `DTSTAMP:${icsDateTime(now)}`,
    ...(people.length > 0
      ? [`ORGANIZER;CN=${paramValue(m.organizer.name)}:${upper ? 'MAILTO' : 'mailto'}:${m.organizer.email}`]
      : []),
    `UID:${uid}`,
    ...people.map((g) => attendee(g, upper)),
    `CREATED:${icsDateTime(m.start - 20 * DAY)}`,
    `DESCRIPTION:${icsText(m.description ?? '')}`,
    `LAST-MODIFIED:${icsDateTime(Math.min(now, m.start - DAY))}`,
    `LOCATION:${icsText(m.location ?? '')}`,
    'SEQUENCE:0',
    `STATUS:${m.status ?? 'CONFIRMED'}`,
    `SUMMARY:${icsText(m.summary)}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
  ];
}

/**
 * Writes a Google Calendar export (`.ics`): in-person meetings (LOCATION), video calls (Zoom or
 * Meet links), a cancelled and a declined meeting, an Outlook weekly series in
 * `W. Europe Standard Time` that crosses a clock change, a meeting still to come and an
 * all-day event with no one else.
 */
export async function writeCalendar(ctx: LifeContext): Promise<SourceFile> {
  const { cast, now } = ctx;
  const rng = Random.fork(ctx.seed, SALT);
  const me: Guest = { name: cast.owner.name, email: cast.owner.email };
  const clients = cast.members.filter((m) => m.kind === 'client');
  const others = cast.members.filter((m) => m.kind === 'likely-company' || m.kind === 'email');
  const [c0, c1, c2] = clients.map(guest) as [Guest, Guest, Guest];
  // Business hours in Austin (14:00–21:00 UTC), on the hour.
  const at = (lo: number, hi: number) =>
    Math.floor(daysAgo(rng, now, lo, hi) / DAY) * DAY + rng.int(14, 21) * HOUR;
  const meetings: Meeting[] = [];
  for (const m of [...clients, ...others]) {
    const g = guest(m);
    const city = m.person.city;
    meetings.push({
      summary: `Coffee: ${m.person.firstName} / Morgan`,
      start: at(5, 300),
      minutes: 45,
      organizer: me,
      guests: [g],
      location: `${rng.pick(CAFES)}, ${city}`,
    });
    const code = hexId(ctx.seed, 0x1c560000 + meetings.length);
    const link = rng.chance(0.5)
      ? zoomInvite(String(8_000_000_000 + rng.int(0, 999_999_999)))
      : meetInvite(`${code.slice(0, 3)}-${code.slice(3, 7)}-${code.slice(5, 8)}`);
    meetings.push({
      summary: `${rng.pick(TOPICS)} – ${m.person.company || m.person.name}`,
      start: at(3, 200),
      minutes: 30,
      organizer: me,
      guests: [g],
      description: link,
    });
  }
  meetings.push({
    summary: `Lunch with ${c1.name}`,
    start: at(10, 60),
    minutes: 60,
    organizer: me,
    guests: [c1],
    location: 'Café Central, Herrengasse 14, Wien',
    status: 'CANCELLED',
  });
  meetings.push({
    summary: 'Vendor review',
    start: at(10, 60),
    minutes: 60,
    organizer: c2,
    guests: [{ ...me, partstat: 'DECLINED' }],
    location: 'Their office',
  });
  const change = lastClockChangeBefore(now);
  // Ten o'clock Berlin time on the Thursday 24 days before the change: four weeks each side of it.
  const day = Math.floor((change - 24 * DAY) / DAY) * DAY;
  const start = day + 10 * 60 * MINUTE - berlinOffset(day) * MINUTE;
  const lead = clients[0] as CastMember;
  const outlookName = `${lead.person.lastName}, ${lead.person.firstName}`;
  const teams =
    'Microsoft Teams meeting\nJoin: https://teams.microsoft.com/l/meetup-join/19%3ameeting_rapport%40thread.v2/0';
  meetings.push({
    summary: 'Pilot weekly sync',
    start,
    minutes: 30,
    organizer: { ...c0, name: outlookName },
    guests: [me, c1],
    location: 'Microsoft Teams Meeting',
    description: teams,
    weekly: 8,
  });
  meetings.push({
    summary: `Workshop with ${c0.name}`,
    start: toHour(now + rng.range(3, 20) * DAY),
    minutes: 90,
    organizer: me,
    guests: [c0],
    location: 'Brightwave HQ, 500 W 2nd St, Austin',
  });
  meetings.push({
    summary: 'Team offsite ✈️',
    start: Math.floor(at(30, 90) / DAY) * DAY,
    minutes: 0,
    organizer: me,
    guests: [],
    allDay: true,
  });

  const events = meetings.map((m, i) => vevent(m, `${hexId(ctx.seed, SALT + i, 3)}@google.com`, now));
  const text = contentLines([
    'BEGIN:VCALENDAR',
    'PRODID:-//Google Inc//Google Calendar 70.9054//EN',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${me.email}`,
    'X-WR-TIMEZONE:America/Chicago',
    ...W_EUROPE_VTIMEZONE,
    ...events.flat(),
    'END:VCALENDAR',
  ]);
  const dir = join(ctx.dir, 'Takeout', 'Calendar');
  await mkdir(dir, { recursive: true });
  const path = join(dir, `${me.email}.ics`);
  await writeFile(path, text);
  return { source: 'calendar', path, records: events.length };
}
