import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
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

describe('small screens', () => {
  test.each(pages)('%s fits a 320 px wide screen without horizontal scrolling', async (path) => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    await page.goto(`${origin}${path}`);
    const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(scroll).toBeLessThanOrEqual(client);
    await page.close();
  });
});
