/**
 * Runs one view of the search page through Pagefind: the results in the order shown and the facet
 * counts. Words go to Pagefind as one query, ranked by relevance or sorted by date. A date query
 * lists the entries of that date first and then every other page that mentions the date, each
 * group in date order, since for a date "most relevant" means "on that day". Pagefind is passed in
 * (anything with its `search()`), so the page, the tests and the benchmark run the same code.
 */
import { DATED, NAMED_FILTER, STANDING_FILTER, nameKey, planQuery, toPagefindFilters, toPagefindSort, type DateReading, type NameAliases, type PagefindFilters } from './search.ts';
import { meaningfulWords } from './meaningful-words.ts';
import { suggestQuery } from './suggest.ts';
import { FACETS, type SearchState } from './url-state.ts';

/** Facet value counts, as Pagefind reports them: `{ vendor: { hikvision: 4 } }`. */
export type Counts = Record<string, Record<string, number>>;

/** What this module needs of a Pagefind result: its id, and its data (for the date metadata). */
export interface ResultLike {
  id: string;
  data(): Promise<{ meta: Record<string, string | undefined> }>;
}

/** What this module needs of Pagefind's JavaScript API. */
export interface PagefindLike<R extends ResultLike> {
  search(term: string | null, options?: { filters?: PagefindFilters; sort?: Record<string, 'asc' | 'desc'> }): Promise<{ results: R[]; filters: Counts } | null>;
}

/** The results of one view in the order shown, and the facet counts beside them. */
export interface SearchOutcome<R> {
  results: R[];
  counts: Counts;
}

/** Thrown away by the caller: Pagefind gave no answer (a newer search replaced this one). */
class Superseded extends Error {}

async function ask<R extends ResultLike>(pagefind: PagefindLike<R>, term: string | null, options: Parameters<PagefindLike<R>['search']>[1]) {
  const response = await pagefind.search(term, options);
  if (!response) throw new Superseded();
  return response;
}

/** Adds (or, with `sign` -1, takes away) one set of counts to another. */
function addCounts(into: Counts, from: Counts, sign = 1): Counts {
  for (const [facet, values] of Object.entries(from)) {
    const target = (into[facet] ??= {});
    for (const [value, n] of Object.entries(values)) target[value] = (target[value] ?? 0) + sign * n;
  }
  return into;
}

/**
 * The facet counts of the pages that match any of `terms` (at most two: the readings of an
 * ambiguous date). Pagefind's words must all match, so the pages matching both are those of the
 * two terms joined, and the union is counted as the two sets less their overlap.
 */
async function unionCounts<R extends ResultLike>(pagefind: PagefindLike<R>, terms: string[], filters: PagefindFilters): Promise<Counts> {
  const sets = await Promise.all(terms.map(async (t) => (await ask(pagefind, t, { filters })).filters));
  const counts = sets.reduce((sum, c) => addCounts(sum, c), {} as Counts);
  if (terms.length === 2) addCounts(counts, (await ask(pagefind, terms.join(' '), { filters })).filters, -1);
  return counts;
}

/** Every entry's place in date order, read once per Pagefind instance (a search of no words, sorted). */
const dateOrders = new WeakMap<object, Promise<Map<string, number>>>();

function dateOrder<R extends ResultLike>(pagefind: PagefindLike<R>): Promise<Map<string, number>> {
  let order = dateOrders.get(pagefind);
  if (!order) {
    order = ask(pagefind, null, { sort: { date: 'asc' } }).then((all) => new Map(all.results.map((r, i) => [r.id, i])));
    order.catch(() => dateOrders.delete(pagefind));
    dateOrders.set(pagefind, order);
  }
  return order;
}

/** The state's filters with the year facet narrowed to one year, or `undefined` when the state excludes that year. */
function withYear(filters: PagefindFilters, year: string): PagefindFilters | undefined {
  const chosen = filters.year?.any;
  if (chosen && !chosen.includes(year)) return undefined;
  return { ...filters, year: { any: [year] } };
}

/**
 * The entries of one reading's date. When no page holds the date's digits, Pagefind answers with
 * pages of similar words instead (for 6 March 2021, the other days of March 2021), and it does so
 * only then; so if the first page found does not carry the date, none does. That page is the first
 * result shown when it does, so the check costs nothing then. A year is its own filter instead.
 */
async function entriesOf<R extends ResultLike>(pagefind: PagefindLike<R>, reading: DateReading, filters: PagefindFilters): Promise<R[]> {
  if (reading.ownYear !== undefined) {
    const scoped = withYear(filters, reading.ownYear);
    return scoped === undefined ? [] : (await ask(pagefind, reading.own, { filters: scoped })).results;
  }
  const { results } = await ask(pagefind, reading.own, { filters });
  const first = results[0];
  if (!first) return [];
  const dates = (await first.data()).meta['dates'] ?? '';
  return dates.includes(reading.iso) ? results : [];
}

async function searchDate<R extends ResultLike>(pagefind: PagefindLike<R>, readings: DateReading[], state: SearchState): Promise<SearchOutcome<R>> {
  const filters = toPagefindFilters(state);
  const order = await dateOrder(pagefind);
  // One search after another, in a fixed order: each loads the index chunks of its words, and what
  // a search finds must not depend on which of the others' chunks happen to have arrived.
  const own: R[][] = [];
  const mentions: R[][] = [];
  for (const reading of readings) {
    own.push(await entriesOf(pagefind, reading, filters));
    mentions.push((await ask(pagefind, reading.mention, { filters })).results);
  }
  // Pages without a date (vendor pages) come last; newest-first turns both groups round.
  const direction = state.sort === 'newest' ? -1 : 1;
  const rank = (r: R) => (order.has(r.id) ? order.get(r.id)! * direction : Number.MAX_SAFE_INTEGER);
  const byDate = (list: R[]) => list.sort((a, b) => rank(a) - rank(b));
  const seen = new Set<string>();
  const fresh = (list: R[]) => list.filter((r) => !seen.has(r.id) && seen.add(r.id));
  const first = byDate(fresh(own.flat()));
  const rest = byDate(fresh(mentions.flat()));
  // The entries of a date also mention it (their date metadata holds its words), so the pages
  // that mention a reading are all the results, and their counts are the view's counts.
  const terms = readings.map((r) => r.mention);
  const counts = await unionCounts(pagefind, terms, filters);
  for (const facet of FACETS) {
    if (state.filters[facet].length === 0) continue;
    counts[facet] = (await unionCounts(pagefind, terms, toPagefindFilters(state, facet)))[facet] ?? {};
  }
  return { results: [...first, ...rest], counts };
}

/**
 * The results with every measure that still counts ahead of every ended one (revoked, superseded,
 * dropped, lapsed) that the same words find, each group in Pagefind's order; entries and other
 * pages keep their places. An ended measure can hold more of a query's words (its history is
 * longer) and would otherwise lead. Costs one more search of the same words (no index to fetch),
 * two when an ended measure is among the results.
 */
async function currentMeasuresFirst<R extends ResultLike>(pagefind: PagefindLike<R>, term: string, filters: PagefindFilters, results: R[]): Promise<R[]> {
  const standing = async (value: string) => new Set((await ask(pagefind, term, { filters: { ...filters, [STANDING_FILTER]: { any: [value] } } })).results.map((r) => r.id));
  const ended = await standing('ended');
  if (ended.size === 0) return results;
  const current = await standing('current');
  const slots = results.flatMap((r, i) => (ended.has(r.id) || current.has(r.id) ? [i] : []));
  const measures = slots.map((i) => results[i]!);
  const ordered = [...measures.filter((r) => current.has(r.id)), ...measures.filter((r) => ended.has(r.id))];
  const out = [...results];
  slots.forEach((slot, k) => (out[slot] = ordered[k]!));
  return out;
}

/**
 * The results with the pages that the query names (a vendor, jurisdiction or measure whose name,
 * short name or alias is the query) first, in Pagefind's order, the rest after them in theirs. A
 * measure that mentions a vendor or a country in every line would otherwise outrank the page of
 * that vendor or country. Costs one more search of the same words (no index to fetch).
 */
async function namedFirst<R extends ResultLike>(pagefind: PagefindLike<R>, term: string, names: string[], filters: PagefindFilters, results: R[]): Promise<R[]> {
  const named = await ask(pagefind, term, { filters: { ...filters, [NAMED_FILTER]: { any: [...new Set(names.map(nameKey))] } } });
  if (named.results.length === 0) return results;
  const first = new Set(named.results.map((r) => r.id));
  return [...results.filter((r) => first.has(r.id)), ...results.filter((r) => !first.has(r.id))];
}

/** How to run one view. */
export interface SearchOptions {
  /**
   * Whether the counts are wanted (by default they are). The search page's first search shows its
   * results before Pagefind has loaded the facets' filter data and counts afterwards; with `false`
   * it asks for no filter data the results do not need, so the results do not wait for any.
   */
  count?: boolean;
}

/**
 * The results and facet counts of one view of the search page. With no words the filtered entries
 * are listed newest first (relevance means nothing without words); each chosen facet is counted as
 * if it were open, since its values are alternatives. Returns `undefined` if Pagefind dropped the
 * search for a newer one.
 */
export async function runSearch<R extends ResultLike>(pagefind: PagefindLike<R>, state: SearchState, names: readonly NameAliases[], options: SearchOptions = {}): Promise<SearchOutcome<R> | undefined> {
  try {
    const plan = planQuery(state.q, names);
    if (plan.kind === 'date') return await searchDate(pagefind, plan.readings, state);
    const term = plan.kind === 'words' ? plan.term : null;
    const sort = toPagefindSort(term === null && state.sort === 'relevance' ? 'newest' : state.sort);
    // Sorted by date, the list holds dated pages only, so its counts count those alone. Not when the
    // counts are not wanted: the dated filter's data would hold up the results (see SearchOptions).
    const only = sort && options.count !== false ? DATED : {};
    const main = await ask(pagefind, term, { filters: { ...toPagefindFilters(state), ...only }, ...(sort ? { sort } : {}) });
    const counts: Counts = { ...main.filters };
    for (const facet of FACETS) {
      if (state.filters[facet].length === 0) continue;
      counts[facet] = (await ask(pagefind, term, { filters: { ...toPagefindFilters(state, facet), ...only } })).filters[facet] ?? {};
    }
    let results = main.results;
    if (term !== null && sort === undefined) {
      results = await currentMeasuresFirst(pagefind, term, toPagefindFilters(state), results);
      results = await namedFirst(pagefind, term, [state.q, term], toPagefindFilters(state), results);
    }
    return { results, counts };
  } catch (error) {
    if (error instanceof Superseded) return undefined;
    throw error;
  }
}

/**
 * The facet counts of the search page before any search: those of the dated pages, which a facet
 * ticked then lists (with no words, newest first). Undefined if Pagefind dropped the search.
 */
export async function idleCounts<R extends ResultLike>(pagefind: PagefindLike<R>): Promise<Counts | undefined> {
  try {
    return { ...(await ask(pagefind, null, { filters: DATED })).filters };
  } catch (error) {
    if (error instanceof Superseded) return undefined;
    throw error;
  }
}

/** Why the results shown are those of other words than the reader typed. */
export type InsteadReason = 'spelling' | 'fewer-words';

/** One view of the search page: its results and counts, and how they relate to the words typed. */
export interface Answer<R> extends SearchOutcome<R> {
  /**
   * The words whose results are shown instead of the words typed: the typed words with the ones
   * the site does not use corrected, or, when every word together found nothing, their meaningful
   * words alone.
   */
  instead?: { q: string; reason: InsteadReason };
}

/**
 * The view the search page shows for a state. Unless the reader asked for the words as typed
 * (`verbatim`): when a word of the query is one the site never uses and the query spelt with the
 * site's closest words finds anything, its results, said to be those (Pagefind's own answer to a
 * word it lacks is the pages of a shorter word that begins it, or of its stem's other forms, which
 * may or may not be what was meant); when the words found nothing, the results of their meaningful
 * words alone, said so too. Otherwise the query's
 * own results. `vocabulary` gives the site's words that may correct the query's (fetched alongside
 * the search). Everything depends on the state and the static site alone, so one URL always shows
 * one view.
 */
export async function answerSearch<R extends ResultLike>(
  pagefindFor: (query: string) => PagefindLike<R>,
  state: SearchState,
  names: readonly NameAliases[],
  vocabulary: (query: string) => Promise<readonly string[]>,
  options: SearchOptions = {},
): Promise<Answer<R> | undefined> {
  const view = (q: string) => runSearch(pagefindFor(q), { ...state, q }, names, options);
  const plan = planQuery(state.q, names);
  const corrects = plan.kind === 'words' && !state.verbatim;
  const [own, words] = await Promise.all([view(state.q), corrects ? vocabulary(state.q) : []]);
  if (!own || !corrects) return own;
  const corrected = suggestQuery(state.q, words);
  if (corrected !== undefined) {
    const other = await view(corrected);
    if (!other) return undefined;
    if (other.results.length > 0) return { ...other, instead: { q: corrected, reason: 'spelling' } };
  }
  if (own.results.length > 0) return own;
  const tries = [...new Set([corrected, state.q].map((q) => (q === undefined ? undefined : meaningfulWords(q))))].filter((q) => q !== undefined);
  for (const q of tries) {
    const other = await view(q);
    if (!other) return undefined;
    if (other.results.length > 0) return { ...other, instead: { q, reason: 'fewer-words' } };
  }
  return own;
}
