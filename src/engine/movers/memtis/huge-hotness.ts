// MEMTIS's huge-page hotness (htmm_core.c): a THP keeps a count per subpage in its tail pages'
// compound_pginfo (+512 a sample, as a base page's) and one count of its own in its meta page
// (page[3]: +1 a sample, so that a THP's bin compares with a base page's only once its samples are
// 512 times as many). The THP's own bin decides its place (512 pages in hotness_hg); its subpages'
// bins fill the estimated base-page histogram (ebp_hotness_hg), which says where the hot threshold
// would be if every page were a base page (bp_active_threshold). At each cooling a THP's skewness
// (the sum of its subpages' squared counts over its hot subpages squared, binned by get_skew_idx)
// says how unevenly hot it is, for the split decision (split.ts).
//
// Worked example (hotness.test.ts): a THP with 2 hot subpages of 512, each sampled 8 times (4096,
// bin 12): sum of squares 2 x 4096^2 = 33,554,432; / 11 = 3,050,402; / 2 / 2 = 762,600 -> skew bin
// 20 (past 1024, capped). The same THP with all 512 subpages sampled once (512 each): 512 x 512^2 /
// 11 = 12,201,611; / 512 / 512 = 46 -> bin 6.
import { getIdx, moveBin, SAMPLE_WEIGHT, updateMayHot } from './bins.ts';
import type { Hotness } from './hotness.ts';

/** Bins of memcg->access_map (get_skew_idx stops at 20). */
export const NR_SKEW_BINS = 21;
/** A THP whose own bin is this or above is "very hot": its skewness is 0, never split. */
const VERY_HOT_IDX = 13;

export interface HugeHotness {
  /** HPAGE_PMD_NR of the machine: subpages per THP, the vpages per entry below. */
  readonly nr: number;
  /** meta_page->total_accesses per huge range (vpage / nr): +1 a sample, halved at each cooling. */
  readonly accesses: Uint32Array;
  /** meta_page->idx: the THP's bin as hotness_hg counts it (nr pages). */
  readonly idx: Uint8Array;
  /** meta_page->skewness_idx, set at each cooling. */
  readonly skewIdx: Uint8Array;
  /** The THP is on its node's deferred split queue (page_deferred_list not empty). */
  readonly queued: Uint8Array;
}

export function createHugeHotness(nrVpages: number, nr: number): HugeHotness {
  const ranges = Math.ceil(nrVpages / nr);
  return {
    nr,
    accesses: new Uint32Array(ranges),
    idx: new Uint8Array(ranges),
    skewIdx: new Uint8Array(ranges),
    queued: new Uint8Array(ranges),
  };
}

/** get_skew_idx(): 0, 1, 2-3, 4-7 ... by bit length below 1024; from 1024, 11 + one per 1024 past it, at most 20. */
export function getSkewIdx(num: number): number {
  if (num >= 1024) {
    let cnt = 0;
    for (let tmp = num; tmp > 1024 && cnt < 9; tmp -= 1024) cnt++;
    return cnt + 11;
  }
  return num === 0 ? 0 : 32 - Math.clz32(num);
}

/** update_huge_page() for a sample of subpage v of the THP over range r (v0 = r * nr). */
export function sampleHugePage(h: Hotness, r: number, v: number): void {
  const t = h.thp;
  const prev = h.totalAccesses[v]!;
  const cur = Math.min(prev + SAMPLE_WEIGHT, 0xffffffff);
  h.totalAccesses[v] = cur;
  if (getIdx(prev) !== getIdx(cur)) moveBin(h.ebpHg, getIdx(prev), getIdx(cur));
  updateMayHot(h, v, getIdx(cur));
  t.accesses[r] = Math.min(t.accesses[r]! + 1, 0xffffffff);
  const to = getIdx(t.accesses[r]);
  if (to !== t.idx[r]) moveBin(h.hg, t.idx[r]!, to, t.nr);
  t.idx[r] = to;
}

/**
 * __prep_transhuge_page_for_htmm(): a new THP's own count and each subpage's start at
 * 2^(active_threshold + 1) (get_accesses_from_idx), like a new PTE page's entries.
 */
export function prepHugePage(h: Hotness, r: number): void {
  const t = h.thp;
  const start = 2 ** (h.activeThreshold + 1);
  t.accesses[r] = start;
  t.idx[r] = 0;
  t.skewIdx[r] = 0;
  t.queued[r] = 0;
  h.totalAccesses.fill(start, r * t.nr, Math.min((r + 1) * t.nr, h.totalAccesses.length));
}

/**
 * check_transhuge_cooling() for the THP over range r: counts its hot subpages (bin at or above the
 * lower of the two hot thresholds) and their accesses, sums its subpages' squared counts, halves
 * every count, puts the THP (nr pages) and its subpages back into the histograms, and bins its
 * skewness into access_map. sum_util/num_util collect the hot THPs' accesses a subpage.
 */
export function coolHugePage(h: Hotness, r: number): void {
  const t = h.thp;
  const ta = h.totalAccesses;
  const s = h.split;
  const bpHot = Math.min(h.activeThreshold, h.bpActiveThreshold);
  let hotUtils = 0;
  let refs = 0;
  let skewness = 0;
  for (let v = r * t.nr, end = Math.min(v + t.nr, ta.length); v < end; v++) {
    const a = ta[v]!;
    const prevIdx = getIdx(a);
    if (prevIdx >= bpHot) {
      hotUtils++;
      refs += a;
    }
    skewness += a * a;
    h.mayHot[v] = prevIdx >= h.bpActiveThreshold ? 1 : 0;
    ta[v] = a >>> 1;
    h.ebpHg[getIdx(ta[v]!)]!++;
  }
  t.accesses[r] = t.accesses[r]! >>> 1;
  const idx = getIdx(t.accesses[r]);
  h.hg[idx]! += t.nr;
  t.idx[r] = idx;
  // The divisions are unsigned long's, each floored.
  let skew = 0;
  if (hotUtils > 0 && idx < VERY_HOT_IDX) {
    skew = Math.floor(Math.floor(Math.floor(skewness / 11) / hotUtils) / hotUtils);
    skew = getSkewIdx(skew);
  }
  t.skewIdx[r] = skew;
  s.accessMap[skew]!++;
  if (hotUtils > 0) {
    s.sumUtil += Math.floor(refs / t.nr);
    s.numUtil++;
  }
}

/** Whether the THP over range r is hot by its own bin (meta->idx >= the threshold). */
export function hugeBinAtLeast(h: Hotness, r: number, threshold: number): boolean {
  return h.thp.idx[r]! >= threshold;
}
