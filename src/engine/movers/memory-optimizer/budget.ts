// How much of the fast tier the memory-optimizer daemon lets each watched process fill: the
// dram_percent budget, split by per-process (per-VM) DRAM shares as seed 003 asks for.
import type { Kernel } from '../../mm/kernel.ts';

/**
 * The pages the daemon may fill: dram_percent of the top tier's usable capacity, i.e. its managed
 * pages above the high watermark and beside the kernel's own (page tables, slab), so that the
 * daemon's own fill never wakes kswapd.
 */
export function dramBudgetPages(k: Kernel): number {
  let usable = 0;
  for (let n = 0; n < k.m.nrNodes; n++) {
    if (!k.layout.topTier[n]) continue;
    const kernelPages = k.kmem.nrPageTablePages[n]! + k.kmem.nrSlabReclaimable[n]!;
    usable += Math.max(0, k.m.managedPages[n]! - k.layout.watermarks[n]!.high - kernelPages);
  }
  return Math.floor((usable * k.knobs.memopt_dram_percent) / 100);
}

/**
 * Splits `total` DRAM pages: a process with a dramShare gets that share (shares adding up to more
 * than 1 are scaled down to 1), and may not use more than its footprint; the processes without a
 * share compete for the rest as one pool, ranked by hotness across all of them (sys-refs' global
 * threshold, which is what leaves a low-load VM in PMEM). Writes each shared process's budget to
 * out[g] (-1 for pool members) and returns the pool's budget.
 *
 * Example: 16,000 pages; A has share 0.5 and a 6,000-page footprint, B has 0.25, C and D none.
 * A gets 6,000 (its footprint, not 8,000), B gets 4,000, and C and D share the other 6,000.
 */
export function splitDram(
  total: number,
  shares: readonly (number | null)[],
  footprint: ArrayLike<number>,
  out: Float64Array,
): number {
  let sum = 0;
  for (const s of shares) sum += s ?? 0;
  const scale = sum > 1 ? 1 / sum : 1;
  let left = total;
  shares.forEach((s, g) => {
    if (s === null) {
      out[g] = -1;
      return;
    }
    out[g] = Math.min(Math.floor(total * s * scale), footprint[g]!);
    left -= out[g];
  });
  return Math.max(0, left);
}
