import { describe, expect, it } from 'vitest';
import { ofType } from '../fixture-export.test-support.js';
import { attendee, calendar, importCalendars, OWNER, vevent } from './calendar-builder.test-support.js';

const ADA = 'ada@example.com';
const BOB = 'bob@example.com';

async function meetings(events: string[], header?: string[]) {
  const records = await importCalendars({ 'cal.ics': calendar(events, header) });
  return { interactions: ofType(records, 'interaction'), rejected: ofType(records, 'rejected'), records };
}

describe('which events are meetings', () => {
  it('turns an event with one other attendee into a one-to-one meeting, the owner left out', async () => {
    const { interactions } = await meetings([
      vevent([
        'SUMMARY:Coffee',
        'LOCATION:Café Central\\, Vienna',
        attendee(OWNER),
        attendee(ADA, 'CN=Ada Lovelace'),
      ]),
    ]);
    expect(interactions).toEqual([
      expect.objectContaining({
        at: Date.UTC(2024, 0, 15, 10),
        channel: 'in_person',
        network: 'calendar',
        direction: 'mutual',
        audience: 'one_to_one',
        length: 60,
        snippet: 'Coffee',
        participants: [{ network: 'email', key: ADA, displayName: 'Ada Lovelace' }],
      }),
    ]);
  });

  it('makes a group of two or more others, the organizer included', async () => {
    const { interactions } = await meetings([
      vevent([`ORGANIZER:mailto:${BOB}`, attendee(OWNER), attendee(ADA)]),
    ]);
    expect(interactions[0]).toMatchObject({ audience: 'group' });
    expect(interactions[0]!.participants.map((p) => p.key)).toEqual([BOB, ADA]);
  });

  it('rejects cancelled events and those the owner declined, and drops attendees who declined', async () => {
    const { interactions, rejected } = await meetings([
      vevent(['STATUS:CANCELLED', attendee(ADA)], 'a'),
      vevent([attendee(OWNER, 'PARTSTAT=DECLINED'), attendee(ADA)], 'b'),
      vevent([attendee(OWNER), attendee(ADA, 'PARTSTAT=DECLINED'), attendee(BOB)], 'c'),
      vevent([attendee(OWNER), attendee(ADA, 'PARTSTAT=DECLINED')], 'd'),
    ]);
    expect(rejected.map((r) => r.reason)).toEqual([
      'not a meeting: cancelled (STATUS:CANCELLED)',
      'not a meeting: you declined it',
      'not a meeting: no one else attends',
    ]);
    expect(interactions.map((i) => i.participants.map((p) => p.key))).toEqual([[BOB]]);
  });

  it('counts all-day events only when they have attendees', async () => {
    const day = ['DTSTART;VALUE=DATE:20240115', 'DTEND;VALUE=DATE:20240116'];
    const { interactions, rejected } = await meetings([
      vevent([...day, 'SUMMARY:Holiday'], 'a'),
      vevent([...day, attendee(ADA)], 'b'),
    ]);
    expect(rejected.map((r) => r.reason)).toEqual(['not a meeting: all-day event without attendees']);
    expect(interactions).toEqual([expect.objectContaining({ at: Date.UTC(2024, 0, 15), length: null })]);
  });

  it('skips Google @virtual pseudo-attendees, resource calendars and rooms', async () => {
    const { rejected } = await meetings([
      vevent([
        attendee('abc123@virtual'),
        attendee('c_188@resource.calendar.google.com'),
        attendee('room@example.com', 'CUTYPE=ROOM'),
        attendee(OWNER),
      ]),
    ]);
    expect(rejected.map((r) => r.reason)).toEqual(['not a meeting: no one else attends']);
  });

  it('reads folded CN values, MAILTO in any case, quoted CN and EMAIL parameters', async () => {
    const { interactions } = await meetings([
      vevent([
        'ATTENDEE;CN=Ada Lo',
        ' velace;PARTSTAT=ACCEPTED:MAILTO:Ada@Example.COM',
        'ATTENDEE;CN="Bob, the Builder";EMAIL="bob@example.com":urn:uuid:1234',
        'ATTENDEE;CN=Carol:"mailto:carol@example.com"',
      ]),
    ]);
    expect(interactions[0]!.participants).toEqual([
      { network: 'email', key: ADA, displayName: 'Ada Lovelace' },
      { network: 'email', key: BOB, displayName: 'Bob, the Builder' },
      { network: 'email', key: 'carol@example.com', displayName: 'Carol' },
    ]);
  });
});

describe('how a meeting happens', () => {
  const channelOf = async (lines: string[]) =>
    (await meetings([vevent([attendee(ADA), ...lines])])).interactions[0]!.channel;

  it('is in person at a place, even with a video link (a hybrid room)', async () => {
    expect(await channelOf(['LOCATION:Room 4.12'])).toBe('in_person');
    expect(
      await channelOf(['LOCATION:Room 4.12', 'DESCRIPTION:Join https://meet.google.com/abc-defg-hij']),
    ).toBe('in_person');
  });

  it('is video with a Meet, Zoom, Teams, Skype or Webex link anywhere, or an online location', async () => {
    expect(await channelOf(['X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij'])).toBe('video');
    expect(await channelOf(['LOCATION:https://us02web.zoom.us/j/123456'])).toBe('video');
    expect(await channelOf(['DESCRIPTION:Join: https://teams.microsoft.com/l/meetup-join/19%3a'])).toBe(
      'video',
    );
    expect(await channelOf(['URL:https://join.skype.com/abc'])).toBe('video');
    expect(await channelOf(['CONFERENCE;VALUE=URI:https://acme.webex.com/meet/x'])).toBe('video');
    expect(await channelOf(['LOCATION:Microsoft Teams Meeting'])).toBe('video');
  });

  it('is a call for a dial-in, and when nothing says how', async () => {
    expect(await channelOf(['LOCATION:+49 30 1234567'])).toBe('call');
    expect(await channelOf(['DESCRIPTION:Dial tel:+1-555-0100,,1234#'])).toBe('call');
    expect(await channelOf([])).toBe('call');
  });
});

describe('who the owner is', () => {
  it('is the organizer of most events in an export without a calendar name', async () => {
    const { records } = await meetings(
      [
        vevent([`ORGANIZER;CN=Me:mailto:${OWNER}`, attendee(ADA)], 'a'),
        vevent([`ORGANIZER;CN=Me:mailto:${OWNER}`, attendee(BOB)], 'b'),
        vevent([`ORGANIZER:mailto:${BOB}`, attendee(OWNER)], 'c'),
      ],
      [],
    );
    expect(ofType(records, 'owner')).toEqual([
      expect.objectContaining({ identities: [{ network: 'email', key: OWNER, displayName: 'Me' }] }),
    ]);
    expect(ofType(records, 'interaction').map((i) => i.participants.map((p) => p.key))).toEqual([
      [ADA],
      [BOB],
      [BOB],
    ]);
  });

  it('is the attendee present in every invitation (METHOD:REQUEST), not their organizers', async () => {
    const { records } = await meetings(
      [
        vevent([`ORGANIZER:mailto:${ADA}`, attendee(ADA), attendee(OWNER)], 'a'),
        vevent([`ORGANIZER:mailto:${BOB}`, attendee(OWNER)], 'b'),
      ],
      ['METHOD:REQUEST'],
    );
    expect(ofType(records, 'owner').map((o) => o.identities[0]!.key)).toEqual([OWNER]);
  });

  it('may be given by the caller', async () => {
    const records = await importCalendars(
      { 'a.ics': calendar([vevent([attendee(ADA), attendee(BOB)])], []) },
      { owner: BOB },
    );
    expect(ofType(records, 'interaction')[0]!.participants.map((p) => p.key)).toEqual([ADA]);
  });
});
