/**
 * One search URL shows one view: the same results in the same order whether the page is opened
 * fresh or the query is typed after other searches (Pagefind alone answers a word it cannot find
 * from whatever index chunks earlier searches loaded). And misspelt names and common words are
 * answered at once with the results of the word the site uses. On the real site, whose index is
 * split into many chunks.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { testBrowser } from '../support/test-browser.ts';
import { showEveryResult, viewShown } from '../support/search-view.ts';

const origin = inject('origin');
let browser: Browser;

beforeAll(async () => {
  browser = await testBrowser();
});
afterAll(async () => browser?.close());

/** What a reader sees of a view: the count line, the notice above the results, and the results listed. */
interface View {
  status: string;
  notice: string;
  results: string[];
}

const status = (page: Page) => page.locator('#search-status');

/** Waits for the page to show the view of its address, then lists every result (clicking "Show more results" as a reader would). */
async function view(page: Page): Promise<View> {
  await viewShown(page);
  await showEveryResult(page);
  const notice = page.locator('[data-suggestion]');
  return {
    status: (await status(page).textContent()) ?? '',
    notice: (await notice.isVisible()) ? ((await notice.textContent()) ?? '') : '',
    results: await page.locator('#search-results > li h3 a').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname)),
  };
}

/** Opens a query's URL in a browser context of its own. */
async function fresh(q: string): Promise<View> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/search/?${new URLSearchParams({ q }).toString()}`);
    return await view(page);
  } finally {
    await context.close();
  }
}

/** Types each query in turn into one page, as a reader searching one thing after another. */
async function typed(queries: readonly string[]): Promise<View[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/search/`);
    const box = page.getByRole('searchbox', { name: 'Search for words, names or dates' });
    const views: View[] = [];
    for (const q of queries) {
      await box.fill(q);
      await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(q);
      views.push(await view(page));
    }
    return views;
  } finally {
    await context.close();
  }
}

// Misspellings next to the words they miss, so that one is searched after the other either way round.
const QUERIES = ['Hikvision', 'hikvison', 'Dahua', 'dauha', 'surveillance', 'survelance', 'why did China restrict Tesla cars', 'covered list', 'Entity List', 'hikv'];

describe('one search URL shows one view', () => {
  test('fresh, after the other searches, and after them in the other order', async () => {
    const alone = new Map<string, View>();
    for (const q of QUERIES) alone.set(q, await fresh(q));
    for (const [q, v] of alone) expect(v.results.length, `“${q}” finds something`).toBeGreaterThan(0);
    for (const order of [QUERIES, [...QUERIES].reverse()]) {
      const views = await typed(order);
      order.forEach((q, i) => expect(views[i], `“${q}” typed after ${order.slice(0, i).join(', ') || 'nothing'}`).toEqual(alone.get(q)));
    }
  });
});

/** Names and common words, each with a misspelling a reader types. */
const MISSPELT: readonly [string, string][] = [
  ['Hikvision', 'hikvison'],
  ['Dahua', 'dauha'],
  ['Huawei', 'huawie'],
  ['Hytera', 'hytra'],
  ['SenseTime', 'sensetmie'],
  ['Megvii', 'megivii'],
  ['Tesla', 'telsa'],
  ['surveillance', 'survelance'],
  ['cameras', 'camreas'],
  ['government', 'goverment'],
  ['Commissioner', 'comissioner'],
  ['procurement', 'procurment'],
  ['Department', 'deparment'],
  ['sensitive', 'sensitve'],
  ['equipment', 'equipmnet'],
  ['Xinjiang', 'xinjang'],
  ['restrictions', 'restirctions'],
];

describe('a misspelling is answered at once', () => {
  test.each(MISSPELT)('%s, typed as “%s”', async (word, typo) => {
    const [shown, right] = [await fresh(typo), await fresh(word)];
    expect(right.results.length).toBeGreaterThan(0);
    if (shown.notice === '') {
      // Pagefind's stemmer reads some misspellings as forms of the word ("procurment" as "procure"
      // + "ment"): their own results then hold every result of the word.
      expect(shown.status).toMatch(new RegExp(`^\\d+ results? for “${typo}”$`));
      expect(shown.results).toEqual(expect.arrayContaining(right.results));
    } else {
      expect(shown.status).toMatch(new RegExp(`^\\d+ results? for “${word}”\\. No results for “${typo}”\\.`));
      expect(shown.notice).toBe(`No results for “${typo}”. Showing results for ${word}; search instead for ${typo}.`);
      expect(shown.results).toEqual(right.results);
    }
  });
});
