import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRM_HEADER } from './crm-csv.writer.js';
import { type Life, makeLife } from './multi-source.test-support.js';
import { csvRecords } from './read-export.test-support.js';

let life: Life;
beforeAll(async () => {
  life = await makeLife();
});
afterAll(() => life.cleanup());

const records = (source: string) =>
  life.result.files.filter((f) => f.source === source).map((f) => f.records);
const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;
const one = (source: string) => records(source)[0] ?? -1;

describe('generateMultiSourceExport: the other files parse to `records` records', () => {
  it('Skype: every MessageList entry; calls carry a <partlist> with <duration>', async () => {
    const data = JSON.parse(await life.text('skype'));
    const list = data.conversations.flatMap((c: { MessageList: unknown[] }) => c.MessageList);
    expect(list).toHaveLength(one('skype'));
    const calls = list.filter((m: { messagetype: string }) => m.messagetype === 'Event/Call');
    expect(
      calls.some((m: { content: string }) =>
        /<partlist type="ended".*<duration>\d+<\/duration>/.test(m.content),
      ),
    ).toBe(true);
    expect(calls.some((m: { content: string }) => m.content.includes('type="missed"'))).toBe(true);
    expect(data.conversations.some((c: { id: string }) => c.id.startsWith('4:+49'))).toBe(true);
  });

  it('Hangouts: every event; hangouts start and end with a duration', async () => {
    const data = JSON.parse(await life.text('hangouts'));
    const events = data.conversations.flatMap((c: { events: unknown[] }) => c.events);
    expect(events).toHaveLength(one('hangouts'));
    const ends = events.filter(
      (e: { hangout_event?: { event_type: string } }) => e.hangout_event?.event_type === 'END_HANGOUT',
    );
    expect(ends.length).toBeGreaterThan(0);
    for (const e of ends) expect(Number(e.hangout_event.hangout_duration_secs)).toBeGreaterThan(0);
  });

  it('WhatsApp: one record per message header line, Android d/m/y and iOS with U+200E', async () => {
    const [android, ios, group] = await Promise.all(life.paths('whatsapp').map((p) => readFile(p, 'utf8')));
    const androidHead = /^\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2} - /gm;
    const iosHead = /^\u200e?\[\d{4}-\d{2}-\d{2}, \d{2}:\d{2}:\d{2}\] /gm;
    expect([
      count(android ?? '', androidHead),
      count(ios ?? '', iosHead),
      count(group ?? '', iosHead),
    ]).toEqual(records('whatsapp'));
    const days = [...(android ?? '').matchAll(/^(\d{2})\//gm)].map((m) => Number(m[1]));
    expect(Math.max(...days)).toBeGreaterThan(12);
    expect(ios).toContain('\u200eMissed voice call');
    expect(ios).toMatch(/\u200eVideo call, \u200e\d+ min/);
    const lines = (text: string | undefined, head: RegExp) =>
      (text ?? '').split(/\r?\n/).filter((l) => l !== '' && !head.test(l));
    expect(lines(android, /^\d{2}\/\d{2}\/\d{4}, /).length).toBeGreaterThan(0);
    expect(lines(ios, /^\u200e?\[/).length).toBeGreaterThan(0);
  });

  it('mbox: one From_ line per record, CRLF, >From escaping, list mail and a noreply@ newsletter', async () => {
    const text = await life.text('email');
    expect(count(text, /^From \d+@xxx [A-Z][a-z]{2} [A-Z][a-z]{2} \d{2} [\d:]{8} \+0000 \d{4}\r$/gm)).toBe(
      one('email'),
    );
    expect(count(text, /^From /gm)).toBe(one('email'));
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text).toMatch(/^>From /m);
    expect(text).toMatch(/^List-Id: /m);
    expect(text).toMatch(/^From: .*<noreply@/m);
    expect(count(text, /^X-GM-THRID: \d+\r$/gm)).toBe(one('email'));
    const first = text.split(/\r\n(?=From \d+@xxx )/)[0] ?? '';
    const mail = await simpleParser(first.slice(first.indexOf('\r\n') + 2).replace(/^>(>*From )/gm, '$1'));
    const named = life.result.cast.concat(life.result.owner).map((p) => p.displayName);
    expect(named).toContain(mail.from?.value[0]?.name);
    expect(mail.text).toMatch(/^Hi /);
  });

  it('iCalendar: one VEVENT per record; ical.js reads it; the weekly series crosses a clock change', async () => {
    const text = await life.text('calendar');
    expect(count(text, /^BEGIN:VEVENT\r$/gm)).toBe(one('calendar'));
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const calendar = new ICAL.Component(ICAL.parse(text));
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    expect(events).toHaveLength(one('calendar'));
    const series = events.find((e) => e.isRecurring());
    expect(series?.startDate.zone?.tzid).toBe('W. Europe Standard Time');
    const it = series?.iterator();
    const hours = new Set<number>();
    for (let next = it?.next(); next; next = it?.next()) hours.add(next.toJSDate().getUTCHours());
    expect(hours.size).toBe(2);
    expect(text).toContain('STATUS:CANCELLED');
    expect(text).toMatch(/PARTSTAT=DECLINED;CN=Morgan\r\n {2}Avery|PARTSTAT=DECLINED;CN=Morgan Avery/);
    expect(text).toMatch(/zoom\.us\/j\/|meet\.google\.com\//);
    expect(events.some((e) => e.location.includes(','))).toBe(true);
  });

  it('vCard: one VCARD per record besides the owner’s; ical.js reads every card', async () => {
    const text = await life.text('vcard');
    expect(count(text, /^BEGIN:VCARD\r$/gm)).toBe(one('vcard') + 1);
    const parsed = ICAL.parse(text) as unknown[];
    expect(parsed).toHaveLength(one('vcard') + 1);
    expect(text).toMatch(/^item1\.URL:https\\:\/\/www\.linkedin\.com\/in\//m);
  });

  it('CRM CSV: one row per record besides the owner’s note to self', async () => {
    const text = await life.text('csv');
    const rows = csvRecords(text);
    expect(Object.keys(rows[0] ?? {})).toEqual([...CRM_HEADER]);
    expect(rows).toHaveLength(one('csv') + 1);
    expect(rows.filter((r) => r.Email === life.result.owner.emails[0])).toHaveLength(1);
  });
});
