/**
 * A facet with more values than the search page shows at once (the real site's measures): it shows
 * the chosen values and those with the most results, the rest behind "Show all", as a reader
 * uses it. Run on the real build, where the measure facet is longer than FACET_SHOWN.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { FACET_SHOWN } from '../../src/lib/search/facet-options.ts';
import { realContent } from '../build/output-files.ts';
import { testBrowser } from '../support/test-browser.ts';

const origin = inject('origin');
const measures = realContent().measures;
let browser: Browser;

beforeAll(async () => {
  browser = await testBrowser();
});
afterAll(async () => browser?.close());

const fieldset = (page: Page) => page.locator('fieldset[data-facet="measure"]');
const boxes = (page: Page) => fieldset(page).locator('input[type="checkbox"]');
const showAll = (page: Page) => fieldset(page).getByRole('button', { name: /^Show (all|fewer)/ });
/** The label of every shown measure, with its count: "Entity List (3)". */
const labels = (list: Locator) => list.locator('label').evaluateAll((ls) => ls.map((l) => l.textContent!.replace(/\s+/g, ' ').trim()));

/** Opens a search page and waits until its results and its facet counts are on screen. */
async function open(path: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${origin}${path}`);
  await page.waitForFunction(() => document.querySelector<HTMLElement>('tl-search')?.dataset['counted'] === location.search);
  return page;
}

describe('a facet longer than the page shows at once', () => {
  test('the real site has more measures than a facet shows at once', () => {
    expect(measures.length).toBeGreaterThan(FACET_SHOWN);
  });

  test('shows at most the limit, each with results, and "Show all" opens and closes the rest', async () => {
    const page = await open('/search/?q=hikvision');
    await expect.poll(() => boxes(page).count()).toBeLessThanOrEqual(FACET_SHOWN);
    const shown = await labels(fieldset(page));
    expect(shown.length).toBeGreaterThan(0);
    for (const label of shown) expect(label).toMatch(/\([1-9]\d*\)$/);
    const button = showAll(page);
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect((await button.textContent())!.replace(/\s+/g, ' ').trim()).toBe(`Show all ${measures.length} measure values`);
    await button.click();
    await expect.poll(() => boxes(page).count()).toBe(measures.length);
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await button.textContent()).toMatch(/^Show fewer/);
    await button.click();
    await expect.poll(() => boxes(page).count()).toBe(shown.length);
    await page.close();
  });

  test('a measure ticked from the full list filters the results and stays shown, ticked, once the list is folded', async () => {
    const page = await open('/search/?q=hikvision');
    const folded = await boxes(page).evaluateAll((bs) => bs.map((b) => (b as HTMLInputElement).value));
    await showAll(page).click();
    await expect.poll(() => boxes(page).count()).toBe(measures.length);
    // A measure the folded list did not show.
    const hidden = measures.map((m) => m.id).find((id) => !folded.includes(id))!;
    await fieldset(page).locator(`input[value="${hidden}"]`).check();
    await page.waitForURL((url) => url.searchParams.getAll('measure').includes(hidden));
    await page.waitForFunction(() => document.querySelector<HTMLElement>('tl-search')?.dataset['counted'] === location.search);
    await showAll(page).click();
    await expect.poll(() => boxes(page).count()).toBeLessThan(measures.length);
    expect(await fieldset(page).locator(`input[value="${hidden}"]`).isChecked()).toBe(true);
    await page.close();
  });

  test('a measure chosen in the address is shown and ticked, however few results it has', async () => {
    const last = [...measures].sort((a, b) => a.data.shortName.localeCompare(b.data.shortName, 'en-GB')).at(-1)!;
    const page = await open(`/search/?measure=${last.id}`);
    expect(await fieldset(page).locator(`input[value="${last.id}"]`).isChecked()).toBe(true);
    expect(await boxes(page).count()).toBeLessThanOrEqual(FACET_SHOWN);
    await page.close();
  });

  test('unticking a chosen measure that then drops out of the folded list leaves the keyboard in the list', async () => {
    let page = await open('/search/?q=tesla');
    await showAll(page).click();
    await expect.poll(() => boxes(page).count()).toBe(measures.length);
    const none = await boxes(page).evaluateAll((bs) => bs.filter((b) => b.closest('label')!.textContent!.trim().endsWith('(0)')).map((b) => (b as HTMLInputElement).value));
    expect(none.length).toBeGreaterThan(0);
    await page.close();
    page = await open(`/search/?q=tesla&measure=${none[0]}`);
    const box = fieldset(page).locator(`input[value="${none[0]}"]`);
    await box.focus();
    await page.keyboard.press('Space');
    await page.waitForURL((url) => url.searchParams.getAll('measure').length === 0);
    await expect.poll(() => fieldset(page).locator(`input[value="${none[0]}"]`).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.closest('fieldset[data-facet="measure"]') !== null && document.activeElement?.matches('input[type="checkbox"]'))).toBe(true);
    await page.close();
  });

  test('a folded facet left with no value says so, and the keyboard moves to its "Show all" button', async () => {
    // No measure is recorded by the entries about the leak of Matt Hancock's office camera.
    const measure = measures[0]!.id;
    const page = await open(`/search/?q=hancock&measure=${measure}`);
    const box = fieldset(page).locator(`input[value="${measure}"]`);
    expect(await box.isChecked()).toBe(true);
    await box.focus();
    await page.keyboard.press('Space');
    await page.waitForURL((url) => url.searchParams.getAll('measure').length === 0);
    await expect.poll(() => boxes(page).count()).toBe(0);
    expect((await fieldset(page).locator('li.none').textContent())?.trim()).toBe('None in these results');
    expect(await page.evaluate(() => document.activeElement?.matches('fieldset[data-facet="measure"] [data-all]'))).toBe(true);
    await page.close();
  });
});
