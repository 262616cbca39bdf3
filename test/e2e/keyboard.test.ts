/**
 * Keyboard-only use: the skip link, a visible focus indicator, the timeline filters, an entry's
 * cite box and search, each driven with Tab, arrow keys, Enter and "/" alone.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { testBrowser } from '../support/test-browser.ts';
import { pageOfEachType, sitemapPaths } from '../support/crawl.ts';

const origin = inject('origin');
const distDir = inject('distDir');
const types = pageOfEachType(sitemapPaths(distDir));
const entryPath = types.get('entry')!;
const MAX_TABS = 120;

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await testBrowser();
  context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
});
afterAll(async () => browser?.close());

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${origin}${path}`, { waitUntil: 'load' });
  return page;
}

/** What has focus: its tag, id, accessible-ish name and href. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? '',
      id: el?.id ?? '',
      name: (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim().replace(/\s+/g, ' '),
      href: el instanceof HTMLAnchorElement ? el.href : (el?.getAttribute('href') ?? ''),
    };
  });
}

/** Presses Tab until `wanted` holds for the focused element; fails after MAX_TABS presses. */
async function tabTo(page: Page, wanted: (f: Awaited<ReturnType<typeof focused>>) => boolean, what: string): Promise<void> {
  for (let i = 0; i < MAX_TABS; i += 1) {
    await page.keyboard.press('Tab');
    if (wanted(await focused(page))) return;
  }
  throw new Error(`Tab never reached ${what} on ${page.url()} (${MAX_TABS} presses)`);
}

/** The focused element's outline, as the browser draws it. */
function focusOutline(page: Page) {
  return page.evaluate(() => {
    const style = getComputedStyle(document.activeElement!);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
}

const typePages = [...types, ['404', '/no-such-page/'] as const];

describe('the skip link', () => {
  test.each(typePages)('on the %s page, the first Tab focuses "Skip to content" and Enter moves focus to the main content', async (_type, path) => {
    const page = await open(path);
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toBe('Skip to content');
    expect(await page.locator('.skip-link').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('main');
    await page.close();
  });
});

describe('visible focus', () => {
  test.each(typePages)('on the %s page, each of the first twenty Tab stops shows an outline', async (_type, path) => {
    const page = await open(path);
    const missing: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (f.tag === 'body') break;
      const outline = await focusOutline(page);
      if (outline.style === 'none' || !(outline.width > 0)) missing.push(`${f.tag}#${f.id} "${f.name.slice(0, 40)}": outline ${outline.style} ${outline.width}px`);
    }
    expect(missing, missing.join('\n')).toEqual([]);
    await page.close();
  });
});

describe('the cite box with the keyboard', () => {
  test('Tab reaches a Copy button in "Cite this entry" and Enter copies a citation with the permanent URL', async () => {
    const page = await open(entryPath);
    const box = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Cite this entry' }) });
    expect(await box.count(), `${entryPath} has no section headed "Cite this entry"`).toBe(1);
    await tabTo(page, (f) => f.tag === 'button' && f.name.startsWith('Copy'), 'a Copy button');
    expect(await page.evaluate(() => document.activeElement?.closest('section')?.querySelector('h2, h3')?.textContent?.trim())).toBe('Cite this entry');
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain(entryPath);
    await page.close();
  });
});

describe('search with the keyboard', () => {
  test('"/" focuses the search box from any page; typing, Enter, Tab to a result and Enter land on that entry', async () => {
    const page = await open(types.get('vendor') ?? '/');
    await page.keyboard.press('/');
    const box = await focused(page);
    expect(box.tag).toBe('input');
    const word = decodeURIComponent(entryPath).split(/[^a-z]+/i).sort((a, b) => b.length - a.length)[0]!;
    await page.keyboard.type(word);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/search/' && url.searchParams.get('q') === word);
    const results = page.locator('main a[href*="/entries/"]');
    await results.first().waitFor({ timeout: 15_000 });
    await tabTo(page, (f) => f.tag === 'a' && new URL(f.href, origin).pathname.startsWith('/entries/'), 'a search result');
    const target = new URL((await focused(page)).href, origin).pathname;
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === target);
    expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
    await page.close();
  });

  test('on the search page, "/" focuses its own box and results appear while typing', async () => {
    const page = await open('/search/');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
    const word = decodeURIComponent(entryPath).split(/[^a-z]+/i).sort((a, b) => b.length - a.length)[0]!;
    await page.keyboard.type(word);
    await page.locator('main a[href*="/entries/"]').first().waitFor({ timeout: 15_000 });
    await tabTo(page, (f) => f.tag === 'a' && new URL(f.href, origin).pathname.startsWith('/entries/'), 'a search result');
    await page.close();
  });
});
