import { rmSync } from 'node:fs';
import { afterEach, beforeEach } from 'vitest';
import { type Files, writeTempFolder } from '../../src/importers/fixture-export.test-support.js';
import { type AppContext, openApp } from '../../src/services/app-context.js';
import type { Dialect } from '../../src/store/store-dialect.js';
import { writeLinkedInExport } from './linkedin-export.js';
import { createTestDatabase, type TestDatabase } from './stores.js';

/** A fresh database and app per test, with export folders that are cleaned up after it. */
export interface TestApp {
  readonly ctx: AppContext;
  readonly database: TestDatabase;
  /** A LinkedIn export folder written for this test. */
  linkedinExport(files: Parameters<typeof writeLinkedInExport>[0]): string;
  /** A folder of arbitrary files written for this test. */
  folder(files: Files): Promise<string>;
}

/** Registers the per-test setup and teardown in the calling suite; the clock stands at `now`. */
export function useTestApp(dialect: Dialect, now: number): TestApp {
  let database: TestDatabase | undefined;
  let ctx: AppContext | undefined;
  const folders: string[] = [];
  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    ctx = await openApp(database.location, { clock: () => now });
  });
  afterEach(async () => {
    await ctx?.store.close();
    await database?.drop();
    for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  const keep = (dir: string) => {
    folders.push(dir);
    return dir;
  };
  return {
    get ctx() {
      if (!ctx) throw new Error('useTestApp: the app exists only inside a test');
      return ctx;
    },
    get database() {
      if (!database) throw new Error('useTestApp: the database exists only inside a test');
      return database;
    },
    linkedinExport: (files) => keep(writeLinkedInExport(files)),
    folder: async (files) => keep(await writeTempFolder(files)),
  };
}
