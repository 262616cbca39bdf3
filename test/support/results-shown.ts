/**
 * When a search page's results were on screen, and when each of its files was asked for, in the
 * page's own clock: the search page sets `data-shown` on `<tl-search>` as it shows a view. Shared by
 * the first-search test and `npm run bench`, which count what a first result costs.
 */
import type { Page } from 'playwright-core';

/** Call before the page loads: records the moment `<tl-search>` first gets `data-shown`. */
export async function recordResultsShown(page: Page): Promise<void> {
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector('tl-search')?.hasAttribute('data-shown')) return;
      (window as unknown as { shownAt: number }).shownAt = performance.now();
      observer.disconnect();
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-shown'] });
  });
}

/** The moment the results were first shown (Infinity if never) and when each file was asked for, by path and query. */
export function resultsTimeline(page: Page): Promise<{ shownAt: number; started: [string, number][] }> {
  return page.evaluate(() => ({
    shownAt: (window as unknown as { shownAt?: number }).shownAt ?? Number.POSITIVE_INFINITY,
    started: performance.getEntriesByType('resource').map((e): [string, number] => {
      const url = new URL(e.name);
      return [`${url.pathname}${url.search}`, e.startTime];
    }),
  }));
}
