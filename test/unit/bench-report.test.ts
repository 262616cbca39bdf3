import { describe, expect, test } from 'vitest';
import { buildTargets, judgedRatio, pairedRatios, withinShown, type BuildFigures } from '../../scripts/bench/report.ts';

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

describe('judgedRatio', () => {
  // Only the fields the build ratio reads; the rest of a BuildFigures is irrelevant here.
  const figures = (totals: number[], cpu: (number | undefined)[]) =>
    ({ totalMs: Math.min(...totals), totalCpuMs: cpu.includes(undefined) ? undefined : Math.min(...(cpu as number[])), allTotalsMs: totals, allTotalCpuMs: cpu }) as unknown as BuildFigures;

  test('judges five runs on the median of the pairs, not on the fastest run of each site', () => {
    // The baseline's third run is far faster than its others: the fastest runs read 1.40× (wall)
    // and 1.45× (CPU), but in four pairs of five the full site is within 1.2× of the baseline
    // built beside it.
    const result = { full: figures([14, 15, 16, 14.5, 15.5], [16, 17, 18, 16.5, 17.5]), baseline: figures([12.5, 13, 10, 12.5, 13.5], [14, 14.5, 11, 14, 15]) };
    const wall = judgedRatio(result, 'wall');
    expect(wall?.basis).toBe('paired');
    expect(wall?.pairs).toBe(5);
    expect(wall?.fastest).toBeCloseTo(1.4);
    expect(wall?.value).toBeCloseTo(15 / 13);
    expect(judgedRatio(result, 'cpu')?.value).toBeCloseTo(17 / 14.5);
  });

  test('judges fewer than three runs on the fastest runs, and has no CPU ratio without CPU times', () => {
    const result = { full: figures([14, 16], [16, undefined]), baseline: figures([12, 11], [13, 12]) };
    expect(judgedRatio(result, 'wall')).toEqual({ value: 14 / 11, basis: 'fastest', fastest: 14 / 11, unpaired: 'few runs' });
    expect(judgedRatio(result, 'cpu')).toBeUndefined();
    // Three full runs against two baseline runs cannot pair either.
    expect(judgedRatio({ full: figures([14, 16, 15], [16, 17, 16]), baseline: figures([12, 11], [13, 12]) }, 'wall')?.unpaired).toBe('few runs');
  });

  test('says so when five runs cannot be paired', () => {
    // A CPU figure missing from one baseline run: the fastest CPU times still exist (as the
    // least of those measured), but the runs no longer pair up.
    const baseline = { ...figures([12, 11, 12], [13, 12, 13]), allTotalCpuMs: [13, undefined, 13] } as BuildFigures;
    const result = { full: figures([14, 16, 15], [16, 17, 16]), baseline };
    expect(judgedRatio(result, 'cpu')).toMatchObject({ basis: 'fastest', unpaired: 'missing figures' });
    expect(buildTargets(result)[1]?.measured).toBe('1.33× (fastest runs; a run without a figure, so no pairs)');
  });

  test('a paired median within 1.3× is met although the fastest runs read more', () => {
    // The baseline's second run is its only fast one: the fastest runs read 1.40×, every pair 1.17× or less.
    const [wall, cpu] = buildTargets({ full: figures([14, 14.5, 14, 15, 14], [16, 16.5, 16, 17, 16]), baseline: figures([12, 10, 12.5, 13, 12], [14, 11, 14.5, 15, 14]) });
    expect(wall).toMatchObject({ measured: '1.17× (median of 5 paired runs; fastest runs 1.40×)', met: true });
    expect(cpu).toMatchObject({ measured: '1.14× (median of 5 paired runs; fastest runs 1.45×)', met: true });
  });

  test('is judged at the precision shown: 1.30× is met, 1.31× is not', () => {
    expect(withinShown(1.3, 1.3)).toBe(true);
    expect(withinShown(1.3049, 1.3)).toBe(true);
    expect(withinShown(1.3051, 1.3)).toBe(false);
    expect(withinShown(1.31, 1.3)).toBe(false);
    const shownAs = (value: number) => buildTargets({ full: figures([value * 10, value * 10, value * 10], [1, 1, 1]), baseline: figures([10, 10, 10], [1, 1, 1]) })[0]!;
    expect(shownAs(1.3049)).toMatchObject({ measured: '1.30× (median of 3 paired runs; fastest runs 1.30×)', met: true });
    expect(shownAs(1.3051)).toMatchObject({ measured: '1.31× (median of 3 paired runs; fastest runs 1.31×)', met: false });
  });

  test('a paired median over 1.3× is a missed target, whatever the fastest runs say', () => {
    const full = figures([14, 14, 14], [15, 15, 15]);
    const baseline = figures([10, 10.5, 13], [11, 11, 14]);
    const [wall, cpu] = buildTargets({ full, baseline });
    expect(wall).toMatchObject({ name: 'Full build vs baseline, wall time', measured: '1.33× (median of 3 paired runs; fastest runs 1.40×)', met: false });
    // 15/11, 15/11, 15/14: the median is 1.36×, the fastest runs 1.36× too.
    expect(cpu).toMatchObject({ measured: '1.36× (median of 3 paired runs; fastest runs 1.36×)', met: false });
    // Two runs of the same figures are judged on the fastest: 14/10 = 1.40×.
    const two = (f: BuildFigures) => ({ ...f, allTotalsMs: f.allTotalsMs.slice(0, 2), allTotalCpuMs: f.allTotalCpuMs.slice(0, 2) });
    expect(buildTargets({ full: two(full), baseline: { ...two(baseline), totalMs: 10 } })[0]?.measured).toBe('1.40× (fastest runs; fewer than 3 runs to pair)');
  });
});
