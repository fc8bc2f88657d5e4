import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'rapport.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the installed entry point, as a user would, with its own environment. */
export function runCli(args: string[], env: NodeJS.ProcessEnv): CliResult {
  if (!existsSync(join(ROOT, 'dist', 'bundle', 'rapport.mjs'))) {
    throw new Error(
      'The CLI is not built: run the tests with `npm test` (it builds first) or `npm run build`.',
    );
  }
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: env.HOME ?? process.env.HOME, NO_COLOR: '1', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
