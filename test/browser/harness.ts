import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { describe } from 'vitest';

/**
 * Browser tests drive Debian's Chromium (never a downloaded browser) against the real
 * `rapport serve` from the built bundle. Without Chromium they skip on a laptop and fail in CI.
 */

const ROOT = join(import.meta.dirname, '..', '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'screenshots');

const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** describe() that needs Chromium: skipped (loudly) without it, an error in CI. */
export function describeInBrowser(name: string, body: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(name, body);
    return;
  }
  if (process.env.CI)
    throw new Error(
      `Browser tests are required in CI: install Chromium (apt-get install -y chromium) at ${CHROMIUM}.`,
    );
  console.warn(
    `\n*** Chromium not found at ${CHROMIUM}: browser tests are SKIPPED. apt-get install -y chromium ***\n`,
  );
  describe.skip(name, body);
}

export interface RunningServer {
  url: string;
  token: string;
  db: string;
  stop(): Promise<void>;
}

/** Starts the built `rapport serve` on a free loopback port with its own database. */
export async function startServer(options: { sample?: boolean; now?: string } = {}): Promise<RunningServer> {
  const bundle = join(ROOT, 'dist', 'web', 'index.html');
  if (!existsSync(bundle))
    throw new Error('The web app is not built: run `npm run build` (npm test builds first).');
  const home = mkdtempSync(join(tmpdir(), 'rapport-browser-'));
  const db = join(home, 'rapport.db');
  const args = [join(ROOT, 'bin', 'rapport.js'), 'serve', '--port', '0', '--db', db];
  if (options.sample === false) args.push('--no-open-sample');
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: home,
    env: {
      PATH: process.env.PATH,
      HOME: home,
      NO_COLOR: '1',
      TZ: 'UTC',
      ...(options.now ? { RAPPORT_NOW: options.now } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (c) => {
    err += c;
  });
  const ready = await new Promise<{ url: string; token: string }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`rapport serve did not start:\n${out}\n${err}`)), 60_000);
    child.stdout?.on('data', (c) => {
      out += c;
      const url = /Open: (\S+)/.exec(out)?.[1];
      const token = /Token: (\S+)/.exec(out)?.[1];
      if (url && token) {
        clearTimeout(timer);
        resolve({ url: url.replace(/\/$/, ''), token });
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`rapport serve exited with ${code}:\n${out}\n${err}`));
    });
  });
  return {
    ...ready,
    db,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(home, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
}

/** A page that records what would show that something is wrong: script errors, dialogs (XSS), failed requests. */
export async function openPage(
  browser: Browser,
  options: { colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number } } = {},
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({
    acceptDownloads: true,
    viewport: options.viewport ?? { width: 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', async (d) => {
    problems.push(`dialog: ${d.message()}`);
    await d.dismiss();
  });
  return { context, page, problems };
}

/** Saves a screenshot of the page as a test artifact (test-artifacts/screenshots/NAME.png). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

const require = createRequire(import.meta.url);
let axeSource: string | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
}

/**
 * Runs axe-core on the page (WCAG 2 A and AA rules) and returns the serious and critical
 * violations. axe is evaluated through the DevTools protocol, so the page's CSP stays on.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: unknown[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.length,
    }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Waits until the locator's first match is visible (Playwright's own waiting; fails after `timeout`). */
export async function visible(locator: Locator, timeout = 15_000): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout });
}
