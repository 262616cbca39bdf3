/**
 * Browse pages over several pages: the variant build (test/support/content-trees.ts) is built with
 * BROWSE_PAGE_SIZE=4, so every vendor, jurisdiction, category, body or year with more than four
 * entries lists them over `page/<n>/` pages. Each entry is listed once, in order, on pages of at
 * most four, and every page links every other.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { BASE } from '../support/content-trees.ts';
import { builtOutput } from '../support/fixture-builds.ts';
import { listFiles, readListPages, readPage } from '../support/html.ts';
import { PAGER_ALL_UP_TO } from '../../src/lib/views/paging.ts';

const SIZE = 4;
let out = '';
let firstPages: string[] = [];

beforeAll(() => {
  out = builtOutput('variant');
  firstPages = listFiles(out, '.html').filter((f) => /^(vendors|jurisdictions|categories|bodies|years)\/[^/]+\/index\.html$/.test(f));
});

/** The entries a browse page says it has: "Entries (12; 1–4 on this page)". */
function total(file: string): number {
  const heading = readPage(out, file).querySelectorAll('main h2').find((h) => h.text.trim().startsWith('Entries ('));
  return Number(/^Entries \((\d+)/.exec(heading!.text.trim())![1]);
}

const cardsOf = (file: string) => readPage(out, file).querySelectorAll('.entry-card').map((c) => c.id);

describe('browse pages over several pages', () => {
  test('some browse page of each kind that has more than four entries runs over several pages', () => {
    const long = firstPages.filter((f) => total(f) > SIZE).map((f) => f.split('/')[0]);
    expect(new Set(long)).toEqual(new Set(['vendors', 'jurisdictions', 'categories', 'years', ...(long.includes('bodies') ? ['bodies'] : [])]));
  });

  test('list every entry once, in the first page’s order, at most four a page, and link every page from each', () => {
    for (const first of firstPages) {
      const dir = first.replace(/index\.html$/, '');
      const count = Math.max(1, Math.ceil(total(first) / SIZE));
      const files = Array.from({ length: count }, (_, i) => (i === 0 ? first : `${dir}page/${i + 1}/index.html`));
      for (const file of files) expect(existsSync(join(out, file)), file).toBe(true);
      expect(existsSync(join(out, `${dir}page/${count + 1}/index.html`)), `${dir}: no page past the last`).toBe(false);
      const listed = files.flatMap((file) => {
        const cards = cardsOf(file);
        expect(cards.length, file).toBeLessThanOrEqual(SIZE);
        expect(cards.length, file).toBeGreaterThan(0);
        return cards;
      });
      expect(listed.length, first).toBe(total(first));
      expect(new Set(listed).size, first).toBe(listed.length);
      if (count === 1) {
        expect(readPage(out, first).querySelector('nav.pager'), first).toBeNull();
        continue;
      }
      files.forEach((file, i) => {
        const page = readPage(out, file);
        const links = page.querySelectorAll('nav.pager a').map((a) => a.getAttribute('href'));
        expect(links, file).toEqual(files.map((f) => `${BASE}${f.replace(/index\.html$/, '')}`));
        expect(page.querySelector('nav.pager [aria-current="page"]')?.text, file).toBe(String(i + 1));
        expect(page.querySelector('link[rel="canonical"]')?.getAttribute('href')?.endsWith(`${BASE}${file.replace(/index\.html$/, '')}`), file).toBe(true);
        if (i > 0) expect(page.querySelector('title')?.text, file).toContain(`, page ${i + 1}`);
      });
    }
  });

  test('an entry page’s link to its year leads to the page of that year that lists it', () => {
    const entries = listFiles(out, '.html').filter((f) => /^entries\/[^/]+\/index\.html$/.test(f));
    let later = 0;
    for (const file of entries) {
      const page = readPage(out, file);
      // An old address of a renamed entry is a redirect, not an entry page.
      if (page.querySelector('meta[http-equiv="refresh"]')) continue;
      const href = page.querySelector('p.back a')!.getAttribute('href')!;
      const [path, id] = href.split('#') as [string, string];
      expect(id, file).toBe(file.split('/')[1]);
      expect(cardsOf(`${path.slice(BASE.length)}index.html`), file).toContain(id);
      if (path.includes('/page/')) later += 1;
    }
    expect(later).toBeGreaterThan(0);
  });

  test('a later page has the record’s heading but not its facts, and is not offered to the search index', () => {
    const later = listFiles(out, '.html').filter((f) => /\/page\/\d+\/index\.html$/.test(f));
    expect(later.length).toBeGreaterThan(0);
    for (const file of later) {
      const page = readPage(out, file);
      expect(page.querySelector('h1')?.text.trim(), file).toBeTruthy();
      expect(page.querySelectorAll('[data-pagefind-body], .measures-box, section.entity'), file).toHaveLength(0);
    }
  });
});

describe.each([
  // More pages than a pager links one by one, for the sources and the changes.
  ['sources/', '.all-sources > li', 'Sources', 'Pages of sources', PAGER_ALL_UP_TO + 1],
  ['changes/', 'ol.changes > li', 'Changes', 'Pages of changes', PAGER_ALL_UP_TO + 1],
  ['corrections/', 'ol.log > li', 'Corrections', 'Pages of corrections', 2],
])('%s over several pages', (path, itemSelector, heading, pagerName, atLeast) => {
  test('lists each item once, at most four a page, each page under its number, with a pager of a few links', () => {
    const pages = readListPages(out, path);
    expect(pages.length).toBeGreaterThanOrEqual(atLeast);
    const ids = pages.flatMap(({ file, page }, i) => {
      const items = page.querySelectorAll(itemSelector);
      expect(items.length, file).toBeGreaterThan(0);
      expect(items.length, file).toBeLessThanOrEqual(SIZE);
      expect(page.querySelector('h1')!.text.replace(/\s+/g, ' ').trim(), file).toBe(i === 0 ? heading : `${heading}, page ${i + 1} of ${pages.length}`);
      const pager = page.querySelector(`nav.pager[aria-label="${pagerName}"]`)!;
      expect(pager.querySelector('[aria-current="page"]')?.text, file).toBe(String(i + 1));
      const links = pager.querySelectorAll('a').map((a) => a.getAttribute('href'));
      expect(links.length, file).toBeLessThanOrEqual(11);
      expect(links, file).toContain(`${BASE}${path}`);
      expect(links, file).toContain(`${BASE}${path}page/${pages.length}/`);
      if (i > 0) expect(links, file).toContain(i === 1 ? `${BASE}${path}` : `${BASE}${path}page/${i}/`);
      if (i < pages.length - 1) expect(links, file).toContain(`${BASE}${path}page/${i + 2}/`);
      return items.map((li) => li.id || li.toString());
    });
    expect(new Set(ids).size).toBe(ids.length);
  });
});
