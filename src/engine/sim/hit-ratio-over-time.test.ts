import { describe, expect, it } from 'vitest';
import { taskHitRatioOverTime } from '../../shared/hit-ratio.ts';
import type { TaskResult } from '../../shared/result.ts';
import { ENGINES, runToEnd, twoTierScenario } from '../../../tests/support/engine/scenarios.ts';

/** A 16 MiB hot set bound to one node of the 64 MiB DRAM + 128 MiB PMEM machine: it fits either. */
function boundHotset(node: number) {
  return twoTierScenario({
    workload: { type: 'hotset', size: '16MiB', mempolicy: { mode: 'bind', nodes: [node] } },
    run: { durationMs: 500 },
  });
}

function hits(t: TaskResult): number[] {
  const h = t.residency.fastTierHits;
  if (!h) throw new Error('the result kept no top-tier hits over time');
  return h;
}

describe.each(ENGINES)('the fast-tier hit ratio over time (%s engine)', (engine) => {
  it('ends, cumulatively, at the task’s fastTierHitRatio, with a count at every sample', () => {
    const r = runToEnd(twoTierScenario({ workload: { type: 'hotset', size: '80MiB' } }), engine);
    const t = r.tasks[0]!;
    expect(hits(t)).toHaveLength(t.residency.timesMs.length);
    expect(t.residency.references.at(-1)).toBe(t.references);
    expect(t.fastTierHitRatio).toBeGreaterThan(0);
    expect(t.fastTierHitRatio).toBeLessThan(1);
    expect(hits(t).at(-1)! / t.references).toBe(t.fastTierHitRatio);
  });

  it('is 1 once a hot set bound to DRAM has touched its pages (first touches are faults, so misses)', () => {
    const t = runToEnd(boundHotset(0), engine).tasks[0]!;
    const series = taskHitRatioOverTime(t)!;
    expect(series.ratios.length).toBeGreaterThan(2);
    expect(series.ratios.at(-1)).toBe(1);
    expect(series.ratios.at(-2)).toBe(1);
    expect(t.fastTierHitRatio).toBeGreaterThan(0.9);
  });

  it('is 0 throughout for a hot set bound to the slow node', () => {
    const t = runToEnd(boundHotset(1), engine).tasks[0]!;
    const series = taskHitRatioOverTime(t)!;
    expect(series.ratios.length).toBeGreaterThan(2);
    expect(series.ratios.every((r) => r === 0)).toBe(true);
    expect(t.fastTierHitRatio).toBe(0);
    expect(t.hitsByNode['1']).toBeGreaterThan(0);
  });
});
