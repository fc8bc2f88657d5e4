import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Contact, connectedOn, thread, writeLinkedInExport } from '../support/linkedin-export.js';
import { runCli } from './run-cli.js';

// A Sunday: the first slots fall on Monday or later, never on the weekend.
const NOW = '2026-11-29T09:00:00Z';
const now = Date.parse(NOW);
const ada: Contact = {
  first: 'Ada',
  last: 'Lovelace',
  slug: 'ada-lovelace-1a2b',
  company: 'Analytical Engines',
  connectedOn: connectedOn(now, 400),
  email: 'ada@example.com',
};

function vevent(ics: string): { calendar: ICAL.Component; event: ICAL.Component } {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  return { calendar, event: calendar.getFirstSubcomponent('vevent')! };
}

describe('rapport plan, end to end', () => {
  let home: string;
  let out: string;
  let exportDir: string;
  let env: NodeJS.ProcessEnv;
  const cli = (db: string, ...args: string[]) => runCli(['--db', db, ...args], env);

  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'rapport-e2e-plan-'));
    out = mkdtempSync(join(tmpdir(), 'rapport-e2e-invites-'));
    env = { HOME: home, XDG_DATA_HOME: join(home, 'data'), RAPPORT_NOW: NOW, TZ: 'Europe/Berlin' };
    // Twelve LinkedIn messages over seven weeks, never a call: stuck online.
    exportDir = writeLinkedInExport({ contacts: [ada], messages: thread(ada, now, 12, 4, 2) });
  });
  afterAll(() => {
    for (const dir of [home, out, exportDir]) rmSync(dir, { recursive: true, force: true });
  });

  it('takes a stuck-online person from Today through a coffee with an invite to done, off the list, and up the funnel', () => {
    const db = join(home, 'loop.db');
    expect(cli(db, 'import', exportDir).code).toBe(0);
    const reached = () =>
      Object.fromEntries(
        JSON.parse(cli(db, 'insights', '--json').stdout).funnel.rungs.map(
          (r: { rung: string; reached: number }) => [r.rung, r.reached],
        ),
      );
    const funnelBefore = reached();
    const before = JSON.parse(cli(db, 'today', '--json').stdout);
    expect(before.entries[0]).toMatchObject({ name: 'Ada Lovelace', bucket: 'stuck', plan: null });

    for (const [key, value] of [
      ['planning.yourEmail', 'morgan@example.com'],
      ['planning.timeZone', 'Europe/Berlin'],
      ['planning.coffeePlace', 'Café Einstein, Unter den Linden'],
    ]) {
      const set = cli(db, 'config', 'set', key!, value!);
      expect(set.stderr).toBe('');
      expect(set.code).toBe(0);
    }

    const planned = cli(db, 'plan', 'Ada', '--coffee', '--out', out);
    expect(planned.stderr).toBe('');
    expect(planned.code).toBe(0);
    expect(planned.stdout).toMatch(/Coffee with Ada Lovelace/);
    expect(planned.stdout).toMatch(
      / 1\. (Mon|Tue|Wed|Thu|Fri) \d+ \w+, \d\d:\d\d–\d\d:\d\d \(Europe\/Berlin\)/,
    );
    expect(planned.stdout).toMatch(/Hi Ada,/);
    expect(planned.stdout).toMatch(/since we connected on LinkedIn in/);
    expect(planned.stdout).toMatch(/Last time we talked about "Message 12 about the pilot, with a few…"/);
    const path = /Invite: (\S+\.ics) \(REQUEST\)/.exec(planned.stdout)?.[1];
    expect(path).toBeDefined();
    expect(existsSync(path!)).toBe(true);

    const { calendar, event } = vevent(readFileSync(path!, 'utf8'));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    expect(event.getFirstPropertyValue('organizer')).toBe('mailto:morgan@example.com');
    expect(event.getFirstPropertyValue('attendee')).toBe('mailto:ada@example.com');
    expect(event.getFirstPropertyValue('location')).toBe('Café Einstein, Unter den Linden');
    const start = (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().getTime();
    const end = (event.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate().getTime();
    expect(end - start).toBe(45 * 60_000);
    expect(start).toBeGreaterThan(now + 18 * 3_600_000);

    const [plan] = JSON.parse(cli(db, 'plans', '--json').stdout);
    expect(plan).toMatchObject({
      personName: 'Ada Lovelace',
      kind: 'coffee',
      status: 'suggested',
      startsAt: start,
    });
    expect(cli(db, 'today').stdout).toMatch(/planned: coffee \w{3} \d+ \w+, \d\d:\d\d/);

    expect(cli(db, 'plans', 'propose', String(plan.id)).code).toBe(0);
    const scheduled = cli(db, 'plans', 'schedule', String(plan.id), '--slot', '2');
    expect(scheduled.code).toBe(0);
    expect(scheduled.stdout).toMatch(/Scheduled coffee with Ada Lovelace/);
    expect(JSON.parse(cli(db, 'today', '--json').stdout).entries[0].plan).toMatchObject({
      id: plan.id,
      status: 'scheduled',
    });

    const done = cli(
      db,
      'plans',
      'done',
      String(plan.id),
      '--note',
      'Agreed a pilot in January',
      '--minutes',
      '50',
    );
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/Ada Lovelace is no longer stuck online/);
    expect(done.stdout).toMatch(/Thank-you email by 2026-12-01/);
    expect(done.stdout).toMatch(/Next rung: follow-up/);

    // A coffee is a meeting in person: Ada now counts on every rung up to "met".
    const funnelAfter = reached();
    expect(funnelAfter.met).toBe(funnelBefore.met + 1);
    expect(funnelAfter.live).toBe(funnelBefore.live + 1);
    expect(funnelAfter.connected).toBe(funnelBefore.connected);

    const after = JSON.parse(cli(db, 'today', '--json').stdout);
    expect(after.entries.map((e: { name: string }) => e.name)).not.toContain('Ada Lovelace');
    expect(JSON.parse(cli(db, 'people', '--filter', 'stuck', '--json').stdout).people).toEqual([]);
    const shown = JSON.parse(cli(db, 'show', 'Ada', '--json').stdout);
    expect(shown.timeline[0]).toMatchObject({
      activity: 'coffee',
      length: 50,
      note: 'Agreed a pilot in January',
    });

    const again = cli(db, 'plans', 'decline', String(plan.id));
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      /Plan #\d+: This plan cannot be marked declined: it is done and closed.*\[plan\.invalid_transition\]/,
    );
  });

  it('makes the plan without an invite until your email is known, and publishes a calendar feed', () => {
    const db = join(home, 'feed.db');
    expect(cli(db, 'import', exportDir).code).toBe(0);
    const planned = cli(db, 'plan', 'Ada', '--video', '--within', '1w', '--out', out, '--json');
    expect(planned.code).toBe(0);
    const result = JSON.parse(planned.stdout);
    expect(result).toMatchObject({ invite: null, invitePath: null });
    expect(result.inviteMissing).toMatch(/rapport config set planning\.yourEmail/);
    expect(result.plan.slots).toHaveLength(3);
    expect(cli(db, 'plans', 'invite', String(result.plan.id)).stderr).toMatch(/\[plan\.no_invite\]/);

    expect(cli(db, 'config', 'set', 'planning.yourEmail', 'morgan@example.com').code).toBe(0);
    expect(cli(db, 'plans', 'propose', String(result.plan.id), '--slot', '3').code).toBe(0);
    const feed = cli(db, 'calendar');
    expect(feed.code).toBe(0);
    const { calendar, event } = vevent(feed.stdout);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect((event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().getTime()).toBe(
      result.plan.slots[2].start,
    );

    const cancelled = cli(db, 'plans', 'cancel', String(result.plan.id));
    expect(cancelled.stdout).toMatch(/Cancelled video call with Ada Lovelace/);
    const invite = cli(db, 'plans', 'invite', String(result.plan.id), '--out', out);
    expect(invite.stdout).toMatch(/\(CANCEL\)/);
    expect(vevent(cli(db, 'calendar').stdout).event).toBeNull();
  });

  it('has --help on every planning command', () => {
    for (const command of [
      ['plan'],
      ['plans'],
      ['plans', 'schedule'],
      ['plans', 'done'],
      ['plans', 'draft'],
      ['calendar'],
      ['planning', 'template'],
    ]) {
      const help = runCli([...command, '--help'], env);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/Usage: rapport/);
    }
  });
});
