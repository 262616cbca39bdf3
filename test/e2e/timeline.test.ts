import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { testBrowser } from '../support/test-browser.ts';

const origin = inject('origin');
let browser: Browser;

beforeAll(async () => {
  browser = await testBrowser();
});
afterAll(async () => browser?.close());

async function openTimeline(path = '/'): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${origin}${path}`);
  await page.locator('tl-filter details:not([hidden])').waitFor();
  return page;
}

/** Opens the folded filter form. */
async function openFilters(page: Page): Promise<void> {
  if (!(await page.locator('tl-filter details').evaluate((d) => (d as HTMLDetailsElement).open))) await page.getByText('Filter the timeline').click();
}

const visibleIds = (page: Page) => page.locator('.entry-card:visible').evaluateAll((els) => els.map((e) => e.id));
/** A data attribute of every visible entry card, in order. */
const visibleData = (page: Page, name: string) => page.locator('.entry-card:visible').evaluateAll((els, attr) => els.map((e) => e.getAttribute(attr) ?? ''), `data-${name}`);
const allIds = (page: Page) => page.locator('.entry-card').evaluateAll((els) => els.map((e) => e.id));
const box = (page: Page, facet: string, name: RegExp | string) => page.locator(`fieldset[data-facet="${facet}"]`).getByRole('checkbox', { name });

describe('timeline filters', () => {
  test('filtering by vendor shows only that vendor’s entries, counts them and puts the state in the URL', async () => {
    const page = await openTimeline();
    const total = (await allIds(page)).length;
    await openFilters(page);
    await box(page, 'vendor', /^Hikvision/).check();
    await expect.poll(() => page.url()).toContain('?vendor=hikvision');
    const ids = await visibleIds(page);
    expect(ids.length).toBeGreaterThan(0);
    for (const vendors of await visibleData(page, 'vendor')) expect(vendors).toMatch(/\bhikvision\b/);
    const status = await page.getByRole('status').textContent();
    expect(status).toContain(ids.length === total ? `all ${total}` : `${ids.length} of ${total}`);
    await page.close();
  });

  test('several values of one facet widen the view; facets narrow it', async () => {
    const page = await openTimeline('/?year=2019');
    const only2019 = await visibleIds(page);
    await box(page, 'year', /^2022/).check();
    await expect.poll(() => page.url()).toBe(`${origin}/?year=2019&year=2022`);
    const both = await visibleIds(page);
    expect(both.length).toBeGreaterThan(only2019.length);
    for (const id of both) expect(id.startsWith('2019') || id.startsWith('2022')).toBe(true);
    await box(page, 'jurisdiction', /^United Kingdom/).check();
    const narrowed = await visibleIds(page);
    expect(narrowed.length).toBeLessThan(both.length);
    for (const jurisdictions of await visibleData(page, 'jurisdiction')) expect(jurisdictions).toMatch(/\buk\b/);
    await page.close();
  });

  test('counts follow the other choices, and a value that would show nothing is marked and cannot be picked', async () => {
    const page = await openTimeline('/?year=2018');
    const shown = (await visibleIds(page)).length;
    // Every vendor's count is what picking it would show, and values that would show nothing are disabled.
    const vendors = page.locator('fieldset[data-facet="vendor"] input');
    let disabled = 0;
    for (let i = 0; i < (await vendors.count()); i += 1) {
      const input = vendors.nth(i);
      const label = page.locator('fieldset[data-facet="vendor"] label').nth(i);
      const count = await label.locator('[data-count]').textContent();
      if (await input.isDisabled()) {
        disabled += 1;
        expect(count).toBe('(none with these filters)');
        continue;
      }
      const n = Number(count!.replace(/\D/g, ''));
      await input.check();
      expect((await visibleIds(page)).length, await label.textContent() ?? '').toBe(n);
      await input.uncheck();
      expect((await visibleIds(page)).length).toBe(shown);
    }
    expect(disabled).toBeGreaterThan(0);
    await page.close();
  });

  test('a shared filtered URL restores the view, and back and forward move between states', async () => {
    const page = await openTimeline('/?vendor=hikvision&year=2022');
    expect(await box(page, 'vendor', /^Hikvision/).isChecked()).toBe(true);
    expect(await box(page, 'year', /^2022/).isChecked()).toBe(true);
    const filtered = await visibleIds(page);
    for (const id of filtered) expect(id.startsWith('2022')).toBe(true);

    await box(page, 'year', /^2022/).uncheck();
    await expect.poll(() => page.url()).toBe(`${origin}/?vendor=hikvision`);
    const wider = await visibleIds(page);
    expect(wider.length).toBeGreaterThanOrEqual(filtered.length);

    await page.goBack();
    await expect.poll(() => box(page, 'year', /^2022/).isChecked()).toBe(true);
    expect(await visibleIds(page)).toEqual(filtered);

    await page.reload();
    await page.locator('tl-filter details:not([hidden])').waitFor();
    expect(await box(page, 'year', /^2022/).isChecked()).toBe(true);
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

  test('the newest-first order keeps the filters and reverses the entries', async () => {
    const page = await openTimeline('/?jurisdiction=uk');
    const oldestFirst = await visibleIds(page);
    await page.getByRole('link', { name: 'newest first' }).click();
    await page.waitForURL(/\/newest\/\?jurisdiction=uk$/);
    await page.locator('tl-filter details:not([hidden])').waitFor();
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
    expect(await page.locator('tl-filter details').isVisible()).toBe(false);
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
