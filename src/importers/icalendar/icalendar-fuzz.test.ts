import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRapportError } from '../../errors.js';
import { memorySource } from '../fixture-export.test-support.js';
import { icalendarImporter } from './icalendar.importer.js';

const KNOWN = new Set(['owner', 'contact', 'interaction', 'rejected', 'file', 'progress']);
const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/icalendar/', import.meta.url));

/** Runs the importer over one file of `bytes`; only records or a RapportError may come out. */
async function survives(bytes: Uint8Array, chunkSize: number, now?: number): Promise<void> {
  try {
    for await (const batch of icalendarImporter.parseBatches(
      memorySource({ 'cal.ics': bytes }, { chunkSize }),
      { now },
    )) {
      for (const record of batch) {
        expect(KNOWN.has(record.type)).toBe(true);
        if (record.type === 'interaction') {
          expect(Number.isFinite(record.at)).toBe(true);
          expect(record.participants.length).toBeGreaterThan(0);
        }
      }
    }
  } catch (error) {
    if (!isRapportError(error)) throw error;
  }
}

const LINES = fc.oneof(
  fc.constantFrom(
    'BEGIN:VCALENDAR',
    'END:VCALENDAR',
    'BEGIN:VEVENT',
    'END:VEVENT',
    'BEGIN:VTIMEZONE',
    'END:VTIMEZONE',
    'BEGIN:STANDARD',
    'END:STANDARD',
    'BEGIN:VALARM',
    'END:VALARM',
    'TZID:Custom',
    'TZOFFSETTO:+0100',
    'TZOFFSETFROM:+0200',
    'X-WR-CALNAME:me@example.com',
    'X-WR-TIMEZONE:Europe/Berlin',
    'METHOD:REQUEST',
    'STATUS:CANCELLED',
    'UID:same',
    'RECURRENCE-ID:20240102T100000Z',
    'ATTENDEE;CN="A, B";PARTSTAT=DECLINED:mailto:me@example.com',
    'ATTENDEE:MAILTO:ada@example.com',
    'ORGANIZER;CN=Bob:mailto:bob@example.com',
    'LOCATION:https://zoom.us/j/1',
    ' folded',
    '',
  ),
  fc
    .tuple(
      fc.constantFrom(
        'DTSTART',
        'DTEND',
        'DTSTAMP',
        'EXDATE',
        'RDATE',
        'DTSTART;VALUE=DATE',
        'DTSTART;TZID=Custom',
      ),
      fc.stringMatching(/^[0-9TZ:,/-]{0,20}$/),
    )
    .map(([name, value]) => `${name}:${value}`),
  fc
    .tuple(
      fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY', 'HOURLY', 'SECONDLY', 'X'),
      fc.constantFrom(
        '',
        ';COUNT=3',
        ';INTERVAL=2',
        ';BYDAY=MO,2TU',
        ';BYMONTHDAY=31',
        ';UNTIL=20240301T000000Z',
        ';BYSETPOS=-1',
      ),
    )
    .map(([freq, part]) => `RRULE:FREQ=${freq}${part}`),
  fc.string({ maxLength: 30 }),
);

/** Mostly well-formed calendars: events made of the lines above, sometimes left unclosed. */
const CALENDARS = fc
  .array(
    fc
      .tuple(fc.array(LINES, { maxLength: 12 }), fc.boolean())
      .map(([props, closed]) => [
        'BEGIN:VEVENT',
        'DTSTART:20240101T100000Z',
        'ATTENDEE:mailto:bob@example.com',
        ...props,
        ...(closed ? ['END:VEVENT'] : []),
      ]),
    { maxLength: 8 },
  )
  .map((events) => ['BEGIN:VCALENDAR', ...events.flat(), 'END:VCALENDAR']);

describe('iCalendar fuzzing', () => {
  it('turns arbitrary bytes into records or rejections, never another exception, in bounded time', async () => {
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 600 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 64 }),
        (bytes, headed, chunk) =>
          survives(
            headed ? Buffer.concat([Buffer.from('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n'), bytes]) : bytes,
            chunk,
          ),
      ),
      { numRuns: 300 },
    );
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('survives iCalendar-shaped garbage: broken nesting, odd dates, rules, folds', async () => {
    const started = Date.now();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.array(LINES, { maxLength: 40 }), CALENDARS),
        fc.integer({ min: 1, max: 64 }),
        fc.option(fc.integer({ min: 0, max: 2_000_000_000_000 }), { nil: undefined }),
        (lines, chunk, now) => survives(Buffer.from(lines.join(chunk % 2 === 0 ? '\r\n' : '\n')), chunk, now),
      ),
      { numRuns: 300 },
    );
    expect(Date.now() - started).toBeLessThan(30_000);
  });

  it('survives every fixture cut short anywhere', async () => {
    const files = readdirSync(FIXTURES).map((name) => readFileSync(FIXTURES + name));
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: files.length - 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (i, cut) => {
          const bytes = files[i]!;
          return survives(bytes.subarray(0, Math.floor(bytes.length * cut)), 97, Date.UTC(2030, 0, 1));
        },
      ),
      { numRuns: 200 },
    );
  });
});
