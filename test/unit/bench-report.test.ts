import { describe, expect, test } from 'vitest';
import { pairedRatios } from '../../scripts/bench/report.ts';

describe('pairedRatios', () => {
  test('divides each full run by the baseline run built after it and gives the median', () => {
    const pair = pairedRatios([12, 15, 13], [10, 10, 13]);
    expect(pair?.ratios).toEqual([1.2, 1.5, 1]);
    expect(pair?.median).toBe(1.2);
    expect(pairedRatios([12, 15, 13, 11], [10, 10, 13, 10])?.median).toBeCloseTo(1.15);
  });

  test('is not given for one run, runs that do not pair up, or a run without a figure', () => {
    expect(pairedRatios([12], [10])).toBeUndefined();
    expect(pairedRatios([12, 13], [10])).toBeUndefined();
    expect(pairedRatios([12, undefined], [10, 11])).toBeUndefined();
  });
});
