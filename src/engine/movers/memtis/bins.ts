// The histogram arithmetic every MEMTIS count shares (htmm_core.c): get_idx()'s log2 bins, a
// sample's weight, moving a page between bins, and may_hot, the estimated hit ratio's bit.
import type { Hotness } from './hotness.ts';

/** HPAGE_PMD_NR: a base page's count grows by this per sample, so it compares with a huge page's. */
export const SAMPLE_WEIGHT = 512;
/** Bins of hotness_hg: get_idx() stops at 15. */
export const NR_BINS = 16;

/** get_idx(): floor(log2(num + 1)), at most 15. */
export function getIdx(num: number): number {
  return Math.min(NR_BINS - 1, 31 - Math.clz32(num + 1));
}

/** Moves `nrPages` from bin `from` to bin `to` of a histogram, the source floored at 0 as memtis does. */
export function moveBin(hg: Float64Array, from: number, to: number, nrPages = 1): void {
  hg[from] = Math.max(0, hg[from]! - nrPages);
  hg[to]! += nrPages;
}

/**
 * A sample of (sub)page v, now in bin `curIdx`: if its may_hot was set (its bin was at or above
 * bp_active_threshold), the sample counts in memcg->max_dram_sampled, the hits DRAM would have had
 * were every page a base page (eHR). Then may_hot follows the new bin.
 */
export function updateMayHot(h: Hotness, v: number, curIdx: number): void {
  if (h.mayHot[v]) h.split.maxDramSampled++;
  h.mayHot[v] = curIdx >= h.bpActiveThreshold ? 1 : 0;
}
