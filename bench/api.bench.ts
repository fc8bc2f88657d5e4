/**
 * npm run bench:api — the API under load, each route against a bare route of the same server
 * measured in the same run (target: at least half its requests per second).
 *
 * A book of 100,000 people (bench/big-book.ts) is written to a SQLite file; the real server
 * runs on it in a child process on 127.0.0.1; autocannon loads, one after another, the bare
 * route (GET /api/v1/health: security hooks, routing and serialisation, no database), Today,
 * the first page of People in the default sort, and a page deep in the book in another sort.
 * Then `rapport today` on the same book as a whole process (the installed command, median of 7
 * runs after one warm-up), against `rapport --help` as the floor of starting Node and the
 * bundle. The routes are loaded in rounds (BENCH_API_ROUNDS, 3), each route's ratio taken against
 * the bare route of its round and the median round reported. BENCH_API_PEOPLE and
 * BENCH_API_SECONDS lower the size and duration for a quick look.
 * Figures go to docs/benchmarks.md.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { buildBigBook } from './big-book.js';
import { writeBenchmarkSection } from './report.js';

const ROOT = join(import.meta.dirname, '..', '..');
const OUT = join(ROOT, 'bench', 'out');
const NOW = Date.UTC(2026, 10, 29, 9, 0);
const TARGET_RATIO = 0.5;
const PEOPLE = Number(process.env.BENCH_API_PEOPLE ?? 100_000);
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 6);
/** Rounds of all routes (BENCH_API_ROUNDS); each route's median round is reported. */
const ROUNDS = Number(process.env.BENCH_API_ROUNDS ?? 3);
/** Concurrent connections: enough to keep one Node process busy without queueing for long. */
const CONNECTIONS = 10;
const CLI_RUNS = 7;
/** What Chromium sends: the app's own requests carry it, so the load does too. */
const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';
/** `rapport today`, the whole process, on the 100,000-person book. */
const CLI_TARGET_MS = 200;

/** The part of autocannon's programmatic API used here (it ships no types). */
interface LoadResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
type Autocannon = (options: {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
  timeout: number;
}) => Promise<LoadResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

interface Route {
  name: string;
  path: string;
}

const deepOffset = Math.floor(PEOPLE / 2);
const ROUTES: Route[] = [
  { name: 'bare route (health)', path: '/api/v1/health' },
  { name: 'Today', path: '/api/v1/today' },
  { name: 'People, first page (strength)', path: '/api/v1/people?limit=50' },
  {
    name: `People, page at offset ${deepOffset.toLocaleString('en')} (name, descending)`,
    path: `/api/v1/people?sort=name&order=desc&limit=50&offset=${deepOffset}`,
  },
];

async function startServer(db: string, token: string): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(process.execPath, [join(import.meta.dirname, 'api-server.js'), db, String(NOW)], {
    env: { ...process.env, RAPPORT_BENCH_TOKEN: token },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before listening`)));
  });
  return { child, port };
}

async function load(port: number, token: string, route: Route, seconds: number): Promise<LoadResult> {
  const url = `http://127.0.0.1:${port}${route.path}`;
  const probe = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!probe.ok) throw new Error(`${route.path} answered ${probe.status}: ${await probe.text()}`);
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { authorization: `Bearer ${token}`, 'accept-encoding': BROWSER_ACCEPT_ENCODING },
    // A slow route is a figure to report, not a failure: only give up on a request after a minute.
    timeout: 60,
  });
  if (result.errors || result.timeouts || result.non2xx)
    throw new Error(
      `${route.path}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx`,
    );
  return result;
}

mkdirSync(OUT, { recursive: true });
const db = join(OUT, `api-${PEOPLE}.db`);
console.log(`building a book of ${PEOPLE.toLocaleString('en')} people…`);
const book = await buildBigBook(db, PEOPLE, NOW);
console.log(
  `  ${book.interactions.toLocaleString('en')} touches; inserted in ${(book.insertMs / 1000).toFixed(1)} s, evaluated in ${(book.evaluateMs / 1000).toFixed(1)} s`,
);

const token = randomBytes(24).toString('base64url');
const { child, port } = await startServer(db, token);
/** Per round, each route's result; the bare route first. */
const rounds: LoadResult[][] = [];
try {
  // A short warm-up of every route first: the JIT and SQLite's page cache, so rounds are steady.
  for (const route of ROUTES) await load(port, token, route, 2);
  // Rounds of every route in turn, each against the bare route of its own round: a slow moment
  // of the shared machine then moves one round's ratios, not the reported one (the median).
  for (let round = 0; round < ROUNDS; round++) {
    const results: LoadResult[] = [];
    for (const route of ROUTES) {
      const result = await load(port, token, route, SECONDS);
      console.log(
        `round ${round + 1}, ${route.name}: ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
      );
      results.push(result);
    }
    rounds.push(results);
  }
} finally {
  child.kill('SIGTERM');
}

/** Whole-process milliseconds of the installed command, median of `runs` after one warm-up. */
function medianRunMs(args: string[], runs = CLI_RUNS): number {
  const run = () => {
    const started = performance.now();
    execFileSync(process.execPath, [join(ROOT, 'bin', 'rapport.js'), ...args], {
      // The clock pinned to the moment the book was evaluated, as for the server.
      env: { ...process.env, RAPPORT_NOW: new Date(NOW).toISOString() },
      stdio: 'ignore',
    });
    return performance.now() - started;
  };
  run();
  const times = Array.from({ length: runs }, run).sort((a, b) => a - b);
  return times[Math.floor(runs / 2)]!;
}
const todayMs = medianRunMs(['today', '--db', db]);
const floorMs = medianRunMs(['--help']);
console.log(`rapport today: ${todayMs.toFixed(0)} ms (rapport --help: ${floorMs.toFixed(0)} ms)`);

const rows = ROUTES.map((route, i) => {
  const measured = rounds.map((results) => ({
    result: results[i]!,
    ratio: results[i]!.requests.average / results[0]!.requests.average,
  }));
  const byRatio = [...measured].sort((a, b) => a.ratio - b.ratio);
  const { result, ratio } = byRatio[Math.floor(byRatio.length / 2)]!;
  if (i === 0)
    return `| ${route.name} | \`GET ${route.path}\` | ${result.requests.average.toFixed(0)} | ${result.latency.p50} | ${result.latency.p99} | 1.00 |`;
  const range = ROUNDS > 1 ? ` (${byRatio[0]!.ratio.toFixed(2)}–${byRatio.at(-1)!.ratio.toFixed(2)})` : '';
  const verdict = ratio >= TARGET_RATIO ? ' ✓' : ' ✗';
  return `| ${route.name} | \`GET ${route.path}\` | ${result.requests.average.toFixed(0)} | ${result.latency.p50} | ${result.latency.p99} | ${ratio.toFixed(2)}${range}${verdict} |`;
});
const cpu = cpus()[0]?.model ?? 'unknown CPU';
writeBenchmarkSection('api', [
  `Machine: ${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
  '',
  `Book: ${PEOPLE.toLocaleString('en')} people with ${book.interactions.toLocaleString('en')} touches in a SQLite file, written by bulk inserts and evaluated with refreshEvaluations (bench/big-book.ts: ${(book.insertMs / 1000).toFixed(1)} s to insert, ${(book.evaluateMs / 1000).toFixed(1)} s to evaluate; ${book.flagged.stuck.toLocaleString('en')} stuck online, ${book.flagged.overdue.toLocaleString('en')} overdue, ${book.flagged.dormant.toLocaleString('en')} dormant). Today reads its first page in rank order from an index (person_evaluations_today_idx); Today and People are answered from the server's read cache while the book is unchanged (services/read-cache.service.ts), so these figures are the steady state of a book nobody is writing to. The server runs in its own process on 127.0.0.1; autocannon (in the benchmark process, on the same machine) keeps ${CONNECTIONS} connections busy for ${SECONDS} s per route, in ${ROUNDS} rounds of every route in turn after a 2 s warm-up of each, every request with the token and Chromium's Accept-Encoding (\`${BROWSER_ACCEPT_ENCODING}\`), as the app's own requests carry them: Today and People then go gzipped (compressed once per cached answer), the bare route's few bytes as they are. Latency in ms (autocannon's whole-millisecond resolution). Ratio: requests per second over the bare route's in the same round (target ≥ ${TARGET_RATIO}); each row shows the round with the median ratio and, in brackets, the range over the rounds.`,
  '',
  '| route | request | req/s | p50 ms | p99 ms | ratio to bare |',
  '|---|---|--:|--:|--:|--:|',
  ...rows,
  '',
  `\`rapport today\` on the same book, the whole process (the installed command, RAPPORT_NOW at the book's moment), median of ${CLI_RUNS} runs after one warm-up: ${todayMs.toFixed(0)} ms (target < ${CLI_TARGET_MS} ms${todayMs < CLI_TARGET_MS ? ' ✓' : ' ✗'}); \`rapport --help\`, starting Node and the bundle only: ${floorMs.toFixed(0)} ms. Machine load average at the end of the run: ${loadavg()[0]!.toFixed(1)}.`,
]);
