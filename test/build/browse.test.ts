import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { checkEachFile } from '../support/each.ts';
import { listFiles, readListPages, readPage } from '../support/html.ts';
import { compareNames, initialOf, namedIds, type EntityField } from '../../src/lib/model/entities.ts';
import { realContent } from './output-files.ts';
import { sitemapPaths } from '../support/crawl.ts';

const dist = inject('distDir');
const content = realContent();
const ids = (folder: string) => readdirSync(join(process.cwd(), 'src/content', folder)).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));

describe('browse pages', () => {
  test.each(['vendors', 'jurisdictions', 'bodies'] as const)('every record of %s that an entry names has its own page, listed on the index; no other has one', (folder: EntityField) => {
    const index = readPage(dist, `${folder}/index.html`);
    const links = new Set(index.querySelectorAll('main a').map((a) => a.getAttribute('href')));
    const named = namedIds(content.entries, folder);
    const sitemap = new Set(sitemapPaths(dist));
    for (const id of ids(folder)) {
      const path = `/${folder}/${id}/`;
      const has = named.has(id);
      expect(existsSync(join(dist, folder, id, 'index.html')), `${path} is built`).toBe(has);
      expect(links.has(path), `${path} is listed on the index`).toBe(has);
      expect(sitemap.has(path), `${path} is in the sitemap`).toBe(has);
    }
  });

  test('no browse page of a vendor, jurisdiction or body is empty', () => {
    const empty = listFiles(dist, '.html')
      .filter((f) => /^(vendors|jurisdictions|bodies)\/[^/]+\/index\.html$/.test(f))
      .filter((f) => readPage(dist, f).querySelectorAll('.entry-card').length === 0);
    expect(empty).toEqual([]);
  });

  test.each(['vendors', 'jurisdictions', 'bodies'])('the %s index is sorted by the name it shows', (folder) => {
    const names = readPage(dist, `${folder}/index.html`).querySelectorAll('.browse-list > li > a').map((a) => a.text.trim());
    expect(names.length).toBeGreaterThan(1);
    expect(names).toEqual([...names].sort(compareNames));
  });

  test('the year pages list every entry once, oldest first, each year its own entries', () => {
    const byDate = [...content.entries].sort((a, b) => (a.data.date < b.data.date ? -1 : a.data.date > b.data.date ? 1 : 0));
    const years = [...new Set(byDate.map((e) => e.data.date.slice(0, 4)))];
    const listed = years.flatMap((year) => readPage(dist, `years/${year}/index.html`).querySelectorAll('.entry-card').map((c) => ({ id: c.id, year: c.getAttribute('data-year'), date: c.querySelector('time')!.getAttribute('datetime')! })));
    expect(listed.map((c) => c.id).sort()).toEqual(byDate.map((e) => e.id).sort());
    // Compared by month: an entry dated to a month sorts among that month's days.
    const months = listed.map((c) => c.date.slice(0, 7));
    expect(months).toEqual([...months].sort());
    for (const card of listed) expect(card.date.startsWith(card.year!), card.id).toBe(true);
  });

  test('the vendor page shows the legal names in English and Chinese', () => {
    const page = readPage(dist, 'vendors/hikvision/index.html');
    const text = page.querySelector('main')!.text;
    expect(text).toContain('杭州海康威视数字技术股份有限公司');
    expect(text).toContain('Hangzhou Hikvision Digital Technology');
    expect(page.querySelector('[lang="zh-Hans"]')).not.toBeNull();
  });

  test('the sources pages list every source once with the entries that cite it', () => {
    const items = readListPages(dist, 'sources/').flatMap(({ page }) => page.querySelectorAll('.all-sources > li'));
    expect(items.length).toBe(ids('sources').length);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    for (const item of items) expect(item.querySelectorAll('.cited a').length).toBeGreaterThan(0);
  });

  test('the sources pages are one list, by publisher, with a jump link to each letter on every page', () => {
    const pages = readListPages(dist, 'sources/');
    expect(pages.length).toBeGreaterThan(1);
    for (const { file, page } of pages) expect(page.querySelectorAll('main ol'), file).toHaveLength(1);
    const publishers = pages.flatMap(({ page }) => page.querySelectorAll('.all-sources > li .publisher').map((p) => p.text.trim()));
    expect(publishers).toEqual([...publishers].sort(compareNames));
    const letters = new Set(publishers.map((p) => initialOf(p)));
    for (const { file, page } of pages) {
      const jumps = page.querySelectorAll('main nav.letters a').map((a) => a.getAttribute('href')!);
      expect(jumps, file).toHaveLength(letters.size);
      for (const href of jumps) {
        const [path, id] = href.split('#');
        const target = path === '' ? page : readPage(dist, `${path!.replace(/^\//, '')}index.html`);
        const heading = target.querySelector(`#${id}`);
        expect(heading, `${file}: ${href}`).not.toBeNull();
        const item = heading!.closest('li')!;
        expect(initialOf(item.querySelector('.publisher')!.text.trim()), href).toBe(heading!.text.trim());
      }
    }
  });

  test('every entry lists its related entries oldest first within each kind of relation', () => {
    let checked = 0;
    for (const file of listFiles(dist, '.html').filter((f) => /^entries\/[^/]+\/index\.html$/.test(f))) {
      for (const list of readPage(dist, file).querySelectorAll('[aria-labelledby="related-heading"] ul')) {
        const keys = list.querySelectorAll('li time').map((t) => t.getAttribute('datetime')!.padEnd(10, '-'));
        expect(keys, file).toEqual([...keys].sort());
        if (keys.length > 1) checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });
});

describe('home page', () => {
  const page = readPage(dist, 'index.html');
  const cards = page.querySelectorAll('.entry-card');

  test('shows the latest ten entries, newest first, each with its id as anchor and a machine-readable date, and links every year', () => {
    const latest = [...content.entries].sort((a, b) => (a.data.date < b.data.date ? -1 : a.data.date > b.data.date ? 1 : 0)).slice(-10).reverse();
    expect(cards.map((c) => c.id)).toEqual(latest.map((e) => e.id));
    for (const card of cards) {
      expect(card.querySelector('a')!.getAttribute('href')).toBe(`/entries/${card.id}/`);
      expect(card.querySelector('time')!.getAttribute('datetime')).toBe(card.id.match(/^\d{4}(-\d{2}){0,2}/)![0]);
    }
    const years = [...new Set(content.entries.map((e) => e.data.date.slice(0, 4)))].sort();
    expect(page.querySelectorAll('[aria-labelledby="years-heading"] a').map((a) => a.getAttribute('href'))).toEqual(years.map((y) => `/years/${y}/`));
  });

  test('the newest-first page lists the latest fifty entries, newest first', () => {
    const newest = readPage(dist, 'newest/index.html').querySelectorAll('.entry-card').map((c) => c.id);
    expect(newest.length).toBe(Math.min(50, content.entries.length));
    // Compared by month: an entry dated to a month sorts among that month's days.
    const dateOf = new Map(content.entries.map((e) => [e.id, e.data.date.slice(0, 7)]));
    const shown = newest.map((id) => dateOf.get(id)!);
    expect(shown).toEqual([...shown].sort().reverse());
    // None left out is later than one shown.
    const left = content.entries.filter((e) => !newest.includes(e.id)).map((e) => dateOf.get(e.id)!);
    for (const date of left) expect(date <= shown.at(-1)!).toBe(true);
  });

  test('the overview places every event on a time axis and numbers, lists and links the key events, with no script of its own', () => {
    const overview = page.querySelector('figure.overview')!;
    const marks = overview.querySelector('svg')!.querySelectorAll('path.mark');
    expect(marks).toHaveLength(content.entries.length);
    const keyIds = content.entries.filter((e) => e.data.key).map((e) => e.id).sort();
    expect(keyIds.length).toBeGreaterThanOrEqual(6);
    expect(keyIds.length).toBeLessThanOrEqual(8);
    const listed = overview.querySelectorAll('ol.keys a').map((a) => a.getAttribute('href')!.replace(/^\/entries\/|\/$/g, ''));
    expect([...listed].sort()).toEqual(keyIds);
    // Numbered in date order, the same numbers in the drawing and the list.
    expect(listed).toEqual(content.entries.filter((e) => e.data.key).sort((a, b) => (a.data.date < b.data.date ? -1 : 1)).map((e) => e.id));
    expect(overview.querySelectorAll('svg .badge-number').map((t) => t.text)).toEqual(listed.map((_, i) => String(i + 1)));
    for (const href of overview.querySelectorAll('a').map((a) => a.getAttribute('href')!)) expect(existsSync(join(dist, href, 'index.html')), href).toBe(true);
    // A true time axis: each year is as wide as its number of days, whatever events it holds.
    const firstYear = Number(overview.querySelector('svg text.year')!.text);
    const ticks = overview.querySelectorAll('svg line.tick').map((l) => Number(l.getAttribute('x1')));
    const daysIn = (year: number) => (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / 86_400_000;
    const perDay = ticks.slice(1).map((x, i) => (x - ticks[i]!) / daysIn(firstYear + i));
    expect(perDay.length).toBeGreaterThan(3);
    for (const width of perDay) expect(width).toBeCloseTo(perDay[0]!, 2);
    // Colour is never the only cue: every kind has its own shape, named in the legend.
    const shapes = overview.querySelectorAll('.legend svg path').map((p) => p.getAttribute('d'));
    expect(new Set(shapes).size).toBe(shapes.length);
    expect(overview.querySelector('table')).not.toBeNull();
    expect(overview.querySelectorAll('table tbody tr').length).toBe(new Set(content.entries.map((e) => e.data.date.slice(0, 4))).size);
    expect(page.querySelectorAll('script:not([src]):not([type="application/ld+json"])')).toHaveLength(0);
  });
});

describe('every HTML page', () => {
  const files = listFiles(dist, '.html');

  test('has a title, a description, a canonical URL and valid time elements', () => {
    checkEachFile(files, (file) => {
      const page = readPage(dist, file);
      expect(page.querySelector('title')?.text.trim()).toBeTruthy();
      expect(page.querySelector('meta[name="description"]')?.getAttribute('content')?.trim()).toBeTruthy();
      const canonical = page.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '';
      expect(canonical).toMatch(/^https?:\/\//);
      for (const time of page.querySelectorAll('time')) {
        expect(time.getAttribute('datetime')).toMatch(/^\d{4}(-\d{2}(-\d{2}(T[\d:.]+Z)?)?)?$/);
      }
      expect(page.querySelectorAll('[style]')).toHaveLength(0);
    });
  });

  test('never glues a word to a link (a line break in a template that lost its space)', () => {
    checkEachFile(files, (file) => {
      const html = readFileSync(join(dist, file), 'utf8');
      expect(html.match(/[a-z0-9,;:]<a\s[^>]*>[^<]*/g) ?? []).toEqual([]);
      expect(html.match(/<\/a>[A-Za-z(][^<]{0,20}/g) ?? []).toEqual([]);
    });
  });
});
