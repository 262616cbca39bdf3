import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';

const origin = inject('origin');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function openTimeline(path = '/'): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${origin}${path}`);
  await page.getByLabel('Vendor', { exact: true }).waitFor();
  return page;
}

const visibleIds = (page: Page) => page.locator('.entry-card:visible').evaluateAll((els) => els.map((e) => e.id));
const allIds = (page: Page) => page.locator('.entry-card').evaluateAll((els) => els.map((e) => e.id));

describe('timeline filters', () => {
  test('filtering by vendor shows only that vendor’s entries, counts them and puts the state in the URL', async () => {
    const page = await openTimeline();
    const total = (await allIds(page)).length;
    await page.getByLabel('Vendor', { exact: true }).selectOption('hikvision');
    await expect.poll(() => page.url()).toContain('?vendor=hikvision');
    const ids = await visibleIds(page);
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(await page.locator(`[id="${id}"]`).getAttribute('data-vendor')).toMatch(/\bhikvision\b/);
    const status = await page.getByRole('status').textContent();
    expect(status).toContain(ids.length === total ? `all ${total}` : `${ids.length} of ${total}`);
    await page.close();
  });

  test('a shared filtered URL restores the view, and back and forward move between states', async () => {
    const page = await openTimeline('/?vendor=hikvision&year=2022');
    expect(await page.getByLabel('Vendor', { exact: true }).inputValue()).toBe('hikvision');
    expect(await page.getByLabel('Year', { exact: true }).inputValue()).toBe('2022');
    const filtered = await visibleIds(page);
    for (const id of filtered) expect(id.startsWith('2022')).toBe(true);

    await page.getByLabel('Year', { exact: true }).selectOption('');
    await expect.poll(() => page.url()).toBe(`${origin}/?vendor=hikvision`);
    const wider = await visibleIds(page);
    expect(wider.length).toBeGreaterThanOrEqual(filtered.length);

    await page.goBack();
    await expect.poll(() => page.getByLabel('Year', { exact: true }).inputValue()).toBe('2022');
    expect(await visibleIds(page)).toEqual(filtered);

    await page.reload();
    await page.getByLabel('Vendor', { exact: true }).waitFor();
    expect(await page.getByLabel('Year', { exact: true }).inputValue()).toBe('2022');
    expect(await visibleIds(page)).toEqual(filtered);
    await page.close();
  });

  test('clearing the filters shows every entry again', async () => {
    const page = await openTimeline('/?category=warning');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => page.url()).toBe(`${origin}/`);
    expect((await visibleIds(page)).length).toBe((await allIds(page)).length);
    await page.close();
  });

  test('can be used with the keyboard alone', async () => {
    const page = await openTimeline();
    for (let i = 0; i < 60; i += 1) {
      await page.keyboard.press('Tab');
      if ((await page.evaluate(() => document.activeElement?.id)) === 'filter-category') break;
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('filter-category');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.url()).toContain('category=');
    await page.close();
  });

  test('the newest-first order keeps the filters and reverses the entries', async () => {
    const page = await openTimeline('/?jurisdiction=uk');
    const oldestFirst = await visibleIds(page);
    await page.getByRole('link', { name: 'newest first' }).click();
    await page.waitForURL(/\/newest\/\?jurisdiction=uk$/);
    await page.getByLabel('Vendor', { exact: true }).waitFor();
    expect(await visibleIds(page)).toEqual([...oldestFirst].reverse());
    await page.close();
  });

  test('a fragment with an entry id lands on that entry', async () => {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    const id = (await allIds(page)).at(-1)!;
    await page.goto(`${origin}/#${id}`);
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(id);
    await page.close();
  });
});

describe('reading without JavaScript', () => {
  test('the timeline lists every entry, hides the filter form and offers the browse pages', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${origin}/`);
    expect(await page.locator('.entry-card').count()).toBeGreaterThan(0);
    expect(await page.locator('form.filters').isVisible()).toBe(false);
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
