import { describe, expect, it } from 'vitest';
import { armStatistics, bestVsRunnerUp } from './arm-statistics.ts';

const MINIMISE = { higherIsBetter: false, maximise: false };
const MAXIMISE = { higherIsBetter: true, maximise: true };

describe('arm statistics', () => {
  it('give an Amean, its stddev, standard error and Stat.pm interval for a lower-is-better metric', () => {
    const s = armStatistics([10, 12, 14], MINIMISE)!;
    // mean 12; squares 4 + 0 + 4 over n - 1 = 2: stddev 2; stderr 2 / sqrt(3); interval 12 -/+ 1.96 * 2.
    expect(s).toMatchObject({ n: 3, mean: 12, meanKind: 'amean', stddev: 2, min: 10, max: 14 });
    expect(s.stderr).toBeCloseTo(2 / Math.sqrt(3), 12);
    expect(s.ci[0]).toBeCloseTo(12 - 1.959963984540054 * 2, 12);
    expect(s.ci[1]).toBeCloseTo(12 + 1.959963984540054 * 2, 12);
  });

  it('give an Hmean for a higher-is-better metric and leave runs without a value out', () => {
    const s = armStatistics([2, NaN, 4], MAXIMISE)!;
    // 2 / (1/2 + 1/4) = 8/3.
    expect(s.n).toBe(2);
    expect(s.mean).toBeCloseTo(8 / 3, 12);
    expect(s.meanKind).toBe('hmean');
    expect(armStatistics([NaN], MAXIMISE)).toBeNull();
  });

  it('average an arm with a zero value arithmetically (Stat.pm has no Hmean of 0), saying so', () => {
    const s = armStatistics([0, 0.3], MAXIMISE)!;
    expect(s).toMatchObject({ n: 2, mean: 0.15, meanKind: 'amean', min: 0, max: 0.3 });
    expect(armStatistics([0], MAXIMISE)).toMatchObject({ n: 1, mean: 0, meanKind: 'amean' });
  });

  it('give no spread (null, which JSON keeps) for one run, and no cidiff or effect size against it', () => {
    const one = armStatistics([5], MINIMISE)!;
    expect(one).toMatchObject({ n: 1, mean: 5, stddev: null, stderr: null, ci: [null, null] });
    const v = bestVsRunnerUp(one, armStatistics([7], MINIMISE)!, MINIMISE);
    expect([v.cidiff, v.effectSize]).toEqual([null, null]);
    expect(JSON.parse(JSON.stringify(one))).toEqual(one);
  });

  it('tell the best from a runner-up whose interval does not overlap it, as Compare marks `*`', () => {
    const best = armStatistics([10, 11, 12], MINIMISE)!;
    const runnerUp = armStatistics([20, 21, 22], MINIMISE)!;
    const v = bestVsRunnerUp(best, runnerUp, MINIMISE);
    // Half-widths 1.96 each: (21 - 11) / 3.92 = 2.55 > 1. pndiff(21, 11) = 100 - 2100 / 11.
    expect(v.cidiff).toBeCloseTo(10 / (2 * 1.959963984540054), 9);
    expect(v.significant).toBe(true);
    expect(v.meanDiffPercent).toBeCloseTo(100 - 2100 / 11, 9);
    // Cohen's d with pooled stddev 1, signed so worse is negative.
    expect(v.effectSize).toBeCloseTo(-10, 9);
    const close = bestVsRunnerUp(best, armStatistics([11, 12, 13], MINIMISE)!, MINIMISE);
    expect(close.significant).toBe(false);
  });
});
