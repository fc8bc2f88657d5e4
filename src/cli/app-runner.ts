import { type AppContext, openApp } from '../services/app-context.js';
import { resolveLocation } from './db-location.js';

export interface GlobalOptions {
  db?: string;
}

/** Opens the app on the chosen database for one command and always closes it. */
export async function withApp<T>(options: GlobalOptions, run: (ctx: AppContext) => Promise<T>): Promise<T> {
  const clockOverride = process.env.RAPPORT_NOW ? Date.parse(process.env.RAPPORT_NOW) : undefined;
  const ctx = await openApp(resolveLocation({ flag: options.db, env: process.env }), {
    // RAPPORT_NOW pins "today" for reproducible demos and end-to-end tests.
    ...(clockOverride !== undefined && Number.isFinite(clockOverride) ? { clock: () => clockOverride } : {}),
  });
  try {
    return await run(ctx);
  } finally {
    await ctx.store.close();
  }
}
