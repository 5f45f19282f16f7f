// A built kernel with pages put straight onto node 0's LRU, for tests of reclaim and kswapd steps.
import { STAT, NR_COUNTERS } from '../../../src/shared/vmstat.ts';
import { buildWorld } from '../../../src/engine/sim/setup.ts';
import type { Kernel } from '../../../src/engine/mm/kernel.ts';
import { lruAdd, lruDel } from '../../../src/engine/mm/lru.ts';
import { putFreeFrame, takeFreeFrame } from '../../../src/engine/mm/mem-state.ts';
import { MIGRATE_MOVABLE, takeFromBlock } from '../../../src/engine/mm/free-area.ts';
import { twoTierScenario } from './scenarios.ts';

/** A kernel whose DRAM holds `n` pages of `flags` (anon unless PG.file) mapped at vpages 0..n-1. */
export function kernelWithPages(
  n: number,
  flags: number,
  knobs: Record<string, unknown> = {},
  preset = 'linux',
): Kernel {
  const { k } = buildWorld(twoTierScenario({ knobs, preset }));
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

/**
 * Fills node 0 (twoTierScenario's DRAM: 16384 frames) with anon pages mapped at vpage = pfn, then
 * frees those at offsets below `freePerEight` of every 8: free pages in every pageblock, none whole.
 */
export function fragmentDram(k: Kernel, freePerEight: number): void {
  for (let v = 0; v < 16384; v++) {
    const pfn = takeFreeFrame(k.m, 0);
    k.m.owner[pfn] = v;
    k.m.pte[v] = pfn + 1;
    lruAdd(k.m, pfn);
  }
  for (let pfn = 0; pfn < 16384; pfn++) {
    if (pfn % 8 >= freePerEight) continue;
    lruDel(k.m, pfn);
    k.m.pte[k.m.owner[pfn]!] = 0;
    putFreeFrame(k.m, pfn);
  }
}

/** One free frame of every pageblock of node n taken by kernel memory (not on an LRU: it never moves). */
export function pinOnePerBlock(k: Kernel, n: number): void {
  const a = k.m.area;
  for (let b = a.blockStart[n]!; b < a.blockStart[n + 1]!; b++) {
    takeFromBlock(a, k.m.lruNext, k.m.nodeStart[n]!, n, b, MIGRATE_MOVABLE);
    k.m.nrFree[n]!--;
  }
}
