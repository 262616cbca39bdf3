import { describe, expect, test } from 'vitest';
import { layoutYearChart } from '../../src/lib/views/chart.ts';

describe('layoutYearChart', () => {
  const items = [
    { date: '2019-10-07', category: 'sanction-listing' as const },
    { date: '2022-11-24', category: 'government-restriction' as const },
    { date: '2022-04', category: 'warning' as const },
    { date: '2022', category: 'warning' as const },
  ];
  const chart = layoutYearChart(items, { columnWidth: 10, gap: 2, plotHeight: 90, labelHeight: 10 });

  test('has one column per year from the first to the last, empty years included', () => {
    expect(chart.columns.map((c) => [c.year, c.total])).toEqual([[2019, 1], [2020, 0], [2021, 0], [2022, 3]]);
    expect(chart.width).toBe(4 * 12 - 2);
    expect(chart.height).toBe(100);
  });

  test('stacks categories in the fixed order with heights proportional to counts', () => {
    const year2022 = chart.columns[3]!;
    expect(year2022.segments.map((s) => [s.category, s.count, s.height])).toEqual([
      ['government-restriction', 1, 30],
      ['warning', 2, 60],
    ]);
    expect(year2022.segments[1]!.y).toBe(0);
    expect(year2022.segments[0]!.y).toBe(60);
  });

  test('returns an empty layout for no items', () => {
    expect(layoutYearChart([]).columns).toEqual([]);
  });
});
