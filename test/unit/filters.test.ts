import { describe, expect, test } from 'vitest';
import { matchesFilters, parseFilterState, serialiseFilterState } from '../../src/lib/filters.ts';

const item = { vendors: ['hikvision', 'dahua'], jurisdictions: ['uk'], category: 'government-restriction', year: '2022' };

describe('filter state in the URL', () => {
  test.each([
    ['?vendor=hikvision&year=2022', { vendor: 'hikvision', year: '2022' }],
    ['', {}],
    ['?vendor=&year=2022', { year: '2022' }],
    ['?vendor=<script>&category=warning', { category: 'warning' }],
    ['?q=hello&jurisdiction=uk', { jurisdiction: 'uk' }],
  ])('parses %s', (search, expected) => {
    expect(parseFilterState(search)).toEqual(expected);
  });

  test('serialises in a fixed key order and round-trips', () => {
    const text = serialiseFilterState({ year: '2022', category: 'warning', vendor: 'hikvision' });
    expect(text).toBe('?vendor=hikvision&category=warning&year=2022');
    expect(parseFilterState(text)).toEqual({ vendor: 'hikvision', category: 'warning', year: '2022' });
  });

  test('serialises an empty state as an empty string', () => {
    expect(serialiseFilterState({})).toBe('');
  });
});

describe('matchesFilters', () => {
  test.each([
    [{}, true],
    [{ vendor: 'dahua' }, true],
    [{ vendor: 'tesla' }, false],
    [{ jurisdiction: 'uk', year: '2022' }, true],
    [{ jurisdiction: 'uk', year: '2021' }, false],
    [{ category: 'warning' }, false],
    [{ vendor: 'hikvision', jurisdiction: 'uk', category: 'government-restriction', year: '2022' }, true],
  ])('state %j matches: %s', (state, expected) => {
    expect(matchesFilters(item, state)).toBe(expected);
  });
});
