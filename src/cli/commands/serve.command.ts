import { hostname, networkInterfaces } from 'node:os';
import { fileURLToPath } from 'node:url';
import { type Command, InvalidArgumentError } from 'commander';
import { RapportError } from '../../errors.js';
import { isLoopback } from '../../server/security.js';
import { ensureApiToken, readApiToken, rotateApiToken } from '../../services/api-token.service.js';
import type { AppContext } from '../../services/app-context.js';
import { type GlobalOptions, withApp } from '../app-runner.js';
import type { Output } from '../output.js';

interface ServeOptions {
  port: number;
  host: string;
  openSample?: boolean;
  allowHost: string[];
}

function parsePort(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535)
    throw new InvalidArgumentError('must be a port number from 0 to 65535 (0 picks a free one).');
  return n;
}

const collect = (value: string, previous: string[]) => [...previous, value.toLowerCase()];

const isWildcard = (host: string) => host === '0.0.0.0' || host === '::' || host === '[::]';

/** The names a server bound to `host` may be reached by, besides the loopback names. */
function servedNames(host: string, allowed: readonly string[]): string[] {
  if (isLoopback(host)) return [...allowed];
  const names = [host.replace(/^\[|\]$/g, ''), hostname(), ...allowed];
  if (isWildcard(host)) {
    for (const list of Object.values(networkInterfaces()))
      for (const address of list ?? []) names.push(address.address);
  }
  return names;
}

/** The access token for this bind: made on first use on loopback; required beforehand elsewhere. */
async function tokenFor(ctx: AppContext, host: string): Promise<string> {
  if (isLoopback(host)) return (await ensureApiToken(ctx)).token;
  const token = await readApiToken(ctx);
  if (token) return token;
  throw new RapportError(
    'serve.needs_token',
    `Listening on ${host} lets other machines reach your data, so the API must be guarded by an access token first. Create one with: rapport token (keep it secret), then start again; browsers sign in with it, scripts send it as "Authorization: Bearer <token>".`,
    { host },
  );
}

/** Resolves when the process is asked to stop. */
function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export function registerServe(program: Command, output: Output): void {
  program
    .command('serve')
    .description('serve the app and its JSON API (on this machine only, unless --host says otherwise)')
    .option('--port <port>', 'port to listen on; 0 picks a free one', parsePort, 4321)
    .option(
      '--host <address>',
      'address to listen on; anything but loopback needs a token (rapport token)',
      '127.0.0.1',
    )
    .option('--open-sample', 'load the sample book when the database is empty (the default)')
    .option('--no-open-sample', 'start with an empty book instead')
    .option('--allow-host <name>', 'another host name the server may be reached by (repeatable)', collect, [])
    .action(async (options: ServeOptions, command: Command) => {
      await withApp(command.optsWithGlobals<GlobalOptions>(), async (ctx) => {
        const token = await tokenFor(ctx, options.host);
        if (options.openSample !== false) {
          const { ensureSampleData } = await import('../../services/sample.service.js');
          const sample = await ensureSampleData(ctx);
          if (sample.imported) {
            output.out(
              `Your book was empty, so it now holds a sample for a fictional salesperson (import #${sample.imported.importId}; undo it with: rapport undo-import ${sample.imported.importId}).`,
            );
          }
        }
        // The HTTP stack loads only here, so every other command starts without it.
        const { buildServer } = await import('../../server/server.js');
        const app = await buildServer(ctx, {
          token,
          hosts: servedNames(options.host, options.allowHost),
          pagesSignIn: isLoopback(options.host),
          webRoot: fileURLToPath(new URL('../web/', import.meta.url)),
        });
        try {
          await app.listen({ port: options.port, host: options.host });
        } catch (error) {
          await app.close();
          if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
            throw new RapportError(
              'serve.address_in_use',
              `Port ${options.port} on ${options.host} is already in use; stop what runs there or choose another with --port (0 picks a free one).`,
              { port: options.port, host: options.host },
            );
          }
          throw error;
        }
        const address = app.server.address();
        const port = address && typeof address === 'object' ? address.port : options.port;
        const shown = isWildcard(options.host) ? hostname() : options.host;
        const url = `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}/`;
        output.out(`Rapport is serving ${ctx.store.description}`);
        output.out(`Open: ${url}`);
        output.out(`API:  ${url}api/v1 (documentation: ${url}api/docs)`);
        output.out(`Token: ${token}`);
        output.out('Stop with Ctrl+C.');
        const signal = await untilStopped();
        await app.close();
        output.out(`Stopped (${signal}).`);
      });
    });

  program
    .command('token')
    .description('print the access token for the API (made the first time), or replace it')
    .option('--rotate', 'replace it: scripts and browsers holding the old one must sign in again')
    .action(async (options: { rotate?: boolean }, command: Command) => {
      const token = await withApp(command.optsWithGlobals<GlobalOptions>(), async (ctx) =>
        options.rotate ? rotateApiToken(ctx) : (await ensureApiToken(ctx)).token,
      );
      output.out(token);
    });
}
