/**
 * Browser measurements in the tests' Chromium (test/support/browser.ts): what a first search fetches, how fast results
 * come once the index is warm, and whether an entry page reads the same without JavaScript.
 */
import type { Browser, Page, Response } from 'playwright-core';
import { gzipSize, type Size } from './measure.ts';
import { pagefindOptions } from '../../src/lib/search/pagefind-options.ts';
import { termKey } from '../../src/lib/search/pagefind-pool.ts';
import { recordResultsShown, resultsTimeline } from '../../test/support/results-shown.ts';

/** One response the browser received. */
export interface Fetched {
  /** URL path and query. */
  path: string;
  size: Size;
}

/** What a first search costs, and how fast Pagefind answers. */
export interface FirstSearch {
  /** The search page's own files (HTML, CSS, JS, icon), fetched on landing at `/search/?q=…`. */
  page: Fetched[];
  /** Pagefind's runtime: `pagefind.js`, its WebAssembly, the index metadata and the facet filters. */
  pagefind: Fetched[];
  /** What the query itself fetched: the index chunks holding its words and the shown results' data. */
  query: Fetched[];
  /**
   * What the page fetched once the results were on screen, before the network fell idle: the
   * facets' filter data, for their counts. Not in `page`, `pagefind` or `query`.
   */
  afterwards: Fetched[];
  /** Result cards the page showed, and the count it announced. */
  cards: number;
  status: string;
  /** Results of the first query. */
  results: number;
  /** URL of the first result. */
  firstUrl: string | undefined;
  /** Milliseconds of the first (cold) query, from making its Pagefind instance to the first five results' data. */
  coldMs: number;
  /** The same query again, index warm: the median of five repeats. */
  warmMs: number;
  /** A different query after the first (run once, before the repeats), on an instance of its own as the search page gives it. */
  otherMs: number;
  /** Results of the different query. */
  otherResults: number;
}

/** As many results as the search page shows at first (`FIRST_RESULTS` in `src/scripts/search-page.ts`). */
const RESULTS_SHOWN = 5;
const WARM_REPEATS = 5;

/**
 * Times one query in the page as the search page runs it (`src/scripts/search-page.ts` and
 * `src/lib/search/pagefind-pool.ts`): on a Pagefind instance of its own for each term, made with
 * the site's options (`pagefindOptions`: the site's ranking, and the search on the page's own
 * thread, not in Pagefind's worker), kept for the same term again. A term's first search includes
 * making and starting its instance; the time runs to the data of the first results, as a results
 * list shows them.
 */
function timeQuery(page: Page, query: string): Promise<{ ms: number; results: number; firstUrl: string | undefined }> {
  // A string, so the bundler-free page runs it as written (a dynamic import of the site's own file).
  return page.evaluate(`(async () => {
    const start = performance.now();
    const instances = (globalThis.__benchInstances ??= new Map());
    const key = ${JSON.stringify(termKey(query))};
    let instance = instances.get(key);
    if (!instance) {
      const pagefind = await import('/pagefind/pagefind.js');
      instance = pagefind.createInstance(${JSON.stringify(pagefindOptions('/'))});
      await instance.init();
      instances.set(key, instance);
    }
    const search = await instance.search(${JSON.stringify(query)});
    const data = await Promise.all(search.results.slice(0, ${RESULTS_SHOWN}).map((r) => r.data()));
    return { ms: performance.now() - start, results: search.results.length, firstUrl: data[0] ? data[0].url : undefined };
  })()`);
}

/** Collects every response of a page with its body size, raw and gzip-compressed. */
function recordResponses(page: Page, origin: string): { take(): Promise<Fetched[]> } {
  let pending: Promise<Fetched | undefined>[] = [];
  page.on('response', (response: Response) => {
    pending.push(
      (async () => {
        if (response.status() >= 300 && response.status() < 400) return undefined;
        const url = new URL(response.url());
        const body = await response.body().catch(() => undefined);
        if (body === undefined) return undefined;
        const path = url.origin === origin ? `${url.pathname}${url.search}` : url.href;
        // A host compresses what gets smaller; Pagefind's own index files are already compressed.
        return { path, size: { raw: body.length, gzip: Math.min(body.length, gzipSize(body)) } };
      })(),
    );
  });
  return {
    async take() {
      const batch = pending;
      pending = [];
      return (await Promise.all(batch)).filter((f): f is Fetched => f !== undefined);
    },
  };
}

/** A query's own files: the index chunks and the results' data. */
const isQueryFile = (path: string) => /\/pagefind\/(index|fragment)\//.test(path);

/**
 * The first search as a reader makes it: a fresh browser lands on `/search/?q=…` (where the header's
 * search form leads), and every byte the page asked for before the results were on screen is
 * counted (the page marks that moment by setting `data-shown` on `<tl-search>`); what it asks for
 * after them, until the network is idle (the facet counts' filter data), is counted apart. Then,
 * in another fresh context, the query runs through `pagefind.js` directly, as the search page runs
 * it ({@link timeQuery}), to time it cold, a different query, and the first query again five times
 * with the index warm.
 */
export async function measureFirstSearch(browser: Browser, origin: string, query: string, otherQuery: string): Promise<FirstSearch> {
  const shown = await browser.newContext();
  let landing: { files: Fetched[]; later: Fetched[]; cards: number; status: string };
  try {
    const page = await shown.newPage();
    await recordResultsShown(page);
    const responses = recordResponses(page, origin);
    const loaded = await page.goto(`${origin}/search/?q=${encodeURIComponent(query)}`);
    if (!loaded || loaded.status() !== 200) throw new Error(`/search/ answered ${loaded?.status() ?? 'nothing'}`);
    const status = page.locator('#search-status');
    await page.waitForFunction(() => /results? for|No results/.test(document.querySelector('#search-status')?.textContent ?? ''), undefined, { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const timing = await resultsTimeline(page);
    const started = new Map(timing.started);
    const files = await responses.take();
    // The page itself is no resource entry: it came first.
    const before = (f: Fetched) => (started.get(f.path) ?? Number.NEGATIVE_INFINITY) < timing.shownAt;
    landing = { files: files.filter(before), later: files.filter((f) => !before(f)), cards: await page.locator('#search-results > li').count(), status: (await status.textContent()) ?? '' };
  } finally {
    await shown.close();
  }
  const timed = await browser.newContext();
  try {
    const page = await timed.newPage();
    await page.goto(`${origin}/search/`, { waitUntil: 'networkidle' });
    const cold = await timeQuery(page, query);
    // The other query first, while it is new to the page; then the first query again, five times,
    // keeping the median so that one slow moment of a busy machine does not decide the figure.
    const other = await timeQuery(page, otherQuery);
    const repeats: number[] = [];
    for (let i = 0; i < WARM_REPEATS; i += 1) repeats.push((await timeQuery(page, query)).ms);
    const warm = repeats.sort((a, b) => a - b)[Math.floor(WARM_REPEATS / 2)] ?? Number.NaN;
    return {
      page: landing.files.filter((f) => !f.path.startsWith('/pagefind/')),
      pagefind: landing.files.filter((f) => f.path.startsWith('/pagefind/') && !isQueryFile(f.path)),
      query: landing.files.filter((f) => isQueryFile(f.path)),
      afterwards: landing.later,
      cards: landing.cards,
      status: landing.status,
      results: cold.results,
      firstUrl: cold.firstUrl,
      coldMs: cold.ms,
      warmMs: warm,
      otherMs: other.ms,
      otherResults: other.results,
    };
  } finally {
    await timed.close();
  }
}

/** How an entry page reads with and without JavaScript. */
export interface NoScriptCheck {
  url: string;
  /** The main heading is the same and the main text at least 95 % as long without JavaScript. */
  same: boolean;
  withJs: number;
  withoutJs: number;
}

/** Loads `url` with JavaScript on and off and compares the heading and the main text. */
export async function compareWithoutJs(browser: Browser, origin: string, url: string): Promise<NoScriptCheck> {
  const read = async (javaScriptEnabled: boolean) => {
    const context = await browser.newContext({ javaScriptEnabled });
    try {
      const page = await context.newPage();
      await page.goto(`${origin}${url}`, { waitUntil: 'load' });
      const h1 = (await page.locator('h1').first().textContent()) ?? '';
      const main = await page.locator('main').first().innerText().catch(async () => page.locator('body').innerText());
      return { h1: h1.trim(), length: main.trim().length };
    } finally {
      await context.close();
    }
  };
  const on = await read(true);
  const off = await read(false);
  return { url, same: on.h1 !== '' && on.h1 === off.h1 && off.length >= on.length * 0.95, withJs: on.length, withoutJs: off.length };
}

/** The total of some fetched files. */
export const totalOf = (files: Fetched[]): Size => files.reduce((sum, f) => ({ raw: sum.raw + f.size.raw, gzip: sum.gzip + f.size.gzip }), { raw: 0, gzip: 0 });
