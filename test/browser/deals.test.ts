import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeInBrowser,
  launchBrowser,
  openPage,
  type RunningServer,
  startServer,
  visible,
} from './harness.js';

let server: RunningServer;
let browser: Browser;

describeInBrowser('deals from the person page in Chromium', () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ now: '2026-11-29T09:00:00Z' }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens a deal that puts the person first in Today, and closing it as won shows in Insights', async () => {
    const { page, problems, context } = await openPage(browser);
    await page.goto(`${server.url}/`);
    const third = page.locator('article').nth(2);
    await visible(third);
    const name = (await third.getByRole('heading').textContent())!.trim();
    expect(await page.locator('article').first().getByRole('heading').textContent()).not.toBe(name);

    await third.getByRole('link', { name }).click();
    await page.getByLabel('New deal').fill('Pilot, 20 seats');
    await page.getByLabel('Value').fill('12000');
    await page.getByLabel('Currency').fill('eur');
    await page.getByRole('button', { name: 'Open the deal' }).click();
    await visible(page.getByText(/Pilot, 20 seats — lead · 12,000 EUR/));

    await page.getByRole('link', { name: 'Today', exact: true }).click();
    await visible(page.locator('article').first());
    expect((await page.locator('article').first().getByRole('heading').textContent())?.trim()).toBe(name);

    await page.locator('article').first().getByRole('link', { name }).click();
    await page.getByRole('button', { name: 'Pilot, 20 seats: won' }).click();
    await visible(page.getByText(/Pilot, 20 seats — won/));
    await page.getByRole('link', { name: 'Insights', exact: true }).click();
    await visible(page.getByRole('heading', { name: 'Deals: does a real conversation help?' }));
    const all = page.getByRole('row', { name: /^All/ });
    expect(await all.getByRole('cell').first().textContent()).toBe('100% (1 of 1)');
    expect(problems).toEqual([]);
    await context.close();
  });
});
