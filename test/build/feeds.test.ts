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
import { collectChanges } from '../../src/lib/model/changes.ts';
import { FEED_ITEMS } from '../../src/lib/outputs/feeds.ts';

const dist = inject('distDir');
const content = realContent();
const urls = new Map((JSON.parse(readFileSync(join(dist, 'data/entries.json'), 'utf8')) as EntriesExport).entries.map((e) => [e.id, e.url]));
const read = (path: string) => readFileSync(join(dist, path), 'utf8');

/** The day an entry last changed, as the feeds order them. */
const changedOn = (e: (typeof content.entries)[number]) => e.data.updated ?? e.data.published;

/**
 * A feed's items, by permalink, are the latest FEED_ITEMS entries it could carry: as many as it
 * holds, and none it leaves out changed after the oldest it keeps.
 */
function expectLatest(links: string[], candidates: (typeof content.entries)[number][]): void {
  expect(links).toHaveLength(Math.min(FEED_ITEMS, candidates.length));
  expect(new Set(links).size).toBe(links.length);
  const kept = candidates.filter((e) => links.includes(urls.get(e.id)!));
  expect(kept).toHaveLength(links.length);
  const oldest = kept.map(changedOn).sort()[0]!;
  const newerLeftOut = candidates.filter((e) => !links.includes(urls.get(e.id)!) && changedOn(e) > oldest).map((e) => e.id);
  expect(newerLeftOut).toEqual([]);
}

/** An entry updated after its publication, which the feeds date by the update. */
const isUpdated = (e: (typeof content.entries)[number]) => e.data.updated !== undefined && e.data.updated > e.data.published;
/** The id an entry's item has in the feeds: an updated entry's is its current version's page, so readers show it again. */
const expectedGuid = (e: (typeof content.entries)[number]) => (isUpdated(e) ? `${urls.get(e.id)}v/${e.data.corrections.length + 1}/` : urls.get(e.id));
/** HTML character references as a feed reader decodes them. */
const unescapeHtml = (html: string) => html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

describe('the site-wide feeds', () => {
  test('/feed.xml is well-formed RSS 2.0 with the latest entries, each with its permalink, summary in HTML paragraphs and its latest date', () => {
    const { channel, items } = readRss(dist, 'feed.xml');
    expect(String(channel['title'])).toBe('CCTV Restrictions Timeline');
    // The real record has more entries than a feed carries.
    expect(content.entries.length).toBeGreaterThan(FEED_ITEMS);
    expectLatest(items.map((i) => i.link), content.entries);
    for (const item of items) {
      const entry = content.entries.find((e) => urls.get(e.id) === item.link)!;
      expect(item.guid['#text'], entry.id).toBe(expectedGuid(entry));
      expect(item.guid['@_isPermaLink']).toBe('true');
      expect(item.description.startsWith('<p>Event date: ')).toBe(true);
      expect(unescapeHtml(item.description)).toContain(`<p>${entry.data.summary.replace(/\s+/g, ' ')}</p>`);
      expect(new Date(item.pubDate).toISOString().slice(0, 10), entry.id).toBe(entry.data.updated ?? entry.data.published);
    }
  });

  test('a corrected entry comes back in /feed.xml as a new item: its version page as guid, its update as pubDate, the update in words, and first in order by that date', () => {
    const { items } = readRss(dist, 'feed.xml');
    const corrected = content.entries.filter((e) => isUpdated(e) && e.data.corrections.length > 0 && items.some((i) => i.link === urls.get(e.id)));
    expect(corrected.length).toBeGreaterThan(0);
    for (const entry of corrected) {
      const item = items.find((i) => i.link === urls.get(entry.id))!;
      expect(existsSync(join(dist, new URL(item.guid['#text']).pathname, 'index.html')), item.guid['#text']).toBe(true);
      expect(item.description).toMatch(/<p>Updated \d{1,2} \w+ \d{4}: /);
    }
    const dates = items.map((i) => new Date(i.pubDate).getTime());
    expect(dates).toEqual(dates.toSorted((a, b) => b - a));
    expect(new Set(items.map((i) => i.guid['#text'])).size).toBe(items.length);
  });

  test('/feed.json is JSON Feed 1.1 with the latest entries and, for updated entries, the update as its date, a new id and the update in words', () => {
    const feed = readJsonFeed(dist, 'feed.json');
    expectLatest(feed.items.map((i) => i.url), content.entries);
    for (const item of feed.items) {
      const entry = content.entries.find((e) => urls.get(e.id) === item.url)!;
      const updated = isUpdated(entry);
      expect(item.id, entry.id).toBe(expectedGuid(entry));
      expect(item.date_published, entry.id).toBe(`${entry.data.updated ?? entry.data.published}T00:00:00Z`);
      expect(item.date_modified, entry.id).toBe(updated ? `${entry.data.updated}T00:00:00Z` : undefined);
      if (updated) expect(item.content_text).toMatch(/\n\nUpdated \d{1,2} \w+ \d{4}/);
    }
    // The RSS and JSON feeds agree on every item's id and on their order.
    expect(feed.items.map((i) => i.id)).toEqual(readRss(dist, 'feed.xml').items.map((i) => i.guid['#text']));
  });
});

describe('the per-vendor, per-jurisdiction, per-category and per-year feeds', () => {
  test('every vendor that an entry names has RSS and JSON feeds of its latest entries', () => {
    checkEachFile([...namedIds(content.entries, 'vendors')], (id) => {
      const wanted = content.entries.filter((e) => e.data.vendors.some((v) => v.id === id));
      expectLatest(readRss(dist, `vendors/${id}/feed.xml`).items.map((i) => i.link), wanted);
      expectLatest(readJsonFeed(dist, `vendors/${id}/feed.json`).items.map((i) => i.url), wanted);
    });
  });

  test('every jurisdiction that an entry names has RSS and JSON feeds of its latest entries', () => {
    checkEachFile([...namedIds(content.entries, 'jurisdictions')], (id) => {
      const wanted = content.entries.filter((e) => e.data.jurisdictions.includes(id));
      expectLatest(readRss(dist, `jurisdictions/${id}/feed.xml`).items.map((i) => i.link), wanted);
      expectLatest(readJsonFeed(dist, `jurisdictions/${id}/feed.json`).items.map((i) => i.url), wanted);
    });
  });

  test('every category in use has RSS and JSON feeds of its latest entries', () => {
    checkEachFile(usedCategories(content.entries), (id) => {
      const wanted = content.entries.filter((e) => e.data.category === id);
      expect(wanted.length).toBeGreaterThan(0);
      expectLatest(readRss(dist, `categories/${id}/feed.xml`).items.map((i) => i.link), wanted);
      expectLatest(readJsonFeed(dist, `categories/${id}/feed.json`).items.map((i) => i.url), wanted);
    });
  });

  test('every year with events has RSS and JSON feeds of the latest entries of its events', () => {
    checkEachFile(usedYears(content.entries.map((e) => ({ date: e.data.date }))), (year) => {
      const wanted = content.entries.filter((e) => e.data.date.startsWith(year));
      expectLatest(readRss(dist, `years/${year}/feed.xml`).items.map((i) => i.link), wanted);
      const feed = readJsonFeed(dist, `years/${year}/feed.json`);
      expectLatest(feed.items.map((i) => i.url), wanted);
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

describe('the changes feeds', () => {
  const origin = new URL([...urls.values()][0]!).origin;
  const expected = collectChanges(content.entries, content.measures).map((c) => {
    if (c.kind === 'stage') return `${origin}/measures/${c.measureId}/v/${c.after}/`;
    if (c.kind === 'measure-correction') return `${origin}/measures/${c.measureId}/#correction-${c.number}`;
    const entry = urls.get(c.entryId)!;
    return c.kind === 'correction' ? `${entry}v/${c.after}/` : c.kind === 'update' ? `${entry}#corrections` : entry;
  });

  test('/changes/feed.xml is well-formed RSS 2.0 with the latest changes of /changes/, in its order, each at a link of its own', () => {
    const { channel, items } = readRss(dist, 'changes/feed.xml');
    expect(String(channel['title'])).toBe('CCTV Restrictions Timeline: changes');
    expect(expected.length).toBeGreaterThan(FEED_ITEMS);
    expect(items.map((i) => i.link)).toEqual(expected.slice(0, FEED_ITEMS));
    expect(new Set(expected).size).toBe(expected.length);
    for (const item of items) expect(item.guid['#text']).toBe(item.link);
    const times = items.map((i) => new Date(i.pubDate).getTime());
    expect(times).toEqual(times.toSorted((a, b) => b - a));
  });

  test('/changes/feed.json is JSON Feed 1.1 with the same items', () => {
    const feed = readJsonFeed(dist, 'changes/feed.json');
    expect(feed.title).toBe('CCTV Restrictions Timeline: changes');
    expect(feed.items.map((i) => i.id)).toEqual(expected.slice(0, FEED_ITEMS));
    expect(feed.items.map((i) => i.title)).toEqual(readRss(dist, 'changes/feed.xml').items.map((i) => i.title));
  });

  test('every item of the changes feeds links to a built page', () => {
    const missing = expected.map((url) => new URL(url).pathname).filter((path) => !existsSync(join(dist, path.replace(/^\//, ''), 'index.html')));
    expect(missing).toEqual([]);
  });

  test('/changes/ links both feeds, in the page and in its head', () => {
    const html = read('changes/index.html');
    for (const file of ['feed.xml', 'feed.json']) {
      expect(html).toMatch(new RegExp(`<link rel="alternate" type="[^"]+" href="[^"]*/changes/${file.replace('.', '\\.')}"`));
      expect(html).toMatch(new RegExp(`<a href="[^"]*/changes/${file.replace('.', '\\.')}"`));
    }
  });
});
