import { describe, expect, test } from 'vitest';
import { answerSearch, idleCounts, runSearch, type Counts, type PagefindLike } from '../../src/lib/search/search-run.ts';
import type { PagefindFilters } from '../../src/lib/search/search.ts';
import { parseSearchState } from '../../src/lib/search/url-state.ts';

/** A page of the fake index: its words (as Pagefind would index them), facet values and date. */
interface Page {
  id: string;
  words: string;
  date?: string;
  facets: Record<string, string>;
}

/** What the fake returns for a page. */
interface FakeResult {
  id: string;
  data(): Promise<{ meta: Record<string, string | undefined> }>;
}

/** The words of the index that a query word matches: those it starts, else the nearest by prefix (as Pagefind does), else none. */
function matchingWords(word: string, known: Set<string>): string[] {
  const starting = [...known].filter((k) => k.startsWith(word));
  if (starting.length > 0) return starting;
  for (let n = word.length - 1; n >= 4; n--) {
    const near = [...known].filter((k) => k.startsWith(word.slice(0, n)));
    if (near.length > 0) return near;
  }
  return [];
}

/**
 * A stand-in for Pagefind with its semantics as the site relies on them: every query word must
 * match (a word the index lacks matches its nearest words, or is dropped when it has none), filters
 * are alternatives within a facet, a sort drops pages without the key but the counts do not, and a
 * search of no words lists every page. Each result's data carries the page's date metadata.
 */
function fakePagefind(pages: Page[]): PagefindLike<FakeResult> {
  const wordsOf = (p: Page) => p.words.toLowerCase().split(/\s+/);
  const known = new Set(pages.flatMap(wordsOf));
  return {
    async search(term, options = {}) {
      const queryWords = (term ?? '').toLowerCase().split(/\s+/).filter((w) => w !== '');
      const alternatives = queryWords.map((w) => matchingWords(w, known)).filter((alts) => alts.length > 0);
      if (term !== null && alternatives.length === 0) return { results: [], filters: {} };
      const filters: PagefindFilters = options.filters ?? {};
      let found = pages.filter(
        (p) => alternatives.every((alts) => wordsOf(p).some((w) => alts.includes(w))) && Object.entries(filters).every(([facet, f]) => f.any.includes(p.facets[facet] ?? '')),
      );
      // Pagefind counts every page that matches, before a sort leaves out the pages without its key.
      const counts: Counts = {};
      for (const p of found) for (const [facet, value] of Object.entries(p.facets)) (counts[facet] ??= {})[value] = (counts[facet]?.[value] ?? 0) + 1;
      if (options.sort) {
        const dir = Object.values(options.sort)[0] === 'desc' ? -1 : 1;
        found = found.filter((p) => p.date !== undefined).sort((a, b) => (a.date! < b.date! ? -dir : dir));
      }
      return { results: found.map((p) => ({ id: p.id, data: async () => ({ meta: { dates: p.date ? `${p.date} ${p.date.slice(0, 7)}` : undefined } }) })), filters: counts };
    },
  };
}

// Date metadata as the entries carry it: the ISO digits and the written forms.
const PAGES: Page[] = [
  { id: 'later-mention', date: '2023-06-07', words: 'timeline 20230607 202306 2023 promised after the 24 november 2022 instruction', facets: { dated: 'yes', jurisdiction: 'uk', year: '2023' } },
  { id: 'uk-instruction', date: '2022-11-24', words: 'uk instruction 20221124 202211 2022 24 november', facets: { dated: 'yes', jurisdiction: 'uk', year: '2022' } },
  { id: 'fcc-order', date: '2022-11-25', words: 'fcc order 20221125 202211 2022 25 november', facets: { dated: 'yes', jurisdiction: 'us', year: '2022' } },
  { id: 'police-survey', date: '2022-11-14', words: 'police survey 20221114 202211 2022 14 november', facets: { dated: 'yes', jurisdiction: 'uk', year: '2022' } },
  { id: 'eo-order', date: '2021-06-03', words: 'executive order 20210603 202106 2021 3 june', facets: { dated: 'yes', jurisdiction: 'us', year: '2021' } },
  { id: 'eu-vote', date: '2021-04', words: 'parliament vote 202104 2021 april 3 4', facets: { dated: 'yes', jurisdiction: 'eu', year: '2021' } },
  { id: 'entity-list', date: '2019-10-07', words: 'entity list 20191007 201910 2019 7 october', facets: { dated: 'yes', jurisdiction: 'us', year: '2019' } },
  { id: 'ndaa', date: '2018-08-13', words: 'ndaa fiscal year 2019 20180813 201808 2018 13 august', facets: { dated: 'yes', jurisdiction: 'us', year: '2018' } },
  { id: 'vendor-page', words: 'hikvision 2019 november 2022 24', facets: {} },
];
const ids = (outcome: { results: { id: string }[] } | undefined) => outcome?.results.map((r) => r.id);

describe('runSearch', () => {
  test('lists the entries of a day first, then the pages that mention it by date, undated pages last', async () => {
    const outcome = await runSearch(fakePagefind(PAGES), parseSearchState('?q=24%2F11%2F2022'), []);
    expect(ids(outcome)).toEqual(['uk-instruction', 'later-mention', 'vendor-page']);
  });

  test('lists the entries of a month in date order before the pages that mention it', async () => {
    const outcome = await runSearch(fakePagefind(PAGES), parseSearchState('?q=November+2022'), []);
    expect(ids(outcome)).toEqual(['police-survey', 'uk-instruction', 'fcc-order', 'later-mention', 'vendor-page']);
  });

  test('finds the entries of a year by its filter, not by the number in a text', async () => {
    const outcome = await runSearch(fakePagefind(PAGES), parseSearchState('?q=2019'), []);
    expect(ids(outcome)).toEqual(['entity-list', 'ndaa', 'vendor-page']);
  });

  test('turns both groups round when newest first is chosen', async () => {
    const outcome = await runSearch(fakePagefind(PAGES), parseSearchState('?q=Nov+2022&sort=newest'), []);
    expect(ids(outcome)).toEqual(['fcc-order', 'uk-instruction', 'police-survey', 'later-mention', 'vendor-page']);
  });

  test('matches both readings of an ambiguous numeric date, never takes a nearby day for a day without entries, and counts each page once', async () => {
    const outcome = await runSearch(fakePagefind(PAGES), parseSearchState('?q=03%2F06%2F2021'), []);
    // 3 June 2021 has an entry. 6 March 2021 has none: the pages of similar digits that the index
    // offers for it are not taken for entries of that date; its words match the vote only by "2021".
    expect(ids(outcome)).toEqual(['eo-order', 'eu-vote']);
    const both = await runSearch(fakePagefind(PAGES), parseSearchState('?q=03%2F04%2F2021'), []);
    // "3 April 2021" and "4 March 2021": the vote mentions 3, 4, April and 2021, so it matches once.
    expect(ids(both)).toEqual(['eu-vote']);
    expect(both?.counts['jurisdiction']).toEqual({ eu: 1 });
  });

  test('applies the facets to a date query and counts a chosen facet as if it were open', async () => {
    const outcome = await runSearch(fakePagefind(PAGES), parseSearchState('?q=November+2022&jurisdiction=uk'), []);
    expect(ids(outcome)).toEqual(['police-survey', 'uk-instruction', 'later-mention']);
    expect(outcome?.counts['jurisdiction']).toEqual({ uk: 3, us: 1 });
    expect(outcome?.counts['year']).toEqual({ '2022': 2, '2023': 1 });
  });

  test('sends words as one query, ranked by Pagefind, and lists facets alone newest first', async () => {
    expect(ids(await runSearch(fakePagefind(PAGES), parseSearchState('?q=executive+order'), []))).toEqual(['eo-order']);
    expect(ids(await runSearch(fakePagefind(PAGES), parseSearchState('?jurisdiction=us&year=2021&year=2022'), []))).toEqual(['fcc-order', 'eo-order']);
  });

  test('ranks every current measure above every ended one that the words find, and leaves other pages where they are', async () => {
    const pages: Page[] = [
      { id: 'revoked', words: 'hikvision ban', facets: { standing: 'ended' } },
      { id: 'entry', words: 'hikvision ban', facets: {} },
      { id: 'superseded', words: 'hikvision ban', facets: { standing: 'ended' } },
      { id: 'in-force', words: 'hikvision ban', facets: { standing: 'current' } },
      { id: 'vendor', words: 'hikvision', facets: {} },
    ];
    expect(ids(await runSearch(fakePagefind(pages), parseSearchState('?q=hikvision'), []))).toEqual(['in-force', 'entry', 'revoked', 'superseded', 'vendor']);
    // Sorted by date, the order is the date's.
    expect(ids(await runSearch(fakePagefind(pages.map((p, i) => ({ ...p, date: `202${i}`, facets: { ...p.facets, dated: 'yes' } }))), parseSearchState('?q=hikvision&sort=oldest'), []))).toEqual(['revoked', 'entry', 'superseded', 'in-force', 'vendor']);
  });

  test('lists the page a query names first, whatever else the words find', async () => {
    const pages: Page[] = [
      { id: 'measure', words: 'tesla tesla tesla cars', facets: { standing: 'current' } },
      { id: 'entry', words: 'tesla cars', facets: {} },
      { id: 'vendor', words: 'tesla', facets: { named: 'tesla' } },
    ];
    expect(ids(await runSearch(fakePagefind(pages), parseSearchState('?q=Tesla'), []))).toEqual(['vendor', 'measure', 'entry']);
    expect(ids(await runSearch(fakePagefind(pages), parseSearchState('?q=Tesla+cars'), []))).toEqual(['measure', 'entry']);
  });

  test('counts only the pages a list sorted by date shows, not a measure page the same facets match', async () => {
    const pages: Page[] = [...PAGES, { id: 'uk-measure', words: 'uk instruction measure', facets: { jurisdiction: 'uk', standing: 'current' } }];
    // Facets alone list the dated pages newest first, and count those alone, the chosen facet as if open.
    const filtered = await runSearch(fakePagefind(pages), parseSearchState('?jurisdiction=uk'), []);
    expect(ids(filtered)).toEqual(['later-mention', 'uk-instruction', 'police-survey']);
    expect(filtered?.counts['jurisdiction']).toEqual({ uk: 3, us: 4, eu: 1 });
    // Words sorted by date likewise; ranked by relevance, the measure is listed and counted.
    const sorted = await runSearch(fakePagefind(pages), parseSearchState('?q=uk+instruction&sort=newest'), []);
    expect(ids(sorted)).toEqual(['uk-instruction']);
    expect(sorted?.counts['jurisdiction']).toEqual({ uk: 1 });
    const ranked = await runSearch(fakePagefind(pages), parseSearchState('?q=uk+instruction'), []);
    expect(ids(ranked)?.sort()).toEqual(['uk-instruction', 'uk-measure']);
    expect(ranked?.counts['jurisdiction']).toEqual({ uk: 2 });
    // Before any search, the counts are those of the dated pages, which a ticked facet lists.
    expect((await idleCounts(fakePagefind(pages)))?.['jurisdiction']).toEqual({ uk: 3, us: 4, eu: 1 });
  });

  test('asks for no dated filter when the counts are not wanted, so the results wait for no filter data, and lists the same', async () => {
    const pages: Page[] = [...PAGES, { id: 'uk-measure', words: 'uk instruction measure', facets: { jurisdiction: 'uk', standing: 'current' } }];
    const inner = fakePagefind(pages);
    const asked: string[][] = [];
    const recording: PagefindLike<FakeResult> = {
      search: (term, options = {}) => {
        asked.push(Object.keys((options as { filters?: object }).filters ?? {}));
        return inner.search(term, options);
      },
    };
    for (const query of ['?jurisdiction=uk', '?q=uk+instruction&sort=newest']) {
      asked.length = 0;
      const uncounted = await runSearch(recording, parseSearchState(query), [], { count: false });
      expect(asked.flat()).not.toContain('dated');
      expect(ids(uncounted)).toEqual(ids(await runSearch(inner, parseSearchState(query), [])));
    }
  });

  test('gives up quietly when Pagefind drops the search for a newer one', async () => {
    const dropped: PagefindLike<FakeResult> = { search: async () => null };
    expect(await runSearch(dropped, parseSearchState('?q=24+November+2022'), [])).toBeUndefined();
    expect(await runSearch(dropped, parseSearchState('?q=dahua'), [])).toBeUndefined();
  });
});

/** A stand-in for Pagefind where every word must start a word of the page (no near matches). */
function strictPagefind(pages: Page[]): PagefindLike<FakeResult> & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async search(term) {
      asked.push(term ?? '');
      const words = (term ?? '').toLowerCase().split(/\s+/).filter((w) => w !== '');
      const found = pages.filter((p) => words.every((w) => p.words.toLowerCase().split(/\s+/).some((pw) => pw.startsWith(w))));
      return { results: found.map((p) => ({ id: p.id, data: async () => ({ meta: {} }) })), filters: {} };
    },
  };
}

const STRICT: Page[] = [
  { id: 'tesla', words: 'china restricts tesla cars at military sites', facets: {} },
  { id: 'dahua-1', words: 'dahua added to the entity list', facets: {} },
  { id: 'dahua-2', words: 'dahua cameras removed from councils', facets: {} },
  { id: 'dahua-3', words: 'dahua technology fined', facets: {} },
  { id: 'survey', words: 'survey of police forces', facets: {} },
];
const VOCABULARY = ['China', 'restricts', 'Tesla', 'cars', 'military', 'sites', 'Dahua', 'added', 'entity', 'list', 'cameras', 'removed', 'councils', 'technology', 'fined', 'survey', 'police', 'forces', 'surveys'];

/** The same Pagefind for every query (the fakes keep no state between searches). */
const each = <R extends FakeResult>(pagefind: PagefindLike<R>) => () => pagefind;

describe('answerSearch', () => {
  const words = async () => VOCABULARY;

  test('shows the results of the words typed when every word is one the site uses', async () => {
    const answer = await answerSearch(each(strictPagefind(STRICT)), parseSearchState('?q=dahua'), [], words);
    expect(ids(answer)).toEqual(['dahua-1', 'dahua-2', 'dahua-3']);
    expect(answer?.instead).toBeUndefined();
  });

  test('fetches no words for a date or a search without words', async () => {
    let fetched = 0;
    const count = async () => (fetched++, VOCABULARY);
    await answerSearch(each(strictPagefind(STRICT)), parseSearchState('?q=24+November+2022'), [], count);
    await answerSearch(each(strictPagefind(STRICT)), parseSearchState('?year=2022'), [], count);
    expect(fetched).toBe(0);
  });

  test('answers a misspelt word with the results of the word the site uses, and says so', async () => {
    const answer = await answerSearch(each(strictPagefind(STRICT)), parseSearchState('?q=dauha'), [], words);
    expect(answer?.instead).toEqual({ q: 'Dahua', reason: 'spelling' });
    expect(ids(answer)).toEqual(['dahua-1', 'dahua-2', 'dahua-3']);
  });

  test('answers a question that no page holds every word of with the results of its meaningful words', async () => {
    const answer = await answerSearch(each(strictPagefind(STRICT)), parseSearchState('?q=why+did+China+restrict+Tesla%3F'), [], words);
    expect(answer?.instead).toEqual({ q: 'China restrict Tesla', reason: 'fewer-words' });
    expect(ids(answer)).toEqual(['tesla']);
  });

  test('corrects the spelling of a question before dropping its stop words', async () => {
    const answer = await answerSearch(each(strictPagefind(STRICT)), parseSearchState('?q=which+police+forses+did+the+survey'), [], words);
    expect(answer?.instead).toEqual({ q: 'police forces survey', reason: 'fewer-words' });
    expect(ids(answer)).toEqual(['survey']);
  });

  test('searches the words as typed, and only them, when the reader asks for that', async () => {
    const pagefind = strictPagefind(STRICT);
    const answer = await answerSearch(each(pagefind), parseSearchState('?q=dauha&verbatim=1'), [], words);
    expect(ids(answer)).toEqual([]);
    expect(answer?.instead).toBeUndefined();
    expect(new Set(pagefind.asked)).toEqual(new Set(['dauha']));
  });

  test('shows the corrected query instead of the stray results of a misspelling', async () => {
    const pages = [...STRICT, { id: 'stray', words: 'dahau typo in a source title', facets: {} }];
    const answer = await answerSearch(each(strictPagefind(pages)), parseSearchState('?q=dahau'), [], words);
    expect(ids(answer)).toEqual(['dahua-1', 'dahua-2', 'dahua-3']);
    expect(answer?.instead).toEqual({ q: 'Dahua', reason: 'spelling' });
  });

  test('says nothing instead when neither a correction nor fewer words find anything', async () => {
    const answer = await answerSearch(each(strictPagefind(STRICT)), parseSearchState('?q=zzzzqx'), [], words);
    expect(ids(answer)).toEqual([]);
    expect(answer?.instead).toBeUndefined();
  });
});
