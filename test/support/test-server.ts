import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach } from 'vitest';
import { buildServer, type ServerOptions } from '../../src/server/server.js';
import type { Dialect } from '../../src/store/store-dialect.js';
import { type TestApp, useTestApp } from './test-app.js';

export const TEST_TOKEN = 'test-token-0123456789';

/** A fresh app and its HTTP server per test, driven with fastify's inject (no ports). */
export interface TestServer extends TestApp {
  readonly server: FastifyInstance;
  /** A request as a script sends it: with the token unless `token: null`, JSON bodies as JSON. */
  call(
    method: InjectOptions['method'],
    url: string,
    options?: { body?: unknown; headers?: Record<string, string>; token?: string | null },
  ): Promise<LightMyRequestResponse>;
}

export function useTestServer(
  dialect: Dialect,
  now: number,
  options: Partial<ServerOptions> = {},
): TestServer {
  const app = useTestApp(dialect, now);
  let server: FastifyInstance | undefined;
  beforeEach(async () => {
    server = await buildServer(app.ctx, {
      token: TEST_TOKEN,
      pagesSignIn: true,
      logLevel: 'silent',
      ...options,
    });
  });
  afterEach(async () => {
    await server?.close();
  });
  const get = () => {
    if (!server) throw new Error('useTestServer: the server exists only inside a test');
    return server;
  };
  return {
    get ctx() {
      return app.ctx;
    },
    get database() {
      return app.database;
    },
    linkedinExport: app.linkedinExport,
    folder: app.folder,
    get server() {
      return get();
    },
    call: (method, url, { body, headers = {}, token = TEST_TOKEN } = {}) =>
      get().inject({
        method,
        url,
        headers: { ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...headers },
        ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
      }),
  };
}

/** A multipart/form-data body of files (and text fields), as a browser's form upload sends it. */
export function multipartBody(
  files: { name: string; content: Buffer | string }[],
  fields: Record<string, string> = {},
): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----rapport-test-${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    body: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
