/**
 * The search page's notice for filter values in the address that name nothing. Given every value
 * of every facet (`options`, by facet), it writes one line per unknown value into `notice` with a
 * link to the closest option, and returns the chosen values with the unknown ones taken out, so
 * that no result pretends they were applied.
 */
import { unknownFilters, unknownFilterText, type Distance, type FilterOption } from '../lib/search/unknown-filters.ts';

/** Chosen values by facet. */
type Chosen = Record<string, string[]>;

export function showUnknownFilters(options: Readonly<Record<string, readonly FilterOption[]>>, notice: HTMLElement, chosen: Readonly<Chosen>, href: (chosen: Chosen) => string, distance?: Distance): Chosen {
  const unknown = unknownFilters(chosen, options, distance);
  const kept: Chosen = Object.fromEntries(Object.entries(chosen).map(([facet, values]) => [facet, values.filter((v) => !unknown.some((u) => u.facet === facet && u.value === v))]));
  notice.replaceChildren();
  notice.hidden = unknown.length === 0;
  for (const item of unknown) {
    const text = unknownFilterText(item);
    notice.append(text.before);
    if (item.suggestion && text.suggestion) {
      const link = document.createElement('a');
      link.href = href({ ...kept, [item.facet]: [...(kept[item.facet] ?? []), item.suggestion.value] });
      link.textContent = text.suggestion;
      notice.append(link);
    }
    notice.append(text.after, ' ');
  }
  return kept;
}
