/**
 * Search puts the thing sought first, on the real site: a query that is a vendor's, a
 * jurisdiction's or a measure's name lists its page first; a measure that still counts comes
 * before ended ones (revoked, superseded, dropped) that the same words find; and every document
 * reference in the sources a page cites ("90 FR 53227", "ET Docket No. 21-232") finds that page,
 * though the index skips the sources block.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { testBrowser } from '../support/test-browser.ts';
import { showEveryResult, viewShown } from '../support/search-view.ts';
import { realContent } from '../build/output-files.ts';
import { namedIds } from '../../src/lib/model/entities.ts';
import { MEASURE_STATUSES, stillCounts } from '../../src/lib/model/measures.ts';
import { documentReferences } from '../../src/lib/search/search-terms.ts';

const origin = inject('origin');
const content = realContent();
let browser: Browser;

beforeAll(async () => {
  browser = await testBrowser();
});
afterAll(async () => browser?.close());

/** Every result of a fresh search for `q`, as paths, with the status shown on each measure's card. */
async function results(q: string): Promise<{ path: string; status: string | undefined }[]> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/search/?${new URLSearchParams({ q, verbatim: '1' }).toString()}`);
    await viewShown(page);
    await showEveryResult(page);
    return await page.locator('#search-results > li').evaluateAll((cards) =>
      cards.map((card) => {
        const when = card.querySelector('.when')?.textContent ?? '';
        return { path: new URL(card.querySelector('h3 a')!.getAttribute('href')!, location.href).pathname, status: when.startsWith('Measure · ') ? when.slice('Measure · '.length) : undefined };
      }),
    );
  } finally {
    await context.close();
  }
}

const vendorPages = [...namedIds(content.entries, 'vendors')].map((id) => content.vendors.find((v) => v.id === id)!);
const jurisdictionPages = [...namedIds(content.entries, 'jurisdictions')].map((id) => content.jurisdictions.find((j) => j.id === id)!);

describe('a name leads its results', () => {
  test.each(vendorPages.map((v) => [v.data.name, v.id]))('vendor %s', async (name, id) => {
    expect((await results(name))[0]?.path).toBe(`/vendors/${id}/`);
  });

  // Every other spelling and script a vendor is listed under: aliases, Chinese names.
  const otherNames = vendorPages.flatMap((v) => [...v.data.aliases, ...(v.data.nameZh ? [v.data.nameZh] : [])].map((name) => [name, v.id] as const));
  test.each(otherNames)('vendor page by another of its names, %s', async (name, id) => {
    expect((await results(name))[0]?.path).toBe(`/vendors/${id}/`);
  });

  test.each(jurisdictionPages.map((j) => [j.data.name, j.id]))('jurisdiction %s', async (name, id) => {
    expect((await results(name))[0]?.path).toBe(`/jurisdictions/${id}/`);
  });

  test.each(content.measures.map((m) => [m.data.name, m.id]))('measure %s', async (name, id) => {
    expect((await results(name))[0]?.path).toBe(`/measures/${id}/`);
  });

  // Short names that no other page is also called by.
  const taken = new Set([...vendorPages.map((v) => v.data.name.toLowerCase()), ...jurisdictionPages.map((j) => j.data.name.toLowerCase())]);
  const shortNames = content.measures.map((m) => [m.data.shortName, m.id] as const).filter(([short], _, all) => !taken.has(short.toLowerCase()) && all.filter(([s]) => s === short).length === 1);
  test.each(shortNames)('measure by its short name, %s', async (short, id) => {
    expect((await results(short))[0]?.path).toBe(`/measures/${id}/`);
  });
});

describe('current measures first', () => {
  const current = new Set(MEASURE_STATUSES.filter((s) => stillCounts(s.id)).map((s) => s.label));
  test.each(['Hikvision', 'Dahua', 'covered list', 'procurement', 'government departments', 'cameras'])('for “%s”, no ended measure before one that still counts', async (q) => {
    const statuses = (await results(q)).flatMap((r) => (r.status === undefined ? [] : [current.has(r.status) ? 'current' : 'ended']));
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.indexOf('ended') === -1 || statuses.lastIndexOf('current') < statuses.indexOf('ended'), statuses.join(', ')).toBe(true);
  });
});

describe('document references in the cited sources', () => {
  const sources = new Map(content.sources.map((s) => [s.id, s.data]));
  const citing = new Map<string, Set<string>>();
  for (const entry of content.entries) {
    const texts = entry.data.sources.flatMap((id) => [sources.get(id)?.title ?? '', sources.get(id)?.note ?? '']);
    for (const reference of documentReferences(texts)) (citing.get(reference) ?? citing.set(reference, new Set()).get(reference)!).add(`/entries/${entry.id}/`);
  }
  test('are many enough to test', () => {
    expect([...citing.keys()].filter((r) => / FR /.test(r)).length).toBeGreaterThanOrEqual(5);
  });
  test.each([...citing].filter(([r]) => !r.startsWith('Section ')))('“%s” finds the entries that cite it', async (reference, entries) => {
    const found = new Set((await results(reference)).map((r) => r.path));
    for (const path of entries) expect(found.has(path), path).toBe(true);
  });
});
