/**
 * Print: an entry page printed on A4 keeps its citation box on the page with the end of the entry
 * (it is compact, not a page of its own) and prints its permanent URL in full, wrapping if long.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { testBrowser } from '../support/test-browser.ts';

const origin = inject('origin');
// A4 at 96 CSS pixels per inch, less Chromium's default print margins of about 1 cm a side.
const A4 = { width: 718, height: 1047 };
const ENTRY = '/entries/2018-08-13-us-ndaa-fy2019-section-889/';
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await testBrowser();
  page = await browser.newPage({ viewport: A4 });
  await page.goto(`${origin}${ENTRY}`);
  await page.emulateMedia({ media: 'print' });
});
afterAll(async () => browser?.close());

describe('an entry page in print', () => {
  test('the citation box takes at most half a page', async () => {
    const height = await page.locator('section.cite-box').evaluate((el) => el.getBoundingClientRect().height);
    expect(height).toBeGreaterThan(0);
    expect(height).toBeLessThan(A4.height / 2);
  });

  test('the permanent URL is printed in full and wraps when it is longer than the line', async () => {
    const line = page.locator('.print-only');
    expect(await line.isVisible()).toBe(true);
    expect(await line.textContent()).toContain(`${origin}${ENTRY}`.replace(/^http:\/\/[^/]+/, ''));
    // No field that cannot wrap holds the URL in print.
    expect(await page.locator('input').evaluateAll((inputs) => inputs.filter((i) => (i as HTMLElement).offsetParent !== null).length)).toBe(0);
    const fits = await line.evaluate((el) => {
      el.textContent = `Permanent URL: https://a-long-host-name.example.org/a/deep/base/path/entries/${'x'.repeat(160)}/.`;
      return el.scrollWidth <= el.clientWidth && document.documentElement.scrollWidth <= document.documentElement.clientWidth;
    });
    expect(fits).toBe(true);
  });
});
