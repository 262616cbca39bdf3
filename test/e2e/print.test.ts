/**
 * Print: an entry page printed on A4 keeps its citation box on the page with the end of the entry
 * (it is compact, not a page of its own) and prints its permanent URL in full, wrapping if long;
 * every other page prints its address; the home page prints its key events without a caption for
 * the chart it leaves out.
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

describe('other pages in print', () => {
  let other: Page;
  beforeAll(async () => {
    other = await browser.newPage({ viewport: A4 });
    await other.emulateMedia({ media: 'print' });
  });
  afterAll(async () => other?.close());

  test.each(['/status/', '/measures/uk-sensitive-sites-instruction/', '/sources/'])('%s prints its address, once', async (path) => {
    await other.goto(`${origin}${path}`);
    const shown = await other.locator('main p').evaluateAll((ps) => ps.filter((p) => (p as HTMLElement).offsetParent !== null).map((p) => p.textContent ?? ''));
    expect(shown.filter((text) => text.includes(`${path}`) && /^This page: https?:\/\//.test(text))).toHaveLength(1);
  });

  test('an entry page prints its permanent URL and no second address', async () => {
    await other.goto(`${origin}${ENTRY}`);
    expect(await other.locator('.print-address').count()).toBe(0);
    expect(await other.locator('.print-only').isVisible()).toBe(true);
  });

  test('the home page prints its key events under a caption of their own, not the caption of the chart it leaves out', async () => {
    await other.goto(`${origin}/`);
    expect(await other.locator('.overview svg').first().isVisible()).toBe(false);
    expect(await other.getByText('At a glance', { exact: false }).isVisible()).toBe(false);
    expect(await other.locator('.print-caption').textContent()).toBe('Key events:');
    expect(await other.locator('.print-caption').isVisible()).toBe(true);
    expect(await other.locator('ol.keys li').count()).toBeGreaterThan(0);
    expect(await other.locator('ol.keys').isVisible()).toBe(true);
  });
});
