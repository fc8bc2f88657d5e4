import { describe, expect, it } from 'vitest';
import { ofType } from '../fixture-export.test-support.js';
import { attendee, calendar, importCalendars, vevent } from './calendar-builder.test-support.js';
import { MAX_OCCURRENCES } from './ics-occurrences.js';

const ADA = attendee('ada@example.com');

async function starts(events: string[], now?: number) {
  const records = await importCalendars({ 'cal.ics': calendar(events) }, { now });
  return {
    at: ofType(records, 'interaction').map((i) => new Date(i.at).toISOString()),
    interactions: ofType(records, 'interaction'),
    rejected: ofType(records, 'rejected').map((r) => r.reason),
  };
}

const BERLIN_TZ = [
  'BEGIN:VTIMEZONE',
  'TZID:Custom Zone',
  'BEGIN:STANDARD',
  'DTSTART:16010101T030000',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:16010101T020000',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
].join('\r\n');

describe('recurring meetings', () => {
  it('expands only into the past, up to the given now', async () => {
    const { at } = await starts(
      [vevent(['DTSTART:20240101T100000Z', 'DURATION:PT1H', 'RRULE:FREQ=WEEKLY', ADA])],
      Date.UTC(2024, 2, 1),
    );
    // Mondays from Jan 1 to Feb 26, 2024, counted on a calendar: 9.
    expect(at).toHaveLength(9);
    expect(at.at(-1)).toBe('2024-02-26T10:00:00.000Z');
  });

  it('takes now from the newest DTSTAMP / LAST-MODIFIED when none is given', async () => {
    const { at } = await starts([
      vevent([
        'DTSTART:20240101T100000Z',
        'RRULE:FREQ=WEEKLY',
        'DTSTAMP:20240101T000000Z',
        'LAST-MODIFIED:20240201T000000Z',
        ADA,
      ]),
    ]);
    expect(at).toEqual(
      ['2024-01-01', '2024-01-08', '2024-01-15', '2024-01-22', '2024-01-29'].map((d) => `${d}T10:00:00.000Z`),
    );
  });

  it('keeps wall-clock times across daylight-saving changes (IANA, Windows id, custom VTIMEZONE after the event)', async () => {
    const monday = (tzid: string) =>
      vevent([`DTSTART;TZID=${tzid}:20240318T100000`, 'RRULE:FREQ=WEEKLY;COUNT=4', ADA], tzid);
    const { interactions } = await starts(
      [monday('Europe/Berlin'), monday('W. Europe Standard Time'), monday('"Custom Zone"'), BERLIN_TZ],
      Date.UTC(2025, 0, 1),
    );
    // Europe switched to summer time on 2024-03-31: 10:00 is 09:00Z before and 08:00Z after.
    const expected = ['2024-03-18T09', '2024-03-25T09', '2024-04-01T08', '2024-04-08T08'].map(
      (h) => `${h}:00:00.000Z`,
    );
    expect(interactions.map((i) => new Date(i.at).toISOString())).toEqual([
      ...expected,
      ...expected,
      ...expected,
    ]);
  });

  it('handles the US autumn change and a UTC UNTIL east of Greenwich', async () => {
    const { at } = await starts(
      [
        vevent(['DTSTART;TZID=America/New_York:20241024T090000', 'RRULE:FREQ=WEEKLY;COUNT=3', ADA], 'ny'),
        vevent(
          ['DTSTART;TZID=Europe/Berlin:20240101T100000', 'RRULE:FREQ=DAILY;UNTIL=20240103T090000Z', ADA],
          'be',
        ),
      ],
      Date.UTC(2025, 0, 1),
    );
    expect(at).toEqual([
      '2024-10-24T13:00:00.000Z',
      '2024-10-31T13:00:00.000Z',
      '2024-11-07T14:00:00.000Z',
      '2024-01-01T09:00:00.000Z',
      '2024-01-02T09:00:00.000Z',
      '2024-01-03T09:00:00.000Z',
    ]);
  });

  it('applies EXDATE and RECURRENCE-ID overrides (found before or after their series), with occurrence ids', async () => {
    const series = vevent(
      [
        'DTSTART:20240101T100000Z',
        'DURATION:PT1H',
        'RRULE:FREQ=DAILY;COUNT=5',
        'EXDATE:20240103T100000Z',
        ADA,
      ],
      'daily',
    );
    const moved = vevent(
      ['RECURRENCE-ID:20240102T100000Z', 'DTSTART:20240102T150000Z', 'DTEND:20240102T153000Z', ADA],
      'daily',
    );
    const now = Date.UTC(2024, 5, 1);
    const first = await importCalendars({ 'a.ics': calendar([moved, series]) }, { now });
    const again = await importCalendars(
      { 'b.ics': calendar([series.replace('20240601', '20240701'), moved]) },
      { now },
    );
    const view = (records: typeof first) =>
      ofType(records, 'interaction')
        .map((i) => [new Date(i.at).toISOString(), i.length, i.externalId] as const)
        .sort();
    expect(view(first).map(([at, length]) => [at, length])).toEqual([
      ['2024-01-01T10:00:00.000Z', 60],
      ['2024-01-02T15:00:00.000Z', 30],
      ['2024-01-04T10:00:00.000Z', 60],
      ['2024-01-05T10:00:00.000Z', 60],
    ]);
    expect(new Set(view(first).map(([, , id]) => id)).size).toBe(4);
    expect(view(again)).toEqual(view(first));
  });

  it('cuts a series at MAX_OCCURRENCES, keeping the latest, and says so', async () => {
    const { at, rejected } = await starts(
      [vevent(['DTSTART:19900101T100000Z', 'RRULE:FREQ=DAILY', ADA])],
      Date.UTC(2024, 0, 1),
    );
    expect(at).toHaveLength(MAX_OCCURRENCES);
    expect(at.at(-1)).toBe('2023-12-31T10:00:00.000Z');
    expect(rejected).toEqual([
      expect.stringMatching(/^recurring event cut: only its latest 5000 occurrences/),
    ]);
  });

  it('does not guess: without any stamp or given now a series is rejected, a single event kept', async () => {
    const noStamp = (lines: string[], uid: string) => vevent(['DTSTAMP;X=1:x', ...lines], uid);
    const records = await importCalendars({
      'cal.ics': calendar([noStamp(['RRULE:FREQ=DAILY', ADA], 'a'), noStamp([ADA], 'b')]),
    });
    expect(ofType(records, 'rejected').map((r) => r.reason)).toEqual([
      'recurring event not expanded: the export has no DTSTAMP or LAST-MODIFIED to tell past from future',
    ]);
    expect(ofType(records, 'interaction')).toHaveLength(1);
  });

  it('says when a series has not started yet, and refuses rules that never match', async () => {
    const { at, rejected } = await starts(
      [
        vevent(['DTSTART:20300101T100000Z', 'RRULE:FREQ=DAILY', ADA], 'future'),
        vevent(['DTSTART:20240101T100000Z', 'RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', ADA], 'never'),
      ],
      Date.UTC(2024, 5, 1),
    );
    expect(rejected).toEqual([
      'not a meeting yet: starts after 2024-06-01T00:00:00.000Z, when the export was made',
      expect.stringMatching(/^unreadable RRULE .*never matches a date; only its other dates were read$/),
    ]);
    expect(at).toEqual(['2024-01-01T10:00:00.000Z']);
  });
});
