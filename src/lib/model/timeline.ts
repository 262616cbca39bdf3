/**
 * Ordering, grouping and neighbours of timeline entries. Works on any object with an `id` and
 * an ISO `date` of any precision.
 */
import { compareDates, parsePartialDate } from './dates.ts';

/** The least an item needs to be placed on the timeline. */
export interface Dated {
  id: string;
  date: string;
}

/**
 * Sorts oldest first; ties (same date) are broken by id so the order never depends on file order.
 * @example sortChronologically([{id:'b',date:'2022'},{id:'a',date:'2021-03'}]).map(e => e.id) // ['a','b']
 */
export function sortChronologically<T extends Dated>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => compareDates(a.date, b.date) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Items of one year, in the order given. */
export interface YearGroup<T> {
  year: number;
  items: T[];
}

/**
 * Groups chronologically sorted items by year, keeping their order.
 * @example groupByYear([{id:'a',date:'2021-03'}]) // [{ year: 2021, items: [...] }]
 */
export function groupByYear<T extends Dated>(items: readonly T[]): YearGroup<T>[] {
  const groups: YearGroup<T>[] = [];
  for (const item of items) {
    const { year } = parsePartialDate(item.date);
    const last = groups.at(-1);
    if (last && last.year === year) last.items.push(item);
    else groups.push({ year, items: [item] });
  }
  return groups;
}

/** The entries before and after one entry in time. */
export interface Neighbours<T> {
  previous: T | undefined;
  next: T | undefined;
}

// Each list's positions by id, found once: every entry page asks for its neighbours in the same list.
const positions = new WeakMap<readonly Dated[], Map<string, number>>();

/**
 * The chronological neighbours of the item with `id` in an already sorted list (which must not
 * change after the first call: its positions are kept).
 */
export function neighboursOf<T extends Dated>(sorted: readonly T[], id: string): Neighbours<T> {
  let byId = positions.get(sorted);
  if (!byId) {
    byId = new Map();
    for (const [i, item] of sorted.entries()) if (!byId.has(item.id)) byId.set(item.id, i);
    positions.set(sorted, byId);
  }
  const index = byId.get(id);
  if (index === undefined) return { previous: undefined, next: undefined };
  return { previous: sorted[index - 1], next: sorted[index + 1] };
}

/**
 * Counts items per key, for facets: every key produced by `keysOf` counts once per item.
 * @example countBy([{v:['a','b']},{v:['a']}], (x) => x.v) // Map { 'a' => 2, 'b' => 1 }
 */
export function countBy<T>(items: readonly T[], keysOf: (item: T) => readonly (string | number)[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) for (const key of new Set(keysOf(item).map(String))) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}
