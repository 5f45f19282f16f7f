import { describe, expect, it } from 'vitest';
import { ENGINES, twoTierScenario } from '../../../tests/support/engine/scenarios.ts';
import type { RunEngine } from '../../shared/scenario/resolved.ts';
import { createSimulation } from './simulation.ts';

/** usemem 8 MiB (2048 pages, one step each) with MPOL_WEIGHTED_INTERLEAVE over DRAM and PMEM. */
function run(engine: RunEngine, mempolicy: object, weightedInterleave?: object) {
  const s = twoTierScenario({
    swap: false,
    workload: { size: '8MiB', repeats: 1, mempolicy },
    run: { engine, durationMs: 300 },
  });
  if (weightedInterleave) {
    s.machine.interleaveWeights = (weightedInterleave as { weights: number[] }).weights;
    s.machine.interleaveAuto = false;
  }
  const sim = createSimulation(s);
  sim.advance(s.run.durationMs);
  const batch = sim.takeSamples()!;
  return (n: number, name: string) => batch.nodes[n]![name]!.at(-1)!;
}

describe.each(ENGINES)('weighted interleave (%s engine)', (engine) => {
  // The task's page tables are allocated under its policy too, so the sequence covers them: n
  // allocations in rounds of w0 + w1 put w0 * rounds + min(rest, w0) of them on node 0.
  const onNode0 = (n: number, w0: number, w1: number) =>
    w0 * Math.floor(n / (w0 + w1)) + Math.min(n % (w0 + w1), w0);
  const pages = (last: ReturnType<typeof run>, n: number) =>
    last(n, 'nr_anon_pages') + last(n, 'nr_page_table_pages');

  it('places 3 pages on DRAM for each one on PMEM with weights 3:1', () => {
    // 2048 user pages and a few page tables, each on the node the policy chose (numa_interleave).
    const last = run(engine, { mode: 'weighted_interleave', nodes: [0, 1] }, { weights: [3, 1] });
    const total = pages(last, 0) + pages(last, 1);
    expect(last(0, 'nr_anon_pages') + last(1, 'nr_anon_pages')).toBe(2048);
    expect(pages(last, 0)).toBe(onNode0(total, 3, 1));
    expect(last(0, 'numa_interleave') + last(1, 'numa_interleave')).toBe(total);
  });

  it('interleaves 1:1 by default on 6.12, whose weights all start at 1 (no auto before v6.16)', () => {
    const last = run(engine, { mode: 'weighted_interleave', nodes: [0, 1] });
    const total = pages(last, 0) + pages(last, 1);
    expect(pages(last, 0)).toBe(onNode0(total, 1, 1));
    expect(Math.abs(last(0, 'nr_anon_pages') - 1024)).toBeLessThanOrEqual(5);
  });

  it("uses auto's table when it has one: 26:5, DDR4 and Optane's as v6.16 derives them", () => {
    // The table interleave-weights.test.ts works out by hand for these two nodes.
    const last = run(engine, { mode: 'weighted_interleave', nodes: [0, 1] }, { weights: [26, 5] });
    const total = pages(last, 0) + pages(last, 1);
    expect(pages(last, 0)).toBe(onNode0(total, 26, 5));
    // About 26/31 of the 2048 user pages on DRAM: 1718 give or take the page tables' turns.
    expect(Math.abs(last(0, 'nr_anon_pages') - 1718)).toBeLessThanOrEqual(5);
  });
});
