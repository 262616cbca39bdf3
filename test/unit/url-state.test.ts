import { describe, expect, test } from 'vitest';
import { emptyState, hasFilters, parseSearchState, sameState, serialiseSearchState } from '../../src/lib/search/url-state.ts';

describe('parseSearchState', () => {
  test('reads the query, every facet and the sort', () => {
    expect(parseSearchState('?q=%20Hik%20%20Vision%20&vendor=dahua&vendor=hikvision&jurisdiction=uk&category=warning&measure=us-entity-list&year=2019&sort=oldest')).toEqual({
      q: 'Hik Vision',
      filters: { vendor: ['dahua', 'hikvision'], jurisdiction: ['uk'], category: ['warning'], measure: ['us-entity-list'], year: ['2019'] },
      sort: 'oldest',
      verbatim: false,
    });
  });

  test.each([
    ['', emptyState()],
    ['?sort=sideways', emptyState()],
    ['?vendor=dahua,hikvision&vendor=dahua&year=', { ...emptyState(), filters: { ...emptyState().filters, vendor: ['dahua', 'hikvision'] } }],
  ])('reads %j leniently', (search, expected) => {
    expect(parseSearchState(search)).toEqual(expected);
  });
});

describe('serialiseSearchState', () => {
  test.each([
    '',
    '?q=Section+889',
    '?q=Hik+Vision&vendor=dahua&vendor=hikvision&jurisdiction=uk&category=warning&year=2019&sort=newest',
    '?year=2022',
    '?q=%E6%B5%B7%E5%BA%B7%E5%A8%81%E8%A7%86',
  ])('writes %j back exactly as it was read', (search) => {
    expect(serialiseSearchState(parseSearchState(search))).toBe(search);
  });

  test('leaves out defaults and writes facets in a fixed order, so one view has one URL', () => {
    const a = parseSearchState('?sort=relevance&year=2019&q=dahua');
    const b = parseSearchState('?q=dahua&year=2019');
    expect(serialiseSearchState(a)).toBe('?q=dahua&year=2019');
    expect(sameState(a, b)).toBe(true);
    expect(sameState(a, parseSearchState('?q=dahua'))).toBe(false);
  });

  test('says whether any facet is chosen', () => {
    expect(hasFilters(parseSearchState('?vendor=dahua&vendor=hikvision&year=2019'))).toBe(true);
    expect(hasFilters(parseSearchState('?q=x'))).toBe(false);
  });
});

describe('the verbatim flag', () => {
  test('round-trips with words, and means nothing without them', () => {
    const state = parseSearchState('?q=hikvison&verbatim=1');
    expect(state.verbatim).toBe(true);
    expect(serialiseSearchState(state)).toBe('?q=hikvison&verbatim=1');
    expect(parseSearchState('?verbatim=1').verbatim).toBe(false);
    expect(serialiseSearchState({ ...parseSearchState('?q=x'), q: '', verbatim: true })).toBe('');
    expect(parseSearchState('?q=hikvison&verbatim=yes').verbatim).toBe(false);
  });
});
