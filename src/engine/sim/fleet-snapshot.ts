// Reads the fleet sample at a sample time: each resident sampled page's idle time as DAMON_STAT
// counts it (shared/fleet-metrics.ts), into per-node cold-age gauges and per-workload working sets,
// and at the end into each workload's and the run's percentiles and histogram.
import { coldAgeBin, damonIdleMs, idlePercentiles, NR_COLD_AGE_BINS } from '../../shared/fleet-metrics.ts';
import type { Kernel } from '../mm/kernel.ts';
import { fleetVpage } from '../mm/fleet-sample.ts';
import { PTE_SWAPPED, pageToNid } from '../mm/mem-state.ts';

/** Calls fn(idleMs, node, weight) for each resident sampled page of workload g at nowNs. */
function forEachResident(
  k: Kernel,
  g: number,
  nowNs: number,
  fn: (idleMs: number, node: number, weight: number) => void,
): void {
  const f = k.fleet;
  const weight = f.weight[g]!;
  for (let i = f.first[g]!, end = i + f.count[g]!; i < end; i++) {
    const e = k.m.pte[fleetVpage(f, g, i)]!;
    if (e === 0 || e >= PTE_SWAPPED) continue; // not resident: DAMON_STAT sees physical memory only
    fn(damonIdleMs((nowNs - f.lastTouchNs[i]!) / 1e6), pageToNid(k.m, e - 1), weight);
  }
}

/** Settles the rate engine's draws up to nowNs and sets k.fleet.nodeBins and .workingSet from the sample. */
export function takeFleetSnapshot(k: Kernel, nowNs: number): void {
  k.refs?.settleFleet(k, nowNs);
  const { nodeBins, workingSet } = k.fleet;
  nodeBins.fill(0);
  workingSet.fill(0);
  for (let g = 0; g < workingSet.length; g++) {
    forEachResident(k, g, nowNs, (idleMs, node, weight) => {
      const bin = coldAgeBin(idleMs);
      nodeBins[node * NR_COLD_AGE_BINS + bin]! += weight;
      if (bin === 0) workingSet[g]! += weight;
    });
  }
}

export interface IdleProfile {
  idleMsPercentiles: number[];
  coldAgePages: number[];
}

/** Percentiles and histogram over the resident sampled pages of `groups` at nowNs (after takeFleetSnapshot). */
export function idleProfile(k: Kernel, groups: readonly number[], nowNs: number): IdleProfile {
  k.refs?.settleFleet(k, nowNs); // nothing is owed if the last sample was at nowNs
  const idle: number[] = [];
  const weights: number[] = [];
  const coldAgePages = new Array<number>(NR_COLD_AGE_BINS).fill(0);
  for (const g of groups) {
    forEachResident(k, g, nowNs, (idleMs, _node, weight) => {
      idle.push(idleMs);
      weights.push(weight);
      coldAgePages[coldAgeBin(idleMs)]! += weight;
    });
  }
  return { idleMsPercentiles: idlePercentiles(idle, weights), coldAgePages };
}
