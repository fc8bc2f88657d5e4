import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateLinkedInExport } from '../../src/sample/linkedin-export.generator.js';
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

/** How many people reached a rung, read from the Insights page's funnel table. */
async function reached(page: Page, rung: string): Promise<number> {
  await page.goto(`${server.url}/insights`);
  const row = page.getByRole('row', { name: new RegExp(`^${rung}`) }).first();
  return Number(await row.getByRole('cell').first().textContent());
}

let server: RunningServer;
let browser: Browser;

describeInBrowser('the main journey in Chromium', () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ sample: false, now: NOW }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('imports a LinkedIn zip through the page, plans a coffee with a stuck person, downloads the invite, marks it done', async () => {
    const { page, problems, context } = await openPage(browser);
    const zip = join(
      mkdtempSync(join(tmpdir(), 'rapport-journey-')),
      'Complete_LinkedInDataExport_11-29-2026.zip',
    );
    await generateLinkedInExport(zip, { seed: 11, connections: 40, messages: 600, now: Date.parse(NOW) });

    // An empty book says what to do next.
    await page.goto(`${server.url}/people`);
    await visible(page.getByText('Your book is empty'));

    await page.getByRole('link', { name: 'Import', exact: true }).click();
    await page.getByLabel('Choose export files').setInputFiles(zip);
    await page.getByRole('button', { name: /^Import 1 file/ }).click();
    await visible(page.getByRole('region', { name: /^Import #1/ }), 60_000);
    await visible(page.getByText(/new people/));
    await screenshot(page, 'import-report');

    const metBefore = await reached(page, 'Met in person');

    await page.getByRole('link', { name: 'Today', exact: true }).click();
    const card = page.locator('article', { hasText: 'Stuck online' }).first();
    await visible(card);
    const name = (await card.getByRole('heading').textContent())!.trim();
    await screenshot(page, 'today');
    await card.getByRole('combobox').selectOption('coffee');
    await card.getByRole('button', { name: 'Plan it' }).click();

    await visible(page.getByRole('heading', { level: 1, name: `Coffee with ${name}` }));
    await page.getByRole('button', { name: 'They picked this time' }).click();
    await visible(page.getByText(/^Plan #\d+ · Scheduled/));
    await screenshot(page, 'plan');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the invite (.ics)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^rapport-plan-\d+\.ics$/);
    const ics = readFileSync((await download.path())!, 'utf8');
    const calendar = new ICAL.Component(ICAL.parse(ics));
    expect(calendar.getFirstPropertyValue('method')).toBe('REQUEST');
    const event = calendar.getFirstSubcomponent('vevent')!;
    expect(String(event.getFirstPropertyValue('organizer'))).toMatch(/^mailto:/);
    expect(String(event.getFirstPropertyValue('summary'))).toContain(name);

    await page
      .getByLabel('How did it go? What did you agree?')
      .fill('Good coffee; they want a demo next week.');
    await page.getByRole('button', { name: 'Mark done' }).click();
    await visible(page.getByRole('heading', { name: 'Next' }));
    await visible(page.getByText(/thank-you email/i));

    await page.getByRole('link', { name: '← Today' }).click();
    await visible(page.getByRole('heading', { level: 1, name: 'Today' }));
    await visible(page.locator('article').first());
    expect(await page.getByRole('heading', { name, exact: true }).count()).toBe(0);

    expect(await reached(page, 'Met in person')).toBe(metBefore + 1);
    expect(problems).toEqual([]);
    await context.close();
  });
});
