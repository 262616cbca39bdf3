/**
 * Filter values in a URL that the page has no option for (`?vendor=hikvison`): they are never
 * applied silently. The page drops them from what it applies and says so, naming the value and,
 * where one is close, the option the reader probably meant.
 */

/**
 * Edit distance capped at `max` (`editDistance` of `./suggest.ts`, which the search page passes
 * in); without one, values match on their first letters.
 */
export type Distance = (a: string, b: string, max: number) => number;

/** An option of one facet: the value in the URL and the label on the page. */
export interface FilterOption {
  value: string;
  label: string;
}

/** A value of the URL that matches no option of its facet, with the closest option if any. */
export interface UnknownFilter {
  facet: string;
  value: string;
  suggestion: FilterOption | undefined;
}

/**
 * Without an edit distance, how far apart two words are: 0 when they share their first four
 * letters (enough for a misspelt ending, "hikvison"), otherwise more than any allowance.
 */
const samePrefix: Distance = (a, b, max) => (a.length >= 4 && b.slice(0, 4) === a.slice(0, 4) ? 0 : max + 1);

/** The closest option to a value, by its value or its label, within two edits (one for short words). */
function closest(value: string, options: readonly FilterOption[], editDistance: Distance): FilterOption | undefined {
  const typed = value.toLowerCase();
  const max = typed.length <= 5 ? 1 : 2;
  let best: { option: FilterOption; distance: number } | undefined;
  for (const option of options) {
    const distance = Math.min(editDistance(typed, option.value.toLowerCase(), max), editDistance(typed, option.label.toLowerCase(), max));
    if (distance <= max && (best === undefined || distance < best.distance)) best = { option, distance };
  }
  return best?.option;
}

/**
 * The chosen values that no option of their facet has, each with the closest option, in the order
 * of `chosen`; an empty list when every value is known.
 * @example unknownFilters({ vendor: ['hikvison'] }, { vendor: [{ value: 'hikvision', label: 'Hikvision' }] }, editDistance) // [{ facet: 'vendor', value: 'hikvison', suggestion: { value: 'hikvision', label: 'Hikvision' } }]
 */
export function unknownFilters(chosen: Readonly<Record<string, readonly string[] | undefined>>, options: Readonly<Record<string, readonly FilterOption[]>>, editDistance: Distance = samePrefix): UnknownFilter[] {
  return Object.entries(chosen).flatMap(([facet, values]) => {
    const known = options[facet] ?? [];
    return (values ?? []).filter((v) => !known.some((o) => o.value === v)).map((value) => ({ facet, value, suggestion: closest(value, known, editDistance) }));
  });
}

/** The facet's name in a sentence ("vendor", "jurisdiction"). */
const FACET_WORDS: Readonly<Record<string, string>> = { vendor: 'vendor', jurisdiction: 'jurisdiction', category: 'category', measure: 'measure', year: 'year' };

/**
 * The notice for one unknown value, as text parts (the suggestion is a link the page makes).
 * @example unknownFilterText({ facet: 'vendor', value: 'hikvison', suggestion: { value: 'hikvision', label: 'Hikvision' } }) // { before: 'No vendor “hikvison”, so that filter is not applied. Did you mean ', suggestion: 'Hikvision', after: '?' }
 */
export function unknownFilterText(unknown: UnknownFilter): { before: string; suggestion: string | undefined; after: string } {
  const head = `No ${FACET_WORDS[unknown.facet] ?? unknown.facet} “${unknown.value}”, so that filter is not applied.`;
  return unknown.suggestion ? { before: `${head} Did you mean `, suggestion: unknown.suggestion.label, after: '?' } : { before: head, suggestion: undefined, after: '' };
}
