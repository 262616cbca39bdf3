/**
 * The search page (`<tl-search>`): runs the reader's query through Pagefind's JavaScript API as
 * they type, keeps the URL in step with the view, and renders result cards, facet counts and a
 * polite result count. The page works while the index loads: typing and ticking are never
 * blocked, and the latest state is searched once Pagefind is ready.
 */
import { formatDate } from '../lib/model/dates.ts';
import { HISTORY_PAUSE_MS, TYPING_DEBOUNCE_MS, describeCount, highlightTerms, planQuery, resultHref, type NameAliases } from '../lib/search/search.ts';
import { FACETS, emptyState, hasFilters, parseSearchState, sameState, serialiseSearchState, type Facet, type SearchState, type Sort } from '../lib/search/url-state.ts';
import { pagefindOptions } from '../lib/search/pagefind-options.ts';
import { PagefindPool, type PagefindInstance } from '../lib/search/pagefind-pool.ts';
import { editDistance, vocabularyShard } from '../lib/search/suggest.ts';
import { showUnknownFilters } from './filter-notice.ts';
import { FACET_SHOWN, shownOptions } from '../lib/search/facet-options.ts';
import { answerSearch, idleCounts, type Answer, type Counts } from '../lib/search/search-run.ts';

/** The subset of a Pagefind result's data this page reads. */
interface ResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface Result {
  id: string;
  data(): Promise<ResultData>;
}
interface SearchResponse {
  results: Result[];
  filters: Counts;
  totalFilters: Counts;
}
interface PagefindModule {
  createInstance(options: object): PagefindInstance<SearchResponse> & { init(): Promise<void> };
}
type Pagefind = PagefindPool<SearchResponse>;
interface FacetOption {
  value: string;
  label: string;
}

/**
 * Results shown at first, and added by each "Show more results". Each result's data is a request of
 * about 1 kB, so a first search fetches five (Pagefind's own UI shows five too) and a reader who
 * wants more gets ten at a time.
 */
const FIRST_RESULTS = 5;
const MORE_RESULTS = 10;
/** What a result card calls a page that is not an entry. */
const KIND_LABELS: Readonly<Record<string, string>> = { vendor: 'Vendor', measure: 'Measure', jurisdiction: 'Jurisdiction' };
/** Where the facets stack above the results (the layout's breakpoint in `SearchApp.astro`). */
const NARROW = '(max-width: 48rem)';

class SearchElement extends HTMLElement {
  #state: SearchState = emptyState();
  #names: NameAliases[] = [];
  #pagefind: Promise<Pagefind> | undefined;
  #run = 0;
  #typingTimer: ReturnType<typeof setTimeout> | undefined;
  /** When the reader last typed; a keystroke after a pause starts a new history entry. */
  #lastTyped = 0;
  #results: Result[] = [];
  #shown = 0;
  #terms: string[] = [];
  #ready = false;
  /** Every value of every facet, in the facet's order; a long facet shows only some of them. */
  #options: Record<string, FacetOption[]> = {};
  #facetShown = FACET_SHOWN;
  /** Long facets the reader opened in full ("Show all"). */
  readonly #expanded = new Set<Facet>();
  /** The counts last shown, which decide what a long facet shows. */
  #counts: Counts | undefined;
  /** The site's words by first letter, for correcting misspellings, each list fetched when a query first needs it. */
  readonly #vocabulary = new Map<string, Promise<string[]>>();

  connectedCallback(): void {
    this.#names = JSON.parse(this.dataset.names ?? '[]') as NameAliases[];
    const values = JSON.parse(this.dataset.facets ?? '{}') as Partial<Record<Facet, [string, string][]>>;
    for (const facet of FACETS) this.#options[facet] = (values[facet] ?? []).map(([value, label]) => ({ value, label }));
    this.#facetShown = Number(this.dataset.facetShown ?? FACET_SHOWN);
    const form = this.#form();
    const input = this.#input();
    // The facets and the sort work only through this script, so the page shows them only now.
    for (const control of this.querySelectorAll<HTMLElement>('[data-scripted]')) control.hidden = false;
    this.#state = parseSearchState(location.search);
    this.#writeControls();
    // On a narrow screen the facets stack above the results: they start folded, so that the
    // results come first, and their summary says how many are ticked.
    const facets = this.querySelector<HTMLDetailsElement>('details.facets');
    if (facets && matchMedia(NARROW).matches) facets.open = false;
    input.addEventListener('input', () => this.#onType());
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      clearTimeout(this.#typingTimer);
      this.#readControls();
      this.#commit('push');
      void this.#search();
    });
    // The facets and the sort belong to the form through their form attribute, outside its element;
    // a long facet's checkboxes are rebuilt as the results change, so one listener hears them all.
    this.addEventListener('change', (event) => {
      if ((event.target as Element).matches('[form="search-form"]')) this.#onChoice();
    });
    for (const button of this.querySelectorAll<HTMLButtonElement>('[data-all]')) {
      button.addEventListener('click', () => {
        const facet = button.closest<HTMLElement>('fieldset[data-facet]')?.dataset.facet as Facet;
        if (this.#expanded.has(facet)) this.#expanded.delete(facet);
        else this.#expanded.add(facet);
        this.#renderFacets();
      });
    }
    this.querySelector('[data-clear]')?.addEventListener('click', () => {
      for (const facet of FACETS) this.#state.filters[facet] = [];
      this.#writeControls();
      this.#commit('push');
      void this.#search();
      this.#input().focus();
    });
    this.querySelector('[data-more]')?.addEventListener('click', () => void this.#showMore());
    this.querySelector('[data-suggestion]')?.addEventListener('click', (event) => {
      const link = (event.target as Element).closest('a');
      if (!link) return;
      event.preventDefault();
      this.#state = parseSearchState(new URL(link.href).search);
      this.#writeControls();
      this.#lastTyped = 0;
      this.#commit('push');
      void this.#search();
      this.#input().focus();
    });
    window.addEventListener('popstate', () => {
      this.#state = parseSearchState(location.search);
      this.#writeControls();
      void this.#search();
    });
    this.#pagefind = this.#load();
    void this.#search();
  }

  #form = () => this.querySelector<HTMLFormElement>('#search-form')!;
  #input = () => this.querySelector<HTMLInputElement>('#q')!;
  #sort = () => this.querySelector<HTMLSelectElement>('#sort')!;
  #list = () => this.querySelector<HTMLOListElement>('#search-results')!;

  async #load(): Promise<Pagefind> {
    const url = new URL(this.dataset.pagefind ?? '/pagefind/pagefind.js', location.href).href;
    const module = (await import(/* @vite-ignore */ url)) as PagefindModule;
    const options = pagefindOptions(this.dataset.base ?? '/');
    const pool = new PagefindPool<SearchResponse>(async () => {
      const instance = module.createInstance(options);
      await instance.init();
      return instance;
    });
    // The first instance loads now, while the reader types; the first query takes it over. The
    // facets' filter data loads once the first results are on screen (#countLater).
    await pool.warm();
    return pool;
  }

  #onType(): void {
    this.#state.q = this.#input().value.replace(/\s+/g, ' ').trim();
    this.#state.verbatim = false;
    const now = Date.now();
    // The first keystroke after a pause adds a history entry; the rest of the burst replaces it.
    this.#commit(now - this.#lastTyped > HISTORY_PAUSE_MS ? 'push' : 'replace');
    this.#lastTyped = now;
    clearTimeout(this.#typingTimer);
    this.#typingTimer = setTimeout(() => void this.#search(), TYPING_DEBOUNCE_MS);
  }

  #onChoice(): void {
    this.#readControls();
    this.#lastTyped = 0;
    this.#commit('push');
    void this.#search();
  }

  #readControls(): void {
    const state = emptyState();
    state.q = this.#input().value.replace(/\s+/g, ' ').trim();
    for (const facet of FACETS) {
      state.filters[facet] = [...this.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="${facet}"]:checked`)].map((i) => i.value);
    }
    state.sort = this.#sort().value as Sort;
    this.#state = state;
  }

  #writeControls(): void {
    const input = this.#input();
    if (input.value.replace(/\s+/g, ' ').trim() !== this.#state.q) input.value = this.#state.q;
    this.#renderFacets();
    for (const facet of FACETS) {
      for (const box of this.querySelectorAll<HTMLInputElement>(`input[type="checkbox"][name="${facet}"]`)) {
        box.checked = this.#state.filters[facet].includes(box.value);
      }
    }
    this.#sort().value = this.#state.sort;
    const clear = this.querySelector<HTMLButtonElement>('[data-clear]');
    if (clear) clear.hidden = !hasFilters(this.#state);
  }

  #commit(mode: 'push' | 'replace'): void {
    const url = `${location.pathname}${serialiseSearchState(this.#state)}`;
    if (sameState(parseSearchState(location.search), this.#state)) return;
    if (mode === 'push') history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    const clear = this.querySelector<HTMLButtonElement>('[data-clear]');
    if (clear) clear.hidden = !hasFilters(this.#state);
  }

  /** Sets the polite status; `spoken` is read out with it but not shown (the page shows it elsewhere). */
  #status(text: string, spoken = ''): void {
    const status = this.querySelector('#search-status');
    if (!status || status.textContent === text + spoken) return;
    const hidden = document.createElement('span');
    hidden.className = 'visually-hidden';
    hidden.textContent = spoken;
    status.replaceChildren(text, ...(spoken ? [hidden] : []));
  }

  /**
   * The state as searched: filter values of the address that name no option here are left out, and
   * a notice says so.
   */
  #applicable(state: SearchState): SearchState {
    const notice = this.querySelector<HTMLElement>('[data-filter-notice]');
    if (!hasFilters(state) || !notice) {
      if (notice) notice.hidden = true;
      return state;
    }
    const href = (chosen: Record<string, string[]>) => `${location.pathname}${serialiseSearchState({ ...state, filters: { ...state.filters, ...chosen } })}`;
    const kept = showUnknownFilters(this.#options, notice, state.filters, href, editDistance) as Partial<SearchState['filters']>;
    return { ...state, filters: { ...state.filters, ...kept } };
  }

  /**
   * The site's words that could correct the query's: the lists of its words' first letters, each
   * fetched once (a list that fails to load corrects nothing).
   */
  #words = async (query: string): Promise<string[]> => {
    const base = new URL(this.dataset.terms ?? '/search/terms/', location.href);
    const shards = [...new Set((query.match(/\p{Script=Latin}+/gu) ?? []).filter((w) => w.length >= 4).map(vocabularyShard))].sort();
    const lists = await Promise.all(
      shards.map((shard) => {
        let list = this.#vocabulary.get(shard);
        if (!list) {
          list = fetch(new URL(`${shard}.json`, base))
            .then((r) => (r.ok ? (r.json() as Promise<{ words?: unknown }>) : { words: [] }))
            .then(({ words }) => (Array.isArray(words) ? words.filter((w): w is string => typeof w === 'string') : []))
            .catch(() => []);
          this.#vocabulary.set(shard, list);
        }
        return list;
      }),
    );
    return lists.flat();
  };

  async #search(): Promise<void> {
    const run = ++this.#run;
    const asked = structuredClone(this.#state);
    const state = this.#applicable(asked);
    const chosen = FACETS.reduce((n, facet) => n + state.filters[facet].length, 0);
    const summary = this.querySelector('[data-chosen]');
    if (summary) summary.textContent = chosen > 0 ? ` (${chosen} chosen)` : '';
    const list = this.#list();
    list.setAttribute('aria-busy', 'true');
    if (!this.#ready && (state.q !== '' || hasFilters(state))) this.#status('Loading the search index…');
    const idle = planQuery(state.q, this.#names).kind === 'none' && !hasFilters(state);
    let answer: Answer<Result>;
    // Whether this search's responses count every facet: only if every instance had the facets'
    // filter data before it started (a response counts only the filter data already loaded).
    let counted = false;
    // Pagefind loads its WebAssembly and index on the first search, so the index counts as loaded
    // once it has answered.
    try {
      const pagefind = await this.#pagefind!;
      counted = pagefind.counting;
      if (idle) {
        await pagefind.countEveryFacet();
        counted = true;
        const counts = await idleCounts(pagefind.for(''));
        if (!counts || run !== this.#run) return;
        answer = { results: [], counts };
      } else {
        // Before the facets' filter data is loaded the counts wait (see #countLater), and so the
        // results ask for no filter data of their own.
        const outcome = await answerSearch((q) => pagefind.for(q), state, this.#names, this.#words, { count: counted });
        if (!outcome || run !== this.#run) return;
        answer = outcome;
      }
      this.#ready = true;
    } catch (error) {
      list.removeAttribute('aria-busy');
      if (this.#ready) throw error;
      if (run === this.#run) this.#status('Search could not load. Browse the timeline or the vendor and year pages instead.');
      return;
    }
    const { results, counts, instead } = answer;
    const shownQ = instead?.q ?? state.q;
    const plan = planQuery(shownQ, this.#names);
    // Highlight the words as sent (a vendor's one-word name), but a date as the reader wrote it.
    const terms = highlightTerms(plan.kind === 'words' ? plan.term : shownQ);
    const first = await Promise.all(results.slice(0, FIRST_RESULTS).map((r) => r.data()));
    if (run !== this.#run) return;
    // Everything is swapped in one step once the new results are ready, so nothing flickers.
    this.#results = results;
    this.#terms = terms;
    this.#shown = first.length;
    list.replaceChildren(...first.map((d) => this.#card(d)));
    list.removeAttribute('aria-busy');
    // Until the facets' filter data is loaded a response counts only the facets it filtered by:
    // the counts come a moment after the first results, which do not wait for them.
    if (counted) this.#updateCounts(counts);
    else void this.#countLater(run, state, asked);
    this.#updateMore();
    const spoken = this.#showSuggestion(asked, instead);
    const count = idle ? '' : describeCount(results.length, shownQ);
    // The notice is on screen above the results; a screen reader hears it with the count.
    this.#status(spoken ? `${count}.` : count, spoken ? ` ${spoken}` : '');
    // The view on screen, as its address: what tests and tools wait for; `counted` once its facet counts are too.
    this.dataset.shown = serialiseSearchState(asked);
    if (counted) this.dataset.counted = this.dataset.shown;
  }

  /** Loads every facet's filter data, then counts the view on screen, unless another has replaced it. */
  async #countLater(run: number, state: SearchState, asked: SearchState): Promise<void> {
    try {
      const pagefind = await this.#pagefind!;
      await pagefind.countEveryFacet();
      if (run !== this.#run) return;
      const outcome = await answerSearch((q) => pagefind.for(q), state, this.#names, this.#words);
      if (!outcome || run !== this.#run) return;
      this.#updateCounts(outcome.counts);
      this.dataset.counted = serialiseSearchState(asked);
    } catch {
      // The counts stay blank; the results on screen are right, and the next search counts again.
    }
  }

  /**
   * Shows, above the results, what they are when they are not those of the words typed ("No
   * results for “hikvison”. Showing results for Hikvision; search instead for hikvison."), with
   * a link to each view; hides the notice otherwise. Returns what a screen reader hears of it.
   */
  #showSuggestion(state: SearchState, instead: Answer<Result>['instead']): string {
    const element = this.querySelector<HTMLElement>('[data-suggestion]');
    if (!element) return '';
    element.hidden = instead === undefined;
    if (!instead) {
      element.replaceChildren();
      return '';
    }
    const link = (view: SearchState, text: string) => {
      const a = document.createElement('a');
      a.href = `${location.pathname}${serialiseSearchState(view)}`;
      a.textContent = text;
      return a;
    };
    const lead = instead.reason === 'spelling' ? `No results for “${state.q}”. Showing results for ` : `No result has every word of “${state.q}”. Showing results for `;
    element.replaceChildren(lead, link({ ...state, q: instead.q, verbatim: false }, instead.q), '; search instead for ', link({ ...state, verbatim: true }, state.q), '.');
    return element.textContent ?? '';
  }

  async #showMore(): Promise<void> {
    const run = this.#run;
    const next = await Promise.all(this.#results.slice(this.#shown, this.#shown + MORE_RESULTS).map((r) => r.data()));
    if (run !== this.#run) return;
    const cards = next.map((d) => this.#card(d));
    this.#list().append(...cards);
    this.#shown += next.length;
    this.#updateMore();
    cards[0]?.querySelector('a')?.focus();
  }

  #updateMore(): void {
    const more = this.querySelector<HTMLButtonElement>('[data-more]');
    if (!more) return;
    const left = this.#results.length - this.#shown;
    more.hidden = left <= 0;
    more.textContent = `Show more results (${left} more)`;
  }

  /**
   * Rebuilds each long facet's list: the values the reader chose and those with the most results,
   * or every value once "Show all" is pressed (see facet-options.ts). A facet whose shown values
   * have not changed is left alone, so focus and the ticks stay where they are.
   */
  #renderFacets(): void {
    for (const fieldset of this.querySelectorAll<HTMLFieldSetElement>('fieldset[data-facet]')) {
      const facet = fieldset.dataset.facet as Facet;
      const all = this.#options[facet] ?? [];
      if (all.length <= this.#facetShown) continue;
      const expanded = this.#expanded.has(facet);
      const shown = expanded ? all : shownOptions(all, this.#counts?.[facet], this.#state.filters[facet], this.#facetShown);
      const list = fieldset.querySelector('ul')!;
      const now = [...list.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].map((box) => box.value);
      if (now.join('\n') !== shown.map((o) => o.value).join('\n')) {
        // A reader who just ticked or unticked a box keeps their place: the same value, else the facet's first.
        const focused = list.contains(document.activeElement) ? (document.activeElement as HTMLInputElement).value : undefined;
        const items = shown.map((option) => this.#optionItem(facet, option));
        if (items.length === 0) {
          const none = document.createElement('li');
          none.className = 'none';
          none.textContent = 'None in these results';
          items.push(none);
        }
        list.replaceChildren(...items);
        const rebuilt = [...list.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
        for (const box of rebuilt) box.checked = this.#state.filters[facet].includes(box.value);
        if (this.#counts) this.#writeCounts(fieldset, facet, this.#counts);
        // Else the facet's first value, else its "Show all" button: never the page's start.
        if (focused !== undefined) (rebuilt.find((box) => box.value === focused) ?? rebuilt[0] ?? fieldset.querySelector<HTMLButtonElement>('[data-all]'))?.focus();
      }
      const button = fieldset.querySelector<HTMLButtonElement>('[data-all]');
      if (button) {
        button.setAttribute('aria-expanded', String(expanded));
        button.firstChild!.textContent = expanded ? 'Show fewer' : `Show all ${all.length}`;
      }
    }
  }

  #optionItem(facet: Facet, option: FacetOption): HTMLLIElement {
    const li = document.createElement('li');
    const label = document.createElement('label');
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.setAttribute('form', 'search-form');
    box.name = facet;
    box.value = option.value;
    const text = document.createElement('span');
    text.className = 'label';
    text.textContent = option.label;
    const count = document.createElement('span');
    count.className = 'count';
    count.dataset.count = '';
    label.append(box, text, ' ', count);
    li.append(label);
    return li;
  }

  #updateCounts(counts: Counts): void {
    this.#counts = counts;
    this.#renderFacets();
    for (const fieldset of this.querySelectorAll<HTMLFieldSetElement>('fieldset[data-facet]')) this.#writeCounts(fieldset, fieldset.dataset.facet as Facet, counts);
  }

  #writeCounts(fieldset: HTMLFieldSetElement, facet: Facet, counts: Counts): void {
    for (const box of fieldset.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
      const n = counts[facet]?.[box.value] ?? 0;
      const label = box.closest('label');
      const count = label?.querySelector('[data-count]');
      if (count) count.textContent = `(${n})`;
      label?.classList.toggle('empty', n === 0 && !box.checked);
    }
  }

  #card(data: ResultData): HTMLLIElement {
    const meta = data.meta;
    const li = document.createElement('li');
    li.className = 'result';
    const heading = document.createElement('h3');
    const link = document.createElement('a');
    link.href = resultHref(data.url, this.#terms);
    link.textContent = meta.title ?? data.url;
    heading.append(link);
    const when = document.createElement('p');
    when.className = 'when';
    const kindLabel = meta.kind === undefined ? undefined : KIND_LABELS[meta.kind];
    if (kindLabel !== undefined) {
      const kind = document.createElement('span');
      kind.className = 'kind';
      kind.textContent = kindLabel;
      when.append(kind);
      if (meta.status) when.append(` · ${meta.status}`);
    } else if (meta.date) {
      const time = document.createElement('time');
      time.dateTime = meta.date;
      time.textContent = formatDate(meta.date);
      when.append(time);
      if (meta.category) when.append(` · ${meta.category}`);
    }
    const excerpt = document.createElement('p');
    excerpt.className = 'excerpt';
    // Pagefind escapes the page text and adds only <mark> around matched words.
    excerpt.innerHTML = data.excerpt;
    li.append(heading, when, excerpt);
    const tags = [meta.vendors && `Vendors: ${meta.vendors}`, meta.jurisdictions && `Jurisdictions: ${meta.jurisdictions}`].filter(Boolean);
    if (tags.length > 0) {
      const p = document.createElement('p');
      p.className = 'tags';
      p.textContent = tags.join(' · ');
      li.append(p);
    }
    return li;
  }
}

customElements.define('tl-search', SearchElement);
