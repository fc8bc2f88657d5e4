import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { collect, memorySource, ofType } from '../fixture-export.test-support.js';
import { icalendarImporter } from './icalendar.importer.js';

/** /work/shared/fixtures/icalendar (ical.js MPL-2.0, node-ical Apache-2.0, python-icalendar BSD-2; see SOURCES.md). */
const DIR = fileURLToPath(new URL('../../../../shared/fixtures/icalendar/', import.meta.url));

/**
 * Expected counts per fixture, verified independently of this importer:
 * `events` is `python3 -c "import re,sys; print(len(re.findall(r'^BEGIN:VEVENT', open(f).read(), re.M|re.I)))"`;
 * the rest comes from reading each file by hand (attendees, organizer, STATUS, DTSTAMP):
 * every VEVENT yields either interactions or exactly one rejection (none is cut here).
 */
const FIXTURES: Record<string, { events: number; interactions: number; rejected: number; owner?: string }> = {
  // X-WR-CALNAME names the owner; the only ATTENDEE is inside a VALARM (a reminder address).
  'ical.js__samples__daily_recur.ics': {
    events: 1,
    interactions: 0,
    rejected: 1,
    owner: 'calmozilla1@gmail.com',
  },
  // All-day birthdays whose only attendee is a Google @virtual pseudo-attendee.
  'ical.js__samples__google_birthday.ics': { events: 4, interactions: 0, rejected: 4 },
  'ical.js__samples__minimal.ics': {
    events: 1,
    interactions: 0,
    rejected: 1,
    owner: 'calmozilla1@gmail.com',
  },
  // Organizer x@bar.com (owner: organizes 1 of 1); weekday series from 2012-09-11 10:30 PDT,
  // DTSTAMP 2012-09-11T18:48:51Z: only the first occurrence (17:30Z) is past. foo@bar.com is the other.
  'ical.js__samples__parserv2.ics': { events: 1, interactions: 1, rejected: 0, owner: 'x@bar.com' },
  // Series starting 2012-10-02, newest DTSTAMP 2012-09-12: nothing has happened yet (3 rejections).
  'ical.js__samples__recur_instances.ics': {
    events: 3,
    interactions: 0,
    rejected: 3,
    owner: 'jlal@mozilla.com',
  },
  'node-ical__test__fixtures__Office-2012-owa.ics': { events: 4, interactions: 0, rejected: 4 },
  // No DTSTART at all; its one attendee is the owner (present in every event).
  'node-ical__test__fixtures__attendee-with-url.ics': {
    events: 1,
    interactions: 0,
    rejected: 1,
    owner: 'test@example.com',
  },
  'node-ical__test__fixtures__event-organizer-cn.ics': {
    events: 1,
    interactions: 0,
    rejected: 1,
    owner: 'stomlinson@mozilla.com',
  },
  'node-ical__test__fixtures__exchange-custom-tz.ics': { events: 1, interactions: 0, rejected: 1 },
  'node-ical__test__fixtures__google-calendar-kiev-tz.ics': { events: 2, interactions: 0, rejected: 2 },
  'node-ical__test__fixtures__google-recurrence-order.ics': { events: 2, interactions: 0, rejected: 2 },
  'node-ical__test__fixtures__ms_timezones.ics': { events: 4, interactions: 0, rejected: 4 },
  // 7 VEVENTs with one UID: 2 are older copies (lower SEQUENCE) of an override; nobody attends any.
  'node-ical__test__fixtures__recurrence-sequence.ics': { events: 7, interactions: 0, rejected: 7 },
  // Each event names one address (organizer = attendee); one is STATUS:CANCELLED; no owner can be told.
  'node-ical__test__fixtures__tentative-apple-calendar.ics': { events: 4, interactions: 0, rejected: 4 },
  'node-ical__test__fixtures__test_with_int_tzid.ics': { events: 2, interactions: 0, rejected: 2 },
  'node-ical__test__fixtures__windows-quoted-tz-rrule.ics': { events: 1, interactions: 0, rejected: 1 },
  'python-icalendar__tests__calendars__issue_165_missing_event.ics': {
    events: 1,
    interactions: 0,
    rejected: 1,
  },
  'python-icalendar__tests__calendars__issue_836_do_not_quote_tzid.ics': {
    events: 1,
    interactions: 0,
    rejected: 1,
  },
  // An invitation (METHOD:REQUEST) for 2012-08-14, stamped 2012-08-13: not happened yet.
  'python-icalendar__tests__calendars__property_params.ics': { events: 1, interactions: 0, rejected: 1 },
  'python-icalendar__tests__calendars__x_location.ics': { events: 1, interactions: 0, rejected: 1 },
};

async function read(name: string, options: { now?: number } = {}) {
  return collect(icalendarImporter.parseBatches(memorySource({ [name]: readFileSync(DIR + name) }), options));
}

describe('icalendarImporter on the shared fixtures', () => {
  it('covers every .ics fixture', () => {
    expect(
      readdirSync(DIR)
        .filter((f) => f.endsWith('.ics'))
        .sort(),
    ).toEqual(Object.keys(FIXTURES).sort());
  });

  for (const [name, expected] of Object.entries(FIXTURES)) {
    it(`reads ${name}`, async () => {
      const records = await read(name);
      const interactions = ofType(records, 'interaction');
      const rejected = ofType(records, 'rejected');
      expect({ interactions: interactions.length, rejected: rejected.length }).toEqual({
        interactions: expected.interactions,
        rejected: expected.rejected,
      });
      expect(new Set([...interactions, ...rejected].map((r) => r.line)).size).toBe(expected.events);
      expect(ofType(records, 'owner').map((o) => o.identities[0]!.key)).toEqual(
        expected.owner ? [expected.owner] : [],
      );
      for (const r of rejected) expect(r.line).toBeGreaterThan(0);
    });
  }

  it('reads the one past meeting of parserv2.ics exactly', async () => {
    const [meeting] = ofType(await read('ical.js__samples__parserv2.ics'), 'interaction');
    expect(meeting).toMatchObject({
      at: Date.UTC(2012, 8, 11, 17, 30),
      channel: 'call',
      network: 'calendar',
      direction: 'mutual',
      audience: 'one_to_one',
      length: 30,
      snippet: 'Calendar',
      participants: [{ network: 'email', key: 'foo@bar.com', displayName: 'XXX' }],
    });
  });

  it('expands recur_instances.ics up to a given now: RDATE, EXDATE, RECURRENCE-ID overrides, across DST', async () => {
    const records = await read('ical.js__samples__recur_instances.ics', { now: Date.UTC(2013, 5, 1) });
    const at = ofType(records, 'interaction').map((i) => new Date(i.at).toISOString());
    // By hand: first Tuesdays from 2012-10-02 10:00 America/Los_Angeles, less EXDATE 12-04, 02-05, 04-02,
    // plus RDATE 11-05 (overridden), 11-10, 11-30; 10-02 and 11-05 are moved by the two overrides.
    expect(at).toEqual([
      '2012-11-06T18:00:00.000Z',
      '2012-11-10T18:00:00.000Z',
      '2012-11-30T18:00:00.000Z',
      '2013-01-01T18:00:00.000Z',
      '2013-03-05T18:00:00.000Z',
      '2013-05-07T17:00:00.000Z',
      '2012-10-02T22:00:00.000Z',
      '2012-11-07T04:00:00.000Z',
    ]);
    const people = ofType(records, 'interaction').map((i) => i.participants.length);
    expect(people).toEqual([3, 3, 3, 3, 3, 3, 3, 3]);
    expect(ofType(records, 'rejected')).toEqual([]);
  });

  it('counts the all-day invitation of property_params.ics as a group meeting once it is past', async () => {
    const records = await read('python-icalendar__tests__calendars__property_params.ics', {
      now: Date.UTC(2020, 0, 1),
    });
    expect(ofType(records, 'interaction')).toEqual([
      expect.objectContaining({
        at: Date.UTC(2012, 7, 14),
        audience: 'group',
        length: null,
        channel: 'call',
      }),
    ]);
  });
});
