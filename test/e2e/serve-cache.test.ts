import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'rapport.js');

interface TodayBody {
  now: number;
  entries: { id: number; bucket: string }[];
}

describe('rapport serve answers Today from its cache, and a CLI write in another process shows at once', () => {
  let home: string;
  let child: ChildProcess | undefined;
  const env = () => ({ HOME: home, XDG_DATA_HOME: join(home, 'data'), RAPPORT_NOW: '2026-11-29T09:00:00Z' });

  beforeAll(() => {
    home = mkdtempSync(join(tmpdir(), 'rapport-serve-cache-'));
  });
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    rmSync(home, { recursive: true, force: true });
  });

  it('serves the same Today until `rapport log` writes, then the fresh one', async () => {
    // The sample book, made by the CLI, so the server opens a book that already exists.
    expect(runCli(['today', '--json'], env()).code).toBe(0);
    const server = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--host', '127.0.0.1'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, NO_COLOR: '1', ...env() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = server;
    const printed = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout!.on('data', (chunk) => {
        out += chunk;
        if (/Stop with Ctrl\+C/.test(out)) resolve(out);
      });
      server.on('exit', (code) => reject(new Error(`rapport serve exited with ${code}: ${out}`)));
    });
    const url = /Open: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(printed)![1]!;
    const token = /Token: (\S+)/.exec(printed)![1]!;
    const getToday = async () => {
      const response = await fetch(`${url}api/v1/today?limit=5`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      return response.text();
    };

    const first = await getToday();
    expect(await getToday()).toBe(first);
    const top = (JSON.parse(first) as TodayBody).entries[0]!;

    const logged = runCli(['log', `#${top.id}`, 'coffee', '--minutes', '45'], env());
    expect(logged.code, logged.stderr).toBe(0);

    const after = JSON.parse(await getToday()) as TodayBody;
    const fresh = JSON.parse(runCli(['today', '--json', '--limit', '5'], env()).stdout) as TodayBody;
    expect(after.entries.map((e) => [e.id, e.bucket])).toEqual(fresh.entries.map((e) => [e.id, e.bucket]));
    expect(after.entries.map((e) => e.id)).not.toEqual(
      (JSON.parse(first) as TodayBody).entries.map((e) => e.id),
    );

    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 120_000);
});
