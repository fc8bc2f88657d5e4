import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALLOWED_TAGS } from '../../src/core/brief.test-support.js';
import {
  type Contact,
  connectedOn,
  type Message,
  thread,
  writeLinkedInExport,
} from '../support/linkedin-export.js';
import { runCli } from './run-cli.js';

const NOW = '2026-11-29T09:00:00Z';
const now = Date.parse(NOW);

const ada: Contact = {
  first: 'Ada',
  last: 'Lovelace',
  slug: 'ada-lovelace-1a2b',
  company: 'Analytical Engines',
  connectedOn: connectedOn(now, 400),
};
// An export is untrusted: names, companies, titles and messages carrying HTML and Markdown attacks.
const hostile: Contact = {
  first: '<script>alert(1)</script>',
  last: '<img src=x onerror=alert(2)>',
  slug: 'hostile-9z',
  company: '"><svg onload=alert(3)>',
  position: "' onmouseover='alert(4)",
  connectedOn: connectedOn(now, 100),
};
const linky: Contact = {
  first: '[click](javascript:alert(5))',
  last: '# Owned',
  slug: 'linky-8y',
  company: '*bold* _it_',
  connectedOn: connectedOn(now, 100),
};
const HOSTILE_TEXTS = [
  '<script>alert(6)</script> Kubernetes "quoted" \'single\' <img src=x onerror=alert(7)>',
  'javascript:alert(8) <a href="javascript:alert(9)">pricing</a> pricing &lt;b&gt;',
];
const hostileThread: Message[] = thread(hostile, now, 4, 2, 1).map((m, i) => ({
  ...m,
  content: HOSTILE_TEXTS[i % 2]!,
}));

/** Every tag in the page is one the brief writes itself, and none carries a script. */
function expectInert(page: string): void {
  const tags = [...page.matchAll(/<\/?([!a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase());
  expect(tags.filter((t) => !ALLOWED_TAGS.has(t))).toEqual([]);
  for (const tag of page.match(/<[^>]*>/g) ?? []) {
    expect(tag).not.toMatch(/\son\w+\s*=|javascript:/i);
  }
  for (const link of page.match(/<a [^>]*>/g) ?? []) {
    expect(link).toMatch(/^<a href="https?:\/\/[^"]*" rel="noopener noreferrer">$/);
  }
}

describe('rapport brief, end to end', () => {
  let home: string;
  let exportDir: string;
  let env: NodeJS.ProcessEnv;
  let db: string;
  const cli = (...args: string[]) => runCli(['--db', db, ...args], env);

  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'rapport-e2e-brief-'));
    env = { HOME: home, XDG_DATA_HOME: join(home, 'data'), RAPPORT_NOW: NOW, TZ: 'UTC' };
    db = join(home, 'book.db');
    exportDir = writeLinkedInExport({
      contacts: [ada, hostile, linky],
      messages: [...thread(ada, now, 12, 4, 2), ...hostileThread],
    });
    expect(cli('import', exportDir).code).toBe(0);
    expect(
      cli(
        'log',
        'Ada',
        'coffee',
        '--at',
        '3 days ago',
        '--minutes',
        '40',
        '--note',
        'Pilot scope <b>agreed</b>',
      ).code,
    ).toBe(0);
  });
  afterAll(() => {
    rmSync(home, { recursive: true, force: true });
    rmSync(exportDir, { recursive: true, force: true });
  });

  it('prints the brief as Markdown by default', () => {
    const result = cli('brief', 'Ada');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# Ada Lovelace\n/);
    expect(result.stdout).toContain(
      '## How you know them\n\nConnected on LinkedIn in October 2025; 12 messages',
    );
    expect(result.stdout).toContain('## Last real conversation\n\nCoffee, 3 days ago, on 26 Nov 2026.');
    expect(result.stdout).toContain('- 26 Nov 2026, coffee: Pilot scope \\<b\\>agreed\\</b\\>');
    expect(result.stdout).toContain(
      'Profiles: LinkedIn [linkedin.com/in/ada-lovelace-1a2b](https://www.linkedin.com/in/ada-lovelace-1a2b)',
    );
  });

  it('writes the HTML page to --out, readable by the user only', () => {
    const out = join(home, 'ada.html');
    const result = cli('brief', 'Ada', '--format', 'html', '--out', out);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`Wrote the brief for Ada Lovelace to ${out}\n`);
    expect(existsSync(out)).toBe(true);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const page = readFileSync(out, 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page).toContain('<h1>Ada Lovelace</h1>');
    expect(page).toContain('Pilot scope &lt;b&gt;agreed&lt;/b&gt;');
    expectInert(page);
  });

  it('renders an export full of HTML attacks inert in the page', () => {
    const result = cli('brief', 'onerror', '--format', 'html');
    expect(result.code).toBe(0);
    const page = result.stdout;
    expectInert(page);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt;');
    expect(page).toContain('&quot;&gt;&lt;svg onload=alert(3)&gt;');
    expect(page).toContain('&#39; onmouseover=&#39;alert(4)');
    expect(page).toContain('<li>Kubernetes</li>');
  });

  it('keeps a link-shaped name from becoming a link in Markdown', () => {
    const result = cli('brief', 'Owned');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^# \\\[click\\\]\\\(javascript:alert\\\(5\\\)\\\) \\# Owned\n/);
    expect(result.stdout).toContain('\\*bold\\* \\_it\\_');
    expect(result.stdout).not.toMatch(/(?<!\\)\]\((?!https:\/\/www\.linkedin\.com\/)/);
  });

  it('prints the brief as JSON, and says what went wrong', () => {
    const json = JSON.parse(cli('brief', 'Ada', '--json').stdout);
    expect(json.person.name).toBe('Ada Lovelace');
    expect(json.lastTalked.kind).toBe('coffee');
    expect(json.notes[0].text).toBe('Pilot scope <b>agreed</b>');

    const missing = cli('brief', 'Nobody');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/No one called "Nobody".*\[person\.not_found\]/);
    const format = cli('brief', 'Ada', '--format', 'pdf');
    expect(format.code).toBe(2);
    expect(format.stderr).toMatch(/must be one of: md, html/);
  });
});
