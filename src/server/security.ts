import { isIP } from 'node:net';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RapportError } from '../errors.js';

/**
 * Browser-facing defences every response and request goes through: the Host check (DNS
 * rebinding), the Origin check on writes (CSRF) and the headers that keep responses from being
 * sniffed, framed or cached.
 */

/** Names a loopback server answers to. */
export const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '::1'] as const;

/** Whether `host` (a name or an address to bind) only reaches this machine. */
export function isLoopback(host: string): boolean {
  const name = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (name === 'localhost' || name === '::1') return true;
  return isIP(name) === 4 && name.startsWith('127.');
}

/** Splits a Host header or an origin's host into name and port; IPv6 brackets removed. */
export function splitHost(value: string): { name: string; port: number | null } | undefined {
  const match = /^(\[[^\]]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(value.trim().toLowerCase());
  if (!match) return undefined;
  return { name: match[1]!.replace(/^\[|\]$/g, ''), port: match[2] ? Number(match[2]) : null };
}

export interface HostPolicy {
  /** Host names (without port) the server answers to. */
  names: ReadonlySet<string>;
  /** The port it listens on, once it does; null before (and under inject in tests). */
  port(): number | null;
}

/** Whether a Host header (or an origin's host) names this server. */
export function isServedHost(value: string | undefined, policy: HostPolicy): boolean {
  if (!value) return false;
  const host = splitHost(value);
  if (!host || !policy.names.has(host.name)) return false;
  const port = policy.port();
  return host.port === null || port === null || host.port === port;
}

/** Whether an Origin header is this server's own origin. */
export function isSameOrigin(origin: string, policy: HostPolicy): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // "null" and anything unparseable
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return isServedHost(url.host, policy);
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Throws request.host_refused or request.cross_site when a request must not be served. */
export function checkRequest(request: FastifyRequest, policy: HostPolicy): void {
  if (!isServedHost(request.headers.host, policy)) {
    throw new RapportError(
      'request.host_refused',
      `This server does not answer to the host "${request.headers.host ?? ''}"; open it at the address rapport serve printed.`,
      { host: request.headers.host ?? null },
    );
  }
  if (!WRITE_METHODS.has(request.method)) return;
  const origin = request.headers.origin;
  // Browsers send Origin on every cross-origin write, and Sec-Fetch-Site where Origin is left
  // out; scripts send neither, and they must hold the token anyway.
  const site = request.headers['sec-fetch-site'];
  const crossSite =
    origin !== undefined ? !isSameOrigin(origin, policy) : site === 'cross-site' || site === 'same-site';
  if (crossSite) {
    throw new RapportError(
      'request.cross_site',
      'Changes are only accepted from this server’s own pages or from scripts holding the token, not from other web sites.',
      { origin: origin ?? null },
    );
  }
}

/** A strict policy for every HTML page: only this origin's own scripts and styles. */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Swagger UI sets inline style attributes; it runs only our own scripts all the same. */
export const DOCS_CSP = PAGE_CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

/**
 * A self-contained page whose only style is its own inline <style> (the meeting brief): it loads
 * nothing, runs no script at all, and cannot be framed; the policy the page itself declares.
 */
export const STANDALONE_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The Content-Security-Policy of this route's HTML instead of PAGE_CSP. */
    pageCsp?: string;
  }
}

/** Registers the Host and Origin checks and the security headers on every response. */
export function registerRequestSecurity(app: FastifyInstance, policy: HostPolicy): void {
  app.addHook('onRequest', async (request) => checkRequest(request, policy));
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cross-origin-resource-policy', 'same-origin');
    reply.header('cross-origin-opener-policy', 'same-origin');
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html')) {
      const docs = request.url.startsWith('/api/docs');
      const own = request.routeOptions.config?.pageCsp;
      reply.header('content-security-policy', own ?? (docs ? DOCS_CSP : PAGE_CSP));
    }
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
