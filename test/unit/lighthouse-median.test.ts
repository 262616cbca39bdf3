import { describe, expect, test } from 'vitest';
import { medianRun, type LighthouseScores } from '../../scripts/bench/lighthouse.ts';

const run = (performance: number | undefined, failing: string[] = []): LighthouseScores => ({
  url: 'http://127.0.0.1:1/',
  performance,
  accessibility: 100,
  bestPractices: 100,
  seo: 100,
  domElements: 10,
  failing,
  performanceRuns: [],
});

describe('the benchmark keeps the median Lighthouse run of a page', () => {
  test('an outlier run on either side is not the one reported', () => {
    const median = medianRun([run(100, ['a']), run(94, ['slow']), run(99, ['b'])]);
    expect(median.performance).toBe(99);
    expect(median.failing).toEqual(['b']);
    expect(median.performanceRuns).toEqual([100, 94, 99]);
  });

  test('with an even count the lower middle run is kept, and a missing score counts as lowest', () => {
    expect(medianRun([run(100), run(98), run(undefined), run(99)]).performance).toBe(98);
  });

  test('no runs is an error, not a made-up score', () => {
    expect(() => medianRun([])).toThrow(/at least one run/);
  });
});
