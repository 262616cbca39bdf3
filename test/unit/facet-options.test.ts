import { describe, expect, test } from 'vitest';
import { shownOptions } from '../../src/lib/search/facet-options.ts';

const options = ['a', 'b', 'c', 'd', 'e'].map((value) => ({ value, label: value.toUpperCase() }));
const values = (shown: { value: string }[]) => shown.map((o) => o.value);

describe('shownOptions', () => {
  test('shows every value of a short facet, with or without results', () => {
    expect(values(shownOptions(options, { a: 0 }, [], 5))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  test('shows the values with the most results, in the facet’s order, and none without results', () => {
    expect(values(shownOptions(options, { a: 1, b: 9, c: 0, d: 4, e: 2 }, [], 3))).toEqual(['b', 'd', 'e']);
    expect(values(shownOptions(options, { b: 2 }, [], 3))).toEqual(['b']);
  });

  test('keeps equal counts in the facet’s order', () => {
    expect(values(shownOptions(options, { a: 1, b: 1, c: 1, d: 1, e: 1 }, [], 2))).toEqual(['a', 'b']);
  });

  test('always shows the chosen values, even without results, and counts them against the limit', () => {
    expect(values(shownOptions(options, { a: 5, b: 4, c: 3 }, ['e'], 2))).toEqual(['a', 'e']);
    expect(values(shownOptions(options, { a: 5 }, ['d', 'e', 'c'], 2))).toEqual(['c', 'd', 'e']);
  });

  test('ignores a chosen value the facet does not have', () => {
    expect(values(shownOptions(options, { a: 5, b: 1 }, ['zzz'], 2))).toEqual(['a', 'b']);
  });

  test('before any counts, shows the first values and the chosen ones', () => {
    expect(values(shownOptions(options, undefined, ['e'], 3))).toEqual(['a', 'b', 'e']);
  });
});
