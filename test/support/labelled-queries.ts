/**
 * The labelled search set (`test/search-queries.yaml`): queries a reader types, each with the
 * entry they expect. Each query runs through the real search page in Chromium, as a reader's
 * would, and its rank is read from the result cards. Used by `test/e2e/recall.test.ts` and by
 * `npm run bench -- --real`.
 */
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { parse } from 'yaml';

/** One labelled query. */
export interface LabelledQuery {
  /** What the reader types. */
  q: string;
  /** The id of the entry the reader expects. */
  expect: string;
  /** A query that must put its entry first (a date) or in the first three, on its own. */
  must?: 'first' | 'top3';
}

/** How a labelled query fared. */
export interface QueryOutcome extends LabelledQuery {
  /** The expected entry's place among the results (1 is first), or 0 when it is not among those shown. */
  rank: number;
  /** The first results, as entry ids (other pages by their path). */
  top: string[];
  /** Whether the outcome meets `must`. */
  ok: boolean;
}

/** The file of the set. */
export const LABELLED_QUERIES = new URL('../search-queries.yaml', import.meta.url);

/** Reads the set, failing on a malformed item. */
export function readLabelledQueries(file: URL = LABELLED_QUERIES): LabelledQuery[] {
  const items = parse(readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(items)) throw new Error(`${file.pathname}: expected a list of queries`);
  return items.map((item: Partial<LabelledQuery>, i) => {
    const q = typeof item.q === 'number' ? String(item.q) : item.q;
    if (typeof q !== 'string' || q.trim() === '' || typeof item.expect !== 'string' || (item.must !== undefined && item.must !== 'first' && item.must !== 'top3')) {
      throw new Error(`${file.pathname}: item ${i}: expected { q, expect, must?: first | top3 }, got ${JSON.stringify(item)}`);
    }
    return { q, expect: item.expect, ...(item.must ? { must: item.must } : {}) };
  });
}

const idOf = (href: string) => {
  const path = new URL(href, 'http://x').pathname;
  return path.startsWith('/entries/') ? path.slice('/entries/'.length).replace(/\/$/, '') : path;
};

/**
 * Runs every query on the search page at `origin`, as a reader does: the page is loaded once and
 * each query is typed into its search box in turn (Pagefind and its index stay loaded, as they do
 * for a reader who tries several searches); the first results' links are read once the page says
 * it shows the results for that query.
 */
export async function runLabelledQueries(browser: Browser, origin: string, queries: readonly LabelledQuery[]): Promise<QueryOutcome[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/search/`);
    const box = page.locator('main input[type="search"]').first();
    const outcomes: QueryOutcome[] = [];
    for (const query of queries) {
      await box.fill(query.q);
      const quoted = `“${query.q}”`;
      await page.waitForFunction((text) => (document.querySelector('#search-status')?.textContent ?? '').includes(text), quoted, { timeout: 15_000 });
      const top = (await page.locator('#search-results > li h3 a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))).map(idOf);
      const rank = top.indexOf(query.expect) + 1;
      const ok = query.must === 'first' ? rank === 1 : query.must === 'top3' ? rank >= 1 && rank <= 3 : true;
      outcomes.push({ ...query, rank, top, ok });
    }
    return outcomes;
  } finally {
    await context.close();
  }
}

/** The share of queries whose entry is among the first `k` results. */
export function recallAt(outcomes: readonly QueryOutcome[], k: number): number {
  return outcomes.length === 0 ? 0 : outcomes.filter((o) => o.rank >= 1 && o.rank <= k).length / outcomes.length;
}

/** The outcomes as a plain-text table, one query a line, misses marked. */
export function formatOutcomes(outcomes: readonly QueryOutcome[]): string {
  const width = Math.max(...outcomes.map((o) => o.q.length));
  const lines = outcomes.map((o) => {
    const mark = !o.ok ? 'FAIL' : o.rank >= 1 && o.rank <= 3 ? 'ok  ' : 'miss';
    return `${mark} ${o.q.padEnd(width)}  rank ${o.rank === 0 ? '-' : o.rank}${o.must ? ` (must: ${o.must})` : ''}  expected ${o.expect}${o.rank === 1 ? '' : `; got ${o.top.slice(0, 3).join(', ')}`}`;
  });
  return `${lines.join('\n')}\nrecall@1 ${recallAt(outcomes, 1).toFixed(2)}, recall@3 ${recallAt(outcomes, 3).toFixed(2)} over ${outcomes.length} queries`;
}
