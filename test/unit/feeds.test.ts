import { getRssString } from '@astrojs/rss';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { categoryInfo } from '../../src/lib/model/categories.ts';
import {
  buildFeed,
  dayToDateTime,
  describeUpdate,
  feedItems,
  feedPaths,
  itemDate,
  rssOptions,
  scopeFeedAlternates,
  textToHtml,
  toJsonFeed,
  toRssItems,
} from '../../src/lib/outputs/feeds.ts';
import { entries, paths, site } from './dataset-fixture.ts';

const label = (id: Parameters<typeof categoryInfo>[0]) => categoryInfo(id).label;

describe('describeUpdate', () => {
  test.each([
    [{ published: '2026-11-01', updated: undefined, corrections: [] }, undefined],
    [{ published: '2026-11-01', updated: '2026-11-01', corrections: [] }, undefined],
    [{ published: '2026-11-01', updated: '2027-01-05', corrections: [] }, 'Updated 5 January 2027.'],
    [
      { published: '2026-11-01', updated: '2027-01-05', corrections: [{ date: '2027-01-05', note: 'Fixed the date.' }, { date: '2026-12-01', note: 'Older.' }] },
      'Updated 5 January 2027: Fixed the date.',
    ],
  ])('describes %j as %j', (data, expected) => {
    expect(describeUpdate(data)).toBe(expected);
  });
});

describe('feedItems', () => {
  const items = feedItems(entries, { entryUrl: (id) => `https://example.org/entries/${id}/`, tagsOf: () => ['t'] });

  test('puts the most recently published or updated entry first', () => {
    expect(items.map((i) => i.id)).toEqual(['2019-10-07-us-entity-list', '2021-03-reported-restriction']);
  });

  test('builds only the latest `limit` items, the same as the head of the whole list', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      id: `entry-${String(i).padStart(2, '0')}`,
      // Published on one of three days; every fifth entry updated later, one "updated" on its publication day.
      data: { ...entries[1]!.data, date: `2020-01-${String((i % 28) + 1).padStart(2, '0')}`, published: `2026-11-${10 + (i % 3)}`, updated: i % 5 === 0 ? `2026-12-0${1 + (i % 4)}` : i === 7 ? '2026-11-11' : undefined, corrections: [] },
    }));
    const tagged: string[] = [];
    const all = feedItems(many, { entryUrl: (id) => id, tagsOf: () => [] });
    const latest = feedItems(many, { entryUrl: (id) => id, tagsOf: (e) => (tagged.push(e.id), []), limit: 8 });
    expect(latest).toEqual(all.slice(0, 8));
    expect(tagged).toEqual(latest.map((i) => i.id));
    // The six updated entries first, newest update first; one "updated" on its publication day is dated by that day.
    expect(all.slice(0, 6).map((i) => i.updated)).toEqual(['2026-12-04', '2026-12-03', '2026-12-02', '2026-12-02', '2026-12-01', '2026-12-01']);
    expect(all.find((i) => i.id === 'entry-07')?.updated).toBeUndefined();
  });

  test('orders entries that changed on the same day by event date, newest first', () => {
    const sameDay = entries.map((e) => ({ id: e.id, data: { ...e.data, updated: undefined, corrections: [] } }));
    expect(feedItems(sameDay, { entryUrl: (id) => id, tagsOf: () => [] }).map((i) => i.id)).toEqual(['2021-03-reported-restriction', '2019-10-07-us-entity-list']);
  });

  test('states the event date in the text and announces the latest correction', () => {
    const [updated, plain] = items;
    expect(updated?.text).toBe(
      'Event date: 7 October 2019.\n\nThe Commerce Department listed 28 Chinese organisations, including Hikvision and Dahua.\n\nUpdated 20 November 2026: Added the effective date.',
    );
    expect(updated?.updated).toBe('2026-11-20');
    expect(plain?.text.startsWith('Event date: March 2021.')).toBe(true);
    expect(plain?.updated).toBeUndefined();
  });

  test("identifies an entry updated after publication by its current version's page, and any other by its own URL", () => {
    const versioned = feedItems(entries, { entryUrl: (id) => `https://example.org/entries/${id}/`, versionUrl: (id, n) => `https://example.org/entries/${id}/v/${n}/`, tagsOf: () => [] });
    expect(versioned.map((i) => [i.url, i.guid])).toEqual([
      ['https://example.org/entries/2019-10-07-us-entity-list/', 'https://example.org/entries/2019-10-07-us-entity-list/v/3/'],
      ['https://example.org/entries/2021-03-reported-restriction/', undefined],
    ]);
    expect(items.map((i) => i.guid)).toEqual([undefined, undefined]);
  });

  test('dates an updated entry by its update, and any other by its publication', () => {
    expect(items.map(itemDate)).toEqual(['2026-11-20', '2026-11-01']);
  });
});

describe('textToHtml', () => {
  test.each([
    ['One.\n\nTwo.', '<p>One.</p><p>Two.</p>'],
    ['A <b>tag</b> & "quotes"', '<p>A &lt;b&gt;tag&lt;/b&gt; &amp; "quotes"</p>'],
    ['A line\nbroken.\n\n\nNext.\n', '<p>A line broken.</p><p>Next.</p>'],
  ])('writes %j as %j', (text, html) => {
    expect(textToHtml(text)).toBe(html);
  });
});

describe('buildFeed', () => {
  test('says in the description up to when events were reviewed, when the record says', () => {
    expect(buildFeed(site, paths, { kind: 'site' }, 'Timeline', label).meta.description).not.toMatch(/reviewed/);
    const covered = { ...site, coverageThrough: '2026-11-30' };
    expect(buildFeed(covered, paths, { kind: 'site' }, 'Timeline', label).meta.description).toMatch(/ Events are reviewed up to 30 November 2026 at the latest, unevenly by country \(see the site's About page\)\.$/);
    expect(buildFeed(covered, paths, { kind: 'vendor', id: 'dahua' }, 'Timeline', label).meta.description).toMatch(/ Events are reviewed up to 30 November 2026 at the latest, unevenly by country \(see the site's About page\)\.$/);
  });
});

describe('toJsonFeed', () => {
  const feed = buildFeed(site, paths, { kind: 'site' }, 'Timeline', label);
  const json = toJsonFeed(feed.meta, feed.items);

  test('has every field JSON Feed 1.1 requires', () => {
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.title).toBe('Timeline');
    expect(json.home_page_url).toBe('https://example.org/tl/');
    expect(json.feed_url).toBe('https://example.org/tl/feed.json');
    for (const item of json.items) {
      expect(item.url).toMatch(/^https:\/\/example\.org\/tl\/entries\/[^/]+\/$/);
      expect(item.id.startsWith(item.url)).toBe(true);
      expect(item.content_text.length).toBeGreaterThan(0);
      expect(item.date_published).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    }
  });

  test('gives an updated entry its update as its date and modification date, and a new id: the version the update made', () => {
    expect(json.items.map((i) => [i.id, i.date_published, i.date_modified])).toEqual([
      ['https://example.org/tl/entries/2019-10-07-us-entity-list/v/3/', '2026-11-20T00:00:00Z', '2026-11-20T00:00:00Z'],
      ['https://example.org/tl/entries/2021-03-reported-restriction/', '2026-11-01T00:00:00Z', undefined],
    ]);
  });

  test('tags items with the category, jurisdiction and vendor names', () => {
    expect(json.items[0]?.tags).toEqual(['Sanction or listing', 'United States', 'Hikvision', 'Dahua']);
  });
});

describe('buildFeed', () => {
  test.each([
    [{ kind: 'vendor', id: 'dahua' } as const, 'Timeline: Dahua', ['2019-10-07-us-entity-list'], '/tl/vendors/dahua/feed.xml'],
    [{ kind: 'vendor', id: 'hikvision' } as const, 'Timeline: Hikvision', ['2019-10-07-us-entity-list', '2021-03-reported-restriction'], '/tl/vendors/hikvision/feed.xml'],
    [{ kind: 'jurisdiction', id: 'china' } as const, 'Timeline: China', [], '/tl/jurisdictions/china/feed.xml'],
    [{ kind: 'site' } as const, 'Timeline', ['2019-10-07-us-entity-list', '2021-03-reported-restriction'], '/tl/feed.xml'],
  ])('scopes %j to its entries under its own title and URL', (scope, title, ids, rss) => {
    const feed = buildFeed(site, paths, scope, 'Timeline', label);
    expect(feed.meta.title).toBe(title);
    expect(feed.items.map((i) => i.id)).toEqual(ids);
    expect(feed.rssPath).toBe(rss);
    expect(feed.jsonPath).toBe(rss.replace(/xml$/, 'json'));
  });

  test('gives a page the alternate links of its feeds', () => {
    const feed = buildFeed(site, paths, { kind: 'vendor', id: 'dahua' }, 'Timeline', label);
    expect(scopeFeedAlternates(paths, { kind: 'vendor', id: 'dahua' }, feed.meta.title)).toEqual([
      { type: 'application/rss+xml', href: '/tl/vendors/dahua/feed.xml', title: 'Timeline: Dahua (RSS)' },
      { type: 'application/feed+json', href: '/tl/vendors/dahua/feed.json', title: 'Timeline: Dahua (JSON Feed)' },
    ]);
    expect(feedPaths(paths, { kind: 'jurisdiction', id: 'us' }).page).toBe('/tl/jurisdictions/us/');
  });
});

describe('the corrections feed', () => {
  test('has one item per correction, newest first, each at the version it made', () => {
    const feed = buildFeed(site, paths, { kind: 'corrections' }, 'Site', label);
    expect(feed.rssPath).toBe('/tl/corrections/feed.xml');
    expect(feed.meta.feedUrl).toBe('https://example.org/tl/corrections/feed.json');
    expect(feed.items.map((i) => [i.url, i.published, i.summary])).toEqual([
      ['https://example.org/tl/entries/2019-10-07-us-entity-list/v/3/', '2026-11-20', 'Added the effective date.'],
      ['https://example.org/tl/entries/2019-10-07-us-entity-list/v/2/', '2026-11-10', 'Corrected the number of organisations.'],
    ]);
    expect(feed.items[0]!.text).toContain('The current entry: https://example.org/tl/entries/2019-10-07-us-entity-list/');
    expect(new Set(toJsonFeed(feed.meta, feed.items).items.map((i) => i.id)).size).toBe(2);
  });
});

describe('the RSS rendering', () => {
  const feed = buildFeed(site, paths, { kind: 'site' }, 'Timeline', label);

  test('dates an updated entry by its update and any other by its publication', () => {
    expect(toRssItems(feed.items).map((i) => i.pubDate.toISOString())).toEqual(['2026-11-20T00:00:00.000Z', '2026-11-01T00:00:00.000Z']);
    expect(dayToDateTime('2026-11-29')).toBe('2026-11-29T00:00:00Z');
  });

  test('is well-formed RSS 2.0 with a self link, one item per entry and the update in the description', async () => {
    const xml = await getRssString(rssOptions(feed));
    const doc = new XMLParser({ ignoreAttributes: false }).parse(xml);
    const channel = doc.rss.channel;
    expect(doc.rss['@_version']).toBe('2.0');
    expect(channel['atom:link']['@_href']).toBe('https://example.org/tl/feed.xml');
    expect(channel.item.map((i: { link: string }) => i.link)).toEqual(feed.items.map((i) => i.url));
    expect(channel.item[0].description).toContain('<p>Updated 20 November 2026: Added the effective date.</p>');
    expect(channel.item[1].title).toBe('A "reported" restriction, with a comma');
  });

  test("gives an updated entry the version's page as a new permalink guid, and any other its link", async () => {
    const doc = new XMLParser({ ignoreAttributes: false }).parse(await getRssString(rssOptions(feed)));
    const guids = doc.rss.channel.item.map((i: { guid: { '#text': string; '@_isPermaLink': string } }) => [i.guid['#text'], i.guid['@_isPermaLink']]);
    expect(guids).toEqual([
      ['https://example.org/tl/entries/2019-10-07-us-entity-list/v/3/', 'true'],
      ['https://example.org/tl/entries/2021-03-reported-restriction/', 'true'],
    ]);
  });

  test('writes the description as HTML paragraphs, its text escaped once more by the XML', async () => {
    const xml = await getRssString(rssOptions(feed));
    expect(xml).toContain('<description>&lt;p&gt;Event date: March 2021.&lt;/p&gt;&lt;p&gt;A summary with a comma, a &quot;quote&quot; and a line break, naming 海康威视.&lt;/p&gt;</description>');
    expect(xml).not.toContain('<![CDATA[');
  });
});
