/**
 * Browse pages in pages: a vendor, jurisdiction, category, body or year with more entries than
 * fit on one page (about 21 elements an entry card, against Lighthouse's budget of 1,400 a page)
 * lists them over several, oldest first, so that a page's weight does not grow with the record and
 * the earlier pages stay as they are while entries are added.
 */

/** One page of a list. */
export interface Page<T> {
  /** 1 for the first page. */
  number: number;
  /** How many pages the list has. */
  count: number;
  /** The items on this page. */
  items: T[];
  /** The position in the whole list (1-based) of this page's first item. */
  first: number;
}

/**
 * The pages of a list of `size` items each, in order; a list of no items is one empty page.
 * @example paginate([1, 2, 3, 4, 5], 2).map((p) => p.items) // [[1, 2], [3, 4], [5]]
 */
export function paginate<T>(items: readonly T[], size: number): Page<T>[] {
  const count = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: count }, (_, i) => ({ number: i + 1, count, items: items.slice(i * size, (i + 1) * size), first: i * size + 1 }));
}

/**
 * The address of page `n` of a browse page at `path`: the page itself for the first, `page/<n>/` below it for the others.
 * @example pagePath('/vendors/hikvision/', 2) // '/vendors/hikvision/page/2/'
 */
export function pagePath(path: string, n: number): string {
  return n === 1 ? path : `${path}page/${n}/`;
}

/** Past this many pages a pager links the first and last pages and those near the current one. */
export const PAGER_ALL_UP_TO = 15;

/**
 * The page numbers a pager links, in order, with `null` where it skips a run: every page while
 * there are at most {@link PAGER_ALL_UP_TO}; else the first two, the last two, and three either
 * side of the current one, so that a pager of hundreds of pages stays a few dozen elements.
 * @example pagerNumbers(10, 40) // [1, 2, null, 7, 8, 9, 10, 11, 12, 13, null, 39, 40]
 */
export function pagerNumbers(number: number, count: number): (number | null)[] {
  if (count <= PAGER_ALL_UP_TO) return Array.from({ length: count }, (_, i) => i + 1);
  const shown = new Set([1, 2, count - 1, count]);
  for (let n = number - 3; n <= number + 3; n += 1) if (n >= 1 && n <= count) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  return sorted.flatMap((n, i) => (i > 0 && n - sorted[i - 1]! > 1 ? [null, n] : [n]));
}
