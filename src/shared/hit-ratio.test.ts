import { describe, expect, it } from 'vitest';
import type { TaskResult } from './result.ts';
import { intervalHitRatios, machineHitRatioOverTime, taskHitRatioOverTime } from './hit-ratio.ts';

function task(references: number[], fastTierHits?: number[]): TaskResult {
  return {
    name: 't',
    type: 'hotset',
    threads: 1,
    references: references.at(-1) ?? 0,
    throughput: 0,
    meanLatencyNs: 0,
    runMs: 0,
    finished: true,
    oomKilled: false,
    residentPages: {},
    residency: { timesMs: [0, 100, 200], pages: [], references, ...(fastTierHits ? { fastTierHits } : {}) },
    hitsByNode: {},
    fastTierHitRatio: 0,
  };
}

describe('the hit ratio over time', () => {
  it('is each interval’s hits over its references, as in the worked example', () => {
    expect(intervalHitRatios([0, 100, 200], [0, 1000, 3000], [0, 900, 1100])).toEqual({
      timesMs: [100, 200],
      ratios: [0.9, 0.1],
    });
  });

  it('leaves out intervals without references and caps a rounded-up interval at 1', () => {
    expect(intervalHitRatios([0, 100, 200, 300], [0, 0, 2, 4], [0, 0, 3, 4])).toEqual({
      timesMs: [200, 300],
      ratios: [1, 0.5],
    });
  });

  it('is absent for a task from a result written before the hits were kept', () => {
    expect(taskHitRatioOverTime(task([0, 10, 20]))).toBeNull();
    expect(machineHitRatioOverTime([task([0, 10, 20])])).toBeNull();
  });

  it('adds the tasks up at each sample for the machine-wide ratio', () => {
    const all = machineHitRatioOverTime([
      task([0, 100, 200], [0, 100, 100]),
      task([0, 300, 400], [0, 0, 100]),
    ]);
    expect(all).toEqual({ timesMs: [100, 200], ratios: [0.25, 0.5] }); // 100 of 400, then 100 of 200
  });
});
