import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { RapportError } from '../errors.js';
import { buildFeed, buildInvite, type InviteEvent } from './invite.js';

function event(over: Partial<InviteEvent> = {}): InviteEvent {
  return {
    uid: 'plan-42@rapport.local',
    sequence: 0,
    dtstamp: Date.UTC(2026, 10, 29, 10, 15),
    start: Date.UTC(2026, 11, 1, 9),
    end: Date.UTC(2026, 11, 1, 9, 30),
    summary: 'Coffee: Grace & Ada',
    description: 'Talk about the pilot.',
    location: 'Café Einstein, Unter den Linden 42, Berlin',
    url: null,
    organizer: { name: 'Grace Hopper', email: 'grace@example.com' },
    attendees: [{ name: 'Ada Lovelace', email: 'ada@example.org' }],
    status: 'CONFIRMED',
    ...over,
  };
}

function parse(ics: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(ics) as unknown[]);
}

function vevents(ics: string): ICAL.Component[] {
  return parse(ics).getAllSubcomponents('vevent');
}

const only = (ics: string) => vevents(ics)[0]!;
const value = (c: ICAL.Component, name: string) => c.getFirstPropertyValue(name);
const timeOf = (c: ICAL.Component, name: string) => (value(c, name) as ICAL.Time).toJSDate().getTime();
const octets = (line: string) => new TextEncoder().encode(line).length;
const unfold = (ics: string) => ics.replace(/\r\n /g, '');

function invalidMessage(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(RapportError);
    expect((e as RapportError).code).toBe('input.invalid');
    return (e as RapportError).message;
  }
  throw new Error('expected a RapportError');
}

describe('buildInvite', () => {
  it('writes a REQUEST calendar line by line', () => {
    expect(buildInvite(event(), 'REQUEST')).toBe(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//Rapport//Rapport//EN',
        'CALSCALE:GREGORIAN',
        'METHOD:REQUEST',
        'BEGIN:VEVENT',
        'UID:plan-42@rapport.local',
        'SEQUENCE:0',
        'DTSTAMP:20261129T101500Z',
        'DTSTART:20261201T090000Z',
        'DTEND:20261201T093000Z',
        'SUMMARY:Coffee: Grace & Ada',
        'DESCRIPTION:Talk about the pilot.',
        'LOCATION:Café Einstein\\, Unter den Linden 42\\, Berlin',
        'STATUS:CONFIRMED',
        'ORGANIZER;CN=Grace Hopper:mailto:grace@example.com',
        'ATTENDEE;CN=Ada Lovelace;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TR',
        ' UE:mailto:ada@example.org',
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        'DESCRIPTION:Coffee: Grace & Ada',
        'TRIGGER:-PT15M',
        'END:VALARM',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
  });

  it('reads back through ical.js property by property', () => {
    const ics = buildInvite(
      event({
        sequence: 3,
        summary: 'Kaffee mit Zoë; über den Vertrag, bitte',
        description: `Agenda:\n1. Pilot, pricing; timing\n2. Back\\slash\n\n${'Ünïcödé 日本語 🎉 '.repeat(20)}`,
        url: 'https://meet.example.com/abc-defg-hij?pwd=1,2',
        organizer: { name: 'Grace Hopper', email: 'grace@example.com' },
        attendees: [
          { name: 'Ada Lovelace, Countess of Lovelace', email: 'ada@example.org' },
          { name: 'Zoë Ñúñez', email: 'zoe@example.es' },
          { name: null, email: 'bob@example.net' },
        ],
        status: 'TENTATIVE',
      }),
      'REQUEST',
    );
    const cal = parse(ics);
    expect(value(cal, 'version')).toBe('2.0');
    expect(value(cal, 'prodid')).toBe('-//Rapport//Rapport//EN');
    expect(value(cal, 'calscale')).toBe('GREGORIAN');
    expect(value(cal, 'method')).toBe('REQUEST');
    const v = only(ics);
    expect(value(v, 'uid')).toBe('plan-42@rapport.local');
    expect(value(v, 'sequence')).toBe(3);
    expect(timeOf(v, 'dtstamp')).toBe(Date.UTC(2026, 10, 29, 10, 15));
    expect(timeOf(v, 'dtstart')).toBe(Date.UTC(2026, 11, 1, 9));
    expect(timeOf(v, 'dtend')).toBe(Date.UTC(2026, 11, 1, 9, 30));
    expect((value(v, 'dtstart') as ICAL.Time).zone?.tzid).toBe('UTC');
    expect(value(v, 'summary')).toBe('Kaffee mit Zoë; über den Vertrag, bitte');
    expect(value(v, 'description')).toBe(
      `Agenda:\n1. Pilot, pricing; timing\n2. Back\\slash\n\n${'Ünïcödé 日本語 🎉 '.repeat(20)}`,
    );
    expect(value(v, 'location')).toBe('Café Einstein, Unter den Linden 42, Berlin');
    expect(value(v, 'url')).toBe('https://meet.example.com/abc-defg-hij?pwd=1,2');
    expect(value(v, 'status')).toBe('TENTATIVE');
    const organizer = v.getFirstProperty('organizer')!;
    expect(organizer.getParameter('cn')).toBe('Grace Hopper');
    expect(organizer.getFirstValue()).toBe('mailto:grace@example.com');
    const attendees = v.getAllProperties('attendee');
    expect(attendees.map((a) => [a.getParameter('cn'), a.getFirstValue()])).toEqual([
      ['Ada Lovelace, Countess of Lovelace', 'mailto:ada@example.org'],
      ['Zoë Ñúñez', 'mailto:zoe@example.es'],
      [undefined, 'mailto:bob@example.net'],
    ]);
    for (const a of attendees) {
      expect(a.getParameter('role')).toBe('REQ-PARTICIPANT');
      expect(a.getParameter('partstat')).toBe('NEEDS-ACTION');
      expect(a.getParameter('rsvp')).toBe('TRUE');
    }
    const alarm = v.getFirstSubcomponent('valarm')!;
    expect(value(alarm, 'action')).toBe('DISPLAY');
    expect(value(alarm, 'description')).toBe('Kaffee mit Zoë; über den Vertrag, bitte');
    expect(String(value(alarm, 'trigger'))).toBe('-PT15M');
  });

  it('puts the video link in LOCATION when there is no place, and leaves both out when there is neither', () => {
    const video = only(buildInvite(event({ location: null, url: 'https://zoom.us/j/123456789' }), 'REQUEST'));
    expect(value(video, 'location')).toBe('https://zoom.us/j/123456789');
    expect(value(video, 'url')).toBe('https://zoom.us/j/123456789');
    const blank = only(buildInvite(event({ location: '   ', url: 'https://zoom.us/j/1' }), 'REQUEST'));
    expect(value(blank, 'location')).toBe('https://zoom.us/j/1');
    // Only control characters: nothing to show once they are dropped, so no place either.
    const control = only(buildInvite(event({ location: '\u0000 \u0007', url: null }), 'REQUEST'));
    expect(control.hasProperty('location')).toBe(false);
    const phone = only(buildInvite(event({ location: null, url: null }), 'REQUEST'));
    expect(phone.hasProperty('location')).toBe(false);
    expect(phone.hasProperty('url')).toBe(false);
  });

  it('cancels with METHOD:CANCEL, STATUS:CANCELLED, every attendee and no reminder', () => {
    const ics = buildInvite(event({ sequence: 2, status: 'CONFIRMED' }), 'CANCEL');
    expect(value(parse(ics), 'method')).toBe('CANCEL');
    const v = only(ics);
    expect(value(v, 'status')).toBe('CANCELLED');
    expect(value(v, 'sequence')).toBe(2);
    expect(value(v, 'uid')).toBe('plan-42@rapport.local');
    expect(v.getAllProperties('attendee')).toHaveLength(1);
    expect(v.getFirstSubcomponent('valarm')).toBeNull();
  });

  it('folds at 75 octets without splitting a character, with CRLF everywhere', () => {
    // 'SUMMARY:' is 8 octets; 66 more make 74, and a 3-octet € would make 77.
    const ics = buildInvite(event({ summary: `${'a'.repeat(66)}€${'é'.repeat(100)}` }), 'REQUEST');
    expect(ics.endsWith('\r\n')).toBe(true);
    const lines = ics.slice(0, -2).split('\r\n');
    for (const line of lines) {
      expect(octets(line)).toBeLessThanOrEqual(75);
      expect(line).not.toMatch(/[\r\n]/);
    }
    const summary = lines.findIndex((l) => l.startsWith('SUMMARY:'));
    expect(lines[summary]).toBe(`SUMMARY:${'a'.repeat(66)}`);
    expect(lines[summary + 1]).toBe(` €${'é'.repeat(35)}`);
    expect(octets(lines[summary + 1]!)).toBe(74);
    expect(value(only(ics), 'summary')).toBe(`${'a'.repeat(66)}€${'é'.repeat(100)}`);
    // Exactly 75 octets stays on one line.
    const exact = buildInvite(event({ summary: 'b'.repeat(67) }), 'REQUEST');
    expect(exact).toContain(`\r\nSUMMARY:${'b'.repeat(67)}\r\n`);
  });

  it('escapes and quotes names: quoted for : ; , with DQUOTE dropped', () => {
    const ics = buildInvite(
      event({
        organizer: { name: 'Hopper; "Amazing" Grace', email: 'grace@example.com' },
        attendees: [
          { name: 'Dr. Ada: Lovelace', email: 'ada@example.org' },
          { name: "Caret ^n ^^ ^' name", email: 'caret@example.org' },
          { name: '  ', email: 'blank@example.org' },
        ],
      }),
      'REQUEST',
    );
    const lines = unfold(ics);
    expect(lines).toContain('\r\nORGANIZER;CN="Hopper; Amazing Grace":mailto:grace@example.com\r\n');
    expect(lines).toContain('\r\nATTENDEE;CN="Dr. Ada: Lovelace";ROLE=');
    expect(lines).toContain("\r\nATTENDEE;CN=Caret ^^n ^^^ ^^' name;ROLE=");
    expect(lines).toContain(
      '\r\nATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:blank@example.org\r\n',
    );
    const v = only(ics);
    expect(v.getFirstProperty('organizer')!.getParameter('cn')).toBe('Hopper; Amazing Grace');
    expect(v.getAllProperties('attendee').map((a) => a.getParameter('cn'))).toEqual([
      'Dr. Ada: Lovelace',
      "Caret ^n ^^ ^' name",
      undefined,
    ]);
  });

  it('writes a backslash in a name as it is: parameter values have no escapes in RFC 5545', () => {
    const ics = buildInvite(
      event({ attendees: [{ name: 'Back\\slash', email: 'b@example.org' }] }),
      'REQUEST',
    );
    expect(unfold(ics)).toContain('\r\nATTENDEE;CN=Back\\slash;ROLE=');
  });

  it('makes line injection impossible: values with CR and LF stay inside their property', () => {
    const evil = 'x\r\nATTENDEE:mailto:eve@evil.example\r\nBEGIN:VALARM\nEND:VEVENT\r';
    const ics = buildInvite(
      event({
        uid: `u1${evil}`,
        summary: evil,
        description: evil,
        location: evil,
        organizer: { name: evil, email: 'grace@example.com' },
        attendees: [{ name: evil, email: 'ada@example.org' }],
      }),
      'REQUEST',
    );
    const v = only(ics);
    expect(v.getAllProperties('attendee')).toHaveLength(1);
    expect(v.getAllSubcomponents('valarm')).toHaveLength(1);
    expect(value(v, 'summary')).toBe('x\nATTENDEE:mailto:eve@evil.example\nBEGIN:VALARM\nEND:VEVENT\n');
    expect(v.getFirstProperty('organizer')!.getParameter('cn')).toBe(
      'x ATTENDEE:mailto:eve@evil.example BEGIN:VALARM END:VEVENT',
    );
    for (const line of ics.slice(0, -2).split('\r\n')) expect(line).not.toMatch(/[\r\n]/);
    expect(() =>
      buildInvite(event({ url: 'https://x.example/\r\nATTENDEE:mailto:e@x.example' }), 'REQUEST'),
    ).toThrow(RapportError);
    expect(() =>
      buildInvite(
        event({ attendees: [{ name: null, email: 'ada@example.org\r\nATTENDEE:mailto:e@x.io' }] }),
        'REQUEST',
      ),
    ).toThrow(RapportError);
  });

  it('drops control characters and lone surrogates from text', () => {
    const v = only(
      buildInvite(event({ summary: 'bell\u0007 null\u0000 del\u007f tab\tok \ud800!' }), 'REQUEST'),
    );
    expect(value(v, 'summary')).toBe('bell null del tab\tok \ufffd!');
  });

  it('accepts plausible addresses and rejects others, naming whose', () => {
    for (const email of [
      'ada@example.com',
      'a.b+tag@mail.example.co.uk',
      "o'brien@example.ie",
      'jürgen@müller.de',
      'user@xn--80ak6aa92e.xn--p1ai',
    ])
      expect(
        () => buildInvite(event({ attendees: [{ name: null, email }] }), 'REQUEST'),
        email,
      ).not.toThrow();
    for (const email of [
      'ada',
      'ada@',
      '@example.com',
      'ada lovelace@example.com',
      'ada@localhost',
      'ada@@example.com',
      'a..b@example.com',
      '.ada@example.com',
      'ada@-example.com',
      'ada@example.c',
      '"ada"@example.com',
      'ada@exa mple.com',
      'mailto:ada@example.com',
      ` ada@example.com`,
      `${'a'.repeat(250)}@example.com`,
    ])
      expect(
        invalidMessage(() => buildInvite(event({ attendees: [{ name: null, email }] }), 'REQUEST')),
      ).toContain("attendee's email");
    expect(
      invalidMessage(() => buildInvite(event({ organizer: { name: 'G', email: 'grace' } }), 'REQUEST')),
    ).toContain("organizer's email 'grace'");
  });

  it('says which value is wrong', () => {
    const cases: [Partial<InviteEvent>, string][] = [
      [{ end: Date.UTC(2026, 11, 1, 9) }, 'end is not after its start'],
      [{ end: Date.UTC(2026, 11, 1, 8) }, 'end is not after its start'],
      [{ sequence: -1 }, 'sequence (-1)'],
      [{ sequence: 1.5 }, 'sequence (1.5)'],
      [{ uid: ' ' }, 'uid is empty'],
      [{ url: 'meet.example.com/abc' }, "link 'meet.example.com/abc'"],
      [{ url: 'https://meet.example.com/a b' }, 'is not a full URL'],
      [{ start: Number.NaN }, "event's start"],
      [{ dtstamp: 1e18 }, "event's dtstamp"],
      [{ status: 'MAYBE' as InviteEvent['status'] }, "status 'MAYBE'"],
    ];
    for (const [over, expected] of cases)
      expect(invalidMessage(() => buildInvite(event(over), 'REQUEST'))).toContain(expected);
    expect(invalidMessage(() => buildInvite(event(), 'PUBLISH' as 'REQUEST'))).toContain("'PUBLISH'");
  });
});

describe('buildFeed', () => {
  it('publishes every event under the calendar name, with the organizer and no attendees or reminders', () => {
    const ics = buildFeed(
      [
        event({ uid: 'plan-1@rapport.local' }),
        event({ uid: 'plan-2@rapport.local', status: 'CANCELLED', sequence: 1, location: null }),
      ],
      'Rapport: offline steps, Ada',
    );
    const cal = parse(ics);
    expect(value(cal, 'method')).toBe('PUBLISH');
    // ical.js does not know X-WR-CALNAME's type and keeps the raw value; calendar apps read it as TEXT.
    expect(ics).toContain('\r\nX-WR-CALNAME:Rapport: offline steps\\, Ada\r\n');
    const events = vevents(ics);
    expect(events.map((e) => value(e, 'uid'))).toEqual(['plan-1@rapport.local', 'plan-2@rapport.local']);
    expect(events.map((e) => value(e, 'status'))).toEqual(['CONFIRMED', 'CANCELLED']);
    for (const e of events) {
      expect(e.getFirstProperty('organizer')!.getFirstValue()).toBe('mailto:grace@example.com');
      expect(e.hasProperty('attendee')).toBe(false);
      expect(e.getFirstSubcomponent('valarm')).toBeNull();
    }
  });

  it('gives an empty, parseable calendar for no events', () => {
    const ics = buildFeed([], 'Rapport');
    expect(vevents(ics)).toEqual([]);
    expect(value(parse(ics), 'x-wr-calname')).toBe('Rapport');
  });

  it('rejects the feed when any event is invalid', () => {
    expect(() => buildFeed([event(), event({ organizer: { name: null, email: 'nobody' } })], 'R')).toThrow(
      RapportError,
    );
  });
});
