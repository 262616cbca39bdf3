import { describe, expect, test } from 'vitest';
import { countBy, groupByYear, neighboursOf, sortChronologically } from '../../src/lib/model/timeline.ts';
import { paginate, pagePath, pagerNumbers, PAGER_ALL_UP_TO } from '../../src/lib/views/paging.ts';

const items = [
  { id: '2022-11-24-b', date: '2022-11-24' },
  { id: '2021-03-a', date: '2021-03' },
  { id: '2021-03-19-c', date: '2021-03-19' },
  { id: '2019-d', date: '2019' },
  { id: '2022-11-24-a', date: '2022-11-24' },
];

describe('timeline ordering', () => {
  test('sorts oldest first, month before its days, ties by id', () => {
    expect(sortChronologically(items).map((i) => i.id)).toEqual(['2019-d', '2021-03-a', '2021-03-19-c', '2022-11-24-a', '2022-11-24-b']);
  });

  test('groups sorted items by year in order', () => {
    const groups = groupByYear(sortChronologically(items));
    expect(groups.map((g) => [g.year, g.items.length])).toEqual([[2019, 1], [2021, 2], [2022, 2]]);
  });

  test('finds the neighbours in time, with none at the ends', () => {
    const sorted = sortChronologically(items);
    expect(neighboursOf(sorted, '2021-03-a')).toEqual({ previous: sorted[0], next: sorted[2] });
    expect(neighboursOf(sorted, '2019-d').previous).toBeUndefined();
    expect(neighboursOf(sorted, '2022-11-24-b').next).toBeUndefined();
    expect(neighboursOf(sorted, 'missing')).toEqual({ previous: undefined, next: undefined });
  });

  test('counts each key once per item', () => {
    const counts = countBy([{ v: ['a', 'b', 'a'] }, { v: ['a'] }], (x) => x.v);
    expect([...counts]).toEqual([['a', 2], ['b', 1]]);
  });
});

describe('paginate', () => {
  test('splits a list into pages of a size, in order, numbering them and their first item', () => {
    expect(paginate([1, 2, 3, 4, 5], 2)).toEqual([
      { number: 1, count: 3, items: [1, 2], first: 1 },
      { number: 2, count: 3, items: [3, 4], first: 3 },
      { number: 3, count: 3, items: [5], first: 5 },
    ]);
    expect(paginate([1, 2], 2)).toHaveLength(1);
    expect(paginate([], 2)).toEqual([{ number: 1, count: 1, items: [], first: 1 }]);
  });

  test('gives the first page its own address and the others one below it', () => {
    expect(pagePath('/vendors/hikvision/', 1)).toBe('/vendors/hikvision/');
    expect(pagePath('/vendors/hikvision/', 3)).toBe('/vendors/hikvision/page/3/');
  });
});

describe('pagerNumbers', () => {
  test('links every page of a short list', () => {
    expect(pagerNumbers(1, 1)).toEqual([1]);
    expect(pagerNumbers(3, PAGER_ALL_UP_TO)).toEqual(Array.from({ length: PAGER_ALL_UP_TO }, (_, i) => i + 1));
  });

  test('past that, the first two, the last two and three either side of the current page, with a gap where it skips', () => {
    expect(pagerNumbers(10, 40)).toEqual([1, 2, null, 7, 8, 9, 10, 11, 12, 13, null, 39, 40]);
    expect(pagerNumbers(1, 40)).toEqual([1, 2, 3, 4, null, 39, 40]);
    expect(pagerNumbers(40, 40)).toEqual([1, 2, null, 37, 38, 39, 40]);
    expect(pagerNumbers(5, 40)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, null, 39, 40]);
  });

  test('every page can reach every other within a few steps, and the count of links stays small', () => {
    for (const count of [16, 50, 199]) {
      for (let n = 1; n <= count; n += 1) {
        const shown = pagerNumbers(n, count).filter((x): x is number => x !== null);
        expect(shown).toContain(n);
        expect(shown).toContain(1);
        expect(shown).toContain(count);
        if (n > 1) expect(shown).toContain(n - 1);
        if (n < count) expect(shown).toContain(n + 1);
        expect(shown.length).toBeLessThanOrEqual(11);
      }
    }
  });
});
