/**
 * Feed items for the site-wide and the per-vendor and per-jurisdiction feeds, in one neutral
 * shape, and their rendering as JSON Feed 1.1 and as items for `@astrojs/rss` (RSS 2.0).
 * Feed dates are the entry's own publication and update days; the event's date is in the text.
 *
 * An entry updated after publication comes back in the feeds as a new item: dated by its update
 * (RSS `pubDate`, JSON Feed `date_published` and `date_modified`), ordered by it, and identified
 * by the permanent page of the version the update made (`/entries/<id>/v/<n>/`) instead of the
 * entry's. Feed readers keep one item per id and do not show again an item they have seen when
 * only its date changes, so a new date under the old id would not reach subscribers; a new id
 * per version does, as the corrections feed's per-version items do, and each id is a page that
 * exists for good. The item's link stays the entry itself.
 */
import type { Entry } from '../../schemas/entry.ts';
import { measureCorrectionAnchor } from '../model/changes.ts';
import { collectCorrections } from '../model/corrections.ts';
import { dateSortKey, formatDate } from '../model/dates.ts';
import { escapeHtml } from '../site/html.ts';
import { LANGUAGE, MEDIA_TYPES } from '../site/site.ts';

/** An entry as the feeds need it. */
export interface FeedEntry {
  id: string;
  data: Entry;
}

/** One feed item. */
export interface FeedItem {
  /** The entry id. */
  id: string;
  /** The absolute permanent URL; also the item's identifier unless `guid` gives another. */
  url: string;
  /**
   * The item's identifier when it is not `url`: for an entry updated after publication, the
   * permanent page of the version that update made, so that readers take it as a new item.
   */
  guid?: string;
  title: string;
  summary: string;
  /** Plain text: the event date, the summary and, for updated entries, the update. */
  text: string;
  /** The day the entry was published (`YYYY-MM-DD`). */
  published: string;
  /** The day it last changed in substance, when after `published`: then also the item's date. */
  updated: string | undefined;
  /** The sentence that describes the latest update, when there is one. */
  update: string | undefined;
  /** Category, jurisdiction and vendor names. */
  tags: string[];
}

/** How to make URLs and tag names for the items. */
export interface FeedItemOptions {
  /** The absolute permanent URL of an entry. */
  entryUrl(id: string): string;
  /** The absolute permanent URL of version `n` of an entry: an updated entry's identifier. Without it, an item keeps the entry's URL as its identifier. */
  versionUrl?(id: string, n: number): string;
  /** Names to tag an entry with (category, jurisdictions, vendors). */
  tagsOf(entry: FeedEntry): string[];
  /** The most items to return, the latest (all when left out): only those are built. */
  limit?: number;
}

/** The day an entry last changed in substance, when after its publication; otherwise undefined. */
const updatedAfterPublication = (data: Pick<Entry, 'published' | 'updated'>): string | undefined =>
  data.updated !== undefined && data.updated > data.published ? data.updated : undefined;

/**
 * The sentence that tells subscribers what changed, for an entry updated after publication:
 * the latest note of its corrections log, or a plain notice when the log is empty.
 * @example describeUpdate({ published: '2026-11-29', updated: '2027-01-05', corrections: [] }) // 'Updated 5 January 2027.'
 */
export function describeUpdate(data: Pick<Entry, 'published' | 'updated' | 'corrections'>): string | undefined {
  const updated = updatedAfterPublication(data);
  if (updated === undefined) return undefined;
  const latest = [...data.corrections].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).at(-1);
  return latest ? `Updated ${formatDate(updated)}: ${latest.note}` : `Updated ${formatDate(updated)}.`;
}

/**
 * The feed items of some entries, the most recently published or updated first; entries that
 * changed on the same day are ordered by event date, newest first, then by id. An entry updated
 * after publication is dated by its update and identified by its current version's page.
 */
export function feedItems(entries: readonly FeedEntry[], options: FeedItemOptions): FeedItem[] {
  // Ordered first and built after, so that a feed of the latest 50 of 1,000 entries builds 50 items.
  const keyed = entries.map((entry) => {
    const { data } = entry;
    // The day an item is dated by: its update, when after publication, else its publication.
    return { entry, changed: updatedAfterPublication(data) ?? data.published, date: dateSortKey(data.date) };
  });
  const desc = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);
  keyed.sort((a, b) => desc(a.changed, b.changed) || desc(a.date, b.date) || -desc(a.entry.id, b.entry.id));
  return keyed.slice(0, options.limit ?? keyed.length).map(({ entry }) => {
    const { data } = entry;
    const update = describeUpdate(data);
    const updated = updatedAfterPublication(data);
    const text = [`Event date: ${formatDate(data.date)}${data.endDate ? ` to ${formatDate(data.endDate)}` : ''}.`, data.summary, ...(update ? [update] : [])].join('\n\n');
    const item: FeedItem = {
      id: entry.id,
      url: options.entryUrl(entry.id),
      title: data.title,
      summary: data.summary,
      text,
      published: data.published,
      updated,
      update,
      tags: options.tagsOf(entry),
    };
    if (updated !== undefined && options.versionUrl) item.guid = options.versionUrl(entry.id, data.corrections.length + 1);
    return item;
  });
}

/**
 * The most items a feed carries: the latest ones. A feed reader asks for a feed again and again
 * and keeps what it has seen, so a feed of every entry would send more each time the record grows
 * (1.8 MB for the site's two feeds at 1,000 entries); the whole record is in `/data/entries.json`
 * and on the browse pages.
 */
export const FEED_ITEMS = 50;

/**
 * A calendar day as an RFC 3339 date-time at midnight UTC.
 * @example dayToDateTime('2026-11-29') // '2026-11-29T00:00:00Z'
 */
export function dayToDateTime(day: string): string {
  return `${day}T00:00:00Z`;
}

/** What describes one feed. */
export interface FeedMeta {
  title: string;
  description: string;
  /** The absolute URL of the page the feed belongs to. */
  homePageUrl: string;
  /** The absolute URL of the JSON Feed itself. */
  feedUrl: string;
  /** The absolute URL of the site's icon. */
  icon?: string;
}

/** A JSON Feed 1.1 item (https://www.jsonfeed.org/version/1.1/). */
export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  summary: string;
  content_text: string;
  date_published: string;
  date_modified?: string;
  tags: string[];
}

/** A JSON Feed 1.1 document. */
export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url: string;
  feed_url: string;
  description: string;
  language: string;
  favicon?: string;
  items: JsonFeedItem[];
}

/**
 * The day an item is dated by: its update when it has one (an updated entry is a new item, see
 * the module's comment), else its publication.
 * @example itemDate({ published: '2026-11-29', updated: '2026-12-01' }) // '2026-12-01'
 */
export function itemDate(item: Pick<FeedItem, 'published' | 'updated'>): string {
  return item.updated ?? item.published;
}

/** Renders items as a JSON Feed 1.1 document. */
export function toJsonFeed(meta: FeedMeta, items: readonly FeedItem[]): JsonFeed {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: meta.title,
    home_page_url: meta.homePageUrl,
    feed_url: meta.feedUrl,
    description: meta.description,
    language: LANGUAGE,
    ...(meta.icon ? { favicon: meta.icon } : {}),
    items: items.map((item) => ({
      id: item.guid ?? item.url,
      url: item.url,
      title: item.title,
      summary: item.summary,
      content_text: item.text,
      date_published: dayToDateTime(itemDate(item)),
      ...(item.updated ? { date_modified: dayToDateTime(item.updated) } : {}),
      tags: item.tags,
    })),
  };
}

/** An item in the shape `@astrojs/rss` takes. */
export interface RssItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories: string[];
  /** Extra elements of the item: its `<guid>` when it is not the link. */
  customData?: string;
}

/** Escapes text for XML or HTML character data (not attribute values: quotes stay as they are). */
const escapeMarkup = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * An item's plain text as HTML paragraphs, one per blank-line-separated block, with the text
 * escaped and a single line break read as a space: feed readers take an RSS description as HTML,
 * and would run plain paragraphs together.
 * @example textToHtml('Event date: 2019.\n\nA & B.') // '<p>Event date: 2019.</p><p>A &amp; B.</p>'
 */
export function textToHtml(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0)
    .map((paragraph) => `<p>${escapeMarkup(paragraph.replace(/\s*\n\s*/g, ' '))}</p>`)
    .join('');
}

/**
 * Renders items for `@astrojs/rss`. RSS 2.0 has one date per item: an updated entry's is its
 * update, the day its item (a new one, with the version's page as `<guid>`) appeared, and the
 * update is announced in the description, which is HTML.
 */
export function toRssItems(items: readonly FeedItem[]): RssItem[] {
  return items.map((item) => {
    const rss: RssItem = {
      title: item.title,
      link: item.url,
      pubDate: new Date(dayToDateTime(itemDate(item))),
      description: textToHtml(item.text),
      categories: item.tags,
    };
    // @astrojs/rss writes the link as a permalink <guid>; customData replaces it.
    if (item.guid !== undefined && item.guid !== item.url) rss.customData = `<guid isPermaLink="true">${escapeMarkup(item.guid)}</guid>`;
    return rss;
  });
}

/** Which entries a feed carries: all, or those of one vendor, jurisdiction, category or year (of the event); `corrections` carries the corrections log instead of entries. */
export type FeedScope =
  | { kind: 'site' }
  | { kind: 'vendor'; id: string }
  | { kind: 'jurisdiction'; id: string }
  | { kind: 'category'; id: Entry['category'] }
  | { kind: 'year'; id: string }
  | { kind: 'corrections' };

/** The data the feeds are built from. */
export interface FeedSiteData {
  /** Entries, in any order. */
  entries: readonly FeedEntry[];
  vendors: ReadonlyMap<string, { name: string }>;
  jurisdictions: ReadonlyMap<string, { name: string }>;
  /** The last day events were reviewed (`src/content/site.yaml`), when the record says. */
  coverageThrough?: string | undefined;
}

/** The path helpers the feeds need (a subset of `SitePaths`). */
export interface FeedPaths {
  path(relative?: string): string;
  absolute(path: string): string;
  home(): string;
  entry(id: string): string;
  version(id: string, n: number): string;
  vendor(id: string): string;
  jurisdiction(id: string): string;
  category(id: string): string;
  year(year: number | string): string;
}

/** A feed ready to render: its description, both of its URLs, and its items. */
export interface Feed {
  meta: FeedMeta;
  /** The path of the RSS feed under the base. */
  rssPath: string;
  /** The path of the JSON Feed under the base. */
  jsonPath: string;
  items: FeedItem[];
}

/**
 * The paths of a scope's two feeds.
 * @example feedPaths(paths, { kind: 'vendor', id: 'dahua' }).rss // '/vendors/dahua/feed.xml'
 */
export function feedPaths(paths: FeedPaths, scope: FeedScope): { page: string; rss: string; json: string } {
  const page = {
    site: () => paths.home(),
    corrections: () => paths.path('corrections/'),
    vendor: (id: string) => paths.vendor(id),
    jurisdiction: (id: string) => paths.jurisdiction(id),
    category: (id: string) => paths.category(id),
    year: (id: string) => paths.year(id),
  }[scope.kind]('id' in scope ? scope.id : '');
  return { page, rss: `${page}feed.xml`, json: `${page}feed.json` };
}

/**
 * Whether an entry belongs in a scope's feed.
 * @example inScope({ data: { category: 'warning', date: '2021-07', vendors: [], jurisdictions: ['uk'] } }, { kind: 'year', id: '2021' }) // true
 */
function inScope(entry: { data: Pick<Entry, 'vendors' | 'jurisdictions' | 'category' | 'date' | 'corrections'> }, scope: FeedScope): boolean {
  switch (scope.kind) {
    case 'site':
      return true;
    case 'corrections':
      return entry.data.corrections.length > 0;
    case 'vendor':
      return entry.data.vendors.some((v) => v.id === scope.id);
    case 'jurisdiction':
      return entry.data.jurisdictions.includes(scope.id);
    case 'category':
      return entry.data.category === scope.id;
    case 'year':
      return entry.data.date.slice(0, 4) === scope.id;
  }
}

/**
 * The corrections feed's items: one per correction, newest first, each at the permanent page of
 * the version that correction made (so two corrections of one entry never share an id).
 */
function correctionItems(entries: readonly FeedEntry[], paths: FeedPaths): FeedItem[] {
  const log = collectCorrections(entries);
  return log.map((c) => {
    const n = c.version;
    const entryUrl = paths.absolute(paths.entry(c.entryId));
    return {
      id: c.entryId,
      url: paths.absolute(paths.version(c.entryId, n)),
      title: `Correction: ${c.entryTitle}`,
      summary: c.note,
      text: [`Corrected on ${formatDate(c.date)}; this made version ${n} of the entry.`, c.note, `The current entry: ${entryUrl}`].join('\n\n'),
      published: c.date,
      updated: undefined,
      update: undefined,
      tags: ['Correction'],
    };
  });
}

/** The site-wide feed, the feed of one vendor, jurisdiction, category or year, or the corrections feed. */
export function buildFeed(site: FeedSiteData, paths: FeedPaths, scope: FeedScope, siteName: string, categoryLabel: (id: Entry['category']) => string): Feed {
  const where = feedPaths(paths, scope);
  if (scope.kind === 'corrections') {
    return {
      meta: {
        title: `${siteName}: corrections`,
        description: `The latest corrections made to entries of the ${siteName}, newest first.`,
        homePageUrl: paths.absolute(where.page),
        feedUrl: paths.absolute(where.json),
        icon: paths.absolute(paths.path('favicon.svg')),
      },
      rssPath: where.rss,
      jsonPath: where.json,
      items: correctionItems(site.entries, paths).slice(0, FEED_ITEMS),
    };
  }
  const entries = site.entries.filter((e) => inScope(e, scope));
  const name =
    scope.kind === 'site'
      ? undefined
      : scope.kind === 'category'
        ? categoryLabel(scope.id)
        : scope.kind === 'year'
          ? scope.id
          : ((scope.kind === 'vendor' ? site.vendors : site.jurisdictions).get(scope.id)?.name ?? scope.id);
  const items = feedItems(entries, {
    entryUrl: (id) => paths.absolute(paths.entry(id)),
    versionUrl: (id, n) => paths.absolute(paths.version(id, n)),
    tagsOf: (e) => [
      categoryLabel(e.data.category),
      ...e.data.jurisdictions.map((j) => site.jurisdictions.get(j)?.name ?? j),
      ...e.data.vendors.map(({ id }) => site.vendors.get(id)?.name ?? id),
    ],
    limit: FEED_ITEMS,
  });
  const coverage = site.coverageThrough === undefined ? '' : ` Events are reviewed up to ${formatDate(site.coverageThrough)} at the latest, unevenly by country (see the site's About page).`;
  return {
    meta: {
      title: name ? `${siteName}: ${name}` : siteName,
      description: (name
        ? `New and updated entries ${scope.kind === 'year' ? 'on events of' : 'about'} ${name} on the ${siteName}.`
        : 'New and updated entries on how governments restricted Chinese-made surveillance equipment, and the events around it.') + coverage,
      homePageUrl: paths.absolute(where.page),
      feedUrl: paths.absolute(where.json),
      icon: paths.absolute(paths.path('favicon.svg')),
    },
    rssPath: where.rss,
    jsonPath: where.json,
    items,
  };
}

/**
 * The `<link rel="alternate">` values for a scope's feeds, as `Base.astro`'s `alternates` prop
 * takes them, without building the feed's items.
 * @example scopeFeedAlternates(paths, { kind: 'vendor', id: 'dahua' }, 'Site: Dahua')[0].href // '/vendors/dahua/feed.xml'
 */
export function scopeFeedAlternates(paths: FeedPaths, scope: FeedScope, title: string): { type: string; href: string; title: string }[] {
  const where = feedPaths(paths, scope);
  return [
    { type: MEDIA_TYPES.rss, href: where.rss, title: `${title} (RSS)` },
    { type: MEDIA_TYPES.jsonFeed, href: where.json, title: `${title} (JSON Feed)` },
  ];
}

/** The options object for `@astrojs/rss`'s `getRssString`/`rss`. */
export function rssOptions(feed: Feed): {
  title: string;
  description: string;
  site: string;
  items: RssItem[];
  xmlns: Record<string, string>;
  customData: string;
} {
  const self = feed.meta.feedUrl.replace(/feed\.json$/, 'feed.xml');
  return {
    title: feed.meta.title,
    description: feed.meta.description,
    site: feed.meta.homePageUrl,
    items: toRssItems(feed.items),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>${LANGUAGE.toLowerCase()}</language><atom:link href="${escapeHtml(self)}" rel="self" type="${MEDIA_TYPES.rss}"/>`,
  };
}

/** One change of `/changes/` (src/lib/model/changes.ts). */
type Change = import('../model/changes.ts').Change;

/** The path helpers the changes feed needs: those of every feed, a measure's page and one version of a measure. */
export interface ChangesFeedPaths extends FeedPaths {
  measure(id: string): string;
  measureVersion(id: string, n: number): string;
}

/**
 * The paths of `/changes/` and its two feeds.
 * @example changesFeedPaths(paths).json // '/changes/feed.json'
 */
export function changesFeedPaths(paths: Pick<FeedPaths, 'path'>): { page: string; rss: string; json: string } {
  const page = paths.path('changes/');
  return { page, rss: `${page}feed.xml`, json: `${page}feed.json` };
}

/**
 * The `<link rel="alternate">` values of the changes feeds, as `Base.astro`'s `alternates` prop takes them.
 * @example changesFeedAlternates(paths, 'Site: changes')[1].href // '/changes/feed.json'
 */
export function changesFeedAlternates(paths: Pick<FeedPaths, 'path'>, title: string): { type: string; href: string; title: string }[] {
  const where = changesFeedPaths(paths);
  return [
    { type: MEDIA_TYPES.rss, href: where.rss, title: `${title} (RSS)` },
    { type: MEDIA_TYPES.jsonFeed, href: where.json, title: `${title} (JSON Feed)` },
  ];
}

/**
 * The first day a date of any precision can mean, for a feed's date.
 * @example startDay('2023-02') // '2023-02-01'
 */
export function startDay(date: string): string {
  const [year, month = '01', day = '01'] = date.split('-');
  return `${year}-${month}-${day}`;
}

/**
 * One feed item per change of `/changes/` (src/lib/model/changes.ts), in its order. Each item's
 * URL is also its id, so each is one no other item has: a correction's is the version it made
 * (as in the corrections feed), a new entry's the entry, an update's the entry's corrections log,
 * and a measure stage's the version of the measure that the stage made.
 */
export function changeFeedItems(changes: readonly Change[], paths: ChangesFeedPaths): FeedItem[] {
  const abs = (path: string) => paths.absolute(path);
  return changes.map((c): FeedItem => {
    const base = { published: startDay(c.date), updated: undefined, update: undefined };
    switch (c.kind) {
      case 'correction':
        return {
          ...base,
          id: c.entryId,
          url: abs(paths.version(c.entryId, c.after)),
          title: `Correction: ${c.title}`,
          summary: c.note,
          text: [
            `Corrected on ${formatDate(c.date)}; this made version ${c.after} of the entry.`,
            c.note,
            `Version ${c.before}, before the correction, with what changed: ${abs(paths.version(c.entryId, c.before))}#what-changed`,
            `The current entry: ${abs(paths.entry(c.entryId))}`,
          ].join('\n\n'),
          tags: ['Correction'],
        };
      case 'measure-correction':
        return {
          ...base,
          id: c.measureId,
          url: `${abs(paths.measure(c.measureId))}#${measureCorrectionAnchor(c.number)}`,
          title: `Correction: ${c.measure}`,
          summary: c.note,
          text: [`Corrected on ${formatDate(c.date)}.`, c.note, `The measure now: ${abs(paths.measure(c.measureId))}`].join('\n\n'),
          tags: ['Correction'],
        };
      case 'update':
        return {
          ...base,
          id: c.entryId,
          url: `${abs(paths.entry(c.entryId))}#corrections`,
          title: `Updated: ${c.title}`,
          summary: `Updated on ${formatDate(c.date)}.`,
          text: [`Updated on ${formatDate(c.date)}.`, `The entry: ${abs(paths.entry(c.entryId))}`].join('\n\n'),
          tags: ['Update'],
        };
      case 'new-entry':
        return {
          ...base,
          id: c.entryId,
          url: abs(paths.entry(c.entryId)),
          title: `New entry: ${c.title}`,
          summary: c.summary,
          text: [`Published on ${formatDate(c.date)}.`, c.summary].join('\n\n'),
          tags: ['New entry'],
        };
      case 'stage': {
        const status = c.status ? `Status now: ${c.status.label} (as of ${formatDate(c.status.asOf)}).${c.status.note ? ` ${c.status.note}` : ''}` : undefined;
        return {
          ...base,
          id: c.measureId,
          url: abs(paths.measureVersion(c.measureId, c.after)),
          title: `${c.measure}: ${c.stageLabel.toLowerCase()}`,
          summary: [`${c.stageLabel}, ${formatDate(c.date)}.`, ...(c.note ? [c.note] : []), ...(status ? [status] : [])].join(' '),
          text: [
            `${c.measure}: ${c.stageLabel.toLowerCase()}, ${formatDate(c.date)}.`,
            ...(c.note ? [c.note] : []),
            ...(status ? [status] : []),
            `This made version ${c.after} of the measure. The measure now: ${abs(paths.measure(c.measureId))}`,
            `Recorded in: ${abs(paths.entry(c.entryId))}`,
          ].join('\n\n'),
          tags: ['Measure stage'],
        };
      }
    }
  });
}

/** The changes feed: the latest changes of `/changes/` ({@link FEED_ITEMS}), newest first. */
export function changesFeed(changes: readonly Change[], paths: ChangesFeedPaths, siteName: string): Feed {
  const where = changesFeedPaths(paths);
  return {
    meta: {
      title: `${siteName}: changes`,
      description: `The latest corrections, updates, new entries and measure stages of the ${siteName}, newest first.`,
      homePageUrl: paths.absolute(where.page),
      feedUrl: paths.absolute(where.json),
      icon: paths.absolute(paths.path('favicon.svg')),
    },
    rssPath: where.rss,
    jsonPath: where.json,
    items: changeFeedItems(changes, paths).slice(0, FEED_ITEMS),
  };
}
