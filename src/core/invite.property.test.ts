import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { RapportError } from '../errors.js';
import { buildFeed, buildInvite, type CalendarPerson, type InviteEvent } from './invite.js';

// Characters iCalendar cannot carry (RFC 5545 CONTROL) and CR, which only ever ends a line.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters excluded
const UNCARRIABLE = /[\u0000-\u0008\u000B-\u001F\u007F\r]/;

/** One character: the ones escaping and folding care about, often; any Unicode code point otherwise. */
const charArb = fc.oneof(
  fc.constantFrom(
    '\\',
    ';',
    ',',
    ':',
    '"',
    "'",
    '^',
    'n',
    '\n',
    '\t',
    ' ',
    'é',
    '€',
    '日',
    '🎉',
    '\u0301',
    '\u00a0',
  ),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
const carriableChar = charArb.filter((c) => !UNCARRIABLE.test(c));

/** Text iCalendar can carry as it is, up to long descriptions. */
const textArb = fc.string({ unit: carriableChar, maxLength: 400 });
/**
 * A display name a CN parameter carries as it is: one line, no DQUOTE, no edge spaces. And no
 * backslash: RFC 5545 gives parameter values no escapes, so one is written as it is, but ical.js
 * reads parameter values as TEXT and would unescape it (invite.test.ts pins the literal form).
 */
const nameChar = carriableChar.filter((c) => c !== '"' && c !== '\n' && c !== '\t' && c !== '\\');
const nameArb = fc
  .string({ unit: nameChar, minLength: 1, maxLength: 80 })
  .map((s) => s.trim())
  .filter((s) => s !== '');
/** Anything at all, controls and CR included. */
const anyTextArb = fc.string({ unit: charArb, maxLength: 200 });
/** Any name but for backslashes (see nameArb). */
const anyNameArb = fc.string({ unit: charArb.filter((c) => c !== '\\'), maxLength: 80 });
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters an invite drops
const DROPPED = /[\u0000-\u0008\u000B-\u001F\u007F]/g;

const emailArb = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9]{1,12}(?:[.+_-][a-z0-9]{1,8}){0,2}$/),
    fc.constantFrom('example.com', 'mail.example.co.uk', 'müller.de', 'xn--80ak6aa92e.xn--p1ai'),
  )
  .map(([local, domain]) => `${local}@${domain}`);

const timesArb = fc
  .record({
    dtstamp: fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }),
    start: fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }),
    seconds: fc.integer({ min: 1, max: 30 * 86_400 }),
  })
  .map(({ dtstamp, start, seconds }) => ({
    dtstamp,
    start,
    end: Math.floor(start / 1000) * 1000 + seconds * 1000,
  }));

/** Text left once the control characters an invite drops are dropped, and blanks trimmed. */
function showsSomething(value: string): boolean {
  let kept = '';
  for (const c of value) {
    const code = c.codePointAt(0)!;
    if (!(code <= 0x08 || (code >= 0x0b && code <= 0x1f) || code === 0x7f)) kept += c;
  }
  return kept.trim() !== '';
}

function eventArb(text: fc.Arbitrary<string>, name: fc.Arbitrary<string>): fc.Arbitrary<InviteEvent> {
  const personArb: fc.Arbitrary<CalendarPerson> = fc.record({
    name: fc.option(name, { nil: null }),
    email: emailArb,
  });
  return fc
    .record({
      uid: fc.uuid().map((u) => `${u}@rapport.local`),
      sequence: fc.nat({ max: 1000 }),
      times: timesArb,
      summary: text,
      description: text,
      // A place with something to show: one of only blanks and control characters is no place
      // (buildInvite then falls back to the URL; invite.test.ts shows it).
      location: fc.option(text.filter(showsSomething), { nil: null }),
      url: fc.option(fc.webUrl(), { nil: null }),
      organizer: personArb,
      attendees: fc.array(personArb, { maxLength: 4 }),
      status: fc.constantFrom('CONFIRMED', 'TENTATIVE', 'CANCELLED'),
    })
    .map(({ times, ...rest }) => ({ ...rest, ...times }));
}

function vevent(ics: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(ics) as unknown[]).getFirstSubcomponent('vevent')!;
}

const timeOf = (v: ICAL.Component, name: string) =>
  (v.getFirstPropertyValue(name) as ICAL.Time).toJSDate().getTime();
const utf8 = new TextEncoder();

describe('invite properties', () => {
  it('round-trips arbitrary Unicode text, names and times exactly through ical.js', () => {
    fc.assert(
      fc.property(
        eventArb(textArb, nameArb),
        fc.constantFrom('REQUEST', 'CANCEL') as fc.Arbitrary<'REQUEST' | 'CANCEL'>,
        (event, method) => {
          const v = vevent(buildInvite(event, method));
          expect(v.getFirstPropertyValue('summary')).toBe(event.summary);
          expect(v.getFirstPropertyValue('description')).toBe(event.description);
          expect(v.getFirstPropertyValue('location') ?? null).toBe(event.location ?? event.url);
          expect(v.getFirstPropertyValue('url') ?? null).toBe(event.url);
          expect(v.getFirstPropertyValue('uid')).toBe(event.uid);
          expect(v.getFirstPropertyValue('sequence')).toBe(event.sequence);
          expect(timeOf(v, 'dtstamp')).toBe(Math.floor(event.dtstamp / 1000) * 1000);
          expect(timeOf(v, 'dtstart')).toBe(Math.floor(event.start / 1000) * 1000);
          expect(timeOf(v, 'dtend')).toBe(event.end);
          const people = [v.getFirstProperty('organizer')!, ...v.getAllProperties('attendee')];
          expect(people.map((p) => [p.getParameter('cn') ?? null, p.getFirstValue()])).toEqual(
            [event.organizer, ...event.attendees].map((p) => [p.name, `mailto:${p.email}`]),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it('carries any text as plain lines: CR and CRLF become line breaks, control characters go', () => {
    fc.assert(
      fc.property(eventArb(anyTextArb, anyNameArb), (event) => {
        const v = vevent(buildInvite(event, 'REQUEST'));
        const carried = (s: string) => s.replace(/\r\n?/g, '\n').replace(DROPPED, '');
        expect(v.getFirstPropertyValue('summary')).toBe(carried(event.summary));
        expect(v.getFirstPropertyValue('description')).toBe(carried(event.description));
        const cn = (name: string | null) => {
          const oneLine =
            name === null
              ? ''
              : carried(name)
                  .replace(/[\n\t]/g, ' ')
                  .replace(/"/g, '')
                  .trim();
          return oneLine === '' ? null : oneLine;
        };
        expect(v.getFirstProperty('organizer')!.getParameter('cn') ?? null).toBe(cn(event.organizer.name));
        expect(v.getAllProperties('attendee').map((a) => a.getParameter('cn') ?? null)).toEqual(
          event.attendees.map((a) => cn(a.name)),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('writes CRLF lines of at most 75 octets, and no value can add a property or component', () => {
    fc.assert(
      fc.property(
        eventArb(anyTextArb, anyTextArb),
        fc.array(eventArb(anyTextArb, anyTextArb), { maxLength: 3 }),
        anyTextArb,
        (event, more, name) => {
          for (const ics of [
            buildInvite(event, 'REQUEST'),
            buildInvite(event, 'CANCEL'),
            buildFeed([event, ...more], name),
          ]) {
            expect(ics.endsWith('\r\n')).toBe(true);
            for (const line of ics.slice(0, -2).split('\r\n')) {
              expect(line).not.toMatch(/[\r\n]/);
              expect(utf8.encode(line).length).toBeLessThanOrEqual(75);
              expect(line).not.toMatch(UNCARRIABLE);
            }
          }
          const invite = buildInvite(event, 'REQUEST');
          const names = vevent(invite)
            .getAllProperties()
            .map((p) => p.name);
          expect(names).toEqual([
            'uid',
            'sequence',
            'dtstamp',
            'dtstart',
            'dtend',
            'summary',
            'description',
            ...(event.location !== null || event.url !== null ? ['location'] : []),
            ...(event.url !== null ? ['url'] : []),
            'status',
            'organizer',
            ...event.attendees.map(() => 'attendee'),
          ]);
          const cal = new ICAL.Component(ICAL.parse(invite) as unknown[]);
          expect(cal.getAllSubcomponents().map((c) => c.name)).toEqual(['vevent']);
          expect(
            vevent(invite)
              .getAllSubcomponents()
              .map((c) => c.name),
          ).toEqual(['valarm']);
          const feed = new ICAL.Component(ICAL.parse(buildFeed([event, ...more], name)) as unknown[]);
          expect(feed.getAllSubcomponents('vevent')).toHaveLength(1 + more.length);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('either accepts an address as its mailto: or rejects it with input.invalid', () => {
    fc.assert(
      fc.property(fc.oneof(fc.emailAddress(), anyTextArb), (email) => {
        const event: InviteEvent = {
          uid: 'u@rapport.local',
          sequence: 0,
          dtstamp: 0,
          start: 0,
          end: 60_000,
          summary: '',
          description: '',
          location: null,
          url: null,
          organizer: { name: null, email: 'me@example.com' },
          attendees: [{ name: null, email }],
          status: 'CONFIRMED',
        };
        let ics: string;
        try {
          ics = buildInvite(event, 'REQUEST');
        } catch (e) {
          expect(e).toBeInstanceOf(RapportError);
          expect((e as RapportError).code).toBe('input.invalid');
          return;
        }
        // Accepted: one @, and nothing a mailto: value would have to escape or could break a line with.
        expect(email.split('@')).toHaveLength(2);
        expect(email).not.toMatch(/[\s"<>()[\]\\,;:%?#]/u);
        expect(email).not.toMatch(UNCARRIABLE);
        expect(vevent(ics).getFirstProperty('attendee')!.getFirstValue()).toBe(`mailto:${email}`);
      }),
      { numRuns: 300 },
    );
  });
});
