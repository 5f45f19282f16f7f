import { describe, expect, it } from 'vitest';
import {
  COLD_AGE_BIN_MS,
  coldAgeBin,
  damonIdleMs,
  idlePercentiles,
  NR_COLD_AGE_BINS,
  slowTierAccessRatio,
  slowTierResidencyRatio,
} from './fleet-metrics.ts';
import { FLEET_GAUGES } from './vmstat.ts';

describe('DAMON_STAT idle time', () => {
  it('is 0 for memory accessed in the last 100 ms aggregation interval and whole intervals after', () => {
    expect(damonIdleMs(0)).toBe(0);
    expect(damonIdleMs(99.9)).toBe(0);
    expect(damonIdleMs(100)).toBe(100);
    expect(damonIdleMs(620)).toBe(600);
    expect(damonIdleMs(2999)).toBe(2900);
  });

  it('bins idle times by powers of two from 100 ms, the last bin open-ended', () => {
    expect(COLD_AGE_BIN_MS.slice(0, 5)).toEqual([0, 100, 200, 400, 800]);
    expect(coldAgeBin(0)).toBe(0);
    expect(coldAgeBin(100)).toBe(1);
    expect(coldAgeBin(199)).toBe(1);
    expect(coldAgeBin(200)).toBe(2);
    expect(coldAgeBin(700)).toBe(3);
    expect(coldAgeBin(800)).toBe(4);
    expect(coldAgeBin(102_400)).toBe(11);
    expect(coldAgeBin(1e9)).toBe(11);
    expect(FLEET_GAUGES.length).toBe(NR_COLD_AGE_BINS);
  });
});

describe('memory_idle_ms_percentiles', () => {
  it('takes, for each percentile, the idle time of the first piece that brings the memory counted to it', () => {
    // Four pieces of 1, 1, 2 and 6 pages (10 in all), idle 300, 0, 100 and 900 ms. Sorted: 0 (1 page,
    // 10%), 100 (2 pages, to 30%), 300 (1 page, to 40%), 900 (6 pages, to 100%). As the kernel's loop
    // fills them: p0..p10 = 0, p11..p30 = 100, p31..p40 = 300, p41..p100 = 900.
    const p = idlePercentiles([300, 0, 100, 900], [1, 1, 2, 6]);
    expect(p).toHaveLength(101);
    expect(p[0]).toBe(0);
    expect(p[10]).toBe(0);
    expect(p[11]).toBe(100);
    expect(p[30]).toBe(100);
    expect(p[31]).toBe(300);
    expect(p[40]).toBe(300);
    expect(p[41]).toBe(900);
    expect(p[100]).toBe(900);
  });

  it('rounds the share down as the kernel divides: 1 page of 3 reaches 33%, not 34%', () => {
    const p = idlePercentiles([0, 500, 500], [1, 1, 1]);
    expect(p[33]).toBe(0);
    expect(p[34]).toBe(500);
  });

  it('is 0 throughout when no memory is resident', () => {
    expect(idlePercentiles([], [])).toEqual(new Array(101).fill(0));
  });
});

describe("TMTS's STRR and STAR", () => {
  it('averages the slow-tier share of residency over the samples that had pages', () => {
    // Node 0 is the top tier. Samples: nothing resident; 30 + 10 (25% slow); 20 + 20 (50% slow).
    const pages = [
      [0, 0],
      [30, 10],
      [20, 20],
    ];
    expect(slowTierResidencyRatio(pages, [true, false])).toBeCloseTo(0.375, 12);
    expect(slowTierResidencyRatio([[0, 0]], [true, false])).toBeNaN();
  });

  it('counts the hits below the top tier over all hits', () => {
    // DRAM 600 hits, CXL 300, PMEM 100: 400 of 1000 below the top tier.
    expect(slowTierAccessRatio([600, 300, 100], [true, false, false])).toBeCloseTo(0.4, 12);
    expect(slowTierAccessRatio([0, 0], [true, false])).toBeNaN();
  });
});
