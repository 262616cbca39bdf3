import { describe, expect, test } from 'vitest';
import {
  META_WEIGHTS,
  describeCount,
  emptyState,
  entryDateTerms,
  hasFilters,
  highlightTerms,
  normaliseQuery,
  pagefindOptions,
  parseDateQuery,
  parseSearchState,
  resultHref,
  sameState,
  searchableNames,
  serialiseSearchState,
  toPagefindFilters,
  toPagefindSort,
} from '../../src/lib/search.ts';

const VENDORS = [
  { name: 'Hikvision', aliases: ['HIKVISION', 'Hik Vision', 'Hik-Vision', 'HikVision', 'Haikang Weishi'] },
  { name: 'Dahua', aliases: ['Dahua Technology', 'DAHUA', 'Da Hua'] },
];

describe('parseSearchState', () => {
  test('reads the query, every facet and the sort', () => {
    expect(parseSearchState('?q=%20Hik%20%20Vision%20&vendor=dahua&vendor=hikvision&jurisdiction=uk&category=warning&measure=us-entity-list&year=2019&sort=oldest')).toEqual({
      q: 'Hik Vision',
      filters: { vendor: ['dahua', 'hikvision'], jurisdiction: ['uk'], category: ['warning'], measure: ['us-entity-list'], year: ['2019'] },
      sort: 'oldest',
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
});

describe('Pagefind options', () => {
  test('makes the values of one facet alternatives and combines facets', () => {
    const state = parseSearchState('?vendor=dahua&vendor=hikvision&year=2019');
    expect(toPagefindFilters(state)).toEqual({ vendor: { any: ['dahua', 'hikvision'] }, year: { any: ['2019'] } });
    expect(toPagefindFilters(state, 'vendor')).toEqual({ year: { any: ['2019'] } });
    expect(hasFilters(state)).toBe(true);
    expect(hasFilters(parseSearchState('?q=x'))).toBe(false);
  });

  test.each([
    ['relevance', undefined],
    ['newest', { date: 'desc' }],
    ['oldest', { date: 'asc' }],
  ] as const)('sorts %s as %j', (sort, expected) => {
    expect(toPagefindSort(sort)).toEqual(expected);
  });

  test('weights the hidden names and dates and runs Pagefind under the base path', () => {
    const options = pagefindOptions('/tl/');
    expect(options.baseUrl).toBe('/tl/');
    expect(options.ranking.metaWeights).toEqual(META_WEIGHTS);
    expect(META_WEIGHTS.vendorname).toBeGreaterThan(META_WEIGHTS.names);
    expect(META_WEIGHTS.dates).toBeGreaterThan(1);
  });
});

describe('parseDateQuery', () => {
  test.each([
    ['2019', '2019'],
    ['March 2021', '2021-03'],
    ['march 2021', '2021-03'],
    ['Mar 2021', '2021-03'],
    ['Sept 2021', '2021-09'],
    ['2021-03', '2021-03'],
    ['24 November 2022', '2022-11-24'],
    ['24th November 2022', '2022-11-24'],
    ['24 Nov 2022', '2022-11-24'],
    ['November 24, 2022', '2022-11-24'],
    ['Nov. 24 2022', '2022-11-24'],
    ['2022-11-24', '2022-11-24'],
    ['2022/11/24', '2022-11-24'],
    ['24/11/2022', '2022-11-24'],
    ['24.11.2022', '2022-11-24'],
    ['1 March 2021', '2021-03-01'],
  ])('reads %j as %s', (query, iso) => {
    expect(parseDateQuery(query)).toBe(iso);
  });

  test.each(['Hikvision 2019', 'Section 889', '889', '30 February 2022', '13/13/2022', 'Marsh 2021', 'may', '12345', ''])('does not read %j as a date', (query) => {
    expect(parseDateQuery(query)).toBeUndefined();
  });
});

describe('normaliseQuery', () => {
  test.each([
    ['24/11/2022', '2022-11-24'],
    ['  March   2021 ', '2021-03'],
    ['Hik Vision', 'Hikvision'],
    ['HIK VISION cameras', 'Hikvision cameras'],
    ['hik-vision', 'Hikvision'],
    ['Da Hua 2019', 'Dahua 2019'],
    ['Hikvision', 'Hikvision'],
    ['dahua', 'dahua'],
    ['海康威视', '海康威视'],
    ['Section 889', 'Section 889'],
    ['hik visionary', 'hik visionary'],
    ['', ''],
  ])('sends %j as %j', (query, expected) => {
    expect(normaliseQuery(query, VENDORS)).toBe(expected);
  });
});

describe('result links and highlighting', () => {
  test.each([
    ['"Section 889" NDAA', ['Section', '889', 'NDAA']],
    ['dahua Dahua DAHUA', ['dahua']],
    ['2022-11-24', ['2022-11-24']],
    ['  ', []],
  ])('highlights %j as %j', (query, terms) => {
    expect(highlightTerms(query)).toEqual(terms);
  });

  test.each([
    ['/entries/x/', ['Section', '889'], '/entries/x/?highlight=Section&highlight=889'],
    ['/entries/x/#sources', ['a b'], '/entries/x/?highlight=a+b#sources'],
    ['/entries/x/', [], '/entries/x/'],
  ])('links %s with %j as %s', (url, terms, expected) => {
    expect(resultHref(url, terms)).toBe(expected);
  });
});

describe('indexed metadata', () => {
  test('lists every written form of each date once', () => {
    expect(entryDateTerms(['2022-11-24', '2022-11'])).toEqual(['24 November 2022', 'November 24, 2022', '24 Nov 2022', '2022-11-24', '24/11/2022', 'November 2022', 'Nov 2022', '2022-11', '2022']);
  });

  test('keeps each name, Chinese names included, as its own run of words', () => {
    expect(searchableNames(['Hikvision', undefined, ' 海康威视 ', 'Hikvision', '杭州海康威视数字技术股份有限公司'])).toBe('Hikvision 海康威视 杭州海康威视数字技术股份有限公司');
  });

  test('leaves out a name whose words, in any case, stand in order inside another name', () => {
    expect(searchableNames(['Hikvision', 'HIKVISION', 'Hik Vision', 'Hangzhou Hikvision', 'Hangzhou Hikvision Digital Technology Co., Ltd.', 'UK', 'U.K.', 'Hikvision UK'])).toBe(
      'Hik Vision Hangzhou Hikvision Digital Technology Co., Ltd. U.K. Hikvision UK',
    );
    // Words, not letters: "Hik" is not inside "Hikvision", nor a Chinese name inside a longer one.
    expect(searchableNames(['Hik', 'Hikvision', '海康威视', '杭州海康威视'])).toBe('Hik Hikvision 海康威视 杭州海康威视');
  });
});

describe('describeCount', () => {
  test.each([
    [0, 'dahua', 'No results for “dahua”'],
    [1, 'dahua', '1 result for “dahua”'],
    [4, ' dahua ', '4 results for “dahua”'],
    [0, '', 'No entries match these filters'],
    [1, '', '1 entry matches these filters'],
    [3, '', '3 entries match these filters'],
  ])('announces %i for %j as %j', (count, query, text) => {
    expect(describeCount(count, query)).toBe(text);
  });
});
