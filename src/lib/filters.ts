/**
 * Timeline filter state: which vendors, jurisdictions, categories and years are selected, kept in
 * the URL as `?vendor=hikvision&vendor=dahua&year=2022` so a filtered view can be shared and
 * restored. Values of one facet widen the view (any of them); facets narrow it (all of them).
 * Counts are worked out against the other facets' choices, so a value that would show nothing
 * can be shown as such before the reader picks it. Shared by the build and the client script.
 */

/** The filterable facets, in the order they appear in the URL and the form. */
export const FILTER_KEYS = ['vendor', 'jurisdiction', 'category', 'year'] as const;

/** One facet name. */
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The selected values of each facet; a missing or empty list means "any". */
export type FilterState = Partial<Record<FilterKey, string[]>>;

/** What a timeline item exposes for filtering. */
export interface Filterable {
  vendors: readonly string[];
  jurisdictions: readonly string[];
  category: string;
  year: string;
}

const VALUE = /^[a-z0-9-]{1,64}$/;

/** The values an item has for a facet. */
function valuesOf(item: Filterable, key: FilterKey): readonly string[] {
  switch (key) {
    case 'vendor':
      return item.vendors;
    case 'jurisdiction':
      return item.jurisdictions;
    case 'category':
      return [item.category];
    case 'year':
      return [item.year];
  }
}

/**
 * Reads the filter state from a query string, ignoring unknown keys, malformed values and repeats.
 * @example parseFilterState('?vendor=hikvision&vendor=dahua&year=2022') // { vendor: ['hikvision', 'dahua'], year: ['2022'] }
 */
export function parseFilterState(search: string): FilterState {
  const params = new URLSearchParams(search);
  const state: FilterState = {};
  for (const key of FILTER_KEYS) {
    const values = [...new Set(params.getAll(key).filter((v) => VALUE.test(v)))];
    if (values.length > 0) state[key] = values;
  }
  return state;
}

/**
 * Writes the filter state as a query string in a fixed key order, values sorted within a key
 * ('' when nothing is selected), so one view has one URL.
 * @example serialiseFilterState({ year: ['2022'], vendor: ['hikvision', 'dahua'] }) // '?vendor=dahua&vendor=hikvision&year=2022'
 */
export function serialiseFilterState(state: FilterState): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) for (const value of [...new Set(state[key] ?? [])].sort()) params.append(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * Whether an item matches: for every facet with a choice, it has at least one of the chosen values.
 * @example matchesFilters({ vendors: ['dahua'], jurisdictions: ['us'], category: 'report', year: '2020' }, { vendor: ['dahua', 'hikvision'] }) // true
 */
export function matchesFilters(item: Filterable, state: FilterState, except?: FilterKey): boolean {
  for (const key of FILTER_KEYS) {
    if (key === except) continue;
    const chosen = state[key];
    if (!chosen || chosen.length === 0) continue;
    const values = valuesOf(item, key);
    if (!chosen.some((v) => values.includes(v))) return false;
  }
  return true;
}

/**
 * For each facet, how many items each value would show if it were chosen along with the other
 * facets' current choices (the facet's own choices left aside, as its values widen the view).
 * A value missing from the map would show nothing.
 * @example facetCounts(items, { year: ['2019'] }).get('vendor')?.get('dahua') // entries of 2019 about Dahua
 */
export function facetCounts(items: readonly Filterable[], state: FilterState): Map<FilterKey, Map<string, number>> {
  const counts = new Map<FilterKey, Map<string, number>>(FILTER_KEYS.map((k) => [k, new Map<string, number>()]));
  for (const item of items) {
    for (const key of FILTER_KEYS) {
      if (!matchesFilters(item, state, key)) continue;
      const map = counts.get(key)!;
      for (const value of new Set(valuesOf(item, key))) map.set(value, (map.get(value) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * Whether any facet has a choice.
 * @example hasChoices({ vendor: [] }) // false
 */
export function hasChoices(state: FilterState): boolean {
  return FILTER_KEYS.some((k) => (state[k]?.length ?? 0) > 0);
}
