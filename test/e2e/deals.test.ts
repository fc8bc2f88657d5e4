import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  SMALL_BOOK_CSV,
  SMALL_BOOK_DEAL_INSIGHTS,
  SMALL_BOOK_FUNNEL,
  SMALL_BOOK_MAPPING,
  SMALL_BOOK_MONTHS,
} from '../support/small-book.js';
import { runCli } from './run-cli.js';

const NOW = '2026-11-29T09:00:00Z';

describe('rapport deal and rapport insights, end to end', () => {
  let home: string;
  let env: NodeJS.ProcessEnv;
  let db: string;
  const cli = (...args: string[]) => runCli(['--db', db, ...args], env);

  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'rapport-e2e-deals-'));
    env = { HOME: home, XDG_DATA_HOME: join(home, 'data'), RAPPORT_NOW: NOW };
    db = join(home, 'book.db');
    writeFileSync(join(home, 'book.csv'), SMALL_BOOK_CSV);
    const imported = cli('import', join(home, 'book.csv'), '--map', SMALL_BOOK_MAPPING);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/11 imported/);
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('opens, lists and closes deals, and names each mistake', () => {
    const pilot = cli(
      'deal',
      'add',
      'Pilot',
      '--with',
      'Ada',
      '--value',
      '12000',
      '--currency',
      'eur',
      '--stage',
      'proposal',
      '--opened',
      '2026-03-01T10:00:00Z',
    );
    expect(pilot.stderr).toBe('');
    expect(pilot.stdout).toMatch(/Opened deal #1/);
    expect(pilot.stdout).toMatch(/#1 Pilot — proposal · open · 12,000 EUR · opened 2026-03-01/);
    expect(pilot.stdout).toMatch(/with Ada Lovelace \(#\d+\)/);

    const audit = JSON.parse(
      cli('deal', 'add', 'Audit', '--with', 'linus', '--opened', '2026-03-10T10:00:00Z', '--json').stdout,
    );
    expect(audit).toMatchObject({
      id: 2,
      title: 'Audit',
      stage: 'lead',
      people: [{ name: 'Linus Pauling' }],
    });
    expect(cli('deal', 'add', 'Training', '--with', 'Alan', '--opened', '2026-03-15T10:00:00Z').code).toBe(0);

    const list = cli('deal', 'list');
    expect(list.stdout).toMatch(/Pilot/);
    expect(list.stdout).toMatch(/Training/);
    expect(list.stdout).toMatch(/3 open deals · 12,000 EUR in the pipeline/);

    expect(cli('deal', 'close', '1', '--won', '--at', '2026-04-01T10:00:00Z').stdout).toMatch(/Won deal #1/);
    expect(cli('deal', 'close', '#2', '--lost', '--at', '2026-03-30T10:00:00Z').code).toBe(0);

    const again = cli('deal', 'close', '1', '--won');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already closed as won.*\[deal\.already_closed\]/);
    const neither = cli('deal', 'close', '3');
    expect(neither.code).toBe(2);
    expect(neither.stderr).toMatch(/--won or --lost.*\[input\.invalid\]/);
    const missing = cli('deal', 'update', '42', '--stage', 'won');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/\[deal\.not_found\]/);
    expect(cli('deal', 'add', 'X', '--with', 'Ada', '--currency', 'euro').stderr).toMatch(
      /ISO 4217.*\[input\.invalid\]/,
    );

    const open = JSON.parse(cli('deal', 'list', '--json').stdout);
    expect(open.deals.map((d: { title: string }) => d.title)).toEqual(['Training']);
    const all = JSON.parse(cli('deal', 'list', '--all', '--json').stdout);
    // Open first, then the most recently opened.
    expect(all.deals.map((d: { title: string; status: string }) => `${d.title} ${d.status}`)).toEqual([
      'Training open',
      'Audit lost',
      'Pilot won',
    ]);

    const shown = cli('show', 'Ada');
    expect(shown.stdout).toMatch(
      /Deals\n {2}#1 Pilot — proposal · won 2026-04-01 · 12,000 EUR · opened 2026-03-01/,
    );
  });

  // Reads the book as the test above left it: three deals, one won, one lost, one open.
  it('reports the funnel, the balance by month, candidates and deal insights with the hand-computed figures', () => {
    const result = JSON.parse(cli('insights', '--json', '--by', 'network').stdout);
    expect(result.funnel).toEqual(SMALL_BOOK_FUNNEL);
    expect(result.offlineByMonth).toEqual(SMALL_BOOK_MONTHS);
    expect(result.deals).toEqual(SMALL_BOOK_DEAL_INSIGHTS);
    expect(result.candidates.map((c: { name: string; comments: number }) => [c.name, c.comments])).toEqual([
      ['Grace Hopper', 2],
      ['Barbara Liskov', 1],
    ]);

    const text = cli('insights', '--by', 'network');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Funnel: 5 of 5 people on the ladder/);
    expect(text.stdout).toMatch(/emailed\s+3\s+0\s+60% \(3 of 5\)\s+7/);
    expect(text.stdout).toMatch(/LinkedIn — 2 people/);
    expect(text.stdout).toMatch(/2026-02\s+60% \(3 of 5\)/);
    expect(text.stdout).toMatch(/Grace Hopper\s+2\s+2026-02-15/);
    expect(text.stdout).toMatch(/all closed deals\s+50% \(1 of 2\)\s+25\.5 days \(n = 2\)/);
    expect(text.stdout).toMatch(
      /with a live conversation before the close\s+100% \(1 of 1\)\s+31 days \(n = 1\)/,
    );

    const bad = cli('insights', '--by', 'year');
    expect(bad.code).toBe(2);
  });
});
