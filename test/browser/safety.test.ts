import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Contact, connectedOn, thread, writeLinkedInExport } from '../support/linkedin-export.js';
import {
  describeInBrowser,
  launchBrowser,
  openPage,
  type RunningServer,
  screenshot,
  startServer,
  visible,
} from './harness.js';

const NOW = '2026-11-29T09:00:00Z';
const now = Date.parse(NOW);

const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=2</script>';
const SVG = '"><svg onload="window.__xss=3">';
const mallory: Contact = {
  first: IMG,
  last: SCRIPT,
  slug: 'mallory-x',
  company: SVG,
  connectedOn: connectedOn(now, 60),
};
const ada: Contact = {
  first: 'Ada',
  last: 'Lovelace',
  slug: 'ada-lovelace-1',
  company: 'Analytical Engines',
  connectedOn: connectedOn(now, 400),
};
const alias: Contact = {
  first: 'A.',
  last: 'Lovelace',
  slug: 'a-lovelace-2',
  company: 'Analytical Engines',
  connectedOn: connectedOn(now, 90),
};

let server: RunningServer;
let browser: Browser;

/** Uploads the loose files of an export folder through the Import page, as a user picks them. */
async function importThroughPage(page: Page, folder: string, files: string[]): Promise<void> {
  await page.goto(`${server.url}/import`);
  await page.getByLabel('Choose export files').setInputFiles(files.map((f) => join(folder, f)));
  await page.getByRole('button', { name: /^Import \d+ file/ }).click();
  await visible(page.getByRole('region', { name: /^Import #\d+/ }), 60_000);
}

describeInBrowser('imported text, import errors, and merges in Chromium', () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ sample: false, now: NOW }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('says what was wrong with a file that is not an export, and stores nothing', async () => {
    const { page, problems, context } = await openPage(browser);
    const dir = mkdtempSync(join(tmpdir(), 'rapport-junk-'));
    writeFileSync(join(dir, 'shopping-list.txt'), 'milk\neggs\n');
    await page.goto(`${server.url}/import`);
    await page.getByLabel('Choose export files').setInputFiles(join(dir, 'shopping-list.txt'));
    await page.getByRole('button', { name: /^Import 1 file/ }).click();
    const alert = page.getByRole('alert');
    await visible(alert);
    expect(await alert.textContent()).toMatch(
      /does not recognise shopping-list\.txt.*\(import\.unrecognised\)/,
    );
    await screenshot(page, 'import-error');
    expect(await page.getByText('Nothing imported yet.').count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows markup from an imported export as text on every page, never as HTML', async () => {
    const { page, problems, context } = await openPage(browser);
    const folder = writeLinkedInExport({ contacts: [mallory], messages: thread(mallory, now, 8, 5, 1) });
    await importThroughPage(page, folder, ['Profile.csv', 'Connections.csv', 'messages.csv']);
    const name = `${IMG} ${SCRIPT}`;
    for (const path of ['/', '/people', '/map', '/insights']) {
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState('networkidle');
      if (path !== '/map' && path !== '/insights')
        await visible(page.getByText(name, { exact: true }).first());
    }
    await page.goto(`${server.url}/people`);
    await page.getByRole('link', { name }).click();
    await visible(page.getByRole('heading', { level: 1, name }));
    await visible(page.getByText(SVG, { exact: false }).first());
    await screenshot(page, 'person-with-markup-in-names');
    const id = /\/people\/(\d+)/.exec(page.url())![1];
    await page.goto(`${server.url}/api/v1/people/${id}/brief?format=html`);
    await visible(page.getByText(name).first());
    // Nothing ran: no marker, no dialog, no element made from the names.
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    for (const path of ['/', '/people', `/people/${id}`]) {
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('main img, main svg[onload], main script').count(), path).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('merges a likely duplicate from the person page, with the reasons shown, and unmerges it', async () => {
    const { page, problems, context } = await openPage(browser);
    const folder = writeLinkedInExport({
      contacts: [ada, alias],
      messages: [...thread(ada, now, 4, 3, 1), ...thread(alias, now, 3, 2, 2)],
    });
    await importThroughPage(page, folder, ['Profile.csv', 'Connections.csv', 'messages.csv']);
    await page.goto(`${server.url}/people?`);
    await page.getByRole('link', { name: 'Ada Lovelace' }).click();
    await visible(page.getByRole('heading', { name: 'Same human?' }));
    expect(await page.getByText(/may be the same person.*Analytical Engines/).count()).toBe(1);
    await screenshot(page, 'merge-suggestion');
    await page.getByRole('button', { name: 'Merge A. Lovelace into Ada Lovelace' }).click();
    await visible(page.getByRole('button', { name: 'Unmerge A. Lovelace' }));
    expect(await page.getByText(/Merged from A\. Lovelace/).count()).toBe(1);
    await page.getByRole('link', { name: 'People', exact: true }).click();
    await visible(page.getByRole('link', { name: 'Ada Lovelace' }));
    expect(await page.getByRole('link', { name: 'A. Lovelace' }).count()).toBe(0);

    await page.getByRole('link', { name: 'Ada Lovelace' }).click();
    await page.getByRole('button', { name: 'Unmerge A. Lovelace' }).click();
    await page.waitForLoadState('networkidle');
    await page.getByRole('link', { name: 'People', exact: true }).click();
    await visible(page.getByRole('link', { name: 'A. Lovelace' }));
    expect(problems).toEqual([]);
    await context.close();
  });
});
