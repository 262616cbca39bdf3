/**
 * Search quality on the real site: every query of the labelled set (`test/search-queries.yaml`)
 * runs through the search page of the shared build, as a reader types it, and the entry the reader
 * expects must be among the first three results for at least 90 % of the queries; the queries
 * marked `must` meet their own bar one by one.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { testBrowser } from '../support/test-browser.ts';
import { formatOutcomes, readLabelledQueries, recallAt, runLabelledQueries, type QueryOutcome } from '../support/labelled-queries.ts';

const origin = inject('origin');
const queries = readLabelledQueries();
let browser: Browser;
let outcomes: QueryOutcome[];

beforeAll(async () => {
  browser = await testBrowser();
  outcomes = await runLabelledQueries(browser, origin, queries);
}, 300_000);
afterAll(async () => browser?.close());

describe('the labelled search set on the real site', () => {
  test('has at least 40 queries, each expecting an entry that exists', async () => {
    expect(queries.length).toBeGreaterThanOrEqual(40);
    const unknown = queries.filter((q) => !existsSync(new URL(`../../src/content/entries/${q.expect}.mdx`, import.meta.url))).map((q) => `${q.q}: ${q.expect}`);
    expect(unknown, 'queries expecting an entry that does not exist').toEqual([]);
  });

  test('finds the expected entry in the first three results for at least 90 % of the queries', () => {
    expect(recallAt(outcomes, 3), formatOutcomes(outcomes)).toBeGreaterThanOrEqual(0.9);
  });

  test('puts the entries of a date first, and the reported queries in the first three', () => {
    expect(outcomes.filter((o) => !o.ok).map((o) => `${o.q}: rank ${o.rank}, got ${o.top.slice(0, 3).join(', ')}`)).toEqual([]);
  });
});
