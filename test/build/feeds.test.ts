import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import type { EntriesExport } from '../../src/schemas/export.ts';
import { namedIds, usedCategories, usedYears } from '../../src/lib/model/entities.ts';
import { checkEachFile } from '../support/each.ts';
import { listFiles, readPage } from '../support/html.ts';
import { realContent } from './output-files.ts';
import { readJsonFeed, readRss } from './feed-files.ts';
import { collectCorrections } from '../../src/lib/model/corrections.ts';

const dist = inject('distDir');
const content = realContent();
const urls = new Map((JSON.parse(readFileSync(join(dist, 'data/entries.json'), 'utf8')) as EntriesExport).entries.map((e) => [e.id, e.url]));
const read = (path: string) => readFileSync(join(dist, path), 'utf8');

const expectedIds = (filter: (e: (typeof content.entries)[number]) => boolean) => content.entries.filter(filter).map((e) => urls.get(e.id)).sort();

describe('the site-wide feeds', () => {
  test('/feed.xml is well-formed RSS 2.0 with every entry, its permalink, summary and date', () => {
    const { channel, items } = readRss(dist, 'feed.xml');
    expect(String(channel['title'])).toBe('CCTV Restrictions Timeline');
    expect(items.map((i) => i.link).sort()).toEqual(expectedIds(() => true));
    for (const item of items) {
      const entry = content.entries.find((e) => urls.get(e.id) === item.link)!;
      expect(item.guid['#text']).toBe(item.link);
      expect(item.description).toContain(entry.data.summary);
      expect(new Date(item.pubDate).toISOString().slice(0, 10)).toBe(entry.data.published);
    }
  });

  test('/feed.json is JSON Feed 1.1 with every entry and, for updated entries, the update', () => {
    const feed = readJsonFeed(dist, 'feed.json');
    expect(feed.items.map((i) => i.url).sort()).toEqual(expectedIds(() => true));
    for (const item of feed.items) {
      const entry = content.entries.find((e) => urls.get(e.id) === item.url)!;
      const updated = entry.data.updated !== undefined && entry.data.updated > entry.data.published;
      expect(item.date_modified, entry.id).toBe(updated ? `${entry.data.updated}T00:00:00Z` : undefined);
      if (updated) expect(item.content_text).toMatch(/\n\nUpdated \d{1,2} \w+ \d{4}/);
    }
  });
});

describe('the per-vendor, per-jurisdiction, per-category and per-year feeds', () => {
  test('every vendor that an entry names has RSS and JSON feeds of exactly its entries', () => {
    checkEachFile([...namedIds(content.entries, 'vendors')], (id) => {
      const wanted = expectedIds((e) => e.data.vendors.includes(id));
      expect(readRss(dist, `vendors/${id}/feed.xml`).items.map((i) => i.link).sort()).toEqual(wanted);
      expect(readJsonFeed(dist, `vendors/${id}/feed.json`).items.map((i) => i.url).sort()).toEqual(wanted);
    });
  });

  test('every jurisdiction that an entry names has RSS and JSON feeds of exactly its entries', () => {
    checkEachFile([...namedIds(content.entries, 'jurisdictions')], (id) => {
      const wanted = expectedIds((e) => e.data.jurisdictions.includes(id));
      expect(readRss(dist, `jurisdictions/${id}/feed.xml`).items.map((i) => i.link).sort()).toEqual(wanted);
      expect(readJsonFeed(dist, `jurisdictions/${id}/feed.json`).items.map((i) => i.url).sort()).toEqual(wanted);
    });
  });

  test('every category in use has RSS and JSON feeds of exactly its entries', () => {
    checkEachFile(usedCategories(content.entries), (id) => {
      const wanted = expectedIds((e) => e.data.category === id);
      expect(wanted.length).toBeGreaterThan(0);
      expect(readRss(dist, `categories/${id}/feed.xml`).items.map((i) => i.link).sort()).toEqual(wanted);
      expect(readJsonFeed(dist, `categories/${id}/feed.json`).items.map((i) => i.url).sort()).toEqual(wanted);
    });
  });

  test('every year with events has RSS and JSON feeds of exactly the entries of its events', () => {
    checkEachFile(usedYears(content.entries.map((e) => ({ date: e.data.date }))), (year) => {
      const wanted = expectedIds((e) => e.data.date.startsWith(year));
      expect(readRss(dist, `years/${year}/feed.xml`).items.map((i) => i.link).sort()).toEqual(wanted);
      const feed = readJsonFeed(dist, `years/${year}/feed.json`);
      expect(feed.items.map((i) => i.url).sort()).toEqual(wanted);
      expect(feed.title).toContain(year);
    });
  });

  test('no feed exists for an unknown vendor', () => {
    expect(existsSync(join(dist, 'vendors/no-such-vendor/feed.xml'))).toBe(false);
  });
});

describe('links to the feeds', () => {
  const FEED_PAGE = /^(index\.html|(vendors|jurisdictions|categories)\/[^/]+\/index\.html|years\/\d{4}\/index\.html)$/;
  const pages = listFiles(dist, '.html').filter((f) => FEED_PAGE.test(f));

  test('the timeline and every vendor, jurisdiction, category and year page name their own feeds and link to them visibly', () => {
    expect(pages.filter((f) => f.startsWith('years/')).length).toBeGreaterThan(0);
    expect(pages.filter((f) => f.startsWith('categories/')).length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const file of pages) {
      const page = readPage(dist, file);
      const own = `/${file.replace(/index\.html$/, '')}`;
      const wanted = [`${own}feed.xml`, `${own}feed.json`];
      const declared = page.querySelectorAll('link[rel="alternate"]').map((l) => l.getAttribute('href'));
      const visible = page.querySelectorAll('main a').map((a) => a.getAttribute('href'));
      for (const href of wanted) {
        if (!declared.includes(href)) problems.push(`${file}: no <link rel="alternate"> to ${href}`);
        if (!visible.includes(href)) problems.push(`${file}: no visible link to ${href}`);
        if (!existsSync(join(dist, href))) problems.push(`${file}: ${href} does not exist`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

describe('the corrections feeds', () => {
  const expected = collectCorrections(content.entries).map((c) => `${urls.get(c.entryId)}v/${c.version}/`);

  test('/corrections/feed.xml is well-formed RSS 2.0 with every correction at the version it made, newest first', () => {
    const { channel, items } = readRss(dist, 'corrections/feed.xml');
    expect(String(channel['title'])).toBe('CCTV Restrictions Timeline: corrections');
    expect(items.map((i) => i.link)).toEqual(expected);
    for (const item of items) expect(item.guid['#text']).toBe(item.link);
  });

  test('/corrections/feed.json is JSON Feed 1.1 with the same items', () => {
    const feed = readJsonFeed(dist, 'corrections/feed.json');
    expect(feed.title).toBe('CCTV Restrictions Timeline: corrections');
    expect(feed.items.map((i) => i.id)).toEqual(expected);
  });

  test('/corrections/ links both feeds, in the page and in its head', () => {
    const html = read('corrections/index.html');
    for (const file of ['feed.xml', 'feed.json']) {
      expect(html).toMatch(new RegExp(`<link rel="alternate" type="[^"]+" href="[^"]*/corrections/${file.replace('.', '\\.')}"`));
      expect(html).toMatch(new RegExp(`<a href="[^"]*/corrections/${file.replace('.', '\\.')}"`));
    }
  });
});
