import { describe, expect, it } from 'vitest';
import { amean, coeffvar, gmean, hmean, hstddev, max, meanCi, min, percentile, stddev } from './stats.ts';

// The textbook sample: sum 40, squared deviations from 5 sum to 32, sum of reciprocals 1.903968...
const SAMPLE = [2, 4, 4, 4, 5, 5, 7, 9];

describe('stats of [2, 4, 4, 4, 5, 5, 7, 9]', () => {
  it('has min 2, max 9 and arithmetic mean 5', () => {
    expect(min(SAMPLE)).toBe(2);
    expect(max(SAMPLE)).toBe(9);
    expect(amean(SAMPLE)).toBe(5);
  });

  it('has a sample standard deviation of sqrt(32 / 7), dividing by n - 1 as Stat.pm does', () => {
    expect(stddev(SAMPLE)).toBeCloseTo(2.138089935299395, 12);
  });

  it('has a coefficient of variation of stddev / mean in percent', () => {
    expect(coeffvar(2.138089935299395, 5)).toBeCloseTo(42.76179870598791, 10);
  });

  it('has a harmonic mean of 8 / 1.903968...', () => {
    expect(hmean(SAMPLE)).toBeCloseTo(4.201750729470613, 12);
  });

  it('has a geometric mean of 201600^(1/8)', () => {
    expect(gmean(SAMPLE)).toBeCloseTo(4.603215596046737, 12);
  });

  it('has an HStddev of sqrt(sum((1/x - 1/H)^2) * H^4 / n)', () => {
    expect(hstddev(SAMPLE)).toBeCloseTo(1.9451947979120296, 12);
  });

  it('has a 95% interval of the mean of 5 -/+ 1.959964 x stddev, not divided by sqrt(n)', () => {
    const [low, high] = meanCi(5, 2.138089935299395);
    expect(low).toBeCloseTo(0.809420731105612, 10);
    expect(high).toBeCloseTo(9.190579268894388, 10);
  });

  it('takes percentiles by nearest rank, rounding the rank down', () => {
    expect(percentile(SAMPLE, 50)).toBe(4); // rank floor(4.0) = 4
    expect(percentile(SAMPLE, 95)).toBe(7); // rank floor(7.6) = 7
    expect(percentile(SAMPLE, 100)).toBe(9);
    expect(percentile(SAMPLE, 10)).toBe(2); // rank floor(0.8) = 0, raised to 1
  });
});

describe('stats that are not defined', () => {
  it('give no harmonic mean (or HStddev) when a value is zero or negative', () => {
    expect(hmean([3, 0, 6])).toBeNaN();
    expect(hmean([3, -1, 6])).toBeNaN();
    expect(hstddev([3, 0, 6])).toBeNaN();
  });

  it('give no mean of an empty sample', () => {
    expect(amean([])).toBeNaN();
    expect(hmean([])).toBeNaN();
    expect(gmean([])).toBeNaN();
    expect(percentile([], 50)).toBeNaN();
  });

  it('give no stddev or interval for a single run, and a CoeffVar of 0 as Stat.pm does', () => {
    expect(stddev([7])).toBeNaN();
    expect(hstddev([7])).toBeNaN();
    expect(meanCi(7, NaN).every(Number.isNaN)).toBe(true);
    expect(coeffvar(NaN, 7)).toBe(0);
  });

  it('give a CoeffVar of 0 when the mean is 0', () => {
    expect(coeffvar(3, 0)).toBe(0);
  });
});
