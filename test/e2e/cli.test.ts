import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Contact, connectedOn, thread, writeLinkedInExport } from '../support/linkedin-export.js';
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

describe('rapport CLI, end to end', () => {
  let home: string;
  let env: NodeJS.ProcessEnv;
  let exportDir: string;

  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'rapport-e2e-'));
    env = { HOME: home, XDG_DATA_HOME: join(home, 'data'), RAPPORT_NOW: NOW };
    exportDir = writeLinkedInExport({ contacts: [ada], messages: thread(ada, now, 12, 4, 2) });
  });
  afterAll(() => {
    rmSync(home, { recursive: true, force: true });
    rmSync(exportDir, { recursive: true, force: true });
  });

  it('start creates the default database, imports the sample and shows who to take offline', () => {
    const result = runCli(['start'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(existsSync(join(home, 'data', 'rapport', 'rapport.db'))).toBe(true);
    expect(result.stdout).toMatch(/generated a sample LinkedIn export/);
    expect(result.stdout).toMatch(/Stuck online/);
    expect(result.stdout).toMatch(/LinkedIn messages over/);
    expect(result.stdout).toMatch(/→ /);

    const again = runCli(['start'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).not.toMatch(/generated a sample/);
  });

  it('imports an export folder, re-imports it adding nothing, and lists the history', () => {
    const db = join(home, 'own.db');
    const first = runCli(['--db', db, 'import', exportDir, '--json'], env);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)[0].totals).toMatchObject({ imported: 14, duplicates: 0 }); // the owner, Ada, 12 messages
    const second = runCli(['import', exportDir], { ...env, RAPPORT_DB: db });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/0 imported, 14 already there, 0 rejected/);
    expect(second.stdout).toMatch(/messages\.csv/);
    const history = runCli(['--db', db, 'imports', '--json'], env);
    expect(JSON.parse(history.stdout).map((i: { status: string }) => i.status)).toEqual(['done', 'done']);
  });

  it('today, people, show and log work together', () => {
    const db = join(home, 'loop.db');
    expect(runCli(['--db', db, 'import', exportDir], env).code).toBe(0);
    const today = JSON.parse(runCli(['--db', db, 'today', '--json'], env).stdout);
    expect(today.entries[0]).toMatchObject({ name: 'Ada Lovelace', bucket: 'stuck' });

    const stuck = JSON.parse(runCli(['--db', db, 'people', '--filter', 'stuck', '--json'], env).stdout);
    expect(stuck.people.map((p: { name: string }) => p.name)).toEqual(['Ada Lovelace']);

    const logged = runCli(
      ['--db', db, 'log', 'Ada', 'coffee', '--at', 'yesterday', '--minutes', '40', '--note', 'pilot'],
      env,
    );
    expect(logged.code).toBe(0);
    expect(logged.stdout).toMatch(/Logged coffee with Ada Lovelace/);

    const shown = runCli(['--db', db, 'show', 'ada'], env);
    expect(shown.stdout).toMatch(/Strength \d+ \/ 100/);
    expect(shown.stdout).toMatch(/intensity/);
    expect(shown.stdout).toMatch(/coffee/);
    expect(
      JSON.parse(runCli(['--db', db, 'people', '--filter', 'stuck', '--json'], env).stdout).people,
    ).toEqual([]);
  });

  it('undo-import removes what the import added', () => {
    const db = join(home, 'undo.db');
    const [imported] = JSON.parse(runCli(['--db', db, 'import', exportDir, '--json'], env).stdout);
    const undo = runCli(['--db', db, 'undo-import', String(imported.importId)], env);
    expect(undo.code).toBe(0);
    // Ada's profile, and the owner's name and profile URL (learned from the messages).
    expect(undo.stdout).toMatch(/removed 12 interactions, 3 identities and 1 person/);
    expect(JSON.parse(runCli(['--db', db, 'people', '--json'], env).stdout).total).toBe(0);
  });

  it('lists likely duplicates, merges a pair and unmerges it', () => {
    const db = join(home, 'merge.db');
    const twin: Contact = { ...ada, first: 'A.', slug: 'a-lovelace-77' };
    const dir = writeLinkedInExport({ contacts: [ada, twin] });
    try {
      expect(runCli(['--db', db, 'import', dir], env).code).toBe(0);
      const duplicates = runCli(['--db', db, 'duplicates'], env);
      expect(duplicates.stdout).toMatch(/#\d+ Ada Lovelace {2}⇐ {2}#\d+ A\. Lovelace/);
      expect(duplicates.stdout).toMatch(/at Analytical Engines/);
      const merged = runCli(['--db', db, 'merge', 'Ada Lovelace', 'A. Lovelace'], env);
      expect(merged.stdout).toMatch(/Merged #\d+ A\. Lovelace into #\d+ Ada Lovelace \(merge #1\)/);
      expect(JSON.parse(runCli(['--db', db, 'people', '--json'], env).stdout).total).toBe(1);
      expect(runCli(['--db', db, 'merges'], env).stdout).toMatch(/standing/);
      expect(runCli(['--db', db, 'unmerge', '1'], env).stdout).toMatch(/Undid merge #1/);
      expect(JSON.parse(runCli(['--db', db, 'people', '--json'], env).stdout).total).toBe(2);
      expect(runCli(['--db', db, 'unmerge', '1'], env).stderr).toMatch(/\[merge\.already_undone\]/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sets a relationship type and cadence, and changes a scoring setting', () => {
    const db = join(home, 'settings.db');
    expect(runCli(['--db', db, 'import', exportDir], env).code).toBe(0);
    const set = runCli(['--db', db, 'set', 'ada', '--type', 'client', '--cadence', '14'], env);
    expect(set.code).toBe(0);
    expect(set.stdout).toMatch(/Relationship: client/);
    expect(set.stdout).toMatch(/overdue/);
    expect(runCli(['--db', db, 'config', 'set', 'halfLifeDays', '60'], env).stdout).toMatch(
      /Set halfLifeDays to 60/,
    );
    expect(JSON.parse(runCli(['--db', db, 'config', '--json'], env).stdout).effective.halfLifeDays).toBe(60);
    const bad = runCli(['--db', db, 'config', 'set', 'weights.email', '5'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/weights\.email must be between 0 and 1.*\[input\.invalid\]/);
  });

  it('imports a contact card with --region and any CSV with --map', () => {
    const db = join(home, 'sources.db');
    const dir = mkdtempSync(join(tmpdir(), 'rapport-e2e-src-'));
    try {
      writeFileSync(
        join(dir, 'contacts.vcf'),
        'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Grace Hopper\r\nEMAIL:grace@example.com\r\nTEL:030 1234567\r\nEND:VCARD\r\n',
      );
      writeFileSync(
        join(dir, 'crm.csv'),
        'When,Who,Mail,Kind,Dir\n2026-11-20 10:00,Grace Hopper,grace@example.com,coffee,out\n',
      );
      const cards = runCli(
        ['--db', db, 'import', join(dir, 'contacts.vcf'), '--region', 'DE', '--json'],
        env,
      );
      expect(cards.stderr).toBe('');
      expect(JSON.parse(cards.stdout)[0]).toMatchObject({
        source: 'contacts',
        totals: { imported: 1, rejected: 0 },
      });
      const map = 'date=When,person=Who,email=Mail,channel=Kind,direction=Dir';
      const crm = runCli(['--db', db, 'import', join(dir, 'crm.csv'), '--map', map, '--json'], env);
      expect(JSON.parse(crm.stdout)[0]).toMatchObject({ source: 'csv', totals: { imported: 1 } });
      const grace = JSON.parse(runCli(['--db', db, 'show', 'grace', '--json'], env).stdout);
      expect(grace.identities.map((i: { key: string }) => i.key).sort()).toEqual([
        '+49301234567',
        'grace@example.com',
      ]);
      expect(grace.timeline[0]).toMatchObject({ channel: 'in_person', network: expect.any(String) });
      expect(
        runCli(['--db', db, 'import', join(dir, 'crm.csv'), '--map', 'date=When,bogus=X'], env).stderr,
      ).toMatch(/\[input\.invalid\]/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says what went wrong on stderr with a stable id and a non-zero exit code', () => {
    const db = join(home, 'errors.db');
    const missing = runCli(['--db', db, 'show', 'Nobody'], env);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/No one called "Nobody".*\[person\.not_found\]/);

    const badKind = runCli(['--db', db, 'log', 'x', 'telepathy'], env);
    expect(badKind.code).toBe(2);
    expect(badKind.stderr).toMatch(/\[input\.invalid\]/);

    const notThere = runCli(['--db', db, 'import', join(home, 'no-such.zip')], env);
    expect(notThere.code).toBe(1);
    expect(notThere.stderr).toMatch(/no-such\.zip/);

    const jsonError = runCli(['--db', db, 'show', 'Nobody', '--json'], env);
    expect(JSON.parse(jsonError.stderr).error.code).toBe('person.not_found');

    const badOption = runCli(['people', '--sort', 'height'], env);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toMatch(/must be one of/);
  });

  it('has --help on every command', () => {
    for (const command of [
      '',
      'start',
      'import',
      'today',
      'people',
      'show',
      'log',
      'imports',
      'undo-import',
    ]) {
      const result = runCli([...(command ? [command] : []), '--help'], env);
      expect(result.code, command).toBe(0);
      expect(result.stdout, command).toMatch(/Usage: rapport/);
    }
  });
});
