/**
 * One measured run in a fresh process, so peak RSS belongs to the run alone.
 * Usage: node import-child.js import <zip> <db> <now ms>  |  node import-child.js floor <rows> <db>
 */
import { performance } from 'node:perf_hooks';
import { stableId } from '../src/importers/stable-id.js';
import { openApp } from '../src/services/app-context.js';
import { importExport } from '../src/services/import.service.js';
import { INTERACTION_COLUMNS } from '../src/store/bulk-writer.js';
import { openSqlite } from '../src/store/sqlite/sqlite-connection.js';
import { openStore } from '../src/store/store.js';

const [mode, arg, dbPath, nowArg] = process.argv.slice(2);

async function runImport(zip: string, db: string, now: number) {
  if (!Number.isFinite(now)) throw new Error('import-child.js import needs the clock in ms');
  // The benchmark's clock, which `rapport today` is then run at (RAPPORT_NOW).
  const ctx = await openApp({ dialect: 'sqlite', path: db }, { clock: () => now });
  const start = performance.now();
  const result = await importExport(ctx, [zip]);
  const seconds = (performance.now() - start) / 1000;
  await ctx.store.close();
  return { seconds, totals: result.totals };
}

/**
 * The floor: the same schema, the same interaction rows' shape, one prepared statement in one
 * transaction — as fast as this database can take these rows, with no parsing or resolving.
 */
async function runFloor(rows: number, db: string) {
  const store = await openStore({ dialect: 'sqlite', path: db });
  await store.close();
  // The same connection settings as the app's (WAL, cache size, foreign keys).
  const { raw } = openSqlite(db);
  // The rows reference an import, as real ones do, so foreign-key checks cost the same.
  raw
    .prepare(
      `insert into imports (id, source, label, status, started_at) values (1, 'linkedin', 'floor', 'running', 0)`,
    )
    .run();
  const insert = raw.prepare(
    `insert into interactions (${INTERACTION_COLUMNS.join(', ')}) values (${INTERACTION_COLUMNS.map(() => '?').join(', ')})`,
  );
  const snippet =
    'Thanks for connecting! Would love to hear how your team handles onboarding today and whether';
  const start = performance.now();
  raw.transaction(() => {
    for (let i = 0; i < rows; i++) {
      insert.run(
        'linkedin',
        // Ids shaped as the importer makes them: content hashes, in no particular order.
        stableId('msg', String(i)),
        1,
        1_600_000_000_000 + i * 60_000,
        'message',
        'linkedin',
        i % 2 ? 'in' : 'out',
        'one_to_one',
        18,
        `2-conv${i % 30_000}`,
        snippet,
        null,
        null,
        1_700_000_000_000,
      );
    }
  })();
  const seconds = (performance.now() - start) / 1000;
  raw.close();
  return { seconds, rows };
}

const result =
  mode === 'import'
    ? await runImport(arg!, dbPath!, Number(nowArg))
    : mode === 'floor'
      ? await runFloor(Number(arg), dbPath!)
      : null;
if (!result) throw new Error('usage: import-child.js import <zip> <db> <now ms> | floor <rows> <db>');
process.stdout.write(`${JSON.stringify({ ...result, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
