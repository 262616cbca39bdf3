/**
 * Chinese names (海康威视) are drawn as glyphs in the browser the tests drive, whichever it is (a
 * system Chromium or the one from npm, see test/support/browser.ts): a screenshot of the vendor
 * page's Chinese name must differ from the same number of characters no font has, which every
 * browser draws as identical missing-glyph boxes. Without this, screenshots taken for review would
 * show boxes and nobody would notice.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';

const origin = inject('origin');

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('CJK text in the test browser', () => {
  test('the Chinese name on the Hikvision page renders as glyphs, not as missing-glyph boxes', async () => {
    await page.goto(`${origin}/vendors/hikvision/`);
    const name = page.locator('h1 [lang="zh-Hans"]');
    expect(await name.textContent()).toBe('海康威视');
    const glyphs = await name.screenshot();
    // The same element, its text swapped for four unassigned code points (U+0378), which no font covers.
    await name.evaluate((el) => (el.textContent = '\u0378\u0378\u0378\u0378'));
    const boxes = await name.screenshot();
    await name.evaluate((el) => (el.textContent = '\u0379\u0379\u0379\u0379'));
    const otherBoxes = await name.screenshot();
    // The control: two different unassigned code points draw the same boxes, so equal pictures mean no glyphs.
    expect(otherBoxes.equals(boxes)).toBe(true);
    expect(glyphs.equals(boxes), 'the Chinese name was drawn as missing-glyph boxes: no CJK font reached the browser').toBe(false);
  });
});
