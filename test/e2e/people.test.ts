import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Contact, connectedOn, thread, writeLinkedInExport } from '../support/linkedin-export.js';
import { runCli } from './run-cli.js';

const NOW = '2026-11-29T09:00:00Z';
const now = Date.parse(NOW);
const contact = (first: string, last: string, company: string, days: number): Contact => ({
  first,
  last,
  slug: `${first}-${last}`.toLowerCase(),
  company,
  connectedOn: connectedOn(now, days),
});
const zoe = contact('Zoë', 'Adeyemi', 'acme_labs', 300);
const lukasz = contact('Łukasz', 'Wiśniewski', 'Óbuda Works', 200);
const ada = contact('Ada', 'Lovelace', 'Analytical Engines', 400);

describe('rapport people, end to end', () => {
  let home: string;
  let env: NodeJS.ProcessEnv;
  let exportDir: string;
  let db: string;

  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'rapport-e2e-'));
    env = { HOME: home, XDG_DATA_HOME: join(home, 'data'), RAPPORT_NOW: NOW };
    exportDir = writeLinkedInExport({ contacts: [zoe, lukasz, ada], messages: thread(ada, now, 6, 4, 2) });
    db = join(home, 'people.db');
    expect(runCli(['--db', db, 'import', exportDir], env).code).toBe(0);
  });
  afterAll(() => {
    rmSync(home, { recursive: true, force: true });
    rmSync(exportDir, { recursive: true, force: true });
  });

  const people = (...args: string[]) => {
    const result = runCli(['--db', db, 'people', '--json', ...args], env);
    expect(result.stderr).toBe('');
    return JSON.parse(result.stdout) as { total: number; people: { name: string }[] };
  };

  it('sorts names A–Z as a reader expects, in either order, and pages with --limit', () => {
    expect(people('--sort', 'name').people.map((p) => p.name)).toEqual([
      'Ada Lovelace',
      'Łukasz Wiśniewski',
      'Zoë Adeyemi',
    ]);
    expect(people('--sort', 'name', '--order', 'desc', '--limit', '1')).toEqual({
      total: 3,
      people: [expect.objectContaining({ name: 'Zoë Adeyemi' })],
    });
    expect(people('--sort', 'strength', '--limit', '1').people[0]!.name).toBe('Ada Lovelace');
  });

  it('searches literally, ignoring case and accents', () => {
    expect(people('--search', '_LAB').people.map((p) => p.name)).toEqual(['Zoë Adeyemi']);
    expect(people('--search', 'obuda').people.map((p) => p.name)).toEqual(['Łukasz Wiśniewski']);
    expect(people('--search', '%').total).toBe(0);
  });

  it('refuses an order it does not know', () => {
    const result = runCli(['--db', db, 'people', '--order', 'sideways'], env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/asc, desc/);
  });
});
