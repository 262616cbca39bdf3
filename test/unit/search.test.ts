import { describe, expect, test } from 'vitest';
import {
  META_WEIGHTS,
  PAGE_LENGTH,
  aliasTerms,
  describeCount,
  emptyState,
  entryDateTerms,
  hasFilters,
  highlightTerms,
  normaliseQuery,
  pagefindOptions,
  parseSearchState,
  planQuery,
  resultHref,
  sameState,
  searchableNames,
  serialiseSearchState,
  synonymTerms,
  toPagefindFilters,
  toPagefindSort,
  withoutPlaceNames,
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

describe('indexed metadata', () => {
  test('lists the indexed forms of each date once', () => {
    expect(entryDateTerms(['2022-11-24', '2022-11', '2022-11-25'])).toEqual(['24 November 2022', 'Nov', '2022-11-24', '2022-11', 'November 2022', '25 November 2022', '2022-11-25']);
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

describe('aliases', () => {
  test('indexes a document number both run together and apart, and everything else as written', () => {
    expect(aliasTerms(['NDAA', 'EO 14032', 'HCWS386', 'FCC 22-84', 'Pub. L. 115-232', 'FY2019 NDAA'])).toBe(
      'NDAA EO 14032 EO14032 HCWS386 HCWS 386 FCC 22-84 FCC22-84 Pub. L. 115-232 FY2019 NDAA',
    );
  });

  test('leaves out repeats in any case, and indexes nothing for no aliases', () => {
    expect(aliasTerms(['WMS', 'wms', 'WMS 386', 'WMS386'])).toBe('WMS WMS 386 WMS386');
    expect(aliasTerms([])).toBe('');
  });

  test("keeps a company's subsidiaries named after a place off its entries", () => {
    const places = ['United Kingdom', 'UK', 'Britain', 'Canada', 'CA'];
    expect(withoutPlaceNames(['Hik Vision', 'Hikvision UK', 'Hikvision Canada', 'Hangzhou Hikvision'], places)).toEqual(['Hik Vision', 'Hangzhou Hikvision']);
    // Whole words only: "Canadian" and "UKTV" are not the places.
    expect(withoutPlaceNames(['Canadian Hikvision', 'UKTV'], places)).toEqual(['Canadian Hikvision', 'UKTV']);
  });
});

describe('synonymTerms', () => {
  const GROUPS = [{ terms: ['ban', 'restrict', 'prohibit', 'bar', 'stop deploying'] }, { terms: ['Uyghur', 'Uighur'] }, { terms: ['remove', 'rip and replace'] }, { terms: ['deadline', 'timeline'] }];

  test.each([
    ['UK tells departments to stop deploying Chinese cameras', 'ban restrict prohibit bar'],
    ['US defence law bars federal agencies from buying', 'ban restrict prohibit stop deploying'],
    ['Chinese military reportedly restricts Tesla cars', 'ban prohibit bar stop deploying'],
    ['67 MPs call for a UK ban', 'restrict prohibit bar stop deploying'],
    ['Xinjiang Uighur Autonomous Region', 'Uyghur'],
    ['a timeline for removing the equipment', 'rip and replace deadline'],
    ['Australia to remove cameras; the removal is done', 'rip and replace'],
  ])('adds to %j the other terms of the groups it uses: %j', (text, expected) => {
    expect(synonymTerms([text], GROUPS)).toBe(expected);
  });

  test.each(['A bank, a barrister and a banner', 'Hikvision denies a threat', 'Deploying cameras'])('adds nothing to %j, which uses no term', (text) => {
    expect(synonymTerms([text], GROUPS)).toBe('');
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
