/**
 * The search page's pure logic: the URL state (`q`, facets, sort) read and written, queries
 * normalised to what the index holds (vendor aliases, dates in the forms people type), and the
 * options handed to Pagefind. Nothing here touches the DOM or Pagefind itself, so it is unit-tested
 * directly and shared by the page script, the entry metadata and the browser tests.
 */
import { formatDate, parseDateQuery, precisionOf, searchableDateForms } from './dates.ts';

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
  /** The title (Pagefind fills it from the `h1`, whose words already weigh 7 in the text, so this stays low). */
  title: 3,
  /** Names an entry concerns: vendors with their aliases and Chinese names, bodies, jurisdictions. */
  names: 3,
  /** The entry's own dates in every written form. */
  dates: 8,
  /** Abbreviations and document numbers (an entry's `aliases`), which name the event exactly. */
  aliases: 10,
  /** Words of the synonym table that mean what the entry's title says in other words. */
  synonyms: 6,
  /** A vendor page's own names: a query equal to a vendor's name puts its page first. */
  vendorname: 30,
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
 * What to send to Pagefind for the words the reader typed: a vendor written apart or with a hyphen
 * ("Hik Vision", "hik-vision") becomes its one-word name; everything else passes through with its
 * spacing tidied. (A query that is wholly a date is planned by {@link planQuery} instead.)
 * @example normaliseQuery('Hik Vision cameras', [{ name: 'Hikvision', aliases: ['Hik Vision'] }]) // 'Hikvision cameras'
 */
export function normaliseQuery(query: string, names: readonly NameAliases[]): string {
  let q = query.replace(/\s+/g, ' ').trim();
  if (q === '') return '';
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

/** How one reading of a date query is searched. */
export interface DateReading {
  /** The ISO date read from the query. */
  iso: string;
  /**
   * Finds the entries of that date: the ISO form's digits (`20221124`), the one word Pagefind makes
   * of the ISO form that only the entries' date metadata holds. Written with its hyphens, the query
   * would also match its parts (`2021`, `03`) when no entry has that day.
   */
  own: string;
  /** For a year, whose digits also stand in text, the entries of that date are the year's filter. */
  ownYear?: string;
  /**
   * Finds every page that mentions the date: its written words ("24 November 2022"). The entries
   * of that date match too, since their date metadata holds the same words.
   */
  mention: string;
}

/** What the search page sends to Pagefind for a query. */
export type QueryPlan =
  /** No words: the facets alone choose the entries. */
  | { kind: 'none' }
  /** Words, searched as one Pagefind query. */
  | { kind: 'words'; term: string }
  /** A date: the entries of that date first, then every other page that mentions it, by date. */
  | { kind: 'date'; readings: DateReading[] };

/**
 * Plans the search for what the reader typed. A query that is wholly a date, in any form
 * {@link parseDateQuery} reads, is searched as a date (both readings of an ambiguous numeric
 * date); anything else as words.
 * @example planQuery('24/11/2022', []) // { kind: 'date', readings: [{ iso: '2022-11-24', own: '20221124', mention: '24 November 2022' }] }
 * @example planQuery('Hik Vision', [{ name: 'Hikvision', aliases: ['Hik Vision'] }]) // { kind: 'words', term: 'Hikvision' }
 */
export function planQuery(query: string, names: readonly NameAliases[]): QueryPlan {
  const readings = parseDateQuery(query);
  if (readings.length > 0) {
    return {
      kind: 'date',
      readings: readings.map((iso) => ({ iso, own: iso.replace(/-/g, ''), ...(precisionOf(iso) === 'year' ? { ownYear: iso } : {}), mention: formatDate(iso) })),
    };
  }
  const term = normaliseQuery(query, names);
  return term === '' ? { kind: 'none' } : { kind: 'words', term };
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
 * The date forms an entry is found by: the indexed forms of each of its dates, de-duplicated.
 * @example entryDateTerms(['2021-03']) // ['March 2021', 'Mar', '2021-03']
 */
export function entryDateTerms(dates: readonly string[]): string[] {
  return [...new Set(dates.flatMap((d) => searchableDateForms(d)))];
}

/**
 * A company's names without those that add a place to it ("Hikvision UK", "Hikvision Canada"):
 * the subsidiaries' names find the company's own page, but on an entry they would make every
 * entry about the company match "UK" or "Canada", whatever country the entry concerns.
 * @example withoutPlaceNames(['Hik Vision', 'Hikvision UK'], ['UK', 'United Kingdom']) // ['Hik Vision']
 */
export function withoutPlaceNames(names: readonly string[], places: readonly string[]): string[] {
  const padded = places.map((p) => ` ${p.toLowerCase()} `);
  return names.filter((name) => !padded.some((place) => ` ${name.toLowerCase()} `.includes(place)));
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

/** A document number: a short name and a number, apart or run together ("EO 14032", "HCWS386", "FCC 22-84"). */
const DOCUMENT_NUMBER = /^(\p{L}+) ?(\p{N}[\p{N}-]*)$/u;

/**
 * The searchable form of a record's aliases (an entry's, or any other record's abbreviations and
 * document numbers): each alias, and a document number also in its other spelling, run together or
 * apart ("EO 14032" and "EO14032", "HCWS386" and "HCWS 386"), since Pagefind reads the two as
 * different words. Duplicates, in any case, are left out.
 * @example aliasTerms(['NDAA', 'EO 14032', 'HCWS386']) // 'NDAA EO 14032 EO14032 HCWS386 HCWS 386'
 */
export function aliasTerms(aliases: readonly string[]): string {
  const forms = aliases.flatMap((alias) => {
    const a = alias.replace(/\s+/g, ' ').trim();
    const number = DOCUMENT_NUMBER.exec(a);
    return number ? [a, `${number[1]}${number[2]}`, `${number[1]} ${number[2]}`] : [a];
  });
  const seen = new Set<string>();
  return forms.filter((f) => f !== '' && !seen.has(f.toLowerCase()) && seen.add(f.toLowerCase())).join(' ');
}

/** Endings a word of a synonym may take in a text: "ban" is used by "bans", "banned", "banning". */
const ENDINGS = ['', 's', 'es', 'ed', 'd', 'ing', 'ion', 'ions', 'al', 'ment', 'ments'];

/** Whether a word of a text is a form of a word of a synonym term. */
function isFormOf(word: string, stem: string): boolean {
  if (word === stem) return true;
  // "remove" → "removal", "removing": a final e drops before an ending.
  const bases = stem.endsWith('e') ? [stem, stem.slice(0, -1)] : [stem, `${stem}${stem.at(-1)}`];
  return bases.some((base) => word.startsWith(base) && ENDINGS.includes(word.slice(base.length)));
}

const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) ?? [];

/**
 * The synonyms a record is also found by: for every group of which its text (an entry's title,
 * summary and aliases) uses a term, in any of its usual forms, the group's other terms. So an
 * entry that says "stop deploying" is found by "ban", and one that says "Uighur" by "Uyghur".
 * @example synonymTerms(['UK tells departments to stop deploying cameras'], [{ terms: ['ban', 'restrict', 'stop deploying'] }]) // 'ban restrict'
 */
export function synonymTerms(texts: readonly string[], groups: readonly { terms: readonly string[] }[]): string {
  const words = texts.flatMap(wordsOf);
  const uses = (term: string) => {
    const parts = wordsOf(term);
    return parts.length > 0 && words.some((_, i) => parts.every((p, j) => words[i + j] !== undefined && isFormOf(words[i + j]!, p)));
  };
  const out = new Set<string>();
  for (const { terms } of groups) {
    const used = terms.filter(uses);
    if (used.length === 0) continue;
    for (const term of terms) if (!used.includes(term)) out.add(term);
  }
  return [...out].join(' ');
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
