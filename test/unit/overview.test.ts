import { describe, expect, test } from 'vitest';
import { dateMidpoint, layoutOverview, markPath, SHAPES } from '../../src/lib/views/overview.ts';

const item = (id: string, date: string, category: 'warning' | 'report' | 'legislation', key = false) => ({ id, date, title: id, category, key });

describe('dateMidpoint', () => {
  test.each([
    ['2022-11-24', '2022-11-24T12:00:00.000Z'],
    ['2021-03', '2021-03-16T12:00:00.000Z'],
    ['2020', '2020-07-02T00:00:00.000Z'],
  ])('puts %s at the middle of the period it names', (date, iso) => {
    expect(new Date(dateMidpoint(date)).toISOString()).toBe(iso);
  });
});

describe('layoutOverview', () => {
  const items = [item('b', '2021-06', 'warning', true), item('a', '2019-01-01', 'legislation', true), item('c', '2021-07-02', 'report'), item('d', '2021-07-03', 'warning', true)];
  const layout = layoutOverview(items, { width: 300, padding: 0, keySpacing: 20 });

  test('spans whole years from the first event to the last, on a scale of days', () => {
    expect(layout.ticks.map((t) => t.year)).toEqual([2019, 2020, 2021]);
    expect(layout.ticks[0]!.x).toBe(0);
    const days = (Date.UTC(2022, 0, 1) - Date.UTC(2019, 0, 1)) / 86_400_000;
    expect(layout.ticks[1]!.x).toBeCloseTo((365 / days) * 300, 1);
    expect(layout.ticks[2]!.x).toBeCloseTo(((365 + 366) / days) * 300, 1);
  });

  test('gives each used category one lane, in the fixed order, with its own shape', () => {
    expect(layout.lanes.map((l) => l.category)).toEqual(['legislation', 'warning', 'report']);
    expect(new Set(layout.lanes.map((l) => l.shape)).size).toBe(3);
    expect(layout.marks.find((m) => m.id === 'd')!.y).toBe(layout.lanes[1]!.y);
  });

  test('numbers the key events in date order and moves a number that would touch the previous one to another row', () => {
    expect(layout.keys.map((k) => [k.number, k.id])).toEqual([[1, 'a'], [2, 'b'], [3, 'd']]);
    const [, second, third] = layout.keys;
    expect(third!.y).not.toBe(second!.y);
    expect(layout.marks.find((m) => m.id === 'c')!.number).toBeUndefined();
  });

  test('draws every shape as a closed path around its centre', () => {
    for (const shape of SHAPES) expect(markPath(shape, 10, 10, 5)).toMatch(/^M[\d.]+ [\d.]+.*z$/);
    expect(new Set(SHAPES.map((s) => markPath(s, 10, 10, 5))).size).toBe(SHAPES.length);
  });
});
