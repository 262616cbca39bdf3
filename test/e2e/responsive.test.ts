import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { brokenWords } from '../support/broken-words.ts';
import { testBrowser } from '../support/test-browser.ts';

const origin = inject('origin');
let browser: Browser;
beforeAll(async () => {
  browser = await testBrowser();
});
afterAll(async () => browser?.close());

describe('small screens', () => {
  // Every page's width on a 390 px phone, and a page of each layout at 320 px: test/e2e/every-page.test.ts.
  test('the header search box mentions the "/" key on a desktop, not on a phone', async () => {
    const open = async (options: Parameters<Browser['newContext']>[0]) => {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      await page.goto(`${origin}/`, { waitUntil: 'load' });
      return { context, box: page.getByRole('searchbox', { name: 'Search the timeline' }) };
    };
    const desktop = await open({ viewport: { width: 1280, height: 800 } });
    // The desktop hint is set by the page's script, so it proves the script has run.
    await expect.poll(() => desktop.box.getAttribute('placeholder')).toBe('Search (press /)');
    await desktop.context.close();
    const phone = await open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    expect(await phone.box.getAttribute('placeholder')).toBe('Search');
    await phone.context.close();
  });

  test("/data/'s tables cut no word of a type or a meaning across two lines on a phone", async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    try {
      const page = await context.newPage();
      await page.goto(`${origin}/data/`);
      expect(await page.locator('main table td').count()).toBeGreaterThan(20);
      expect(await brokenWords(page, 'main table td')).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    } finally {
      await context.close();
    }
  });
});

describe('the home page on a phone', () => {
  test.each(['light', 'dark'] as const)('shows the overview and the first events within the first two screens (%s scheme)', async (colorScheme) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, colorScheme });
    try {
      const page = await context.newPage();
      await page.goto(`${origin}/`);
      const top = (selector: string) => page.locator(selector).first().evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
      const screens = 2 * 844;
      const chart = page.locator('figure.overview > svg');
      expect(await chart.isVisible()).toBe(true);
      const box = (await chart.boundingBox())!;
      expect(box.width).toBeGreaterThan(300);
      expect(await top('figure.overview > svg')).toBeLessThan(844);
      expect(await top('.entry-card')).toBeLessThan(screens);
      // The drawing's colours follow the scheme: a mark is never drawn in the page's background colour.
      const [fill, background] = await page.evaluate(() => [getComputedStyle(document.querySelector('path.mark')!).fill, getComputedStyle(document.body).backgroundColor]);
      expect(fill).not.toBe(background);
    } finally {
      await context.close();
    }
  });
});
