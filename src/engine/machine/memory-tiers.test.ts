import { describe, expect, it } from 'vitest';
import type { MemoryKind, ResolvedMachine } from '../../shared/scenario/resolved.ts';
import { computeAdistances } from './adistance.ts';
import {
  example1,
  example2,
  example3,
  makeMachine,
  makeNode,
} from '../../../tests/support/engine/machines.ts';
import {
  buildMemoryTiers,
  demotionTargetsLog,
  establishDemotionTargets,
  nodeIsToptier,
  tierIndexOf,
  topTierAdistance,
} from './memory-tiers.ts';
import { nodeStates } from './node-states.ts';

function tiersOf(machine: ResolvedMachine) {
  const states = nodeStates(machine);
  const tiers = buildMemoryTiers(computeAdistances(machine, states), states);
  return {
    tiers,
    topTier: nodeIsToptier(tiers, states),
    demotion: establishDemotionTargets(machine, states, tiers),
  };
}

describe('memory tiers: the worked examples of mm/memory-tiers.c', () => {
  it('Example 1: two DRAM sockets demote each to its own socket-local PMEM', () => {
    const { tiers, topTier, demotion } = tiersOf(example1());
    expect(tiers).toEqual([
      { id: 4, adistanceStart: 512, nodes: [0, 1] },
      { id: 22, adistanceStart: 2816, nodes: [2, 3] },
    ]);
    expect(topTier).toEqual([true, true, false, false]);
    expect(demotion).toEqual([
      { preferred: [2], fallback: [2, 3] },
      { preferred: [3], fallback: [2, 3] },
      { preferred: [], fallback: [] },
      { preferred: [], fallback: [] },
    ]);
  });

  it('Example 2: memory-only DRAM shares the DRAM tier, so nothing demotes', () => {
    const { tiers, topTier, demotion } = tiersOf(example2());
    expect(tiers).toEqual([{ id: 4, adistanceStart: 512, nodes: [0, 1, 2] }]);
    expect(topTier).toEqual([true, true, true]);
    expect(demotion.every((d) => d.preferred.length === 0 && d.fallback.length === 0)).toBe(true);
  });

  it('Example 3: HBM demotes to DRAM, DRAM to PMEM, PMEM nowhere', () => {
    const { tiers, topTier, demotion } = tiersOf(example3());
    expect(tiers.map((t) => [t.id, t.nodes])).toEqual([
      [1, [1]],
      [4, [0]],
      [22, [2]],
    ]);
    expect(demotion).toEqual([
      { preferred: [2], fallback: [2] },
      { preferred: [0], fallback: [0, 2] },
      { preferred: [], fallback: [] },
    ]);
    // The slowest tier with CPUs is DRAM's, so HBM above it is top tier too.
    expect(topTier).toEqual([true, true, false]);
  });
});

describe('demotion targets', () => {
  it('prefers every node of the next tier at the same best distance', () => {
    const m = makeMachine(
      [makeNode(0, 'dram', { cpus: 4 }), makeNode(1, 'cxl'), makeNode(2, 'cxl'), makeNode(3, 'cxl')],
      [
        [10, 30, 30, 40],
        [30, 10, 20, 20],
        [30, 20, 10, 20],
        [40, 20, 20, 10],
      ],
    );
    expect(tiersOf(m).demotion[0]).toEqual({ preferred: [1, 2], fallback: [1, 2, 3] });
  });

  it('skips a tier-less memoryless node', () => {
    const m = makeMachine(
      [
        makeNode(0, 'dram', { cpus: 4 }),
        makeNode(1, 'dram', { cpus: 4, capacityBytes: 0 }),
        makeNode(2, 'pmem'),
      ],
      [
        [10, 20, 30],
        [20, 10, 30],
        [30, 30, 10],
      ],
    );
    const { tiers, topTier, demotion } = tiersOf(m);
    expect(tiers.map((t) => t.nodes)).toEqual([[0], [2]]);
    expect(topTier).toEqual([true, true, false]);
    expect(demotion[1]).toEqual({ preferred: [], fallback: [] });
    expect(demotion[0]).toEqual({ preferred: [2], fallback: [2] });
  });

  it('prints the kernel boot log lines, with null for a node without targets', () => {
    const { demotion } = tiersOf(example1());
    expect(demotion.map((d, nid) => demotionTargetsLog(nid, d))).toEqual([
      'Demotion targets for Node 0: preferred: 2, fallback: 2-3',
      'Demotion targets for Node 1: preferred: 3, fallback: 2-3',
      'Demotion targets for Node 2: null',
      'Demotion targets for Node 3: null',
    ]);
  });
});

describe('top tier', () => {
  it('covers the whole chunk of the slowest tier that has CPUs', () => {
    const m = example3();
    const states = nodeStates(m);
    const tiers = buildMemoryTiers(computeAdistances(m, states), states);
    expect(topTierAdistance(tiers, states)).toBe(512 + 127);
  });

  it('includes a CPU-less tier below CPU nodes only when no CPU node is slower', () => {
    // CPUs on the PMEM node make the PMEM tier the slowest with compute: everything is top tier.
    const m = makeMachine(
      [makeNode(0, 'dram', { cpus: 4 }), makeNode(1, 'pmem', { cpus: 4 })],
      [
        [10, 20],
        [20, 10],
      ],
    );
    expect(tiersOf(m).topTier).toEqual([true, true]);
  });
});

/** A tiny LCG (Numerical Recipes constants) so the property test is reproducible. */
function lcg(seed: number): (n: number) => number {
  let x = seed >>> 0;
  return (n) => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x % n;
  };
}

function randomMachine(seed: number): ResolvedMachine {
  const rand = lcg(seed);
  const kinds: MemoryKind[] = ['dram', 'pmem', 'cxl', 'hbm'];
  const n = 2 + rand(6);
  const nodes = Array.from({ length: n }, (_, id) =>
    makeNode(id, id === 0 ? 'dram' : (kinds[rand(4)] as MemoryKind), {
      cpus: id === 0 || rand(3) === 0 ? 4 : 0,
      hmat: rand(2) === 0,
      readLatencyNs: 60 + rand(400),
      writeLatencyNs: 60 + rand(900),
      readBandwidthGBps: 5 + rand(300),
      writeBandwidthGBps: 2 + rand(150),
      adistance: rand(5) === 0 ? rand(3000) : null,
    }),
  );
  const distances = nodes.map(() => nodes.map(() => 10));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = 11 + rand(50);
      (distances[i] as number[])[j] = d;
      (distances[j] as number[])[i] = d;
    }
  }
  return makeMachine(nodes, distances);
}

describe('demotion, over random machines', () => {
  it('never targets a node of the same or a higher tier, and preferred is within fallback', () => {
    let withDemotion = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const m = randomMachine(seed);
      const { tiers, demotion } = tiersOf(m);
      if (tiers.length > 1) withDemotion += 1;
      const index = tierIndexOf(tiers, m.nodes.length);
      demotion.forEach(({ preferred, fallback }, nid) => {
        const own = index[nid] as number;
        for (const target of fallback) expect(index[target]).toBeGreaterThan(own);
        for (const target of preferred) {
          expect(fallback).toContain(target);
          expect(index[target]).toBe(own + 1);
        }
        expect(preferred.length > 0).toBe(own < tiers.length - 1);
      });
    }
    // The property means little unless most machines have somewhere to demote to.
    expect(withDemotion).toBeGreaterThan(100);
  });
});
