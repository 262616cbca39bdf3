/**
 * The search page's pure logic: the URL state (`q`, facets, sort) read and written, queries
 * normalised to what the index holds (vendor aliases, dates in the forms people type), and the
 * options handed to Pagefind. Nothing here touches the DOM or Pagefind itself, so it is unit-tested
 * directly and shared by the page script, the entry metadata and the browser tests.
 */
import { searchableDateForms } from './dates.ts';

/** The facets of the search page, in display order; each is a Pagefind filter of the same name. */
export const FACETS = ['vendor', 'jurisdiction', 'category', 'measure', 'year'] as const;

/** One facet name. */
export type Facet = (typeof FACETS)[number];

/** The orders the results can be listed in. */
export const SORTS = ['relevance', 'newest', 'oldest'] as const;

/** One sort order. */
export type Sort = (typeof SORTS)[number];

/** Everything that decides what the search page shows; the URL holds exactly this. */
export interface SearchState {
  /** The words typed, as typed (trimmed). */
  q: string;
  /** Selected values per facet (ids such as `hikvision`, `uk`, `warning`, `us-entity-list`, `2019`). */
  filters: Record<Facet, string[]>;
  /** The order of the results. */
  sort: Sort;
}

/** The sort key that every entry carries (`data-pagefind-sort`); pages without it drop out of sorted results. */
export const SORT_KEY = 'date';

/**
 * Metadata fields that are indexed for search but never shown, and how much a match in each counts
 * (Pagefind's `ranking.metaWeights`). Body text weighs 1; a title heading weighs about 7.
 */
export const META_WEIGHTS = {
  /** The title (Pagefind fills it from the `h1`). */
  title: 6,
  /** Names an entry concerns: vendors with their aliases and Chinese names, bodies, jurisdictions. */
  names: 3,
  /** The entry's own dates in every written form. */
  dates: 8,
  /** A vendor page's own names: a query equal to a vendor's name puts its page first. */
  vendorname: 30,
  /** A measure page's names and aliases ("FCC 22-84", "HCWS386"): a query equal to one puts its page first. */
  measurename: 30,
} as const;

/** Options for Pagefind's JavaScript API. */
export interface PagefindOptions {
  /** The site's base path, prefixed to result URLs. */
  baseUrl: string;
  /** Words per excerpt. */
  excerptLength: number;
  /**
   * Search on the page's own thread: with an index of this size a query takes milliseconds, and
   * the worker would add a second copy of Pagefind's code (about 12 kB compressed) to the first search.
   */
  noWorker: boolean;
  /** Weights of the searchable metadata fields. */
  ranking: { metaWeights: Record<string, number> };
}

/**
 * The options passed to `pagefind.options()` by the search page, the header's preload and the
 * index tests.
 * @example pagefindOptions('/').noWorker // true
 */
export function pagefindOptions(baseUrl: string): PagefindOptions {
  return { baseUrl, excerptLength: 24, noWorker: true, ranking: { metaWeights: { ...META_WEIGHTS } } };
}

/** How long the page waits after the last keystroke before searching. */
export const TYPING_DEBOUNCE_MS = 180;

/** After this pause in typing, the next keystroke starts a new history entry. */
export const HISTORY_PAUSE_MS = 1500;

/** A state with nothing chosen. */
export function emptyState(): SearchState {
  return { q: '', filters: { vendor: [], jurisdiction: [], category: [], measure: [], year: [] }, sort: 'relevance' };
}

const unique = (values: string[]) => [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];

/**
 * Reads the search state from a query string. Facets may repeat (`vendor=a&vendor=b`) or be
 * comma-separated (`vendor=a,b`); unknown sorts fall back to relevance.
 * @example parseSearchState('?q=dahua&year=2019&sort=newest').filters.year // ['2019']
 */
export function parseSearchState(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const state = emptyState();
  state.q = (params.get('q') ?? '').replace(/\s+/g, ' ').trim();
  for (const facet of FACETS) state.filters[facet] = unique(params.getAll(facet).flatMap((v) => v.split(',')));
  const sort = params.get('sort');
  state.sort = (SORTS as readonly string[]).includes(sort ?? '') ? (sort as Sort) : 'relevance';
  return state;
}

/**
 * Writes the state as a query string (with its `?`, or `''` for the empty state), in a fixed
 * order and without defaults, so that one view has one URL.
 * @example serialiseSearchState({ q: 'Hik Vision', filters: { vendor: [], jurisdiction: ['uk'], category: [], measure: [], year: [] }, sort: 'newest' }) // '?q=Hik+Vision&jurisdiction=uk&sort=newest'
 */
export function serialiseSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim() !== '') params.set('q', state.q.trim());
  for (const facet of FACETS) for (const value of unique(state.filters[facet])) params.append(facet, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  const qs = params.toString();
  return qs ? `?${qs}` : '';
}

/** Whether two states show the same view. */
export function sameState(a: SearchState, b: SearchState): boolean {
  return serialiseSearchState(a) === serialiseSearchState(b);
}

/** Whether any facet value is selected. */
export function hasFilters(state: SearchState): boolean {
  return FACETS.some((f) => state.filters[f].length > 0);
}

/** Pagefind filters: values of one facet are alternatives (any), facets combine (all). */
export type PagefindFilters = Partial<Record<Facet, { any: string[] }>>;

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

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return undefined;
  const index = MONTHS.findIndex((m) => m === w || (m.startsWith(w) && w.length >= 3 && (w === m.slice(0, 3) || w === 'sept')));
  return index === -1 ? undefined : index + 1;
}

function isoOf(year: number, month?: number, day?: number): string | undefined {
  if (year < 1900 || year > 2199) return undefined;
  if (month === undefined) return String(year);
  if (month < 1 || month > 12) return undefined;
  const mm = String(month).padStart(2, '0');
  if (day === undefined) return `${year}-${mm}`;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > last) return undefined;
  return `${year}-${mm}-${String(day).padStart(2, '0')}`;
}

/**
 * Reads a query that is wholly a date, in the forms people type, as an ISO date of its precision:
 * `2019`, `March 2021`, `Mar 2021`, `2021-03`, `24 November 2022`, `24th Nov 2022`,
 * `November 24, 2022`, `2022-11-24`, `2022/11/24`, `24/11/2022`, `24.11.2022`. Slashed dates are
 * read day first, as in British usage. Anything else gives `undefined`.
 * @example parseDateQuery('24 November 2022') // '2022-11-24'
 * @example parseDateQuery('march 2021') // '2021-03'
 * @example parseDateQuery('Hikvision 2019') // undefined
 */
export function parseDateQuery(query: string): string | undefined {
  const q = query.trim().replace(/\s+/g, ' ').replace(/,/g, '');
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(q))) return isoOf(Number(m[1]));
  if ((m = /^(\d{4})[-/.](\d{1,2})$/.exec(q))) return isoOf(Number(m[1]), Number(m[2]));
  if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(q))) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(q))) return isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  if ((m = /^(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+\.?) (\d{4})$/i.exec(q))) {
    const month = monthNumber(m[2] as string);
    return month === undefined ? undefined : isoOf(Number(m[3]), month, Number(m[1]));
  }
  if ((m = /^([a-z]+\.?) (\d{1,2})(?:st|nd|rd|th)? (\d{4})$/i.exec(q))) {
    const month = monthNumber(m[1] as string);
    return month === undefined ? undefined : isoOf(Number(m[3]), month, Number(m[2]));
  }
  if ((m = /^([a-z]+\.?) (\d{4})$/i.exec(q))) {
    const month = monthNumber(m[1] as string);
    return month === undefined ? undefined : isoOf(Number(m[2]), month);
  }
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
 * What to send to Pagefind for what the reader typed. A query that is wholly a date becomes its
 * ISO form (the entries' date metadata holds it as one word, so only entries of that date match);
 * a vendor written apart or with a hyphen ("Hik Vision", "hik-vision") becomes its one-word
 * name; everything else passes through with its spacing tidied.
 * @example normaliseQuery('24/11/2022', []) // '2022-11-24'
 * @example normaliseQuery('Hik Vision cameras', [{ name: 'Hikvision', aliases: ['Hik Vision'] }]) // 'Hikvision cameras'
 */
export function normaliseQuery(query: string, names: readonly NameAliases[]): string {
  let q = query.replace(/\s+/g, ' ').trim();
  if (q === '') return '';
  const date = parseDateQuery(q);
  if (date !== undefined) return date;
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
 * The date forms an entry is found by: every written form of each of its dates, de-duplicated.
 * @example entryDateTerms(['2021-03']) // ['March 2021', 'Mar 2021', '2021-03', '2021']
 */
export function entryDateTerms(dates: readonly string[]): string[] {
  return [...new Set(dates.flatMap((d) => searchableDateForms(d)))];
}

/**
 * Joins names into one space-separated run of searchable words, each Chinese name kept as a
 * separate word: on an English page Pagefind indexes a run of Chinese characters as a single
 * word, so "海康威视" must stand alone to be found inside "杭州海康威视数字技术股份有限公司".
 * A name whose words all stand, in order and in any case, inside another name is left out: the
 * search finds the same words in the longer name, and every byte here is sent with each result.
 * @example searchableNames(['Hikvision', '海康威视', 'Hikvision']) // 'Hikvision 海康威视'
 * @example searchableNames(['Hikvision', 'HIKVISION', 'Hangzhou Hikvision']) // 'Hangzhou Hikvision'
 */
export function searchableNames(names: readonly (string | undefined)[]): string {
  const cleaned = names.map((n) => n?.replace(/\s+/g, ' ').trim() ?? '').filter((n) => n !== '');
  const padded = cleaned.map((n) => ` ${n.toLowerCase()} `);
  return cleaned
    .filter((_, i) => !padded.some((other, j) => j !== i && other.includes(padded[i]!) && (other !== padded[i] || j < i)))
    .join(' ');
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
