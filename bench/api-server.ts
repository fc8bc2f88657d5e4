/**
 * The server under load for `npm run bench:api`, in its own process so the load generator does
 * not share its event loop: the real buildServer on an existing database, on 127.0.0.1 with an
 * ephemeral port. Arguments: the SQLite path and the clock (ms); the token comes in
 * RAPPORT_BENCH_TOKEN. Prints "listening PORT" once it accepts requests.
 */
import { buildServer } from '../src/server/server.js';
import { openApp } from '../src/services/app-context.js';

const [path, at] = process.argv.slice(2);
const token = process.env.RAPPORT_BENCH_TOKEN;
if (!path || !at || !token) throw new Error('usage: RAPPORT_BENCH_TOKEN=… api-server.js DB_PATH NOW_MS');
const now = Number(at);
// The clock stands still at the moment the book was evaluated: the figures are the steady
// state, with no re-evaluation of people falling due in the middle of a run.
const ctx = await openApp({ dialect: 'sqlite', path }, { clock: () => now });
const app = await buildServer(ctx, { token, pagesSignIn: false, logLevel: 'silent' });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
console.log(`listening ${typeof address === 'object' && address ? address.port : ''}`);
process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => ctx.store.close())
    .then(() => process.exit(0));
});
