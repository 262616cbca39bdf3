import { describe, expect, test } from 'vitest';
import { measureVersionPath, measureVersionsOf } from '../../src/lib/model/measure-versions.ts';
import type { MeasureStage } from '../../src/schemas/measure.ts';

const stages: MeasureStage[] = [
  { date: '2022-11-11', stage: 'adopted', entry: 'a' },
  { date: '2023-02', stage: 'in-force', entry: 'a' },
  { date: '2024-04-02', stage: 'upheld', entry: 'b', note: 'Upheld.' },
  { date: '2024-04-02', stage: 'remanded', entry: 'b' },
];

describe('measureVersionsOf', () => {
  const versions = measureVersionsOf({ stages });

  test('makes one version per stage, numbered from 1, oldest first, the last one current', () => {
    expect(versions.map((v) => [v.n, v.date, v.stage.stage, v.current])).toEqual([
      [1, '2022-11-11', 'adopted', false],
      [2, '2023-02', 'in-force', false],
      [3, '2024-04-02', 'upheld', false],
      [4, '2024-04-02', 'remanded', true],
    ]);
  });

  test('gives each version the stages up to and including its own', () => {
    expect(versions.map((v) => v.stages.length)).toEqual([1, 2, 3, 4]);
    expect(versions[2]!.stages.at(-1)).toEqual(stages[2]);
  });

  test('leaves every earlier version as it was when a stage is added', () => {
    const later = measureVersionsOf({ stages: [...stages, { date: '2025-10-28', stage: 'expanded', entry: 'c' }] });
    expect(later.slice(0, 4).map(({ current: _current, ...v }) => v)).toEqual(versions.map(({ current: _current, ...v }) => v));
    expect(later.filter((v) => v.current).map((v) => v.n)).toEqual([5]);
  });
});

describe('measureVersionPath', () => {
  test.each([
    ['/', 'us-entity-list', 1, '/measures/us-entity-list/v/1/'],
    ['/tl/', 'us-entity-list', 3, '/tl/measures/us-entity-list/v/3/'],
  ])('under base %s puts version %s/%i at %s', (base, id, n, expected) => {
    expect(measureVersionPath({ measure: (m) => `${base}measures/${m}/` }, id, n)).toBe(expected);
  });
});
