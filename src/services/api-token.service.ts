import { randomBytes } from 'node:crypto';
import { settingsRepository } from '../store/settings.repository.js';
import type { AppContext } from './app-context.js';

/**
 * The per-install secret that guards the HTTP API. It lives in the settings table, so it is
 * private to whoever can read the database, and every server on one PostgreSQL shares it.
 */
export const API_TOKEN_SETTINGS_KEY = 'api.token';

interface StoredToken {
  token: string;
  createdAt: number;
}

/** The access token, or undefined when none was made yet. */
export async function readApiToken(ctx: AppContext): Promise<string | undefined> {
  return (await settingsRepository.get<StoredToken>(ctx.store.db, API_TOKEN_SETTINGS_KEY))?.token;
}

/** The access token, made (and stored) the first time it is asked for. */
export async function ensureApiToken(ctx: AppContext): Promise<{ token: string; created: boolean }> {
  const existing = await readApiToken(ctx);
  if (existing) return { token: existing, created: false };
  return { token: await rotateApiToken(ctx), created: true };
}

/** Replaces the access token: every script and browser holding the old one must sign in again. */
export async function rotateApiToken(ctx: AppContext): Promise<string> {
  // 32 random bytes: unguessable, and URL- and header-safe as base64url.
  const token = randomBytes(32).toString('base64url');
  await settingsRepository.set(ctx.store.db, API_TOKEN_SETTINGS_KEY, {
    token,
    createdAt: ctx.clock(),
  } satisfies StoredToken);
  return token;
}
