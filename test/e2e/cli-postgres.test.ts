import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Contact, connectedOn, thread, writeLinkedInExport } from '../support/linkedin-export.js';
import { createTestDatabase, type TestDatabase } from '../support/stores.js';
import { runCli } from './run-cli.js';

const NOW = '2026-11-29T09:00:00Z';
const now = Date.parse(NOW);
const grace: Contact = {
  first: 'Grace',
  last: 'Hopper',
  slug: 'grace-hopper-3c4d',
  company: 'Navy Labs',
  connectedOn: connectedOn(now, 300),
};

(inject('postgresUrl') ? describe : describe.skip)('rapport CLI on PostgreSQL (DATABASE_URL)', () => {
  let database: TestDatabase;
  let home: string;
  let exportDir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    if (database.location.dialect !== 'postgres') throw new Error('expected a PostgreSQL database');
    home = mkdtempSync(join(tmpdir(), 'rapport-e2e-pg-'));
    exportDir = writeLinkedInExport({ contacts: [grace], messages: thread(grace, now, 10, 5, 3) });
    env = {
      HOME: home,
      XDG_DATA_HOME: join(home, 'data'),
      RAPPORT_NOW: NOW,
      DATABASE_URL: database.location.url,
    };
  });
  afterAll(async () => {
    await database.drop();
    rmSync(home, { recursive: true, force: true });
    rmSync(exportDir, { recursive: true, force: true });
  });

  it('imports, ranks, logs and undoes through DATABASE_URL, writing no SQLite file', () => {
    const imported = runCli(['import', exportDir, '--json'], env);
    expect(imported.stderr).toBe('');
    expect(JSON.parse(imported.stdout)[0].totals).toMatchObject({ imported: 12, duplicates: 0 }); // the owner, Grace, 10 messages
    expect(JSON.parse(runCli(['today', '--json'], env).stdout).entries[0]).toMatchObject({
      name: 'Grace Hopper',
      bucket: 'stuck',
    });
    expect(runCli(['log', 'grace', 'call', '--minutes', '20'], env).code).toBe(0);
    expect(JSON.parse(runCli(['people', '--filter', 'stuck', '--json'], env).stdout).people).toEqual([]);
    expect(runCli(['undo-import', '1'], env).stdout).toMatch(/removed 10 interactions/);
    expect(runCli(['imports'], env).stdout).toMatch(/undone/);
    expect(existsSync(join(home, 'data', 'rapport', 'rapport.db'))).toBe(false);
  });
});
