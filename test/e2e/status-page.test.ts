/**
 * `/status/` read as a journalist reads it: on a phone (390 px), on a desktop (1280 px) and
 * printed on A4. Every row of the table reads without sideways scrolling, no cell is cut off and no
 * word is cut across two lines;
 * the legend says what each shade means, every shaded area leads to its measures, and the list
 * beneath the map and the table say the same in text.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { brokenWords } from '../support/broken-words.ts';
import { testBrowser } from '../support/test-browser.ts';

const origin = inject('origin');
const A4 = { width: 718, height: 1047 };
let browser: Browser;

beforeAll(async () => {
  browser = await testBrowser();
});
afterAll(async () => browser?.close());

/** The cells whose text runs past their box or past the page: what a reader would see cut off. */
async function cutOff(page: Page): Promise<string[]> {
  return page.locator('#status-table th, #status-table td').evaluateAll((cells) => {
    const pageWidth = document.documentElement.clientWidth;
    return cells
      .filter((cell) => {
        const box = cell.getBoundingClientRect();
        const style = getComputedStyle(cell);
        if (style.display === 'none' || box.width === 0) return false;
        // The column headings a phone hides from sight (each cell names its column instead).
        const head = cell.closest('thead');
        if (head && getComputedStyle(head).clipPath !== 'none') return false;
        return cell.scrollWidth > cell.clientWidth + 1 || box.right > pageWidth + 1 || box.left < -1;
      })
      .map((cell) => (cell.textContent ?? '').trim().slice(0, 60));
  });
}

/** The number of measure rows and the measure links, in order. */
async function measureLinks(page: Page): Promise<string[]> {
  return page.locator('#status-table tbody th[scope="row"] a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
}

describe.each([
  ['a phone', { width: 390, height: 844 }],
  ['a desktop', { width: 1280, height: 900 }],
] as const)('/status/ on %s', (_, viewport) => {
  let page: Page;

  beforeAll(async () => {
    page = await browser.newPage({ viewport });
    await page.goto(`${origin}/status/`);
  });
  afterAll(async () => page?.close());

  test('the page never scrolls sideways and no cell of the table is cut off', async () => {
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    expect(await cutOff(page)).toEqual([]);
    expect(await brokenWords(page, '#status-table th, #status-table td')).toEqual([]);
  });

  test('each measure row says its kind, whom it binds, whom it names and its status, readable in one column on a phone', async () => {
    const rows = page.locator('#status-table tbody tr:not(.jurisdiction)');
    const count = await rows.count();
    expect(count).toBeGreaterThanOrEqual(10);
    for (let i = 0; i < count; i += 1) {
      const text = (await rows.nth(i).innerText()).replace(/\s+/g, ' ');
      expect(text, text.slice(0, 60)).toMatch(/as of \d{1,2} \w+ \d{4}/);
      // Stacked on a phone, each cell shows its column's name, so a row reads on its own; on a desktop the columns do.
      const labels = await rows.nth(i).locator('td').evaluateAll((cells) => cells.map((c) => getComputedStyle(c, '::before').content));
      if (viewport.width < 500) expect(labels, text.slice(0, 60)).toEqual(['"Kind: "', '"Binds: "', '"Names: "', '"Status: "']);
      else expect(labels.every((l) => l === 'none' || l === 'normal'), text.slice(0, 60)).toBe(true);
    }
  });

  test('the legend names every shade the map uses, and the list beneath the map names every jurisdiction with its shade', async () => {
    const shades = await page.locator('.world-map svg a path').evaluateAll((paths) => [...new Set(paths.map((p) => [...p.classList].find((c) => c.startsWith('reach-'))))]);
    const legend = await page.locator('.world-map .legend').innerText();
    for (const shade of shades) {
      const swatch = page.locator(`.world-map .legend rect.${shade}`);
      expect(await swatch.count(), shade).toBe(1);
    }
    expect(legend).toContain('Not covered');
    const list = await page.locator('.world-map .map-list li').allInnerTexts();
    expect(list.length).toBeGreaterThanOrEqual(shades.length);
    for (const item of list) expect(item).toMatch(/: (Binds the market|Binds government|Nothing binding|No binding measure)$/);
  });

  test('clicking a shaded area leads to that jurisdiction\'s measures in the table', async () => {
    const us = page.locator('.world-map svg a[aria-label^="United States"]');
    expect(await us.getAttribute('href')).toBe('#j-us');
    await us.click();
    await page.waitForFunction(() => location.hash === '#j-us');
    const group = page.locator('#j-us');
    expect(await group.locator('tr.jurisdiction').innerText()).toContain('United States');
    expect(await group.locator('th[scope="row"] a').count()).toBeGreaterThan(3);
    // The page scrolls (smoothly, where motion is welcome) until the group is in view.
    await page.waitForFunction(() => {
      const top = document.getElementById('j-us')!.getBoundingClientRect().top;
      return top >= 0 && top < innerHeight;
    });
  });

  test('the European Parliament\'s removal is listed as the Parliament\'s, and the EU is not shaded for it', async () => {
    const institutions = await page.locator('.world-map .institutions').innerText();
    expect(institutions).toContain('European Parliament');
    const eu = page.locator('.world-map svg a[href="#j-eu"] path');
    expect(await eu.getAttribute('class')).toContain('reach-none');
  });
});

describe('/status/ in print', () => {
  let page: Page;
  let screenLinks: string[];

  beforeAll(async () => {
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${origin}/status/`);
    screenLinks = await measureLinks(page);
    await page.setViewportSize(A4);
    await page.emulateMedia({ media: 'print' });
  });
  afterAll(async () => page?.close());

  test('prints the table with every column and every measure, and no cell cut off', async () => {
    const headers = await page.locator('#status-table thead th').evaluateAll((ths) => ths.map((th) => (getComputedStyle(th).display !== 'none' && th.getBoundingClientRect().width > 0 ? th.textContent?.trim() : undefined)));
    expect(headers).toEqual(['Measure', 'Kind', 'Binds', 'Names', 'Status']);
    expect(await measureLinks(page)).toEqual(screenLinks);
    expect(await cutOff(page)).toEqual([]);
    expect(await brokenWords(page, '#status-table th, #status-table td')).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  });

  test('every jurisdiction\'s row group prints its name, and no row is a row of dashes', async () => {
    const groups = await page.locator('#status-table tbody tr.jurisdiction').allInnerTexts();
    expect(groups.length).toBeGreaterThanOrEqual(5);
    const rows = await page.locator('#status-table tbody tr:not(.jurisdiction)').allInnerTexts();
    for (const row of rows) expect(row.replace(/[\s–-]/g, '').length, row).toBeGreaterThan(20);
  });
});

describe('a measure\'s lifecycle', () => {
  test.each([390, 1280])('at %i px, the chart\'s text is at least 10 px high or the chart gives way to the stage list', async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(`${origin}/measures/us-fcc-equipment-authorisation-ban/`);
    const sizes = await page.locator('.lifecycle svg text').evaluateAll((texts) => texts.filter((t) => t.getBoundingClientRect().height > 0).map((t) => t.getBoundingClientRect().height));
    const shown = await page.locator('.lifecycle').isVisible();
    if (shown) expect(Math.min(...sizes)).toBeGreaterThanOrEqual(10);
    else expect(width).toBeLessThan(600);
    expect(await page.locator('ol.stages li').count()).toBeGreaterThan(3);
    expect(await page.locator('ol.stages').isVisible()).toBe(true);
    await page.close();
  });
});
