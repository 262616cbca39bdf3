import { describe, expect, test } from 'vitest';
import { META_WEIGHTS, PAGE_LENGTH, pagefindOptions } from '../../src/lib/search/pagefind-options.ts';
import { describeCount, highlightTerms, normaliseQuery, planQuery, resultHref, toPagefindFilters, toPagefindSort } from '../../src/lib/search/search.ts';
import { parseSearchState } from '../../src/lib/search/url-state.ts';

const VENDORS = [
  { name: 'Hikvision', aliases: ['HIKVISION', 'Hik Vision', 'Hik-Vision', 'HikVision', 'Haikang Weishi'] },
  { name: 'Dahua', aliases: ['Dahua Technology', 'DAHUA', 'Da Hua'] },
];

describe('Pagefind options', () => {
  test('makes the values of one facet alternatives and combines facets', () => {
    const state = parseSearchState('?vendor=dahua&vendor=hikvision&year=2019');
    expect(toPagefindFilters(state)).toEqual({ vendor: { any: ['dahua', 'hikvision'] }, year: { any: ['2019'] } });
    expect(toPagefindFilters(state, 'vendor')).toEqual({ year: { any: ['2019'] } });
  });

  test.each([
    ['relevance', undefined],
    ['newest', { date: 'desc' }],
    ['oldest', { date: 'asc' }],
  ] as const)('sorts %s as %j', (sort, expected) => {
    expect(toPagefindSort(sort)).toEqual(expected);
  });

  test('weights the hidden names, dates, aliases and synonyms and runs Pagefind under the base path', () => {
    const options = pagefindOptions('/tl/');
    expect(options.baseUrl).toBe('/tl/');
    expect(options.ranking).toEqual({ pageLength: PAGE_LENGTH, metaWeights: META_WEIGHTS });
    expect(META_WEIGHTS.vendorname).toBeGreaterThan(META_WEIGHTS.names);
    expect(META_WEIGHTS.dates).toBeGreaterThan(1);
    // An alias names the event exactly; a synonym only says the same thing in other words.
    expect(META_WEIGHTS.aliases).toBeGreaterThan(META_WEIGHTS.synonyms);
  });
});

describe('planQuery', () => {
  test.each([
    ['24/11/2022', [{ iso: '2022-11-24', own: '20221124', mention: '24 November 2022' }]],
    ['2022年11月', [{ iso: '2022-11', own: '202211', mention: 'November 2022' }]],
    ['2019', [{ iso: '2019', own: '2019', ownYear: '2019', mention: '2019' }]],
    [
      '03/04/2021',
      [
        { iso: '2021-03-04', own: '20210304', mention: '4 March 2021' },
        { iso: '2021-04-03', own: '20210403', mention: '3 April 2021' },
      ],
    ],
  ])('searches %j as a date: its entries by their ISO digits, its mentions by its written words', (query, readings) => {
    expect(planQuery(query, VENDORS)).toEqual({ kind: 'date', readings });
  });

  test.each([
    ['Hik Vision cameras', 'Hikvision cameras'],
    ['Hikvision 2019', 'Hikvision 2019'],
    ['Section 889', 'Section 889'],
  ])('searches %j as the words %j', (query, term) => {
    expect(planQuery(query, VENDORS)).toEqual({ kind: 'words', term });
  });

  test('has nothing to search for an empty query', () => {
    expect(planQuery('   ', VENDORS)).toEqual({ kind: 'none' });
  });
});

describe('normaliseQuery', () => {
  test.each([
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
