/**
 * <tl-filter>: filters the timeline in place by vendors, jurisdictions, categories and years, with
 * the state in the URL (shareable, restored on reload and on back/forward). Each value's count is
 * what it would show with the other choices; a value that would show nothing is disabled and says
 * so. Without JavaScript the form stays hidden and the browse pages do the same job.
 */
import { facetCounts, matchesFilters, type Filterable } from '../lib/model/filters.ts';
import { FILTER_KEYS, hasChoices, parseFilterState, serialiseFilterState, type FilterState } from '../lib/search/url-state.ts';

class TimelineFilter extends HTMLElement {
  #form!: HTMLFormElement;
  #status!: HTMLElement;
  #cards: { card: HTMLElement; item: Filterable }[] = [];

  connectedCallback(): void {
    const box = this.querySelector('details');
    const form = this.querySelector('form');
    const status = this.querySelector<HTMLElement>('[data-filter-status]');
    if (!box || !form || !status) return;
    this.#form = form;
    this.#status = status;
    this.#cards = [...document.querySelectorAll<HTMLElement>('.entry-card[data-year]')].map((card) => ({
      card,
      item: {
        vendors: (card.dataset.vendor ?? '').split(' ').filter(Boolean),
        jurisdictions: (card.dataset.jurisdiction ?? '').split(' ').filter(Boolean),
        category: card.dataset.category ?? '',
        year: card.dataset.year ?? '',
      },
    }));
    box.hidden = false;
    // A shared link with filters opens the form, so the reader sees what is chosen.
    if (hasChoices(parseFilterState(location.search))) box.open = true;
    form.addEventListener('change', () => this.#commit());
    // The reset event fires before the controls are reset; commit once they are.
    form.addEventListener('reset', () => setTimeout(() => this.#commit()));
    form.addEventListener('submit', (event) => event.preventDefault());
    window.addEventListener('popstate', () => this.#restore());
    this.#restore();
  }

  #inputs(): HTMLInputElement[] {
    return [...this.#form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  }

  #readForm(): FilterState {
    const state: FilterState = {};
    for (const input of this.#inputs()) {
      if (!input.checked) continue;
      const key = input.name as (typeof FILTER_KEYS)[number];
      (state[key] ??= []).push(input.value);
    }
    return state;
  }

  #restore(): void {
    const state = parseFilterState(location.search);
    for (const input of this.#inputs()) input.checked = (state[input.name as (typeof FILTER_KEYS)[number]] ?? []).includes(input.value);
    this.#noticeUnknown(state);
    this.#apply(this.#readForm());
  }

  /** Says which values of the address have no option here (and are not applied), with the closest option; loaded only when there are filters. */
  #noticeUnknown(state: FilterState): void {
    const notice = document.querySelector<HTMLElement>('[data-filter-notice]');
    if (!notice) return;
    if (!hasChoices(state)) {
      notice.hidden = true;
      return;
    }
    void import('./filter-notice.ts').then(({ showUnknownFilters }) => {
      showUnknownFilters(this.#form, notice, state as Record<string, string[]>, (chosen) => `${location.pathname}${serialiseFilterState(chosen as FilterState)}`);
    });
  }

  #commit(): void {
    const state = this.#readForm();
    const url = `${location.pathname}${serialiseFilterState(state)}${location.hash}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) history.pushState(null, '', url);
    this.#apply(state);
  }

  #apply(state: FilterState): void {
    // Only what changes is written: on a plain load the page already shows every entry and the
    // site-wide counts, so the script costs the first paint no style or layout work.
    let shown = 0;
    for (const { card, item } of this.#cards) {
      const match = matchesFilters(item, state);
      if (card.hidden === match) card.hidden = !match;
      if (match) shown += 1;
    }
    for (const group of document.querySelectorAll<HTMLElement>('[data-year-group]')) {
      const empty = !group.querySelector('.entry-card:not([hidden])');
      if (group.hidden !== empty) group.hidden = empty;
    }
    const counts = facetCounts(this.#cards.map((c) => c.item), state);
    let chosen = 0;
    for (const input of this.#inputs()) {
      const count = counts.get(input.name as (typeof FILTER_KEYS)[number])?.get(input.value) ?? 0;
      if (input.checked) chosen += 1;
      // A chosen value stays free to un-choose even when the other choices leave it nothing.
      const disabled = count === 0 && !input.checked;
      if (input.disabled !== disabled) input.disabled = disabled;
      setText(input.closest('label')?.querySelector('[data-count]'), count === 0 ? '(none with these filters)' : `(${count})`);
    }
    setText(this.querySelector('[data-filter-chosen]'), chosen === 0 ? '' : ` (${chosen} chosen)`);
    const query = serialiseFilterState(state);
    for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-keep-filters]')) {
      if (link.search !== query) link.search = query;
    }
    const total = this.#cards.length;
    setText(this.#status, shown === total ? `Showing all ${total} entries.` : shown === 0 ? `No entries match these filters (of ${total}).` : `Showing ${shown} of ${total} entries.`);
  }
}

/** Sets an element's text only when it differs, so an unchanged page is not touched. */
function setText(element: Element | null | undefined, text: string): void {
  if (element && element.textContent !== text) element.textContent = text;
}

customElements.define('tl-filter', TimelineFilter);
