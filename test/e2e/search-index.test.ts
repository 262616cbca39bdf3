import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';

const origin = inject('origin');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
  await page.goto(`${origin}/search/`);
});
afterAll(async () => browser?.close());

/** Runs a query through pagefind.js in the page; the code is a string so Vitest leaves import() alone. */
async function searchUrls(query: string): Promise<string[]> {
  return page.evaluate(`(async () => {
    const pagefind = await import('/pagefind/pagefind.js');
    const search = await pagefind.search(${JSON.stringify(query)});
    return Promise.all(search.results.map(async (r) => (await r.data()).url));
  })()`);
}

describe('the built search index', () => {
  test('finds the UK sensitive-sites entry by the statement number in its body', async () => {
    const urls = await searchUrls('HCWS386');
    expect(urls[0]).toBe('/entries/2022-11-24-uk-sensitive-sites-surveillance-restriction/');
  });

  test('returns nothing for a word that appears on no entry', async () => {
    expect(await searchUrls('xylophonequartz')).toEqual([]);
  });
});
