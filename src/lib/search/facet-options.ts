/**
 * Which values a long facet of the search page shows. A facet of a few values shows them all; one
 * of many (the measures of a large record run to hundreds) shows the values the reader chose and,
 * up to `limit` in all, those with the most results for the current view, in the facet's own
 * order, with a button for the rest. So the page stays within Lighthouse's budget of 1,400
 * elements at any size of record, and what is shown first is what narrows the results most.
 */

/** Values a long facet shows before "Show all". */
export const FACET_SHOWN = 12;

/**
 * The options to show, in the order of `all`: every one when there are at most `limit`; else the
 * chosen ones and the ones with the most results (`counts`, by value) up to `limit` in all, values
 * without results left out; before any counts are known, the first `limit` and the chosen ones.
 * @example shownOptions([{ value: 'a' }, { value: 'b' }, { value: 'c' }], { a: 1, b: 0, c: 5 }, [], 1) // [{ value: 'c' }]
 */
export function shownOptions<T extends { value: string }>(all: readonly T[], counts: Readonly<Record<string, number>> | undefined, chosen: readonly string[], limit: number): T[] {
  if (all.length <= limit) return [...all];
  const picked = new Set(chosen.filter((value) => all.some((o) => o.value === value)));
  const count = (value: string) => counts?.[value] ?? 0;
  // Array.prototype.sort is stable: equal counts keep the facet's order.
  const candidates = counts === undefined ? [...all] : all.filter((o) => count(o.value) > 0).sort((a, b) => count(b.value) - count(a.value));
  for (const option of candidates) {
    if (picked.size >= limit) break;
    picked.add(option.value);
  }
  return all.filter((o) => picked.has(o.value));
}
