import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generateLinkedInExport,
  type SampleOptions,
  type SampleResult,
} from './linkedin-export.generator.js';
import { type Row, readExport } from './read-export.test-support.js';
import { sampleExportFileName } from './sample-paths.js';

const NOW = Date.UTC(2026, 0, 15, 9, 30, 12);
const DEMO: SampleOptions = { seed: 42, connections: 150, messages: 2000, now: NOW };
const MESSAGES_HEADER =
  'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER';

const utc = (date: string) => Date.parse(date.replace(' UTC', 'Z').replace(' ', 'T'));

let dir: string;
let demo: SampleResult;
let files: Map<string, string>;
let connections: Row[];
let messages: Row[];
let run = 0;
const generate = (options: SampleOptions) => generateLinkedInExport(join(dir, `${run++}.zip`), options);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rapport-sample-'));
  demo = await generateLinkedInExport(join(dir, sampleExportFileName(NOW)), DEMO);
  ({ files, connections, messages } = await readExport(demo.zipPath));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('generateLinkedInExport: the zip', () => {
  it('holds the files of a real export, in its order', () => {
    expect([...files.keys()]).toEqual([
      'Connections.csv',
      'Email Addresses.csv',
      'Invitations.csv',
      'PhoneNumbers.csv',
      'Positions.csv',
      'Profile.csv',
      'Skills.csv',
      'guide_messages.csv',
      'messages.csv',
    ]);
    expect(demo.zipPath.endsWith('Complete_LinkedInDataExport_01-15-2026.zip')).toBe(true);
  });

  it('is byte-identical for the same options, whatever the time zone, and differs for another seed', async () => {
    const first = await readFile(demo.zipPath);
    const saved = process.env.TZ;
    try {
      process.env.TZ = 'Asia/Kolkata';
      expect(new Date(NOW).getTimezoneOffset()).toBe(-330);
      expect((await readFile((await generate(DEMO)).zipPath)).equals(first)).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
    expect((await readFile((await generate({ ...DEMO, seed: 43 })).zipPath)).equals(first)).toBe(false);
  });
});

describe('generateLinkedInExport: Connections.csv', () => {
  it('starts with the real preamble, then the header', () => {
    const lines = (files.get('Connections.csv') ?? '').split('\n');
    expect(lines[0]).toBe('Notes:');
    expect(lines[1]).toMatch(/^"When exporting your connection data, .*answer\/261"$/);
    expect(lines[2]).toBe('');
    expect(lines[3]).toBe('First Name,Last Name,URL,Email Address,Company,Position,Connected On');
  });

  it('parses to exactly one row per connection, with unique URLs and real-style dates', () => {
    expect(connections).toHaveLength(150);
    const urls = new Set(connections.map((c) => c.URL));
    expect(urls.size).toBe(150);
    for (const c of connections) {
      expect(c.URL).toMatch(/^https:\/\/www\.linkedin\.com\/in\/[a-z0-9-]+-[0-9a-f]{8}$/);
      expect(c['Connected On']).toMatch(/^\d{2} [A-Z][a-z]{2} \d{4}$/);
      expect(Date.parse(`${c['Connected On']} UTC`)).toBeLessThanOrEqual(NOW);
    }
    expect(connections.filter((c) => c['Email Address']).length).toBeLessThan(30);
    expect(connections.some((c) => /[^ -~]/.test(`${c['First Name']}${c['Last Name']}`))).toBe(true);
    expect(connections.some((c) => /[,"]/.test(`${c.Company}${c.Position}`))).toBe(true);
  });
});

describe('generateLinkedInExport: messages.csv', () => {
  it('parses to exactly `messages` rows under the modern header', () => {
    expect((files.get('messages.csv') ?? '').split('\n')[0]).toBe(MESSAGES_HEADER);
    expect(messages).toHaveLength(2000);
    expect(demo.messages).toBe(2000);
  });

  it('holds multi-line, HTML and hostile contents, and group threads', () => {
    const contents = messages.map((m) => m.CONTENT ?? '');
    expect(contents.filter((c) => c.includes('\n')).length).toBeGreaterThan(20);
    expect(contents.some((c) => c.includes('<p>'))).toBe(true);
    expect(contents.some((c) => c.includes('<a href='))).toBe(true);
    expect(contents.some((c) => c.includes('&amp;'))).toBe(true);
    expect(contents.some((c) => c.includes('<script>alert(1)</script>'))).toBe(true);
    expect(contents.some((c) => c.includes('<img src=x onerror=alert(1)>'))).toBe(true);
    expect(messages.some((m) => (m['RECIPIENT PROFILE URLS'] ?? '').split(',').length >= 3)).toBe(true);
  });

  it('groups rows by conversation, newest first within and across conversations', () => {
    const seen = new Set<string>();
    let previous: Row | undefined;
    for (const m of messages) {
      const at = utc(m.DATE ?? '');
      expect(m['CONVERSATION ID']).toMatch(/^2-[A-Za-z0-9+/]+==$/);
      expect(m.DATE).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/);
      expect(at).toBeLessThanOrEqual(NOW);
      if (previous && previous['CONVERSATION ID'] === m['CONVERSATION ID']) {
        expect(at).toBeLessThanOrEqual(utc(previous.DATE ?? ''));
      } else {
        expect(seen.has(m['CONVERSATION ID'] ?? '')).toBe(false);
        seen.add(m['CONVERSATION ID'] ?? '');
      }
      previous = m;
    }
  });

  it('sends from the owner with the owner URL, and talks only to connections', () => {
    const urls = new Set(connections.map((c) => c.URL));
    const outbound = messages.filter((m) => m.FROM === 'Morgan Avery');
    expect(outbound.length).toBeGreaterThan(200);
    const ownerUrls = new Set(outbound.map((m) => m['SENDER PROFILE URL']));
    expect(ownerUrls.size).toBe(1);
    const ownerUrl = [...ownerUrls][0] ?? '';
    expect(urls.has(ownerUrl)).toBe(false);
    for (const m of messages) {
      const people = [m['SENDER PROFILE URL'], ...(m['RECIPIENT PROFILE URLS'] ?? '').split(',')];
      for (const url of people) expect(url === ownerUrl || urls.has(url ?? '')).toBe(true);
    }
  });
});
