import { describe, expect, test } from 'vitest';
import { countBy, groupByYear, neighboursOf, sortChronologically, splitRecentYears } from '../../src/lib/model/timeline.ts';

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

describe('splitRecentYears', () => {
  const groups = [
    { year: 2019, items: [1, 2, 3] },
    { year: 2020, items: [1, 2] },
    { year: 2021, items: [1, 2, 3, 4] },
  ];
  test.each([
    [100, [2019, 2020, 2021], []],
    [6, [2020, 2021], [2019]],
    [5, [2021], [2019, 2020]],
  ])('with a limit of %i shows %j in full and summarises %j', (limit, shown, summarised) => {
    const split = splitRecentYears(groups, limit);
    expect(split.shown.map((g) => g.year)).toEqual(shown);
    expect(split.summarised.map((g) => g.year)).toEqual(summarised);
    expect(split.latestYearTotal).toBeUndefined();
  });

  test('shows only the latest items of the latest year when that year alone is over the limit', () => {
    const split = splitRecentYears(groups, 2);
    expect(split.shown).toEqual([{ year: 2021, items: [3, 4] }]);
    expect(split.summarised.map((g) => g.year)).toEqual([2019, 2020]);
    expect(split.latestYearTotal).toBe(4);
  });
});

