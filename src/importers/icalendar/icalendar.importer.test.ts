import { createWriteStream, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { damagedSource } from '../damaged-entry.test-support.js';
import { openExport } from '../export-source.js';
import { collect, memorySource, ofType } from '../fixture-export.test-support.js';
import { busyIntervals } from './busy-intervals.js';
import { attendee, calendar, importCalendars, OWNER, vevent } from './calendar-builder.test-support.js';
import { icalendarImporter, sniffIcalendar } from './icalendar.importer.js';

const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/icalendar/', import.meta.url));
const ADA = attendee('ada@example.com');

async function zipOf(files: Record<string, string | Buffer>): Promise<string> {
  const zip = new yazl.ZipFile();
  for (const [name, content] of Object.entries(files)) zip.addBuffer(Buffer.from(content), name);
  zip.end();
  const path = join(await mkdtemp(join(tmpdir(), 'rapport-ics-')), 'takeout-20240601.zip');
  await new Promise<void>((resolve, reject) =>
    zip.outputStream.pipe(createWriteStream(path)).on('close', resolve).on('error', reject),
  );
  return path;
}

describe('icalendarImporter', () => {
  it('detects calendars by name and confirms them by contents', async () => {
    expect(icalendarImporter.detect(memorySource({ 'Calendar/me.ics': 'x' }))).toBe(true);
    expect(icalendarImporter.detect(memorySource({ 'notes.txt': 'BEGIN:VCALENDAR' }))).toBe(false);
    expect(await sniffIcalendar(memorySource({ 'a.ics': '\uFEFF\r\nBEGIN:VCALENDAR\r\n' }))).toBe(true);
    expect(await sniffIcalendar(memorySource({ 'a.ics': 'Subject,Start Date\r\n' }))).toBe(false);
  });

  it('reads a Takeout zip: every calendar with one owner, other files skipped', async () => {
    const path = await zipOf({
      'Takeout/Calendar/me@example.com.ics': calendar([vevent(['LOCATION:Pub', ADA, attendee(OWNER)])]),
      'Takeout/Calendar/Team.ics': calendar(
        [vevent(['LOCATION:Office', ADA], 'other')],
        ['X-WR-CALNAME:Team'],
      ),
      'Takeout/Calendar/broken.ics': 'Subject,Start\r\nnot a calendar\r\n',
      'Takeout/archive_browser.html': '<html></html>',
    });
    const source = await openExport(path);
    const records = await collect(icalendarImporter.parseBatches(source));
    await source.close();
    expect(ofType(records, 'file').map((f) => [f.file.split('/').pop(), f.status])).toEqual([
      ['broken.ics', 'skipped'],
      ['archive_browser.html', 'skipped'],
      ['me@example.com.ics', 'reading'],
      ['Team.ics', 'reading'],
    ]);
    expect(ofType(records, 'owner').map((o) => o.identities[0]!.key)).toEqual([OWNER]);
    expect(ofType(records, 'interaction').map((i) => i.participants.map((p) => p.key))).toEqual([
      ['ada@example.com'],
      ['ada@example.com'],
    ]);
  });

  it('gives the same records whatever the chunk size, and the same event in two exports the same id', async () => {
    const text = readFileSync(join(FIXTURES, 'ical.js__samples__recur_instances.ics'));
    const now = Date.UTC(2013, 5, 1);
    const whole = await importCalendars({ 'a.ics': text }, { now });
    for (const size of [1, 7, 64]) {
      const chunked = await importCalendars({ 'a.ics': text }, { now }, size);
      expect(chunked.filter((r) => r.type !== 'progress')).toEqual(
        whole.filter((r) => r.type !== 'progress'),
      );
    }
    const other = await importCalendars({ 'other name.ics': text }, { now });
    expect(ofType(other, 'interaction').map((i) => i.externalId)).toEqual(
      ofType(whole, 'interaction').map((i) => i.externalId),
    );
  });

  it('rejects cut-off and unreadable events with their line, and reads on', async () => {
    const good = vevent([ADA], 'good');
    const records = await importCalendars({
      'cal.ics': `BEGIN:VCALENDAR\r\nX-WR-CALNAME:${OWNER}\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:garbage\r\nEND:VEVENT\r\n${good}\r\nBEGIN:VEVENT\r\nUID:cut`,
    });
    expect(ofType(records, 'rejected')).toEqual([
      { type: 'rejected', file: 'cal.ics', line: 3, reason: 'unreadable event: no readable DTSTART' },
      { type: 'rejected', file: 'cal.ics', line: 14, reason: 'VEVENT is cut off (no END:VEVENT)' },
    ]);
    expect(ofType(records, 'interaction')).toHaveLength(1);
  });

  it('reports a file that breaks off mid-read as import.unreadable', async () => {
    const source = damagedSource('cal.ics', `BEGIN:VCALENDAR\r\n${vevent([ADA])}\r\n`);
    await expect(collect(icalendarImporter.parseBatches(source))).rejects.toMatchObject({
      code: 'import.unreadable',
    });
  });
});

describe('busyIntervals', () => {
  it('lists opaque, non-declined times in the window, recurring ones expanded, future included', async () => {
    const source = memorySource({
      'cal.ics': calendar([
        vevent(['DTSTART:20240610T090000Z', 'DTEND:20240610T100000Z', 'SUMMARY:Dentist'], 'alone'),
        vevent(['DTSTART:20240603T120000Z', 'DURATION:PT30M', 'RRULE:FREQ=WEEKLY;COUNT=4', ADA], 'weekly'),
        vevent(['DTSTART:20240611T090000Z', 'DTEND:20240611T100000Z', 'TRANSP:TRANSPARENT'], 'free'),
        vevent(
          ['DTSTART:20240612T090000Z', 'DTEND:20240612T100000Z', attendee(OWNER, 'PARTSTAT=DECLINED')],
          'no',
        ),
        vevent(['DTSTART:20240613T090000Z', 'DTEND:20240613T100000Z', 'STATUS:CANCELLED'], 'off'),
      ]),
    });
    const busy = await busyIntervals(source, { from: Date.UTC(2024, 5, 5), to: Date.UTC(2024, 5, 30) });
    expect(busy.map((b) => [new Date(b.start).toISOString(), (b.end - b.start) / 60_000])).toEqual([
      ['2024-06-10T09:00:00.000Z', 60],
      ['2024-06-10T12:00:00.000Z', 30],
      ['2024-06-17T12:00:00.000Z', 30],
      ['2024-06-24T12:00:00.000Z', 30],
    ]);
    expect(busy[0]!.file).toBe('cal.ics');
  });
});
