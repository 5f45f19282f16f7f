import { describe, expect, it } from 'vitest';
import { createSimulation } from './simulation.ts';
import type { RunEngine } from '../../shared/scenario/resolved.ts';
import { ENGINES, runToEnd, twoTierScenario } from '../../../tests/support/engine/scenarios.ts';
import { parseScenario } from '../../shared/scenario/parse.ts';
import { fragmentedThpEntry } from '../verify/thp-corpus.ts';
import { lowProtectsTenant, withMglru } from '../verify/memcg-corpus.ts';
import { loadedDramEntry } from '../verify/colloid-corpus.ts';

const threeNodes = [
  { id: 0, memory: 'dram', capacity: '64MiB', cpus: 1 },
  { id: 1, memory: 'pmem', capacity: '64MiB', cpus: 0 },
  { id: 2, memory: 'pmem', capacity: '64MiB', cpus: 0 },
];
const bound = { size: '112MiB', mempolicy: { mode: 'bind', nodes: [0] } };

function allSamples(seed: number, engine: RunEngine): string {
  const s = twoTierScenario({
    workload: { type: 'hotset', size: '80MiB', accesses: 200000 },
    run: { seed, engine },
  });
  const sim = createSimulation(s);
  const parts: string[] = [];
  while (!sim.done) {
    sim.advance(sim.nowMs + 100);
    const b = sim.takeSamples();
    if (b) parts.push(JSON.stringify(b));
  }
  return parts.join(';');
}

describe('determinism', () => {
  it.each(ENGINES)(
    'gives byte-identical results and samples for the same scenario, seed and engine (%s)',
    (engine) => {
      const s = twoTierScenario({
        workload: { type: 'hotset', size: '80MiB', accesses: 200000 },
        run: { engine },
      });
      expect(JSON.stringify(runToEnd(s))).toBe(JSON.stringify(runToEnd(structuredClone(s))));
      expect(allSamples(3, engine)).toBe(allSamples(3, engine));
    },
  );

  it.each(ENGINES)(
    'gives byte-identical results when THP faults stall in direct compaction (%s)',
    (engine) => {
      const parsed = parseScenario({
        ...fragmentedThpEntry('always').file,
        run: { durationMs: 600, engine },
      });
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      const a = runToEnd(parsed.scenario);
      expect(a.vmstat.compact_stall).toBeGreaterThan(0);
      expect(JSON.stringify(runToEnd(structuredClone(parsed.scenario)))).toBe(JSON.stringify(a));
    },
  );
  it.each(ENGINES)('gives byte-identical results when Colloid demotes and promotes (%s)', (engine) => {
    const entry = loadedDramEntry('zipf', false);
    const parsed = parseScenario({
      ...entry.file,
      run: { ...(entry.file.run as object), durationMs: 1200, engine },
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const a = runToEnd(parsed.scenario);
    expect(a.vmstat.colloid_demote).toBeGreaterThan(0);
    expect(JSON.stringify(runToEnd(structuredClone(parsed.scenario)))).toBe(JSON.stringify(a));
  });
  it.each(ENGINES)('gives byte-identical results with the multi-gen LRU on (%s)', (engine) => {
    const s = twoTierScenario({
      knobs: { lru_gen_enabled: true },
      workload: { type: 'hotset', size: '150MiB', distribution: 'zipf', accesses: 400000 },
      run: { engine },
    });
    expect(JSON.stringify(runToEnd(s))).toBe(JSON.stringify(runToEnd(structuredClone(s))));
  });

  it.each(ENGINES)(
    'gives byte-identical results with cgroups under the multi-gen LRU, whose memcg LRU draws bins (%s)',
    (engine) => {
      const parsed = parseScenario({
        ...withMglru(lowProtectsTenant('linux', 'uniform', false)).file,
        run: { durationMs: 500, engine },
      });
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
      const a = runToEnd(parsed.scenario);
      expect(a.cgroups!.length).toBe(2);
      expect(a.vmstat.pgscan_kswapd! + a.vmstat.pgscan_direct!).toBeGreaterThan(0);
      expect(JSON.stringify(runToEnd(structuredClone(parsed.scenario)))).toBe(JSON.stringify(a));
    },
  );

  it('changes what a random workload does when the seed changes (exact: which pages it touches)', () => {
    // Which pages a hot set touches is random: the share of slow-node references, so the latency, moves.
    const latency = (seed: number) =>
      runToEnd(
        twoTierScenario({
          workload: { type: 'hotset', size: '80MiB', accesses: 200000 },
          run: { seed, engine: 'exact' },
        }),
      ).tasks[0]!.meanLatencyNs;
    expect(latency(3)).not.toBe(latency(4));
  });

  it('changes what reclaim finds referenced when the seed changes (rate: the settled accessed bits)', () => {
    // The rate engine's draws decide which pages reclaim finds young: what it swaps out, and so
    // how often a task faults one back in, moves. (pswpout does not: with the swap cache a page is
    // written once and every later reclaim of it while clean is free.)
    const swapIns = (seed: number) =>
      runToEnd(
        twoTierScenario({
          knobs: { demotion_enabled: false },
          workload: { type: 'hotset', size: '96MiB', mempolicy: { mode: 'bind', nodes: [0] } },
          run: { seed, engine: 'rate' },
        }),
      ).vmstat.pgmajfault!;
    expect(swapIns(3)).toBeGreaterThan(0);
    expect(swapIns(3)).not.toBe(swapIns(4));
  });

  it('spreads demotion over equally near targets at random, differently per seed', () => {
    const split = (seed: number) => {
      const r = runToEnd(twoTierScenario({ nodes: threeNodes, workload: bound, run: { seed } }));
      expect(r.nodes[0]!.demotionTargets.preferred).toEqual([1, 2]);
      return [r.tasks[0]!.residentPages['1']!, r.tasks[0]!.residentPages['2']!];
    };
    const a = split(1);
    const b = split(2);
    expect(a[0]! > 0 && a[1]! > 0).toBe(true);
    expect(a).not.toEqual(b);
  });

  it('never demotes to a node of the same or a higher tier', () => {
    const nodes = [
      { id: 0, memory: 'dram', capacity: '48MiB', cpus: 1 },
      { id: 1, memory: 'dram', capacity: '48MiB', cpus: 1 },
      { id: 2, memory: 'cxl', capacity: '64MiB', cpus: 0 },
      { id: 3, memory: 'pmem', capacity: '256MiB', cpus: 0, hmat: false },
    ];
    const r = runToEnd(
      twoTierScenario({ nodes, workload: { size: '160MiB', mempolicy: { mode: 'bind', nodes: [0] } } }),
    );
    const tier = (id: number) => r.nodes[id]!.tier;
    for (const n of r.nodes) {
      for (const t of [...n.demotionTargets.preferred, ...n.demotionTargets.fallback])
        expect(tier(t)).toBeGreaterThan(n.tier);
    }
    // Pages left node 0 by demotion, and nothing arrived on node 1 (same tier).
    expect(r.nodes[0]!.vmstat.pgdemote_kswapd! + r.nodes[0]!.vmstat.pgdemote_direct!).toBeGreaterThan(0);
    expect(r.tasks[0]!.residentPages['1']).toBe(0);
  });
});
