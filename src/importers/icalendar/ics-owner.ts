import { emailKey } from '../identity-keys.js';
import type { IcsEvent } from './ics-event.js';

/** iTIP methods of invitations and replies: the file is a message, not someone's calendar. */
const MESSAGE_METHODS = new Set([
  'REQUEST',
  'REPLY',
  'CANCEL',
  'ADD',
  'COUNTER',
  'DECLINECOUNTER',
  'REFRESH',
]);

/** Who the owner of the calendars is, as decided by OwnerStats.decide. */
export interface CalendarOwner {
  email: string;
  name?: string | undefined;
  /** File and line the decision rests on, for the owner record. */
  file: string;
  line?: number | undefined;
  why: 'given' | 'calendar name' | 'organizer of most events' | 'in every event';
}

/** What the first pass counts, over every file of the export, to tell who "me" is. */
export class OwnerStats {
  private readonly calendarNames = new Map<string, { file: string; line: number }>();
  private readonly organizing = new Map<string, number>();
  private readonly presence = new Map<string, number>();
  private readonly names = new Map<string, string>();
  private readonly firstSeen = new Map<string, { file: string; line: number }>();
  private eventsWithOrganizer = 0;
  private eventsWithPeople = 0;
  private messages = false;
  private calendars = false;

  /** A top-level property: X-WR-CALNAME holding an address names the owner (Google does this). */
  property(name: string, value: string, file: string, line: number): void {
    if (name === 'METHOD') {
      if (MESSAGE_METHODS.has(value.trim().toUpperCase())) this.messages = true;
      else this.calendars = true;
    } else if (name === 'X-WR-CALNAME') {
      this.calendars = true;
      const email = emailKey(value.replace(/^mailto:/i, ''));
      if (email !== undefined && !this.calendarNames.has(email))
        this.calendarNames.set(email, { file, line });
    }
  }

  event(event: IcsEvent, file: string): void {
    const people = new Set<string>();
    for (const p of event.organizer === undefined ? event.attendees : [event.organizer, ...event.attendees]) {
      people.add(p.email);
      if (p.name !== undefined && !this.names.has(p.email)) this.names.set(p.email, p.name);
      if (!this.firstSeen.has(p.email)) this.firstSeen.set(p.email, { file, line: event.line });
    }
    if (people.size === 0) return;
    this.eventsWithPeople++;
    for (const email of people) this.presence.set(email, (this.presence.get(email) ?? 0) + 1);
    if (event.organizer !== undefined) {
      this.eventsWithOrganizer++;
      this.organizing.set(event.organizer.email, (this.organizing.get(event.organizer.email) ?? 0) + 1);
    }
  }

  /**
   * The owner, in order: the address given by the caller; an address that names a calendar
   * (X-WR-CALNAME; with several, the one in most events); in a calendar export (not an
   * invitation: METHOD is PUBLISH or absent), the organizer of more than half the events that
   * have one; else the one address present in every event that names people (in invitations,
   * organizers are left out: an invitation is sent to you). Undefined when none of these holds.
   */
  decide(given: string | undefined, fallbackFile: string): CalendarOwner | undefined {
    const named = (
      email: string,
      where: { file: string; line?: number | undefined },
      why: CalendarOwner['why'],
    ) => ({
      email,
      name: this.names.get(email),
      file: where.file,
      line: where.line,
      why,
    });
    const givenKey = given === undefined ? undefined : emailKey(given);
    if (givenKey !== undefined)
      return named(givenKey, this.firstSeen.get(givenKey) ?? { file: fallbackFile }, 'given');
    if (this.calendarNames.size > 0) {
      const [email, where] = [...this.calendarNames].sort(
        (a, b) => (this.presence.get(b[0]) ?? 0) - (this.presence.get(a[0]) ?? 0),
      )[0]!;
      return named(email, where, 'calendar name');
    }
    const invitation = this.messages && !this.calendars;
    if (!invitation) {
      for (const [email, count] of this.organizing)
        if (count * 2 > this.eventsWithOrganizer)
          return named(email, this.firstSeen.get(email)!, 'organizer of most events');
    }
    if (this.eventsWithPeople === 0) return undefined;
    let everywhere = [...this.presence]
      .filter(([, n]) => n === this.eventsWithPeople)
      .map(([email]) => email);
    if (everywhere.length > 1 && invitation)
      everywhere = everywhere.filter((email) => !this.organizing.has(email));
    return everywhere.length === 1
      ? named(everywhere[0]!, this.firstSeen.get(everywhere[0]!)!, 'in every event')
      : undefined;
  }
}
