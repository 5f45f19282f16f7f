import { describe, expect, it } from 'vitest';
import { kernelWithPages } from '../../../tests/support/engine/kernel-pages.ts';
import { PG } from './page-flags.ts';
import {
  colloidAwayTarget,
  colloidMoved,
  colloidRefusesPromotion,
  colloidSample,
  estimatedShare,
  updateDeltaP,
} from './colloid.ts';
import type { Kernel } from './kernel.ts';

const TICK_NS = 10e6;

/** twoTierScenario's DRAM (node 0, 81 ns idle) and PMEM (node 1, 305 ns) under the colloid preset. */
function colloidKernel(knobs: Record<string, unknown> = {}, pages = 4): Kernel {
  return kernelWithPages(pages, PG.lru | PG.active, knobs, 'colloid');
}

/** One tick's reads (cache lines) at a latency on each node, then colloid-mon's sample. */
function tick(k: Kernel, nowMs: number, node0: [number, number], node1: [number, number]): void {
  k.traffic[0] = node0[0] * 64;
  k.latency[0] = node0[1];
  k.traffic[2] = node1[0] * 64;
  k.latency[2] = node1[1];
  colloidSample(k, TICK_NS, nowMs);
}

describe("colloid-mon's measurement", () => {
  it("finds each tier's latency by Little's law over EWMA-smoothed occupancy and inserts", () => {
    const k = colloidKernel({ colloid_ewma_exp: 1 });
    // 1e6 lines at 100 ns in 10 ms: 10 in flight; halved into empty history: occ 5, ins 5e5 -> 100 ns.
    tick(k, 10, [1e6, 100], [1e5, 400]);
    expect(k.colloid!.latencyNs[0]).toBeCloseTo(100, 9);
    expect(k.colloid!.latencyNs[1]).toBeCloseTo(400, 9);
    // 1e6 lines at 200 ns: occ (20 + 5) / 2 = 12.5, ins (1e6 + 5e5) / 2 = 7.5e5: 12.5 * 10 ms / 7.5e5.
    tick(k, 20, [1e6, 200], [1e5, 400]);
    expect(k.colloid!.latencyNs[0]).toBeCloseTo((12.5 * TICK_NS) / 7.5e5, 9);
  });

  it('floors a tier without traffic at its unloaded latency (MIN_LOCAL_LAT, MIN_REMOTE_LAT)', () => {
    const k = colloidKernel();
    tick(k, 10, [0, 0], [0, 0]);
    expect(Array.from(k.colloid!.latencyNs)).toEqual([81, 305]);
    expect(k.colloid!.localGtRemote).toBe(false);
  });

  it('takes p as the default tier share of the inserts, the antagonist counted as the CHA counts it', () => {
    const k = colloidKernel({ colloid_ewma_exp: 0 });
    tick(k, 10, [9e5, 300], [1e5, 310]);
    expect(k.colloid!.p).toBeCloseTo(0.9, 12);
  });
});

describe('delta p: the p_lo / p_hi search', () => {
  function withLatencies(k: Kernel, ld: number, la: number, p: number): void {
    const c = k.colloid!;
    c.latencyNs[0] = ld;
    c.latencyNs[1] = la;
    c.ins[0] = p * 1000;
    c.ins[1] = (1 - p) * 1000;
    c.localGtRemote = ld > la;
    updateDeltaP(k, c);
  }

  it('steps from p to the middle of [p_lo, p_hi]: down while the default tier is slower, up while faster', () => {
    const k = colloidKernel();
    const c = k.colloid!;
    withLatencies(k, 200, 137, 0.9); // slower: p_hi = 0.9, p_lo 0: target 0.45
    expect([c.pLo, c.pHi]).toEqual([0, 0.9]);
    expect(c.deltaP).toBeCloseTo(0.45, 12);
    withLatencies(k, 120, 137, 0.6); // faster: p_lo = 0.6, p_hi stays 0.9: target 0.75
    expect([c.pLo, c.pHi]).toEqual([0.6, 0.9]);
    expect(c.deltaP).toBeCloseTo(0.15, 12);
    withLatencies(k, 150, 137, 0.7); // slower again: p_hi = 0.7: target 0.65
    expect(c.deltaP).toBeCloseTo(0.05, 12);
  });

  it('moves nothing while the latencies are within COLLOID_DELTA_PERCENT of the default tier', () => {
    const k = colloidKernel();
    withLatencies(k, 140, 135, 0.8); // 5 ns apart, 5% of 140 is 7
    expect(k.colloid!.deltaP).toBe(0);
  });

  it('reopens a bracket narrower than epsilon on the side the latencies point to', () => {
    const k = colloidKernel();
    const c = k.colloid!;
    c.pLo = 0.6;
    c.pHi = 0.605;
    withLatencies(k, 100, 137, 0.6); // faster, bracket 0.5% wide: p_hi reopens to 1, target 0.8
    expect(c.pHi).toBe(1);
    expect(c.deltaP).toBeCloseTo(0.2, 12);
  });

  it('a bracket crossed by p reopens to the far end', () => {
    const k = colloidKernel();
    const c = k.colloid!;
    c.pLo = 0.2;
    c.pHi = 0.5;
    withLatencies(k, 100, 137, 0.7); // faster at 0.7, above p_hi: p_lo 0.7, p_hi 1: target 0.85
    expect([c.pLo, c.pHi]).toEqual([0.7, 1]);
    expect(c.deltaP).toBeCloseTo(0.15, 12);
  });
});

describe("a quantum's budget", () => {
  it("estimates a page's share from its hint fault: 1 / (latency x accesses a ms)", () => {
    const k = colloidKernel();
    const c = k.colloid!;
    c.ins[0] = 8e5; // per 10 ms tick: 1e5 accesses a ms in all
    c.ins[1] = 2e5;
    expect(estimatedShare(c, 4)).toBeCloseTo(2.5e-6, 15);
    expect(estimatedShare(c, 0)).toBeCloseTo(1e-5, 15); // a fault within the scan's ms counts as 1 ms
  });

  it('starts each quantum with delta p of share and the migration limit in pages', () => {
    const k = colloidKernel({ colloid_quantum_ms: 500, colloid_migrate_limit_MBps: 8 });
    tick(k, 10, [9e5, 500], [1e5, 400]); // DRAM the slower at p 0.9: p_hi 0.9, delta p 0.45
    const c = k.colloid!;
    expect(c.budgetShare).toBeCloseTo(0.45, 12);
    expect(c.budgetPages).toBe(1024); // 8 MiB/s for 0.5 s at 4 KiB pages
    expect(c.quantumEndMs).toBe(510);
    expect(c.quantumDemotes).toBe(true);
  });
});

describe("a quantum's direction", () => {
  it('ends the quantum early when the latencies change order past the dead band, with that delta p', () => {
    const k = colloidKernel({ colloid_ewma_exp: 0, colloid_quantum_ms: 500 });
    const c = k.colloid!;
    tick(k, 10, [9e5, 500], [1e5, 400]); // DRAM the slower: a demoting quantum to 510
    expect([c.quantumDemotes, c.quantumEndMs]).toEqual([true, 510]);
    tick(k, 20, [9e5, 500], [1e5, 400]); // still the slower: the same quantum
    expect(c.quantumEndMs).toBe(510);
    tick(k, 30, [6e5, 390], [4e5, 400]); // faster by under 5%: delta p 0, the quantum stays
    expect([c.quantumDemotes, c.quantumEndMs]).toEqual([true, 510]);
    tick(k, 40, [6e5, 310], [4e5, 400]); // faster at p 0.6: p_lo 0.6, p_hi 0.9, delta p 0.15
    expect([c.quantumDemotes, c.quantumEndMs]).toEqual([false, 540]);
    expect(c.budgetShare).toBeCloseTo(0.15, 12);
  });
});

describe('numa_migrate_memory_away_target', () => {
  /** DRAM page 0, scanned at `scannedMs`, faulting at 1000 ms, with the default tier slower or not. */
  function fault(congested: boolean, scannedMs: number, budget = 1): { k: Kernel; target: number } {
    const k = colloidKernel();
    const c = k.colloid!;
    const pfn = k.m.pte[0]! - 1;
    k.m.stamp[pfn] = scannedMs;
    c.localGtRemote = congested;
    c.quantumDemotes = congested;
    c.budgetShare = budget;
    c.budgetPages = 100;
    c.ins[0] = 1e3;
    return { k, target: colloidAwayTarget(k, pfn, 0, 1000, 1) };
  }

  it('sends a hot page of the congested default tier to its demotion target', () => {
    const { k, target } = fault(true, 990); // 10 ms after its scan: under the 1000 ms threshold
    expect(target).toBe(1);
    expect(k.m.stamp[k.m.pte[0]! - 1]).toBe(1000); // the fault time replaces the scan time
  });

  it('leaves a cold page alone: it carries little of the load', () => {
    expect(fault(true, 0).target).toBe(-1); // 1000 ms after its scan: not under the threshold
  });

  it('moves nothing while the default tier is the faster', () => {
    expect(fault(false, 990).target).toBe(-1);
  });

  it('stops once the quantum has moved its delta p', () => {
    expect(fault(true, 990, 0).target).toBe(-1);
    const { k, target } = fault(true, 990, 1e-9);
    expect(target).toBe(1);
    colloidMoved(k, false, 1); // its share (1 / (10 ms x 100 a ms) = 1e-3) spends the budget
    expect(k.colloid!.budgetShare).toBeLessThan(0);
    expect(k.colloid!.budgetPages).toBe(99);
  });
});

describe("should_numa_migrate_memory's Colloid check", () => {
  it('refuses promotion into the congested default tier, and past the budget when it is faster', () => {
    const k = colloidKernel();
    const c = k.colloid!;
    c.budgetPages = 10;
    c.localGtRemote = true;
    c.budgetShare = 1;
    expect(colloidRefusesPromotion(k, 0, 5, 1)).toBe(true);
    c.localGtRemote = false;
    c.quantumDemotes = true; // a demoting quantum's budget is not for promotions
    expect(colloidRefusesPromotion(k, 0, 5, 1)).toBe(true);
    c.quantumDemotes = false;
    expect(colloidRefusesPromotion(k, 0, 5, 1)).toBe(false);
    c.budgetShare = 0;
    expect(colloidRefusesPromotion(k, 0, 5, 1)).toBe(true);
  });

  it('leaves mainline alone: numa_balancing 2 on the same kernel promotes as tiering does', () => {
    const k = colloidKernel({ numa_balancing: 2 });
    k.colloid!.localGtRemote = true;
    expect(colloidRefusesPromotion(k, 0, 5, 1)).toBe(false);
  });
});
