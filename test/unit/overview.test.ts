import { describe, expect, test } from 'vitest';
import { dateMidpoint, layoutOverview, markPath, mergedLanes, SHAPES } from '../../src/lib/views/overview.ts';

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

describe('mergedLanes', () => {
  const CATS = ['government-restriction', 'legislation', 'sanction-listing', 'warning', 'report', 'company-response'] as const;
  /** `n` events spread over 2010–2029, the categories taken in turn. */
  const record = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ id: `e${i}`, date: `${2010 + (i % 20)}-${String((i % 12) + 1).padStart(2, '0')}-15`, title: `Event ${i}`, category: CATS[i % CATS.length]!, key: i < 3 }));

  test('draws one mark per kind of event and year, so a record five times larger draws as many', () => {
    const small = mergedLanes(layoutOverview(record(1000)));
    const large = mergedLanes(layoutOverview(record(5000)));
    const marks = (lanes: typeof small) => lanes.reduce((n, l) => n + (l.d.match(/M/g)?.length ?? 0), 0);
    expect(small).toHaveLength(CATS.length);
    expect(marks(small)).toBeLessThanOrEqual(CATS.length * 20 * 2);
    expect(marks(large)).toBe(marks(small));
    const bytes = (lanes: typeof small) => lanes.reduce((n, l) => n + l.d.length, 0);
    expect(Math.abs(bytes(large) - bytes(small)) / bytes(small)).toBeLessThan(0.1);
  });

  test('leaves the key events out, and a year without events of a kind without a mark', () => {
    const items = [
      { id: 'a', date: '2019-05-01', title: 'A', category: 'warning' as const, key: true },
      { id: 'b', date: '2020-05-01', title: 'B', category: 'warning' as const, key: false },
      { id: 'c', date: '2021-05-01', title: 'C', category: 'report' as const, key: false },
    ];
    const lanes = mergedLanes(layoutOverview(items));
    expect(lanes.map((l) => l.d.match(/M/g)?.length ?? 0)).toEqual([1, 1]);
  });
});
