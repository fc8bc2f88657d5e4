import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generateLinkedInExport,
  type SampleOptions,
  type SampleResult,
} from './linkedin-export.generator.js';
import { readExport } from './read-export.test-support.js';

const NOW = Date.UTC(2026, 0, 15, 9, 30, 12);
const DAY = 86_400_000;
const DEMO: SampleOptions = { seed: 42, connections: 150, messages: 2000, now: NOW };
const LIVE = new Set(['coffee', 'lunch', 'meeting', 'video', 'call']);

let dir: string;
let run = 0;
const generate = (options: SampleOptions) => generateLinkedInExport(join(dir, `${run++}.zip`), options);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rapport-sample-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Per connection URL: [at, inbound?, live?, offline?] events from messages and the diary. */
function touches(result: SampleResult, exported: Awaited<ReturnType<typeof readExport>>) {
  const byUrl = new Map<string, { at: number; inbound: boolean; live: boolean; offline: boolean }[]>();
  const add = (url: string, e: { at: number; inbound: boolean; live: boolean; offline: boolean }) =>
    byUrl.set(url, [...(byUrl.get(url) ?? []), e]);
  const people = new Set(exported.connections.map((c) => c.URL));
  for (const m of exported.messages) {
    const at = Date.parse(`${m.DATE?.replace(' UTC', 'Z').replace(' ', 'T')}`);
    const sender = m['SENDER PROFILE URL'] ?? '';
    if (people.has(sender)) add(sender, { at, inbound: true, live: false, offline: false });
    else
      for (const url of (m['RECIPIENT PROFILE URLS'] ?? '').split(','))
        add(url, { at, inbound: false, live: false, offline: false });
  }
  for (const e of result.log)
    add(e.profileUrl, { at: e.at, inbound: false, live: LIVE.has(e.kind), offline: true });
  return byUrl;
}

describe('generateLinkedInExport: personas at the demo size', () => {
  it('meets the demo minimums and gives every connection one persona', async () => {
    const result = await generate(DEMO);
    const p = result.personas;
    expect(p.stuck_online).toBeGreaterThanOrEqual(8);
    expect(p.met_often).toBeGreaterThanOrEqual(5);
    expect(p.dormant).toBeGreaterThanOrEqual(6);
    expect(p.one_way).toBeGreaterThanOrEqual(3);
    expect(p.inbound_only).toBeGreaterThanOrEqual(3);
    expect(Object.values(p).reduce((s, n) => s + n, 0)).toBe(150);
    expect(p.quiet).toBeGreaterThan(75);
  });

  it('yields histories that meet DESIGN.md flags: stuck online, met often, dormant', async () => {
    const result = await generate(DEMO);
    const exported = await readExport(result.zipPath);
    const byUrl = touches(result, exported);
    let stuck = 0;
    let met = 0;
    let dormant = 0;
    for (const c of exported.connections) {
      const events = byUrl.get(c.URL ?? '') ?? [];
      const knownDays = (NOW - Date.parse(`${c['Connected On']} UTC`)) / DAY;
      const recent = events.filter((e) => NOW - e.at <= 90 * DAY);
      const offline180 = events.some((e) => e.offline && NOW - e.at <= 180 * DAY);
      if (recent.length >= 5 && recent.filter((e) => e.inbound).length >= 2 && !offline180 && knownDays >= 30)
        stuck++;
      if (events.some((e) => e.live && NOW - e.at <= 60 * DAY)) met++;
      if (events.length > 0 && events.every((e) => NOW - e.at > 180 * DAY)) dormant++;
    }
    expect(stuck).toBeGreaterThanOrEqual(8);
    expect(met).toBeGreaterThanOrEqual(5);
    expect(dormant).toBeGreaterThanOrEqual(6);
  });

  it('logs only connections, never after now, with sensible minutes', async () => {
    const result = await generate(DEMO);
    const exported = await readExport(result.zipPath);
    const names = new Map(exported.connections.map((c) => [c.URL, `${c['First Name']} ${c['Last Name']}`]));
    expect(result.log.length).toBeGreaterThan(20);
    expect(result.log.some((e) => e.kind === 'email')).toBe(true);
    for (const e of result.log) {
      expect(names.get(e.profileUrl)).toBe(e.name);
      expect(e.at).toBeLessThanOrEqual(NOW);
      expect(e.minutes === null ? e.kind === 'email' : e.minutes > 0).toBe(true);
      expect(e.note.length).toBeGreaterThan(0);
    }
  });
});

describe('generateLinkedInExport: other files and edge sizes', () => {
  it('writes invitations, the coach chat and the profile in their real shapes', async () => {
    const result = await generate({ ...DEMO, owner: { firstName: 'Zoë', lastName: 'Łukasiewicz' } });
    const exported = await readExport(result.zipPath);
    expect(exported.invitations).toHaveLength(result.invitations);
    for (const i of exported.invitations) {
      expect(i['Sent At']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
      expect(['INCOMING', 'OUTGOING']).toContain(i.Direction);
      expect(Date.parse(`${i['Sent At']?.replace(' UTC', 'Z').replace(' ', 'T')}`)).toBeLessThanOrEqual(NOW);
    }
    expect(exported.guide).toHaveLength(result.coachMessages);
    expect(exported.profile[0]?.['First Name']).toBe('Zoë');
    expect(exported.messages.some((m) => m.FROM === 'Zoë Łukasiewicz')).toBe(true);
  });

  it('hits the exact message count even when the budget is tiny or empty', async () => {
    for (const [connections, messages] of [
      [150, 3],
      [5, 0],
      [0, 0],
      [1, 40],
    ] as const) {
      const result = await generate({ ...DEMO, connections, messages });
      const exported = await readExport(result.zipPath);
      expect(exported.messages).toHaveLength(messages);
      expect(exported.connections).toHaveLength(connections);
    }
  });

  it('refuses bad options', async () => {
    await expect(generate({ ...DEMO, connections: 0, messages: 5 })).rejects.toThrow(
      /at least one connection/,
    );
    await expect(generate({ ...DEMO, connections: -1 })).rejects.toThrow(/non-negative/);
  });
});
