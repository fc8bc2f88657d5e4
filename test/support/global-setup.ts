import type { TestProject } from 'vitest/node';
import { findPostgresBin, type PostgresServer, startPostgres } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the PostgreSQL server for this run, or null when there is none. */
    postgresUrl: string | null;
  }
}

let server: PostgresServer | undefined;

/** Starts PostgreSQL once per test run (or uses DATABASE_URL); in CI its absence is an error. */
export default async function setup(project: TestProject): Promise<() => void> {
  let url: string | null = process.env.DATABASE_URL ?? null;
  if (!url) {
    const bin = findPostgresBin();
    if (bin) {
      server = await startPostgres(bin);
      url = server.url;
    } else if (process.env.CI) {
      throw new Error(
        'PostgreSQL is required in CI: install it (apt-get install postgresql) or set DATABASE_URL.',
      );
    } else {
      console.warn(
        '\n*** PostgreSQL not found: every PostgreSQL integration test is SKIPPED. Install postgresql or set DATABASE_URL. ***\n',
      );
    }
  }
  project.provide('postgresUrl', url);
  return () => server?.stop();
}
