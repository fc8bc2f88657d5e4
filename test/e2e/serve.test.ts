import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'rapport.js');

/** Resolves with what the process printed once `pattern` appears on stdout. */
function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(
      () => reject(new Error(`no ${pattern} within ${timeoutMs} ms:\n${stdout}\n${stderr}`)),
      timeoutMs,
    );
    child.stderr?.on('data', (chunk) => {
      stderr += chunk;
    });
    child.stdout?.on('data', (chunk) => {
      stdout += chunk;
      if (pattern.test(stdout)) {
        clearTimeout(timer);
        resolve(stdout);
      }
    });
    child.on('exit', (code) =>
      reject(new Error(`exited with ${code} before ${pattern}:\n${stdout}\n${stderr}`)),
    );
  });
}

describe('rapport serve, end to end', () => {
  let home: string;
  let child: ChildProcess;

  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist', 'bundle', 'rapport.mjs')))
      throw new Error('The CLI is not built: run `npm run build` first.');
    home = mkdtempSync(join(tmpdir(), 'rapport-serve-'));
  });
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(home, { recursive: true, force: true });
  });

  it('refuses to listen beyond this machine until a token exists, and prints it with rapport token', () => {
    const env = { HOME: home, XDG_DATA_HOME: join(home, 'other') };
    const refused = runCli(['serve', '--host', '0.0.0.0', '--port', '0'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/rapport token.*\[serve\.needs_token\]/s);
    const first = runCli(['token'], env);
    expect(first.code).toBe(0);
    expect(runCli(['token'], env).stdout).toBe(first.stdout);
    expect(runCli(['token', '--rotate'], env).stdout).not.toBe(first.stdout);
  });

  it('serves the sample over HTTP with the printed token, and stops cleanly on SIGTERM', async () => {
    child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--host', '127.0.0.1'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: home,
        XDG_DATA_HOME: join(home, 'data'),
        NO_COLOR: '1',
        RAPPORT_NOW: '2026-11-29T09:00:00Z',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const printed = await waitForOutput(child, /Stop with Ctrl\+C/, 90_000);
    const url = /Open: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(printed)?.[1];
    const token = /Token: (\S+)/.exec(printed)?.[1];
    expect(url).toBeDefined();
    expect(token).toMatch(/^[\w-]{43}$/);

    const health = await fetch(`${url}api/v1/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });

    expect((await fetch(`${url}api/v1/today`)).status).toBe(401);
    const today = await fetch(`${url}api/v1/today?limit=5`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(today.status).toBe(200);
    expect(today.headers.get('x-content-type-options')).toBe('nosniff');
    const body = (await today.json()) as { entries: { reason: string }[] };
    expect(body.entries).toHaveLength(5);
    expect(body.entries[0]?.reason).toMatch(/\w/);

    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 120_000);
});
