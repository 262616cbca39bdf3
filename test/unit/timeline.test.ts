import { describe, expect, test } from 'vitest';
import { countBy, groupByYear, neighboursOf, sortChronologically } from '../../src/lib/timeline.ts';

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
