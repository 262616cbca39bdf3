/**
 * The options every page hands to Pagefind's JavaScript API: the ranking and the weights of the
 * hidden metadata fields. A module of its own because the header of every page preloads Pagefind
 * with them, and its script should carry nothing else of the search.
 */

/**
 * Metadata fields that are indexed for search but never shown, and how much a match in each counts
 * (Pagefind's `ranking.metaWeights`). Body text weighs 1; a title heading weighs about 7.
 */
export const META_WEIGHTS = {
  /** The title (Pagefind fills it from the `h1`, whose words already weigh 7 in the text, so this stays low). */
  title: 3,
  /** Names an entry concerns: vendors with their aliases and Chinese names, bodies, jurisdictions. */
  names: 3,
  /** The entry's own dates in every written form. */
  dates: 8,
  /** Abbreviations and document numbers (an entry's `aliases`), which name the event exactly. */
  aliases: 10,
  /**
   * Document references (Federal Register citations, dockets, orders, public laws) in the titles and
   * notes of the sources a page cites: the sources block itself is not indexed.
   */
  references: 8,
  /** Words of the synonym table that mean what the entry's title says in other words. */
  synonyms: 6,
  /** A vendor page's own names: a query equal to a vendor's name puts its page first. */
  vendorname: 30,
  /** A jurisdiction page's own names: a query equal to a jurisdiction's name puts its page first. */
  jurisdictionname: 30,
  /** A measure page's names and aliases ("FCC 22-84", "HCWS386"): a query equal to one puts its page first. */
  measurename: 30,
} as const;

/**
 * How much a long page is marked down for its length (Pagefind's `ranking.pageLength`, 0–1, by
 * default 0.75). Entries are all short, and the one that is the event a reader names is usually the
 * longest about it (its text, its clarifications), so length counts for nothing here. Chosen
 * against the labelled queries of `test/search-queries.yaml`.
 */
export const PAGE_LENGTH = 0;

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
  ranking: { pageLength: number; metaWeights: Record<string, number> };
}

/**
 * The options passed to `pagefind.options()` by the search page, the header's preload and the
 * index tests.
 * @example pagefindOptions('/').noWorker // true
 */
export function pagefindOptions(baseUrl: string): PagefindOptions {
  return { baseUrl, excerptLength: 24, noWorker: true, ranking: { pageLength: PAGE_LENGTH, metaWeights: { ...META_WEIGHTS } } };
}
