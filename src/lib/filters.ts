/**
 * Timeline filter state: which vendor, jurisdiction, category and year are selected, kept in
 * the URL as `?vendor=hikvision&year=2022` so a filtered view can be shared and restored.
 * Shared by the build (browse pages) and the small client script on the timeline.
 */

/** The filterable facets, in the order they appear in the URL and the form. */
export const FILTER_KEYS = ['vendor', 'jurisdiction', 'category', 'year'] as const;

/** One facet name. */
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The selected value of each facet; a missing key means "any". */
export type FilterState = Partial<Record<FilterKey, string>>;

/** What a timeline item exposes for filtering. */
export interface Filterable {
  vendors: readonly string[];
  jurisdictions: readonly string[];
  category: string;
  year: string;
}

const VALUE = /^[a-z0-9-]{1,64}$/;

/**
 * Reads the filter state from a query string, ignoring unknown keys and malformed values.
 * @example parseFilterState('?vendor=hikvision&year=2022') // { vendor: 'hikvision', year: '2022' }
 */
export function parseFilterState(search: string): FilterState {
  const params = new URLSearchParams(search);
  const state: FilterState = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value !== null && VALUE.test(value)) state[key] = value;
  }
  return state;
}

/**
 * Writes the filter state as a query string in a fixed key order ('' when nothing is selected).
 * @example serialiseFilterState({ year: '2022', vendor: 'hikvision' }) // '?vendor=hikvision&year=2022'
 */
export function serialiseFilterState(state: FilterState): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = state[key];
    if (value) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * Whether an item matches every selected facet.
 * @example matchesFilters({ vendors: ['dahua'], jurisdictions: ['us'], category: 'report', year: '2020' }, { vendor: 'dahua' }) // true
 */
export function matchesFilters(item: Filterable, state: FilterState): boolean {
  if (state.vendor && !item.vendors.includes(state.vendor)) return false;
  if (state.jurisdiction && !item.jurisdictions.includes(state.jurisdiction)) return false;
  if (state.category && item.category !== state.category) return false;
  if (state.year && item.year !== state.year) return false;
  return true;
}
