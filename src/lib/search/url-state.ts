/**
 * What the URL holds of a view of the search page, so a view can be shared and restored: the
 * query, facets and sort (`/search/?q=dahua&vendor=hikvision&sort=newest`). A facet's values are
 * read as a list (repeated or comma-separated parameters) and written in one fixed order without
 * defaults, so one view has one URL. Shared by the page, its script and the tests.
 */

/** The facets of the search page, in display order; each is a Pagefind filter of the same name. */
export const FACETS = ['vendor', 'jurisdiction', 'category', 'measure', 'year'] as const;

/** One facet name of the search page. */
export type Facet = (typeof FACETS)[number];

/**
 * The facets the home page's timeline filtered by when it held every entry (`/?vendor=hikvision`):
 * such addresses now go to the search page, which takes the same parameters.
 */
export const FILTER_KEYS = ['vendor', 'jurisdiction', 'category', 'year'] as const satisfies readonly Facet[];

/** The orders search results can be listed in. */
const SORTS = ['relevance', 'newest', 'oldest'] as const;

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
  /**
   * The words searched exactly as typed (`verbatim=1`): no correction of misspelt words and no
   * search for fewer words when every word together finds nothing.
   */
  verbatim: boolean;
}

const toParams = (search: string | URLSearchParams) => (typeof search === 'string' ? new URLSearchParams(search) : search);

/** Writes parameters as a query string with its `?`, or `''` when there are none. */
const toQuery = (params: URLSearchParams) => {
  const text = params.toString();
  return text ? `?${text}` : '';
};

/** The values of a facet, repeated (`vendor=a&vendor=b`) or comma-separated (`vendor=a,b`), trimmed, without blanks and repeats. */
const listOf = (params: URLSearchParams, key: string) => unique(params.getAll(key).flatMap((v) => v.split(',')));

const unique = (values: readonly string[]) => [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];

/** A state with nothing chosen. */
export function emptyState(): SearchState {
  return { q: '', filters: { vendor: [], jurisdiction: [], category: [], measure: [], year: [] }, sort: 'relevance', verbatim: false };
}

/**
 * Reads the search state from a query string. Facets may repeat (`vendor=a&vendor=b`) or be
 * comma-separated (`vendor=a,b`); unknown sorts fall back to relevance.
 * @example parseSearchState('?q=dahua&year=2019&sort=newest').filters.year // ['2019']
 */
export function parseSearchState(search: string | URLSearchParams): SearchState {
  const params = toParams(search);
  const state = emptyState();
  state.q = (params.get('q') ?? '').replace(/\s+/g, ' ').trim();
  for (const facet of FACETS) state.filters[facet] = listOf(params, facet);
  const sort = params.get('sort');
  state.sort = (SORTS as readonly string[]).includes(sort ?? '') ? (sort as Sort) : 'relevance';
  state.verbatim = state.q !== '' && params.get('verbatim') === '1';
  return state;
}

/**
 * Writes the search state as a query string (with its `?`, or `''` for the empty state), in a
 * fixed order and without defaults, so that one view has one URL.
 * @example serialiseSearchState({ q: 'Hik Vision', filters: { vendor: [], jurisdiction: ['uk'], category: [], measure: [], year: [] }, sort: 'newest', verbatim: false }) // '?q=Hik+Vision&jurisdiction=uk&sort=newest'
 */
export function serialiseSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim() !== '') params.set('q', state.q.trim());
  for (const facet of FACETS) for (const value of unique(state.filters[facet])) params.append(facet, value);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  if (state.verbatim && state.q.trim() !== '') params.set('verbatim', '1');
  return toQuery(params);
}

/** Whether two search states show the same view. */
export function sameState(a: SearchState, b: SearchState): boolean {
  return serialiseSearchState(a) === serialiseSearchState(b);
}

/** Whether any facet value of the search page is selected. */
export function hasFilters(state: SearchState): boolean {
  return FACETS.some((f) => state.filters[f].length > 0);
}
