/**
 * What each browse page lists: the title, description, address, entries (oldest first), groups and
 * feeds of a vendor's, jurisdiction's, category's, body's or year's page, worked out once for its
 * first page (`src/pages/<kind>/[id].astro`) and its later pages (`src/pages/[kind]/[id]/page/[n].astro`).
 */
import { paths, type EntryRecord, type SiteData } from './index.ts';
import { categoryInfo } from '../lib/model/categories.ts';
import { usedCategories, withEntries } from '../lib/model/entities.ts';
import { groupByYear } from '../lib/model/timeline.ts';
import { basisOf, VENDOR_BASIS, VENDOR_BASIS_ORDER } from '../lib/model/vendor-basis.ts';
import type { FeedScope } from '../lib/outputs/feeds.ts';
import type { Category } from '../schemas/category.ts';
import { paginate, pagePath } from '../lib/views/paging.ts';
import { wholeNumberSetting } from './settings.ts';

/**
 * Entries on one browse page (about 21 elements an entry card, against Lighthouse's budget of 1,400
 * a page). `BROWSE_PAGE_SIZE` in the build's environment sets another size, so that tests can build
 * pages of a few entries from a small content tree.
 */
export const BROWSE_PAGE_SIZE = wholeNumberSetting('BROWSE_PAGE_SIZE', 50, 1);

/** The kinds of browse page, as the first segment of their address. */
export const BROWSE_KINDS = ['vendors', 'jurisdictions', 'categories', 'bodies', 'years'] as const;
export type BrowseKind = (typeof BROWSE_KINDS)[number];

/** A group of a browse page's entries under its own heading. */
export interface EntryGroup {
  id: string;
  heading: string;
  help: string;
  entries: EntryRecord[];
}

/** What one browse page lists. */
export interface BrowseScope {
  title: string;
  description: string;
  /** The address of its first page. */
  path: string;
  entries: EntryRecord[];
  groups?: EntryGroup[] | undefined;
  feed?: { scope: FeedScope; what: string } | undefined;
  empty?: string | undefined;
  /** Whether the entries are headed by year (not on a year's own page). */
  yearHeadings: boolean;
}

/** The page of one record of a kind. */
export function browseScope(site: SiteData, kind: BrowseKind, id: string): BrowseScope {
  switch (kind) {
    case 'vendors': {
      const vendor = site.vendors.get(id)!;
      const entries = site.entries.filter((e) => basisOf(e.data.vendors, id) !== undefined);
      // Grouped by why each entry concerns the vendor: what names it first, then reports, then context.
      const groups = VENDOR_BASIS_ORDER.map((basis) => ({
        id: `basis-${basis}`,
        heading: VENDOR_BASIS[basis].heading,
        help: VENDOR_BASIS[basis].help,
        entries: entries.filter((e) => basisOf(e.data.vendors, id) === basis),
      })).filter((g) => g.entries.length > 0);
      return {
        title: vendor.name,
        description: `${vendor.name}: ${vendor.description} ${entries.length} timeline entries.`,
        path: paths.vendor(id),
        entries,
        groups,
        feed: { scope: { kind: 'vendor', id }, what: `entries about ${vendor.name}` },
        yearHeadings: true,
      };
    }
    case 'jurisdictions': {
      const jurisdiction = site.jurisdictions.get(id)!;
      const entries = site.entries.filter((e) => e.data.jurisdictions.includes(id));
      return {
        title: jurisdiction.name,
        description: `${jurisdiction.description} ${entries.length} timeline entries.`,
        path: paths.jurisdiction(id),
        entries,
        feed: { scope: { kind: 'jurisdiction', id }, what: `entries about ${jurisdiction.name}` },
        yearHeadings: true,
      };
    }
    case 'categories': {
      const category = categoryInfo(id as Category);
      const entries = site.entries.filter((e) => e.data.category === category.id);
      return {
        title: category.label,
        description: `${category.description} ${entries.length} timeline entries.`,
        path: paths.category(category.id),
        entries,
        feed: { scope: { kind: 'category', id: category.id }, what: `entries in ${category.label}` },
        yearHeadings: true,
      };
    }
    case 'bodies': {
      const body = site.bodies.get(id)!;
      return { title: body.name, description: body.description, path: paths.body(id), entries: site.entries.filter((e) => e.data.bodies.includes(id)), empty: 'No entries list this body as an actor.', yearHeadings: true };
    }
    case 'years': {
      const entries = site.entries.filter((e) => e.date.startsWith(id));
      return {
        title: id,
        description: `The ${entries.length} timeline entries of ${id}.`,
        path: paths.year(id),
        entries,
        feed: { scope: { kind: 'year', id }, what: `entries on events of ${id}` },
        yearHeadings: false,
      };
    }
  }
}

/** The ids of every record of a kind that has a page. */
export function browseIds(site: SiteData, kind: BrowseKind): string[] {
  switch (kind) {
    case 'vendors':
      return [...withEntries(site.vendors, site.entries, 'vendors').keys()];
    case 'jurisdictions':
      return [...withEntries(site.jurisdictions, site.entries, 'jurisdictions').keys()];
    case 'categories':
      return usedCategories(site.entries);
    case 'bodies':
      return [...withEntries(site.bodies, site.entries, 'bodies').keys()];
    case 'years':
      return groupByYear(site.entries).map((g) => String(g.year));
  }
}

/**
 * A scope's entries in the order its page lists them: by group when it has groups, each oldest first.
 */
export function listedEntries(scope: Pick<BrowseScope, 'entries' | 'groups'>): EntryRecord[] {
  return scope.groups ? scope.groups.flatMap((g) => g.entries) : scope.entries;
}

const yearPlaces = new WeakMap<readonly EntryRecord[], Map<string, string>>();

/**
 * The address of the year page that lists an entry: its year's first page, or the later page of
 * that year it falls on. Worked out once for all entries.
 */
export function yearPageOf(site: SiteData, id: string): string | undefined {
  let places = yearPlaces.get(site.entries);
  if (!places) {
    const found = new Map<string, string>();
    for (const year of browseIds(site, 'years')) {
      const scope = browseScope(site, 'years', year);
      for (const page of paginate(scope.entries, BROWSE_PAGE_SIZE)) for (const entry of page.items) found.set(entry.id, pagePath(scope.path, page.number));
    }
    yearPlaces.set(site.entries, found);
    places = found;
  }
  return places.get(id);
}
