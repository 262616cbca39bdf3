/**
 * The built search index, queried through pagefind.js's own `search()` in Chromium with the
 * options the search page uses, on the search fixture content.
 */
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { testBrowser } from '../support/test-browser.ts';
import { pagefindOptions } from '../../src/lib/search/pagefind-options.ts';
import { planQuery } from '../../src/lib/search/search.ts';

const origin = inject('searchOrigin');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await testBrowser();
  page = await browser.newPage();
  await page.goto(`${origin}/404.html`);
});
afterAll(async () => browser?.close());

/** Runs a query through pagefind.js in the page; the code is a string so Vitest leaves import() alone. */
async function search(query: string): Promise<{ url: string; excerpt: string; meta: Record<string, string> }[]> {
  return page.evaluate(`(async () => {
    const pagefind = await import('/pagefind/pagefind.js');
    await pagefind.options(${JSON.stringify(pagefindOptions('/'))});
    const search = await pagefind.search(${JSON.stringify(query)});
    return Promise.all(search.results.map(async (r) => { const d = await r.data(); return { url: d.url, excerpt: d.excerpt, meta: d.meta }; }));
  })()`);
}

/** Entry ids in rank order (vendor and other pages left out). */
async function entryIds(query: string): Promise<string[]> {
  return (await search(query)).map((r) => r.url).filter((u) => u.startsWith('/entries/')).map((u) => u.replace(/^\/entries\/|\/$/g, ''));
}

const ENTITY_LIST = '2019-10-07-us-entity-list-hikvision-dahua';
const NDAA = '2018-08-13-us-ndaa-fy2019-section-889';
const TESLA = '2021-03-19-china-military-restricts-tesla-cars';
const BSCC_LETTER = '2021-07-bscc-letter-extraterritorial-surveillance-risks';
const ASBESTOS = '2022-06-14-bscc-digital-asbestos-letter';
const XINJIANG = '2019-ipvm-xinjiang-projects-report';
const UK_SITES = '2022-11-24-uk-sensitive-sites-surveillance-restriction';
const DENIAL = '2022-11-25-hikvision-denies-uk-security-threat';
const MEASURE = 'uk-sensitive-sites-instruction';
const HIKVISION = [ENTITY_LIST, NDAA, ASBESTOS, XINJIANG, UK_SITES, DENIAL].sort();
const DAHUA = [ENTITY_LIST, NDAA, XINJIANG, UK_SITES].sort();

describe('the search index finds entries as people type them', () => {
  test.each([
    ['Hikvision', HIKVISION],
    ['HIKVISION', HIKVISION],
    ['hikvision', HIKVISION],
    ['Hik Vision', HIKVISION],
    ['海康威视', HIKVISION],
    ['Dahua', DAHUA],
    ['大华', DAHUA],
  ])('a vendor query %j finds every entry about that vendor and no other', async (query, expected) => {
    expect((await entryIds(query)).sort()).toEqual(expected);
  });

  test.each([
    ['Fraser Sampson', [BSCC_LETTER, ASBESTOS]],
    ['BSCC', [BSCC_LETTER, ASBESTOS]],
    ['Section 889', [NDAA]],
    ['digital asbestos', [ASBESTOS]],
    ['National Intelligence Law', [UK_SITES]],
    ['NDAA', [NDAA]],
    ['HCWS386', [UK_SITES]],
    ['HCWS 386', [UK_SITES]],
    ['WMS', [UK_SITES]],
  ])('%j puts the entries it names first', async (query, expected) => {
    const ids = await entryIds(query);
    expect(ids.slice(0, expected.length).sort()).toEqual([...expected].sort());
  });

  test.each([
    ['March 2021', [TESLA]],
    ['July 2021', [BSCC_LETTER]],
    ['24 November 2022', [UK_SITES]],
    ['2022-11-24', [UK_SITES]],
    ['24/11/2022', [UK_SITES]],
    ['11/24/2022', [UK_SITES]],
    ['2022年11月24日', [UK_SITES]],
    ['9 October 2019', [ENTITY_LIST]],
  ])('the date %j, as the search page sends it, finds exactly the entries of that date', async (query, expected) => {
    const plan = planQuery(query, []);
    if (plan.kind !== 'date') throw new Error(`${query} is not read as a date`);
    expect((await entryIds(plan.readings[0]!.own)).sort()).toEqual([...expected].sort());
  });

  test.each([
    ['20221124', [UK_SITES]],
    ['202211', [UK_SITES, DENIAL]],
    ['202103', [TESLA]],
  ])('the digits of an ISO date (%j) match the entries of that date and nothing else', async (query, expected) => {
    // The search page finds "the entries of that date" this way; "2019-01-01" would also match its parts.
    expect((await entryIds(query)).sort()).toEqual([...expected].sort());
  });

  test.each([
    ['Hikvision', 'hikvision'],
    ['Hik Vision', 'hikvision'],
    ['海康威视', 'hikvision'],
    ['Dahua', 'dahua'],
    ['大华', 'dahua'],
  ])('a query equal to a vendor name (%j) puts the vendor page first', async (query, id) => {
    expect((await search(query))[0]?.url).toBe(`/vendors/${id}/`);
  });

  test('a query equal to an entry title puts that entry first', async () => {
    expect((await search('Hikvision rejects the suggestion that it threatens UK national security'))[0]?.url).toBe(`/entries/${DENIAL}/`);
    expect((await search('Commissioner compares Chinese state-linked cameras to asbestos'))[0]?.url).toBe(`/entries/${ASBESTOS}/`);
  });

  test('title and summary outweigh the body: a word in a title ranks above the same word in a body', async () => {
    // "Tesla" is in the Tesla entry's title and summary and in no other entry's body but its own.
    const ids = await entryIds('Tesla');
    expect(ids[0]).toBe(TESLA);
    // "Xinjiang" is in the title of the 2019 report and only in the summary of the Entity List entry.
    expect((await entryIds('Xinjiang'))[0]).toBe(XINJIANG);
  });

  test('a synonym from the table finds an entry whose title says it in other words', async () => {
    // The UK entry's title says "stop deploying"; the table makes "ban" and "prohibit" find it.
    expect(await entryIds('prohibit')).toContain(UK_SITES);
    expect((await entryIds('ban UK'))[0]).toBe(UK_SITES);
  });

  test('aliases, synonyms and date forms are searchable but never shown in an excerpt', async () => {
    for (const query of ['Hik Vision', '海康威视', '2022-11-24', 'BSCC', 'NDAA', 'HCWS386']) {
      const results = await search(query);
      expect(results.length, query).toBeGreaterThan(0);
      for (const { excerpt, meta } of results) {
        // Vendor pages show their names as their visible text; entries never show the hidden forms.
        if (meta['kind'] !== 'entry') continue;
        expect(excerpt, query).not.toMatch(/Hik Vision|海康威视|2022-11-24|24\/11\/2022|HIKVISION|NDAA|HCWS/);
      }
    }
    // The UK entry never says "prohibit": it is found by the synonym, which its excerpt never shows.
    const uk = (await search('prohibit')).find((r) => r.url === `/entries/${UK_SITES}/`);
    expect(uk?.excerpt).not.toMatch(/prohibit/i);
  });

  test('every entry result carries the metadata its card shows', async () => {
    const [first] = await search('Section 889');
    expect(first?.meta).toMatchObject({ kind: 'entry', date: '2018-08-13', category: 'Legislation', vendors: 'Hikvision, Dahua', jurisdictions: 'US' });
  });

  test('repeated page chrome is never indexed', async () => {
    const contents: string[] = await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const all = await pagefind.search(null, { filters: { year: { any: ['2018', '2019', '2021', '2022'] } } });
      return Promise.all(all.results.map(async (r) => (await r.data()).content));
    })()`);
    expect(contents).toHaveLength(8);
    for (const chrome of ['Skip to content', 'CCTV Restrictions Timeline', 'Search the timeline', 'RSS feed', 'Atom feed', 'licensed under', 'Remove highlighting']) {
      for (const content of contents) expect(content, chrome).not.toContain(chrome);
    }
  });

  test('returns nothing for a word that appears on no page', async () => {
    expect(await search('xylophonequartz')).toEqual([]);
  });

  test('a measure page is found first by its alias, and says it is a measure', async () => {
    const [first] = await search('HCWS386');
    expect(first?.url).toBe(`/measures/${MEASURE}/`);
    expect(first?.meta['kind']).toBe('measure');
    expect(first?.meta['status']).toBe('In force');
  });

  test('the measure filter lists the entries that record its stages, in date order', async () => {
    const urls = await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const search = await pagefind.search(null, { filters: { measure: { any: [${JSON.stringify(MEASURE)}] } }, sort: { date: 'asc' } });
      return Promise.all(search.results.map(async (r) => (await r.data()).url));
    })()`);
    expect(urls).toEqual([`/entries/${UK_SITES}/`]);
  });

  test('filters match ids, combine across facets and list filtered entries without a query', async () => {
    const ids = await page.evaluate(`(async () => {
      const pagefind = await import('/pagefind/pagefind.js');
      const search = await pagefind.search(null, { filters: { vendor: { any: ['dahua'] }, year: { any: ['2019'] } }, sort: { date: 'asc' } });
      return Promise.all(search.results.map(async (r) => (await r.data()).url));
    })()`);
    expect(ids).toEqual([`/entries/${XINJIANG}/`, `/entries/${ENTITY_LIST}/`]);
  });
  test.each([['Tesla military'], ['Entity List'], ['asbestos']])('an excerpt for %j does not repeat the headline shown above it', async (query) => {
    const results = await search(query);
    const entries = results.filter((r) => r.url.startsWith('/entries/'));
    expect(entries.length).toBeGreaterThan(0);
    for (const r of entries) {
      const excerpt = r.excerpt.replace(/<[^>]+>/g, '');
      // Pagefind ends each block of text with a full stop, so an excerpt that runs over the
      // headline shows the headline's last words followed by one.
      const ending = `${r.meta['title']!.split(' ').slice(-4).join(' ')}.`;
      expect(excerpt, r.url).not.toContain(ending);
    }
  });
});
