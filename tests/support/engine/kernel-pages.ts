// A built kernel with pages put straight onto node 0's LRU, for tests of reclaim and kswapd steps.
import { STAT, NR_COUNTERS } from '../../../src/shared/vmstat.ts';
import { buildWorld } from '../../../src/engine/sim/setup.ts';
import type { Kernel } from '../../../src/engine/mm/kernel.ts';
import { lruAdd } from '../../../src/engine/mm/lru.ts';
import { takeFreeFrame } from '../../../src/engine/mm/mem-state.ts';
import { twoTierScenario } from './scenarios.ts';

/** A kernel whose DRAM holds `n` pages of `flags` (anon unless PG.file) mapped at vpages 0..n-1. */
export function kernelWithPages(n: number, flags: number, knobs: Record<string, unknown> = {}): Kernel {
  const { k } = buildWorld(twoTierScenario({ knobs }));
  for (let v = 0; v < n; v++) {
    const pfn = takeFreeFrame(k.m, 0);
    k.m.flags[pfn] = k.m.flags[pfn]! | flags;
    k.m.owner[pfn] = v;
    k.m.pte[v] = pfn + 1;
    lruAdd(k.m, pfn);
  }
  return k;
}

/** Node `node`'s count of counter `name`. */
export const stat = (k: Kernel, node: number, name: keyof typeof STAT): number =>
  k.stats[node * NR_COUNTERS + STAT[name]]!;
