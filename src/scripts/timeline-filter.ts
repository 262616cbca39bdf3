/**
 * <tl-filter>: filters the timeline in place by vendor, jurisdiction, category and year, with
 * the state in the URL (shareable, restored on reload and on back/forward). Without JavaScript
 * the form stays hidden and the browse pages do the same job.
 */
import { FILTER_KEYS, matchesFilters, parseFilterState, serialiseFilterState, type FilterState } from '../lib/filters.ts';

class TimelineFilter extends HTMLElement {
  #form!: HTMLFormElement;
  #status!: HTMLElement;

  connectedCallback(): void {
    const form = this.querySelector('form');
    const status = this.querySelector<HTMLElement>('[data-filter-status]');
    if (!form || !status) return;
    this.#form = form;
    this.#status = status;
    form.hidden = false;
    form.addEventListener('change', () => this.#commit());
    // The reset event fires before the controls are reset; commit once they are.
    form.addEventListener('reset', () => setTimeout(() => this.#commit()));
    form.addEventListener('submit', (event) => event.preventDefault());
    window.addEventListener('popstate', () => this.#restore());
    this.#restore();
  }

  #readForm(): FilterState {
    const state: FilterState = {};
    for (const key of FILTER_KEYS) {
      const value = (this.#form.elements.namedItem(key) as HTMLSelectElement | null)?.value;
      if (value) state[key] = value;
    }
    return state;
  }

  #restore(): void {
    const state = parseFilterState(location.search);
    for (const key of FILTER_KEYS) {
      const select = this.#form.elements.namedItem(key) as HTMLSelectElement | null;
      if (!select) continue;
      const wanted = state[key] ?? '';
      select.value = [...select.options].some((o) => o.value === wanted) ? wanted : '';
    }
    this.#apply(this.#readForm());
  }

  #commit(): void {
    const state = this.#readForm();
    const url = `${location.pathname}${serialiseFilterState(state)}${location.hash}`;
    if (url !== `${location.pathname}${location.search}${location.hash}`) history.pushState(null, '', url);
    this.#apply(state);
  }

  #apply(state: FilterState): void {
    const cards = document.querySelectorAll<HTMLElement>('.entry-card[data-year]');
    let shown = 0;
    for (const card of cards) {
      const match = matchesFilters(
        {
          vendors: (card.dataset.vendor ?? '').split(' ').filter(Boolean),
          jurisdictions: (card.dataset.jurisdiction ?? '').split(' ').filter(Boolean),
          category: card.dataset.category ?? '',
          year: card.dataset.year ?? '',
        },
        state,
      );
      card.hidden = !match;
      if (match) shown += 1;
    }
    for (const group of document.querySelectorAll<HTMLElement>('[data-year-group]')) {
      group.hidden = !group.querySelector('.entry-card:not([hidden])');
    }
    const query = serialiseFilterState(state);
    for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-keep-filters]')) {
      link.search = query;
    }
    const total = cards.length;
    this.#status.textContent =
      shown === total ? `Showing all ${total} entries.` : shown === 0 ? `No entries match these filters (of ${total}).` : `Showing ${shown} of ${total} entries.`;
  }
}

customElements.define('tl-filter', TimelineFilter);
