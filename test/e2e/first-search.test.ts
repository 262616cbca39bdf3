/**
 * What a first search costs on the real site: every file a fresh browser fetches on landing at
 * `/search/?q=…` (where the header's search form leads) until the results are on screen, summed as
 * a server would send them (text files gzipped; Pagefind's index files and its WebAssembly are gzip
 * streams already and are counted as they are). `npm run bench -- --real` reports the same figure.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { FACETS } from '../../src/lib/search/url-state.ts';
import { recordResultsShown, resultsTimeline } from '../support/results-shown.ts';
import { testBrowser } from '../support/test-browser.ts';

const origin = inject('origin');
let browser: Browser;

beforeAll(async () => {
  browser = await testBrowser();
});
afterAll(async () => browser?.close());

interface Fetched {
  path: string;
  raw: number;
  sent: number;
}

/** Records every response of the page with its size raw and as sent. */
function record(page: Page): { files: Fetched[]; settle(): Promise<void> } {
  const files: Fetched[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    pending.push(
      response.body().then(
        (body) => {
          const path = new URL(response.url()).pathname;
          const compressed = /\.pagefind$|\.pf_\w+$/.test(path);
          files.push({ path, raw: body.length, sent: compressed ? body.length : Math.min(body.length, gzipSync(body).length) });
        },
        () => undefined,
      ),
    );
  });
  return { files, settle: () => Promise.all(pending).then(() => undefined) };
}

const total = (files: Fetched[]) => files.reduce((n, f) => n + f.sent, 0);

describe('the first search on the real site', () => {
  test('pages without search fetch nothing of Pagefind', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const { files, settle } = record(page);
    for (const path of ['/', '/entries/2022-11-24-uk-sensitive-sites-surveillance-restriction/', '/vendors/hikvision/']) {
      await page.goto(`${origin}${path}`);
      await page.waitForLoadState('networkidle');
    }
    await settle();
    expect(files.filter((f) => f.path.startsWith('/pagefind/'))).toEqual([]);
    await context.close();
  });

  // The benchmark's goal for 1,000 entries (`npm run bench`): the real site, with fewer, stays under it too.
  test.each(['surveillance cameras', 'Hikvision', '24 November 2022'])('for “%s” transfers under 110 kB compressed, the search page and Pagefind included', async (q) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const { files, settle } = record(page);
    await page.goto(`${origin}/search/?q=${encodeURIComponent(q)}`);
    await expect.poll(() => page.locator('#search-status').textContent(), { timeout: 10_000 }).toMatch(new RegExp(`^\\d+ results? for “${q}”$`));
    await page.waitForLoadState('networkidle');
    await settle();
    const pagefind = files.filter((f) => f.path.startsWith('/pagefind/'));
    const listing = files.map((f) => `${f.path} ${f.sent}`).join(', ');
    // Pagefind's script and WebAssembly, the words' index chunks, the data of the results shown,
    // and the site's words that start with the query's letters (to check its spelling).
    expect(pagefind.some((f) => f.path === '/pagefind/pagefind.js')).toBe(true);
    expect(pagefind.some((f) => f.path.startsWith('/pagefind/index/'))).toBe(true);
    expect(pagefind.filter((f) => f.path.startsWith('/pagefind/fragment/')).length).toBe(await page.locator('#search-results > li').count());
    expect(total(files), `${total(files)} bytes (Pagefind ${total(pagefind)}): ${listing}`).toBeLessThan(110_000);
    // One Pagefind instance: the WebAssembly and the index's metadata come once.
    expect(files.filter((f) => f.path.startsWith('/pagefind/wasm.')).length).toBe(1);
    await context.close();
  });

  test('shows the results before it loads the facets’ filter data, then counts every facet', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await recordResultsShown(page);
    await page.goto(`${origin}/search/?q=hikvision`);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('tl-search')?.dataset['counted'] === location.search);
    const { shownAt, started } = await resultsTimeline(page);
    const filters = started.filter(([path]) => path.startsWith('/pagefind/filter/')).map(([, at]) => at);
    // Before the results, at most the hidden filters the query ranks with (named pages first,
    // current measures first); after them, the data of every facet the page shows.
    const before = filters.filter((t) => t < shownAt);
    const after = filters.filter((t) => t >= shownAt);
    expect(before.length).toBeLessThanOrEqual(2);
    expect(after.length).toBeGreaterThanOrEqual(FACETS.length);
    const counts = await page.locator('fieldset[data-facet="vendor"] [data-count]').allTextContents();
    expect(counts.length).toBeGreaterThan(0);
    for (const count of counts) expect(count).toMatch(/^\(\d+\)$/);
    expect(await page.getByRole('checkbox', { name: /^Hikvision/ }).evaluate((e) => e.closest('label')!.textContent!.replace(/\s+/g, ' ').trim())).toMatch(/^Hikvision \([1-9]\d*\)$/);
    await context.close();
  });
});
