import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RapportError } from '../errors.js';

/**
 * Who may use the API: whoever holds the per-install token, as `Authorization: Bearer <token>`
 * (scripts) or as the session cookie (the web app). The cookie is HttpOnly, so no page script
 * can read it, and SameSite=Strict, so other sites' requests never carry it.
 */

export const SESSION_COOKIE = 'rapport_session';

/** The install's token as bytes, made once (a server has one token; every request is checked). */
let known: { token: string; bytes: Buffer } | undefined;
function tokenBytes(token: string): Buffer {
  if (known?.token !== token) known = { token, bytes: Buffer.from(token, 'utf8') };
  return known.bytes;
}

/**
 * Compares in constant time, so response timing tells nothing about the token's characters.
 * Only a candidate of the token's length is compared: the length is no secret (a generated
 * token is always 32 random bytes in base64url, see api-token.service.ts).
 */
export function tokenMatches(candidate: string | undefined, token: string): boolean {
  if (candidate === undefined) return false;
  const expected = tokenBytes(token);
  const given = Buffer.from(candidate, 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** One cookie's value from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

/** The token a request presents, if any. */
export function presentedToken(request: FastifyRequest): string | undefined {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
  return bearer ?? readCookie(request.headers.cookie, SESSION_COOKIE);
}

/** Throws auth.required unless the request carries the token. */
export function requireToken(request: FastifyRequest, token: string): void {
  if (tokenMatches(presentedToken(request), token)) return;
  throw new RapportError(
    'auth.required',
    'This API needs the access token: send "Authorization: Bearer <token>" (print it with: rapport token), or open the app at the address rapport serve printed.',
  );
}

/** Gives the browser the session cookie. */
export function setSessionCookie(reply: FastifyReply, token: string): void {
  reply.header('set-cookie', `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`);
}

/** Takes the session cookie away. */
export function clearSessionCookie(reply: FastifyReply): void {
  reply.header('set-cookie', `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`);
}
