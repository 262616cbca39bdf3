/**
 * The browser the tests drive starts and draws Chinese names (海康威视) as glyphs: the one
 * `resolveBrowser` picks and, when that is a system Chromium, the Chromium from npm as well, so the
 * fall-back for machines without a system browser is exercised on every run (see
 * test/support/browser.ts). A screenshot of the vendor page's Chinese name must differ from the
 * same number of characters no font has, which a browser draws as identical missing-glyph boxes.
 */
import { describe, expect, inject, test } from 'vitest';
import { bundledBrowser, launchBrowser, resolveBrowser } from '../support/browser.ts';

const origin = inject('origin');
const resolved = resolveBrowser();
const browsers = resolved.kind === 'bundled' ? [resolved] : [resolved, bundledBrowser()];

describe('CJK text in the test browsers', () => {
  test.each(browsers.map((b) => [b.kind, b] as const))('the %s Chromium draws the Chinese name on the Hikvision page as glyphs', async (_kind, chromium) => {
    const browser = await launchBrowser(chromium);
    try {
      const page = await browser.newPage();
      await page.goto(`${origin}/vendors/hikvision/`);
      const name = page.locator('h1 [lang="zh-Hans"]');
      expect(await name.textContent()).toBe('海康威视');
      const glyphs = await name.screenshot();
      // The same element, its text swapped for unassigned code points (U+0378, U+0379), which no font covers.
      await name.evaluate((el) => (el.textContent = '\u0378\u0378\u0378\u0378'));
      const boxes = await name.screenshot();
      await name.evaluate((el) => (el.textContent = '\u0379\u0379\u0379\u0379'));
      const otherBoxes = await name.screenshot();
      // The control: two different unassigned code points draw the same boxes, so equal pictures mean no glyphs.
      expect(otherBoxes.equals(boxes)).toBe(true);
      expect(glyphs.equals(boxes), 'the Chinese name was drawn as missing-glyph boxes: no CJK font reached the browser').toBe(false);
    } finally {
      await browser.close();
    }
  });
});
