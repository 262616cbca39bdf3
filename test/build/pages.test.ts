import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { checkEachFile } from '../support/each.ts';
import { listFiles, readPage } from '../support/html.ts';
import { namedIds } from '../../src/lib/model/entities.ts';
import { vocabularyShard } from '../../src/lib/search/suggest.ts';
import { realContent } from './output-files.ts';
import { pagesMissedByGlob } from '../../src/integrations/pagefind.ts';

const dist = inject('distDir');
const entryIds = readdirSync(join(process.cwd(), 'src/content/entries')).filter((f) => f.endsWith('.mdx')).map((f) => f.replace(/\.mdx$/, ''));

describe('the production build', () => {
  test('writes the timeline, the search page, the 404 page and a page per entry', () => {
    for (const path of ['index.html', 'search/index.html', '404.html']) expect(existsSync(join(dist, path)), path).toBe(true);
    for (const id of entryIds) expect(existsSync(join(dist, 'entries', id, 'index.html')), id).toBe(true);
  });

  test('a jurisdiction page offers its heading and description to the index, not its list of entries', () => {
    const page = readPage(dist, 'jurisdictions/uk/index.html');
    const body = page.querySelectorAll('[data-pagefind-body]');
    expect(body).toHaveLength(1);
    expect(body[0]!.querySelector('h1')?.textContent).toBe('United Kingdom');
    expect(body[0]!.querySelectorAll('a[href^="/entries/"]')).toHaveLength(0);
    expect(page.querySelector('[data-pagefind-meta^="jurisdictionname"]')?.getAttribute('data-value')).toContain('United Kingdom');
    expect(page.querySelectorAll('[data-pagefind-filter^="named"]').map((e) => e.getAttribute('data-value'))).toContain('uk');
  });

  test('ships a Pagefind index beside the pages', () => {
    expect(existsSync(join(dist, 'pagefind/pagefind.js'))).toBe(true);
    const yamlIn = (folder: string) => readdirSync(join(process.cwd(), 'src/content', folder)).filter((f) => f.endsWith('.yaml'));
    const vendorPages = namedIds(realContent().entries, 'vendors').size;
    const jurisdictionPages = namedIds(realContent().entries, 'jurisdictions').size;
    expect(listFiles(join(dist, 'pagefind'), '.pf_fragment').length).toBe(entryIds.length + vendorPages + jurisdictionPages + yamlIn('measures').length);
  });

  test('lists the words the site uses for correcting misspellings, by first letter, most frequent first', () => {
    const shards = readdirSync(join(dist, 'search/terms')).sort();
    expect(shards).toEqual(expect.arrayContaining(['c.json', 'd.json', 'h.json', 's.json']));
    const read = (file: string) => (JSON.parse(readFileSync(join(dist, 'search/terms', file), 'utf8')) as { words: string[] }).words;
    for (const file of shards) {
      const words = read(file);
      expect(words.length, file).toBeGreaterThan(0);
      expect(words.every((w) => vocabularyShard(w) === file.replace('.json', '')), file).toBe(true);
      expect(words.every((w) => w.length >= 4), file).toBe(true);
      expect(new Set(words.map((w) => w.toLowerCase())).size, file).toBe(words.length);
    }
    expect(read('h.json')).toContain('Hikvision');
    expect(read('d.json')).toContain('Dahua');
    const s = read('s.json');
    expect(s.indexOf('surveillance')).toBeGreaterThanOrEqual(0);
    expect(s.indexOf('surveillance')).toBeLessThan(s.indexOf('Sampson'));
    // Words that only a source's title or a measure's note uses are the site's words too.
    expect(read('r.json')).toContain('Reuters');
  });

  test('splits the word index into small chunks, so that a query fetches only the few it needs', () => {
    // Pagefind's default chunk (20,000 word positions) is about 26 kB here; the build asks for 1,000.
    const chunks = listFiles(join(dist, 'pagefind'), '.pf_index').map((f) => statSync(join(dist, 'pagefind', f)).size);
    expect(chunks.length).toBeGreaterThanOrEqual(10);
    expect(Math.max(...chunks)).toBeLessThan(4_000);
  });

  test('every entry page carries Pagefind body, filters and a sortable date', () => {
    checkEachFile(entryIds, (id) => {
      const page = readPage(dist, `entries/${id}/index.html`);
      const body = page.querySelectorAll('[data-pagefind-body]');
      expect(body).toHaveLength(1);
      const filters = new Set(page.querySelectorAll('[data-pagefind-filter]').map((e) => e.getAttribute('data-pagefind-filter')?.split(/[:[]/)[0]));
      for (const f of ['jurisdiction', 'category', 'year']) expect(filters.has(f), f).toBe(true);
      const vendorLinks = page.querySelectorAll('.facts a[href^="/vendors/"]').length;
      expect(page.querySelectorAll('[data-pagefind-filter^="vendor"]').length).toBe(vendorLinks);
      // The facts and both cite boxes (the entry's, and the folded one of its current version) stay out of the index.
      expect(page.querySelectorAll('.facts[data-pagefind-ignore], section.cite-box[data-pagefind-ignore], details.cite-box[data-pagefind-ignore]').length).toBe(3);
      expect(page.querySelectorAll('.cite-box').length).toBe(2);
      const sort = page.querySelector('[data-pagefind-sort]');
      expect(sort?.getAttribute('data-pagefind-sort')).toBe('date[datetime]');
      expect(sort?.getAttribute('datetime')).toMatch(new RegExp(`^${id.slice(0, 4)}`));
    });
  });

  test('every page that asks to be indexed lies where the index step looks (INDEXED_PAGES)', () => {
    expect(pagesMissedByGlob(dist)).toEqual([]);
  });

  test('no page but an entry, vendor, jurisdiction or measure page is indexed', () => {
    for (const file of listFiles(dist, '.html')) {
      if (file.startsWith('entries/') || /^(vendors|jurisdictions|measures)\/[^/]+\/index\.html$/.test(file)) continue;
      expect(readPage(dist, file).querySelectorAll('[data-pagefind-body]'), file).toHaveLength(0);
    }
  });
});
