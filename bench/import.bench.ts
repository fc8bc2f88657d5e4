/**
 * npm run bench:import — the import benchmark of the walking skeleton.
 * Generates a LinkedIn export (30,000 connections, 1,000,000 messages), imports it into a fresh
 * SQLite file, and in the same run measures the floor: the same number of interaction rows
 * inserted with one prepared statement in one transaction. Then times `rapport today` on the
 * result. Figures go to docs/benchmarks.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateLinkedInExport } from '../src/sample/linkedin-export.generator.js';
import { writeBenchmarkSection } from './report.js';

const ROOT = join(import.meta.dirname, '..', '..');
const OUT = join(ROOT, 'bench', 'out');
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 30_000);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 1_000_000);
const NOW = Date.UTC(2026, 10, 29, 9, 0);
const TARGETS = { ratio: 0.33, rssMb: 400, todayMs: 200 };

function child(args: string[]): Record<string, number> & { totals?: Record<string, number> } {
  const out = execFileSync(process.execPath, [join(import.meta.dirname, 'import-child.js'), ...args], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').at(-1)!);
}

function freshDb(name: string): string {
  const path = join(OUT, name);
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  return path;
}

mkdirSync(OUT, { recursive: true });
const zip = join(OUT, `linkedin-${CONNECTIONS}-${MESSAGES}.zip`);
if (!existsSync(zip)) {
  const start = performance.now();
  await generateLinkedInExport(zip, { seed: 7, connections: CONNECTIONS, messages: MESSAGES, now: NOW });
  console.log(
    `generated ${zip} (${(statSync(zip).size / 1e6).toFixed(0)} MB) in ${((performance.now() - start) / 1000).toFixed(1)} s`,
  );
} else {
  console.log(`reusing ${zip}`);
}

const floor = child(['floor', String(MESSAGES), freshDb('floor.db')]);
const floorRate = MESSAGES / floor.seconds!;
console.log(`floor: ${MESSAGES} rows in ${floor.seconds!.toFixed(2)} s = ${Math.round(floorRate)} rows/s`);

const dbPath = freshDb('import.db');
const run = child(['import', zip, dbPath]);
const rate = MESSAGES / run.seconds!;
const ratio = rate / floorRate;
console.log(
  `import: ${MESSAGES} messages in ${run.seconds!.toFixed(2)} s = ${Math.round(rate)} messages/s, ratio ${ratio.toFixed(2)} (target ≥ ${TARGETS.ratio}), peak RSS ${run.maxRssMb!.toFixed(0)} MB (target < ${TARGETS.rssMb})`,
);

// `rapport today` as a user runs it: a whole process, median of several runs.
const todayRuns: number[] = [];
for (let i = 0; i < 7; i++) {
  const start = performance.now();
  const result = spawnSync(process.execPath, [join(ROOT, 'bin', 'rapport.js'), '--db', dbPath, 'today'], {
    env: { ...process.env, RAPPORT_NOW: new Date(NOW).toISOString(), NO_COLOR: '1' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`rapport today failed: ${result.stderr}`);
  todayRuns.push(performance.now() - start);
}
todayRuns.sort((a, b) => a - b);
const todayMs = todayRuns[Math.floor(todayRuns.length / 2)]!;
console.log(
  `rapport today: median ${todayMs.toFixed(0)} ms over ${todayRuns.length} runs (target < ${TARGETS.todayMs})`,
);

const cpu = cpus()[0]?.model ?? 'unknown CPU';
writeBenchmarkSection('import', [
  `Machine: ${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
  `Export: ${CONNECTIONS.toLocaleString('en')} connections, ${MESSAGES.toLocaleString('en')} messages (zip ${(statSync(zip).size / 1e6).toFixed(0)} MB); imported ${run.totals?.imported?.toLocaleString('en')} records.`,
  '',
  '| measure | result | target | met |',
  '|---|---|---|---|',
  `| floor: raw prepared insert, one transaction | ${Math.round(floorRate).toLocaleString('en')} rows/s | — | — |`,
  `| import (unzip, parse, resolve, store, stats) | ${Math.round(rate).toLocaleString('en')} messages/s (${run.seconds!.toFixed(1)} s) | | |`,
  `| ratio import / floor | ${ratio.toFixed(2)} | ≥ ${TARGETS.ratio} | ${ratio >= TARGETS.ratio ? 'yes' : 'no'} |`,
  `| peak RSS of the import process | ${run.maxRssMb!.toFixed(0)} MB | < ${TARGETS.rssMb} MB | ${run.maxRssMb! < TARGETS.rssMb ? 'yes' : 'no'} |`,
  `| \`rapport today\` on the result (whole process, median of 7) | ${todayMs.toFixed(0)} ms | < ${TARGETS.todayMs} ms | ${todayMs < TARGETS.todayMs ? 'yes' : 'no'} |`,
]);
