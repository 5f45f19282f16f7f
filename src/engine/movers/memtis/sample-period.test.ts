import { describe, expect, it } from 'vitest';
import { checkCpuQuota, createSamplePeriod, PEBS_PERIOD_LIST } from './sample-period.ts';

const S = 15e9;

describe("ksamplingd's dynamic sample period", () => {
  it('steps up pebs_period_list when over its quota by more than 0.5%, down when under', () => {
    const p = createSamplePeriod(199);
    // 0.75 s of CPU in 15 s is 50 per mille; the first check takes 8/10 of it: 40 > 30 + 5.
    expect(checkCpuQuota(p, 0.75e9, S, 30)).toBe(true);
    expect([p.period, p.cputime]).toEqual([293, 40]);
    // 0.5 s: 33 per mille, within 30 +/- 5: no step.
    expect(checkCpuQuota(p, 0.5e9, S, 30)).toBe(false);
    expect(p.period).toBe(293);
    // 0.3 s: 20 per mille < 25: back down.
    expect(checkCpuQuota(p, 0.3e9, S, 30)).toBe(true);
    expect(p.period).toBe(199);
    // Already at the shortest period: nothing below it.
    expect(checkCpuQuota(p, 0, S, 30)).toBe(false);
    expect(p.period).toBe(199);
  });

  it('stops at the longest period, and never moves with a quota of 0', () => {
    const last = PEBS_PERIOD_LIST[PEBS_PERIOD_LIST.length - 1]!;
    const p = createSamplePeriod(last);
    expect(checkCpuQuota(p, S, S, 30)).toBe(false);
    expect(p.period).toBe(last);
    const fixed = createSamplePeriod(199);
    expect(checkCpuQuota(fixed, S, S, 0)).toBe(false);
    expect(fixed.period).toBe(199);
  });
});
