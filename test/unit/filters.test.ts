import { describe, expect, test } from 'vitest';
import { facetCounts, matchesFilters } from '../../src/lib/model/filters.ts';
import type { FilterState } from '../../src/lib/search/url-state.ts';

const item = { vendors: ['hikvision', 'dahua'], jurisdictions: ['uk'], category: 'government-restriction', year: '2022' };

describe('matchesFilters', () => {
  test.each<[FilterState, boolean]>([
    [{}, true],
    [{ vendor: ['dahua'] }, true],
    [{ vendor: ['tesla'] }, false],
    [{ vendor: ['tesla', 'dahua'] }, true],
    [{ jurisdiction: ['uk'], year: ['2022'] }, true],
    [{ jurisdiction: ['uk'], year: ['2021'] }, false],
    [{ jurisdiction: ['uk'], year: ['2021', '2022'] }, true],
    [{ category: ['warning'] }, false],
    [{ vendor: ['hikvision'], jurisdiction: ['uk'], category: ['government-restriction'], year: ['2022'] }, true],
  ])('state %j matches: %s', (state, expected) => {
    expect(matchesFilters(item, state)).toBe(expected);
  });
});

describe('facetCounts', () => {
  const items = [
    { vendors: ['hikvision'], jurisdictions: ['uk'], category: 'warning', year: '2021' },
    { vendors: ['hikvision', 'dahua'], jurisdictions: ['us'], category: 'sanction-listing', year: '2019' },
    { vendors: ['dahua'], jurisdictions: ['us'], category: 'legislation', year: '2018' },
    { vendors: [], jurisdictions: ['uk'], category: 'incident', year: '2021' },
  ];

  test('with nothing chosen, counts every item per value', () => {
    const counts = facetCounts(items, {});
    expect(Object.fromEntries(counts.get('vendor')!)).toEqual({ hikvision: 2, dahua: 2 });
    expect(Object.fromEntries(counts.get('year')!)).toEqual({ '2021': 2, '2019': 1, '2018': 1 });
  });

  test('counts each facet against the other facets’ choices, so a value that would show nothing has no count', () => {
    const counts = facetCounts(items, { jurisdiction: ['uk'] });
    expect(Object.fromEntries(counts.get('vendor')!)).toEqual({ hikvision: 1 });
    expect(counts.get('vendor')!.has('dahua')).toBe(false);
    // The facet's own choice is left aside: other jurisdictions still say what they would add.
    expect(Object.fromEntries(counts.get('jurisdiction')!)).toEqual({ uk: 2, us: 2 });
  });

  test('a value with a count, added to the choices, never leaves the view empty', () => {
    const state: FilterState = { year: ['2021'] };
    for (const [value, count] of facetCounts(items, state).get('vendor')!) {
      const next = { ...state, vendor: [value] };
      expect(items.filter((i) => matchesFilters(i, next)).length).toBe(count);
    }
  });
});
