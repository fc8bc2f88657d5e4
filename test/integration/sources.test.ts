import { rmSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { silkyrichFiles, writeTempFolder } from '../../src/importers/fixture-export.test-support.js';
import { igsiftExport } from '../../src/importers/instagram/instagram-export.test-support.js';
import { type AppContext, openApp } from '../../src/services/app-context.js';
import { importPaths } from '../../src/services/import.service.js';
import { listPeople } from '../../src/services/people.service.js';
import { createTestDatabase, describeEachDatabase, type TestDatabase } from '../support/stores.js';

const NOW = Date.UTC(2026, 10, 29, 9, 0);

describeEachDatabase('real-format fixtures through the import service', (dialect) => {
  let database: TestDatabase;
  let ctx: AppContext;
  const folders: string[] = [];
  const folder = async (files: Parameters<typeof writeTempFolder>[0]) => {
    const dir = await writeTempFolder(files);
    folders.push(dir);
    return dir;
  };

  beforeEach(async () => {
    database = await createTestDatabase(dialect);
    ctx = await openApp(database.location, { clock: () => NOW });
  });
  afterEach(async () => {
    await ctx.store.close();
    await database.drop();
    for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('imports the LinkedIn sample export and the Instagram sample export in one command, twice', async () => {
    const linkedin = await folder(silkyrichFiles());
    const instagram = await folder(igsiftExport());
    const first = await importPaths(ctx, [linkedin, instagram]);
    expect(first.map((r) => r.source)).toEqual(['linkedin', 'instagram']);
    const [li, ig] = first;
    // Owner + 300 connections + 148 messages (150 rows, 2 drafts) + 162 invitations.
    expect(li?.totals).toMatchObject({ read: 1 + 300 + 148 + 162, rejected: 0 });
    expect(li?.totals.imported).toBe(li?.totals.read);
    // Owner + 6 follows + 11 messages and 5 reactions; the owner is already known from LinkedIn,
    // and one account both follows and is followed: two records that add nothing new.
    expect(ig?.totals).toMatchObject({ read: 1 + 6 + 16, imported: 6 + 16 - 1, duplicates: 2, rejected: 0 });

    const people = (await listPeople(ctx)).total;
    const again = await importPaths(ctx, [linkedin, instagram]);
    expect(again.map((r) => r.totals.imported)).toEqual([0, 0]);
    expect((await listPeople(ctx)).total).toBe(people);
  });
});
