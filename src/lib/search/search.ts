/**
 * The search page's queries: what the reader typed turned into what the index holds (vendor
 * spellings, dates in the forms people type), the facets and sort as Pagefind takes them, and the
 * words of a result's link and count. Nothing here touches the DOM or Pagefind itself, so it is
 * unit-tested directly and shared by the page script and the browser tests. The URL state is
 * `url-state.ts`'s, Pagefind's options `pagefind-options.ts`'s, and the words the index holds for
 * each page `search-terms.ts`'s.
 */
import { formatDate, parseDateQuery, precisionOf } from '../model/dates.ts';
import { FACETS, type Facet, type SearchState, type Sort } from './url-state.ts';

/** The sort key that every entry carries (`data-pagefind-sort`); pages without it drop out of sorted results. */
const SORT_KEY = 'date';

/** How long the page waits after the last keystroke before searching. */
export const TYPING_DEBOUNCE_MS = 180;

/** After this pause in typing, the next keystroke starts a new history entry. */
export const HISTORY_PAUSE_MS = 1500;

/**
 * Whether a measure page is of a measure that still counts (`current`) or one revoked, superseded,
 * dropped or lapsed (`ended`): a filter of measure pages that the page never shows as a facet, used
 * to rank current measures above ended ones.
 */
export const STANDING_FILTER = 'standing';

/**
 * The names a vendor, jurisdiction or measure page is called by (its name, short name and aliases,
 * as {@link nameKey}s): a filter the page never shows as a facet, used to put the page a query
 * names first, whatever else the same words find more of.
 */
export const NAMED_FILTER = 'named';

/**
 * A name as the named filter holds it and a query is matched against it: lower-cased, with dashes
 * and runs of spaces read as one space.
 * @example nameKey(' Hik-Vision  UK ') // 'hik vision uk'
 */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase().replace(/[\s\-‐‑–—]+/g, ' ').trim();
}

/**
 * A filter that every page with a date (an entry) carries, with the one value `yes`, and no other
 * page. Pagefind leaves a page without the sort key out of a view sorted by date, but counts every
 * page that matches: without this filter a facet counted a measure page that the list it leads to
 * does not show ("Canada (4)" above three entries). A view sorted by date, and the search page
 * before any search (whose facets lead to such views), count with {@link DATED}.
 */
export const DATED_FILTER = 'dated';

/** Pagefind filters: values of one facet are alternatives (any), facets combine (all). */
export type PagefindFilters = Partial<Record<Facet | typeof STANDING_FILTER | typeof NAMED_FILTER | typeof DATED_FILTER, { any: string[] }>>;

/** The filter of the pages with a date: see {@link DATED_FILTER}. */
export const DATED: PagefindFilters = { [DATED_FILTER]: { any: ['yes'] } };

/**
 * The Pagefind `filters` option for a state, optionally leaving one facet out (to count that
 * facet's values as if it were not yet chosen).
 * @example toPagefindFilters(parseSearchState('?vendor=dahua&year=2019')) // { vendor: { any: ['dahua'] }, year: { any: ['2019'] } }
 */
export function toPagefindFilters(state: SearchState, except?: Facet): PagefindFilters {
  const filters: PagefindFilters = {};
  for (const facet of FACETS) {
    if (facet === except || state.filters[facet].length === 0) continue;
    filters[facet] = { any: [...state.filters[facet]] };
  }
  return filters;
}

/**
 * The Pagefind `sort` option for a sort order; relevance is Pagefind's default (no sort).
 * @example toPagefindSort('newest') // { date: 'desc' }
 */
export function toPagefindSort(sort: Sort): Record<string, 'asc' | 'desc'> | undefined {
  if (sort === 'newest') return { [SORT_KEY]: 'desc' };
  if (sort === 'oldest') return { [SORT_KEY]: 'asc' };
  return undefined;
}

/** A name and the other spellings people type for it. */
export interface NameAliases {
  /** The name the index holds as one word, e.g. "Hikvision". */
  name: string;
  /** Other spellings, e.g. "Hik Vision", "HIK-VISION". */
  aliases: readonly string[];
}

const compact = (s: string) => s.toLowerCase().replace(/[\s\-‐‑–—_.·]+/g, '');
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What to send to Pagefind for the words the reader typed: a vendor written apart or with a hyphen
 * ("Hik Vision", "hik-vision") becomes its one-word name; everything else passes through with its
 * spacing tidied. (A query that is wholly a date is planned by {@link planQuery} instead.)
 * @example normaliseQuery('Hik Vision cameras', [{ name: 'Hikvision', aliases: ['Hik Vision'] }]) // 'Hikvision cameras'
 */
export function normaliseQuery(query: string, names: readonly NameAliases[]): string {
  let q = query.replace(/\s+/g, ' ').trim();
  if (q === '') return '';
  for (const { name, aliases } of names) {
    for (const alias of aliases) {
      if (!/[\s\-‐‑]/.test(alias) || compact(alias) !== compact(name)) continue;
      // "Hik Vision", "Hik-Vision" and "HIK VISION" all read as the one-word name.
      const parts = alias.split(/[\s\-‐‑]+/).map(escapeRegExp);
      q = q.replace(new RegExp(`(^|\\s)${parts.join('[\\s\\-‐‑]+')}(?=\\s|$)`, 'giu'), `$1${name}`);
    }
  }
  return q;
}

/** How one reading of a date query is searched. */
export interface DateReading {
  /** The ISO date read from the query. */
  iso: string;
  /**
   * Finds the entries of that date: the ISO form's digits (`20221124`), the one word Pagefind makes
   * of the ISO form that only the entries' date metadata holds. Written with its hyphens, the query
   * would also match its parts (`2021`, `03`) when no entry has that day.
   */
  own: string;
  /** For a year, whose digits also stand in text, the entries of that date are the year's filter. */
  ownYear?: string;
  /**
   * Finds every page that mentions the date: its written words ("24 November 2022"). The entries
   * of that date match too, since their date metadata holds the same words.
   */
  mention: string;
}

/** What the search page sends to Pagefind for a query. */
export type QueryPlan =
  /** No words: the facets alone choose the entries. */
  | { kind: 'none' }
  /** Words, searched as one Pagefind query. */
  | { kind: 'words'; term: string }
  /** A date: the entries of that date first, then every other page that mentions it, by date. */
  | { kind: 'date'; readings: DateReading[] };

/**
 * Plans the search for what the reader typed. A query that is wholly a date, in any form
 * {@link parseDateQuery} reads, is searched as a date (both readings of an ambiguous numeric
 * date); anything else as words.
 * @example planQuery('24/11/2022', []) // { kind: 'date', readings: [{ iso: '2022-11-24', own: '20221124', mention: '24 November 2022' }] }
 * @example planQuery('Hik Vision', [{ name: 'Hikvision', aliases: ['Hik Vision'] }]) // { kind: 'words', term: 'Hikvision' }
 */
export function planQuery(query: string, names: readonly NameAliases[]): QueryPlan {
  const readings = parseDateQuery(query);
  if (readings.length > 0) {
    return {
      kind: 'date',
      readings: readings.map((iso) => ({ iso, own: iso.replace(/-/g, ''), ...(precisionOf(iso) === 'year' ? { ownYear: iso } : {}), mention: formatDate(iso) })),
    };
  }
  const term = normaliseQuery(query, names);
  return term === '' ? { kind: 'none' } : { kind: 'words', term };
}

/**
 * The words to highlight on an entry page reached from a result: the words as typed, without
 * quotes and duplicates (an ISO date stays whole).
 * @example highlightTerms('"Section 889" NDAA') // ['Section', '889', 'NDAA']
 */
export function highlightTerms(query: string): string[] {
  const words = query.replace(/["“”]/g, ' ').split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''));
  const seen = new Set<string>();
  return words.filter((w) => w !== '' && !seen.has(w.toLowerCase()) && seen.add(w.toLowerCase()));
}

/**
 * A result's link with the highlight terms attached as repeated `highlight` parameters.
 * @example resultHref('/entries/x/', ['Section', '889']) // '/entries/x/?highlight=Section&highlight=889'
 */
export function resultHref(url: string, terms: readonly string[]): string {
  if (terms.length === 0) return url;
  const [path, hash] = url.split('#', 2) as [string, string | undefined];
  const params = new URLSearchParams();
  for (const t of terms) params.append('highlight', t);
  return `${path}${path.includes('?') ? '&' : '?'}${params.toString()}${hash === undefined ? '' : `#${hash}`}`;
}

/**
 * How a result count is announced.
 * @example describeCount(1, 'Dahua') // '1 result for “Dahua”'
 * @example describeCount(0, '') // 'No entries match these filters'
 */
export function describeCount(count: number, query: string): string {
  const q = query.trim();
  if (q === '') return count === 0 ? 'No entries match these filters' : `${count} ${count === 1 ? 'entry matches' : 'entries match'} these filters`;
  if (count === 0) return `No results for “${q}”`;
  return `${count} ${count === 1 ? 'result' : 'results'} for “${q}”`;
}
