/**
 * Reading the search page as a browser test does: wait until it shows the view of its address
 * (`tl-search[data-shown]`), then list every result, clicking "Show more results" as a reader would.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** Waits for the search page to show the view its address asks for. */
export async function viewShown(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => document.querySelector<HTMLElement>('tl-search')?.dataset['shown'] === location.search), { timeout: 15_000 }).toBe(true);
}

/** Clicks "Show more results" until every result is listed. */
export async function showEveryResult(page: Page): Promise<void> {
  const more = page.locator('button[data-more]');
  while (await more.isVisible()) {
    const before = await page.locator('#search-results > li').count();
    await more.click();
    // The next results' data comes from the index first: as long as a view may take to show, not
    // expect.poll's default second, which a loaded two-core machine has overrun.
    await expect.poll(() => page.locator('#search-results > li').count(), { timeout: 15_000 }).toBeGreaterThan(before);
  }
}
