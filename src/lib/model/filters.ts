/**
 * The timeline filter's matching: which entries a choice of vendors, jurisdictions, categories
 * and years shows (the choice itself, kept in the URL, is read and written by `url-state.ts`).
 * Values of one facet widen the view (any of them); facets narrow it (all of them). Counts are
 * worked out against the other facets' choices, so a value that would show nothing can be shown
 * as such before the reader picks it. Shared by the build and the client script.
 */
import { FILTER_KEYS, type FilterKey, type FilterState } from '../search/url-state.ts';

/** What a timeline item exposes for filtering. */
export interface Filterable {
  vendors: readonly string[];
  jurisdictions: readonly string[];
  category: string;
  year: string;
}

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
