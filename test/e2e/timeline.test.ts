/**
 * The home page as a newcomer and a returning reader use it: the latest events, the timeline year
 * by year, and the addresses it answered when it held the whole timeline (its filters, an entry's
 * anchor), which now lead to the search page and to the entry.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { testBrowser } from '../support/test-browser.ts';
import { viewShown } from '../support/search-view.ts';
import { realContent } from '../build/output-files.ts';

const origin = inject('origin');
const entries = realContent().entries.map((e) => ({ id: e.id, date: e.data.date, jurisdictions: e.data.jurisdictions })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
let browser: Browser;

beforeAll(async () => {
  browser = await testBrowser();
});
afterAll(async () => browser?.close());

describe('the home page', () => {
  test('shows the latest events newest first and leads to every year, to the newest entries and to filtering', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    const latest = page.getByRole('region', { name: 'Latest events' });
    const cards = await latest.locator('.entry-card').evaluateAll((els) => els.map((e) => e.getAttribute('data-year')));
    expect(cards.length).toBe(Math.min(10, entries.length));
    expect(cards).toEqual([...cards].sort().reverse());
    const years = [...new Set(entries.map((e) => e.date.slice(0, 4)))];
    const yearLinks = page.getByRole('region', { name: 'The timeline, year by year' }).getByRole('link');
    expect(await yearLinks.allTextContents()).toEqual(years);
    await latest.getByRole('link', { name: 'Filter every entry by vendor, jurisdiction, category or year' }).click();
    await page.waitForURL(`${origin}/search/`);
    await page.goBack();
    await yearLinks.first().click();
    await page.waitForURL(`${origin}/years/${years[0]}/`);
    await page.close();
  });

  test('a filtered address of the old timeline opens the same filters on the search page', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/?jurisdiction=uk&year=2022`);
    await page.waitForURL(`${origin}/search/?jurisdiction=uk&year=2022`);
    await viewShown(page);
    const expected = entries.filter((e) => e.jurisdictions.includes('uk') && e.date.startsWith('2022')).length;
    expect(expected).toBeGreaterThan(0);
    await expect.poll(() => page.locator('#search-status').textContent()).toBe(`${expected} ${expected === 1 ? 'entry matches' : 'entries match'} these filters`);
    expect(await page.getByRole('checkbox', { name: /^United Kingdom/ }).isChecked()).toBe(true);
    await page.close();
  });

  test('an entry’s anchor lands on the entry: on the page when it is there, else on its own page', async () => {
    const page = await browser.newPage();
    const newest = entries.at(-1)!.id;
    await page.goto(`${origin}/#${newest}`);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(newest);
    // Arriving with the address, or following a link to it from the page.
    const oldest = entries[0]!.id;
    const fresh = await browser.newPage();
    await fresh.goto(`${origin}/#${oldest}`);
    await fresh.waitForURL(`${origin}/entries/${oldest}/`);
    await fresh.close();
    await page.evaluate((id) => (location.hash = id), entries[1]!.id);
    await page.waitForURL(`${origin}/entries/${entries[1]!.id}/`);
    await page.close();
  });

  test('the newest-first page lists the latest entries, newest first, and links every year', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/newest/`);
    const ids = await page.locator('.entry-card').evaluateAll((els) => els.map((e) => e.id));
    expect(ids).toEqual(entries.slice(-50).map((e) => e.id).reverse());
    for (const year of new Set(entries.map((e) => e.date.slice(0, 4)))) expect(await page.locator('.lede').getByRole('link', { name: year, exact: true }).count()).toBe(1);
    await page.close();
  });
});

describe('reading without JavaScript', () => {
  test('the home page shows the latest events and the years, and offers the browse pages', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${origin}/?vendor=hikvision`);
    expect(await page.locator('.entry-card').count()).toBe(Math.min(10, entries.length));
    expect(page.url()).toBe(`${origin}/?vendor=hikvision`);
    await page.getByRole('navigation', { name: 'Browse' }).getByRole('link', { name: 'vendor' }).click();
    await expect.poll(() => page.url()).toBe(`${origin}/vendors/`);
    await context.close();
  });

  test('an entry page shows its title, dates, verification, sources and corrections log', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${origin}/entries/2022-11-24-uk-sensitive-sites-surveillance-restriction/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('sensitive sites');
    expect(await page.locator('.facts').textContent()).toContain('24 November 2022');
    expect(await page.getByRole('heading', { name: 'Sources' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Corrections log' }).isVisible()).toBe(true);
    expect(await page.locator('.verification').textContent()).toBe('Confirmed');
    await context.close();
  });
});
