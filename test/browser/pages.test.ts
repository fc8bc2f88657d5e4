import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeInBrowser,
  launchBrowser,
  openPage,
  type RunningServer,
  screenshot,
  seriousViolations,
  startServer,
  visible,
} from './harness.js';

const NOW = '2026-11-29T09:00:00Z';

let server: RunningServer;
let browser: Browser;

/** Each page, how to know it has loaded, and its screenshot name. */
const PAGES = [
  { path: '/', ready: 'Stuck online', name: 'today' },
  { path: '/people', ready: 'people', name: 'people' },
  { path: '/insights', ready: 'From online to offline', name: 'insights' },
  { path: '/map', ready: 'The strongest', name: 'map' },
  { path: '/import', ready: 'History', name: 'import' },
  { path: '/settings', ready: 'Message templates', name: 'settings' },
] as const;

describeInBrowser('every page on the sample book', () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer({ now: NOW }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`has no serious accessibility violations, in the ${theme} theme`, async () => {
      const { page, problems, context } = await openPage(browser, { colorScheme: theme });
      const found: Record<string, unknown> = {};
      for (const p of PAGES) {
        await page.goto(`${server.url}${p.path}`);
        await visible(page.getByText(p.ready).first());
        await page.waitForLoadState('networkidle');
        await screenshot(page, `${p.name}-${theme}`);
        const violations = await seriousViolations(page);
        if (violations.length) found[p.path] = violations;
      }
      // One person and one plan, reached by clicking as a user would.
      await page.goto(`${server.url}/`);
      const first = page.locator('article').first();
      const name = (await first.getByRole('heading').textContent())!.trim();
      await first.getByRole('link', { name }).click();
      await visible(page.getByRole('heading', { name: 'Timeline' }));
      await screenshot(page, `person-${theme}`);
      const personViolations = await seriousViolations(page);
      if (personViolations.length) found.person = personViolations;
      await page.getByRole('button', { name: 'Plan it' }).click();
      await visible(page.getByRole('heading', { name: 'Message draft' }));
      await screenshot(page, `plan-${theme}`);
      const planViolations = await seriousViolations(page);
      if (planViolations.length) found.plan = planViolations;

      expect(found).toEqual({});
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('reads on a phone: no page scrolls sideways', async () => {
    const { page, context } = await openPage(browser, { viewport: { width: 390, height: 844 } });
    for (const p of PAGES) {
      await page.goto(`${server.url}${p.path}`);
      await visible(page.getByText(p.ready).first());
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, p.path).toBeLessThanOrEqual(1);
      if (p.name === 'today' || p.name === 'people') await screenshot(page, `${p.name}-phone`);
    }
    await context.close();
  });

  it('works from the keyboard: skip link, navigation, and Today’s actions', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${server.url}/`);
    await visible(page.getByText('Stuck online'));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    // From the main content, Tab reaches the first person's link (after the sample notice's controls).
    let inArticle = false;
    for (let i = 0; i < 6 && !inArticle; i++) {
      await page.keyboard.press('Tab');
      inArticle = await page.evaluate(() => document.activeElement?.closest('article') != null);
    }
    expect(inArticle).toBe(true);
    await page.keyboard.press('Enter');
    await visible(page.getByRole('heading', { name: 'Timeline' }));
    await context.close();
  });

  it('scrolls the whole book in the People table, loading pages as they come into view', async () => {
    const { page, context } = await openPage(browser);
    await page.goto(`${server.url}/people`);
    const count = Number((await page.getByText(/^\d[\d,]* people$/).textContent())!.replace(/\D/g, ''));
    expect(count).toBeGreaterThan(100);
    const rows = page.locator('.people-table tbody tr:not(.spacer)');
    await visible(rows.first());
    // Only the rows in view are in the page.
    expect(await rows.count()).toBeLessThan(60);
    await page.locator('.grid-body').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await visible(page.locator(`.people-table tr[aria-rowindex="${count + 1}"] a`));
    await page.getByRole('button', { name: 'Name' }).click();
    await visible(page.locator('.people-table tr[aria-rowindex="2"] a'));
    await context.close();
  });

  // Last: it empties the book the other tests read.
  it('says the book is the sample, and removing it leaves an empty book that says what to do', async () => {
    const { page, problems, context } = await openPage(browser);
    await page.goto(`${server.url}/`);
    const note = page.getByRole('note');
    await visible(note);
    expect(await note.textContent()).toMatch(/sample book/);
    await note.getByRole('button', { name: 'Remove the sample' }).click();
    await visible(page.getByRole('heading', { name: 'Nobody to take offline today' }));
    expect(await page.getByRole('note').count()).toBe(0);
    await page.getByRole('navigation').getByRole('link', { name: 'People', exact: true }).click();
    await visible(page.getByText('Your book is empty'));
    await screenshot(page, 'people-empty');
    expect(problems).toEqual([]);
    await context.close();
  });
});
