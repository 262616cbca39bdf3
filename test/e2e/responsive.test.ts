import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { sitemapPaths, withTabs } from '../support/crawl.ts';
import { readPage } from '../support/html.ts';

const origin = inject('origin');
const dist = inject('distDir');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const firstEntry = readPage(dist, 'index.html').querySelector('.entry-card')!.id;
const pages = ['/', '/newest/', `/entries/${firstEntry}/`, '/vendors/', '/vendors/hikvision/', '/sources/', '/search/', '/status/', '/measures/', '/measures/us-fcc-equipment-authorisation-ban/', '/404.html'];

/** How wide the page's content is against the window it is shown in. */
async function widthOf(page: Page, path: string): Promise<{ path: string; scroll: number; client: number }> {
  await page.goto(`${origin}${path}`);
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  return { path, scroll, client };
}

describe('small screens', () => {
  test.each(pages)('%s fits a 320 px wide screen without horizontal scrolling', async (path) => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    const { scroll, client } = await widthOf(page, path);
    expect(scroll).toBeLessThanOrEqual(client);
    await page.close();
  });

  test('no page in the sitemap is wider than a 390 px phone', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    try {
      const widths = await withTabs(context, 3, sitemapPaths(dist), widthOf);
      const tooWide = widths.filter((w) => w.scroll > w.client).map((w) => `${w.path} is ${w.scroll} px wide`);
      expect(tooWide, tooWide.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });

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
