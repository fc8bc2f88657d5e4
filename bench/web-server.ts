/**
 * The server for `npm run bench:web`: the real buildServer with the built web app, on an
 * existing database, on 127.0.0.1 with an ephemeral port. Opening a page signs the browser in
 * (a loopback bind, as `rapport serve`). Arguments: the SQLite path and the clock (ms).
 * Prints "listening PORT" once it accepts requests.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { buildServer } from '../src/server/server.js';
import { openApp } from '../src/services/app-context.js';

const [path, at] = process.argv.slice(2);
if (!path || !at) throw new Error('usage: web-server.js DB_PATH NOW_MS');
const now = Number(at);
const ctx = await openApp({ dialect: 'sqlite', path }, { clock: () => now });
const app = await buildServer(ctx, {
  token: randomBytes(24).toString('base64url'),
  pagesSignIn: true,
  webRoot: join(import.meta.dirname, '..', 'web'),
  logLevel: 'silent',
});
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
console.log(`listening ${typeof address === 'object' && address ? address.port : ''}`);
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => ctx.store.close())
    .then(() => process.exit(0));
});
