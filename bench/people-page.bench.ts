/**
 * npm run bench:web — the People page with 100,000 people in Debian's Chromium: how soon the
 * first rows show, how smoothly the table scrolls through the whole book, and how soon the last
 * row shows after a jump to the end. Smoothness is measured as frame rate while scrolling against
 * the same page's frame rate standing still, in the same run (target: at least half, and no
 * frame longer than 100 ms). BENCH_WEB_PEOPLE lowers the size for a quick look.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { buildBigBook } from './big-book.js';
import { writeBenchmarkSection } from './report.js';

const ROOT = join(import.meta.dirname, '..', '..');
const OUT = join(ROOT, 'bench', 'out');
const NOW = Date.UTC(2026, 10, 29, 9, 0);
const PEOPLE = Number(process.env.BENCH_WEB_PEOPLE ?? 100_000);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TARGET = { frameRatio: 0.5, longestFrameMs: 100 };
const SCROLL_SECONDS = 8;
/** Pixels scrolled per frame: a fast flick, about 34 rows a frame. */
const SCROLL_STEP = 1500;

function startServer(db: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(ROOT, 'dist', 'bench', 'web-server.js'), db, String(NOW)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk) => {
      out += chunk;
      const port = /listening (\d+)/.exec(out)?.[1];
      if (port) resolve({ url: `http://127.0.0.1:${port}`, child });
    });
    child.on('exit', (code) => reject(new Error(`the web server exited with ${code}`)));
  });
}

interface Frames {
  frames: number;
  fps: number;
  p50: number;
  p95: number;
  longest: number;
  /** Share of frames that showed at least one row still loading. */
  blank: number;
  /** How far down the book the view got (row index). */
  reached: number;
}

/** The few browser APIs the in-page measurement uses (the bench compiles without the DOM types). */
interface InPage {
  document: {
    querySelector(selector: string): { scrollTop: number } | null;
    querySelectorAll(selector: string): ArrayLike<{ getAttribute(name: string): string | null }>;
  };
  requestAnimationFrame(callback: (time: number) => void): number;
}

/** Frame intervals for `seconds`, scrolling the table by `step` px a frame (0: standing still). */
async function measureFrames(page: Page, seconds: number, step: number): Promise<Frames> {
  return page.evaluate(
    ({ seconds, step }) =>
      new Promise<Frames>((resolve) => {
        const w = globalThis as unknown as InPage;
        const document = w.document;
        const frame = (callback: (time: number) => void) => w.requestAnimationFrame(callback);
        const body = document.querySelector('.grid-body')!;
        const gaps: number[] = [];
        let blankFrames = 0;
        let last = performance.now();
        const end = last + seconds * 1000;
        const tick = (t: number) => {
          gaps.push(t - last);
          last = t;
          if (document.querySelector('.people-table td.muted')) blankFrames++;
          if (step) body.scrollTop += step;
          if (t < end) frame(tick);
          else {
            const sorted = [...gaps].sort((a, b) => a - b);
            const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
            const rows = Array.from(document.querySelectorAll('.people-table tr[aria-rowindex]'));
            resolve({
              frames: gaps.length,
              fps: gaps.length / seconds,
              p50: q(0.5),
              p95: q(0.95),
              longest: sorted.at(-1)!,
              blank: blankFrames / gaps.length,
              reached: Number(rows.at(-1)?.getAttribute('aria-rowindex') ?? 0),
            });
          }
        };
        frame(tick);
      }),
    { seconds, step },
  );
}

async function main(): Promise<void> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium is needed at ${CHROMIUM}: apt-get install -y chromium`);
  if (!existsSync(join(ROOT, 'dist', 'web', 'index.html'))) throw new Error('Build first: npm run build');
  mkdirSync(OUT, { recursive: true });
  const db = join(OUT, `web-${PEOPLE}.db`);
  console.log(`building a book of ${PEOPLE.toLocaleString('en')} people…`);
  const book = await buildBigBook(db, PEOPLE, NOW);
  const { url, child } = await startServer(db);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    // Sign in (the page hands out the session cookie), then measure a cold open of People.
    await page.goto(`${url}/`);
    const opened = performance.now();
    await page.goto(`${url}/people`);
    await page.locator('.people-table tr[aria-rowindex="2"] a').waitFor();
    const firstRowsMs = performance.now() - opened;

    const still = await measureFrames(page, 3, 0);
    const scrolling = await measureFrames(page, SCROLL_SECONDS, SCROLL_STEP);

    const jumped = performance.now();
    await page.locator('.grid-body').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await page.locator(`.people-table tr[aria-rowindex="${PEOPLE + 1}"] a`).waitFor();
    const lastRowMs = performance.now() - jumped;

    const ratio = scrolling.fps / still.fps;
    const ok = ratio >= TARGET.frameRatio && scrolling.longest <= TARGET.longestFrameMs;
    const ms = (n: number) => `${Math.round(n)} ms`;
    console.log({ firstRowsMs, lastRowMs, still, scrolling, ratio });
    writeBenchmarkSection('web', [
      `Machine: ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, Debian Chromium (headless), ${new Date().toISOString().slice(0, 10)}.`,
      '',
      `Book: ${book.people.toLocaleString('en')} people with ${book.interactions.toLocaleString('en')} touches (bench/big-book.ts), served by the real server with the built app on 127.0.0.1. The table fetches 200 rows per request as they come into view and keeps only the rows in view in the page.`,
      '',
      `Scrolling: the table is scrolled ${SCROLL_STEP.toLocaleString('en')} px (about ${Math.round(SCROLL_STEP / 44)} rows) every frame for ${SCROLL_SECONDS} s — a fast flick through the book — against the same page standing still for 3 s (the floor). Target: frame rate while scrolling at least ${TARGET.frameRatio} of the floor's, and no frame longer than ${TARGET.longestFrameMs} ms.`,
      '',
      '| measure | standing still (floor) | scrolling |',
      '|---|--:|--:|',
      `| frames per second | ${still.fps.toFixed(1)} | ${scrolling.fps.toFixed(1)} (ratio ${ratio.toFixed(2)} ${ratio >= TARGET.frameRatio ? '✓' : '✗'}) |`,
      `| frame interval p50 / p95 | ${ms(still.p50)} / ${ms(still.p95)} | ${ms(scrolling.p50)} / ${ms(scrolling.p95)} |`,
      `| longest frame | ${ms(still.longest)} | ${ms(scrolling.longest)} ${scrolling.longest <= TARGET.longestFrameMs ? '✓' : '✗'} |`,
      `| frames showing a row still loading | – | ${(scrolling.blank * 100).toFixed(0)}% |`,
      `| rows scrolled past | – | ${scrolling.reached.toLocaleString('en')} |`,
      '',
      `First rows after opening People: ${ms(firstRowsMs)}. After a jump to the end of the book, the last person shows in ${ms(lastRowMs)}.${ok ? '' : ' Target not met.'}`,
    ]);
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
}

await main();
