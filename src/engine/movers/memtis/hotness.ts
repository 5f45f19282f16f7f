// MEMTIS's page classification (htmm_core.c): a per-page access count grown by sampling, binned by
// log2 into the 16-bin hotness histogram, a hot threshold that sizes the hot set to the fast tier
// (__adjust_active_threshold), and cooling that halves every count (__cooling, check_base_cooling).
//
// A new page starts one bin above the hot threshold (initPteEntries).
//
// Worked example, a 10,000-page fast tier and memtis's 50 MB (12,800-page) promotion watermark
// floor: there is no room for a hot set (max_nr_pages <= 0), so the loop stops at bin 15 and the
// threshold is 15. With a 100,000-page fast tier, room is 87,200 pages; 60,000 pages in bin 11,
// 40,000 in bin 10: bin 11 fits, bin 10 would not (100,000 > 87,200), so the threshold is 11 and,
// 60,000 being under 75% of the room, the warm threshold 10.
//
// THPs keep their own count and their subpages' (huge-hotness.ts); the split decision is split.ts's.
import { getIdx, moveBin, NR_BINS, SAMPLE_WEIGHT, updateMayHot } from './bins.ts';
import { coolHugePage, createHugeHotness, type HugeHotness } from './huge-hotness.ts';
import { createSplitState, type SplitState } from './split.ts';

/** MAX_WATERMARK_LOWER_LIMIT (100 MB) and the floors and caps of memtis's fast-tier watermarks, in 4 KiB pages. */
const MIN_WATERMARK_LOWER_LIMIT = 128 * 100;
const MIN_WATERMARK_UPPER_LIMIT = 2560 * 100;
const MAX_WATERMARK_LOWER_LIMIT = 256 * 100;
const MAX_WATERMARK_UPPER_LIMIT = 3840 * 100;

export interface Hotness {
  /** pginfo->total_accesses per vpage: SAMPLE_WEIGHT per sample, halved at each cooling. */
  readonly totalAccesses: Uint32Array;
  /** hotness_hg: pages per bin of get_idx(total_accesses); pages never sampled are in no bin. */
  readonly hg: Float64Array;
  /** memcg->active_threshold: pages in this bin and above are hot (promoted, never demoted). */
  activeThreshold: number;
  /** memcg->warm_threshold: pages in this bin and above are not demoted. */
  warmThreshold: number;
  /** memcg->nr_sampled. */
  nrSampled: number;
  /** memcg->cooling_clock: coolings so far. */
  coolingClock: number;
  /** memcg->cooled: a cooling happened since the last threshold adaptation. */
  cooled: boolean;
  /** memcg->max_nr_dram_pages: the fast tier's size (every top-tier node's managed pages). */
  readonly maxNrDramPages: number;
  /** ebp_hotness_hg: the histogram were every THP's subpages base pages (by their own counts). */
  readonly ebpHg: Float64Array;
  /** memcg->bp_active_threshold: the hot threshold ebp_hotness_hg gives. */
  bpActiveThreshold: number;
  /** pginfo->may_hot per vpage: its bin was at or above bp_active_threshold when last sampled or cooled. */
  readonly mayHot: Uint8Array;
  /** THPs' own counts and skewness, by huge range. */
  readonly thp: HugeHotness;
  /** The split decision's state. */
  readonly split: SplitState;
  /** Bumped by each cooling and threshold change (need_cooling, need_adjusting): kmigrated walks its lists. */
  walkEpoch: number;
}

/** `hpageNr` is HPAGE_PMD_NR; `split` is htmm_thres_split's on (non-zero). */
export function createHotness(
  nrVpages: number,
  maxNrDramPages: number,
  thresHot: number,
  hpageNr = 512,
  split = true,
): Hotness {
  return {
    totalAccesses: new Uint32Array(nrVpages),
    hg: new Float64Array(NR_BINS),
    activeThreshold: thresHot,
    warmThreshold: thresHot,
    nrSampled: 0,
    coolingClock: 0,
    cooled: false,
    maxNrDramPages,
    ebpHg: new Float64Array(NR_BINS),
    bpActiveThreshold: thresHot,
    mayHot: new Uint8Array(nrVpages),
    thp: createHugeHotness(nrVpages, hpageNr),
    split: createSplitState(split),
    walkEpoch: 0,
  };
}

/** update_base_page()'s count, both histograms and may_hot: one more sample of base page v. */
export function addSample(h: Hotness, v: number): void {
  const prev = h.totalAccesses[v]!;
  const cur = Math.min(prev + SAMPLE_WEIGHT, 0xffffffff);
  h.totalAccesses[v] = cur;
  const from = getIdx(prev);
  const to = getIdx(cur);
  // A page never sampled nor cooled is in no bin yet (Tierlab keeps no bin-0 entries).
  if (prev === 0) {
    h.hg[to]!++;
    h.ebpHg[to]!++;
  } else if (from !== to) {
    moveBin(h.hg, from, to);
    moveBin(h.ebpHg, from, to);
  }
  updateMayHot(h, v, to);
}

/**
 * set_page_coolstatus(): the entries of a new PTE page start at 2^(active_threshold + 1), one bin
 * above the hot threshold, so that a page just faulted in is neither demoted nor passed over for
 * promotion before it has been sampled; they enter the histogram at their first sample or cooling.
 */
export function initPteEntries(h: Hotness, first: number, n: number): void {
  const start = 2 ** (h.activeThreshold + 1);
  h.totalAccesses.fill(start, first, Math.min(first + n, h.totalAccesses.length));
}

/** Whether vpage v's bin is at or above `threshold`. */
export function binAtLeast(h: Hotness, v: number, threshold: number): boolean {
  return getIdx(h.totalAccesses[v]!) >= threshold;
}

/**
 * __cooling() and the cooling of every page: the histograms and the split statistics reset, the
 * estimated base-page threshold one bin down, each count halved (kmigrated does it page by page as
 * it meets them; at once here) and counted again, THPs (`thpAt(range)`: mapped by a PMD now) by
 * check_transhuge_cooling, the rest of the pages still mapped (`present`) as base pages. The hot
 * threshold is left for the next adaptation to lower (memcg->cooled).
 */
export function cool(h: Hotness, present: (v: number) => boolean, thpAt: (range: number) => boolean): void {
  const ta = h.totalAccesses;
  const nr = h.thp.nr;
  h.hg.fill(0);
  h.ebpHg.fill(0);
  h.split.accessMap.fill(0);
  h.split.sumUtil = 0;
  h.split.numUtil = 0;
  h.coolingClock++;
  h.bpActiveThreshold = Math.max(0, h.bpActiveThreshold - 1);
  h.cooled = true;
  for (let v = 0; v < ta.length; v++) {
    if (v % nr === 0 && thpAt(v / nr)) {
      coolHugePage(h, v / nr);
      v += nr - 1;
      continue;
    }
    if (ta[v] === 0) continue;
    if (!present(v)) {
      ta[v] = 0;
      continue;
    }
    h.mayHot[v] = getIdx(ta[v]!) >= h.bpActiveThreshold ? 1 : 0;
    ta[v] = ta[v]! >>> 1;
    if (ta[v] !== 0) {
      h.hg[getIdx(ta[v]!)]!++;
      h.ebpHg[getIdx(ta[v]!)]!++;
    }
  }
}

/**
 * get_memcg_promotion_watermark(): 3% of the fast tier, floored and capped as memtis does (in 4 KiB
 * pages) unless `limits` is off (htmm_watermark_limits).
 */
export function promotionWatermark(maxNrPages: number, limits = true): number {
  const w = Math.floor((maxNrPages * 3) / 100);
  if (!limits) return w;
  if (w < MAX_WATERMARK_LOWER_LIMIT) return MIN_WATERMARK_LOWER_LIMIT;
  if (w > MAX_WATERMARK_UPPER_LIMIT) return MIN_WATERMARK_UPPER_LIMIT;
  return w;
}

/** get_memcg_demotion_watermark(): 2% of the fast tier, floored and capped unless `limits` is off. */
export function demotionWatermark(maxNrPages: number, limits = true): number {
  const w = Math.floor((maxNrPages * 2) / 100);
  if (!limits) return w;
  if (w < MIN_WATERMARK_LOWER_LIMIT) return MIN_WATERMARK_LOWER_LIMIT;
  if (w > MIN_WATERMARK_UPPER_LIMIT) return MIN_WATERMARK_UPPER_LIMIT;
  return w;
}

/** The highest bin whose pages and those above fit `maxNrPages`, and the pages that fit. */
function fittingBin(hg: Float64Array, maxNrPages: number): [number, number] {
  let nrActive = 0;
  let idx = NR_BINS - 1;
  for (; idx >= 0; idx--) {
    const nrPages = hg[idx]!;
    if (nrActive + nrPages > maxNrPages) break;
    nrActive += nrPages;
  }
  if (idx !== NR_BINS - 1) idx++;
  return [idx, nrActive];
}

/**
 * __adjust_active_threshold(): the highest bin such that the pages in it and above fit the fast
 * tier less its promotion watermark, never below htmm_thres_hot, for hotness_hg (the hot threshold)
 * and ebp_hotness_hg (bp_active_threshold). Normally the hot threshold only rises, or falls to the
 * histogram's once THPs were split (they leave the histogram's 512-page entries); after a cooling
 * it may fall by one. The warm threshold is one below it while the hot set fills under 75% of the
 * room (unless htmm_nowarm). Returns true for the cooled adaptation (the one that decides splits).
 */
export function adjustActiveThreshold(h: Hotness, thresHot: number, nowarm: boolean, limits = true): boolean {
  const maxNrPages = h.maxNrDramPages - promotionWatermark(h.maxNrDramPages, limits);
  const [fitHot, nrActive] = fittingBin(h.hg, maxNrPages);
  let idxHot = fitHot;
  let idxBp = fittingBin(h.ebpHg, maxNrPages)[0];
  const needWarm = nrActive < (maxNrPages * 75) / 100;
  if (idxHot < thresHot) idxHot = thresHot;
  if (idxBp < thresHot) idxBp = thresHot;
  const cooled = h.cooled;
  if (cooled) {
    if (idxHot < h.activeThreshold && h.activeThreshold > 1) h.activeThreshold--;
    if (idxBp < h.bpActiveThreshold) h.bpActiveThreshold = idxBp;
    h.cooled = false;
  } else {
    if (idxHot > h.activeThreshold) h.activeThreshold = idxHot;
    else if (h.split.splitHappen && h.split.enabled && idxHot < h.activeThreshold) h.activeThreshold = idxHot;
    h.bpActiveThreshold = idxBp;
  }
  h.warmThreshold = !nowarm && needWarm ? h.activeThreshold - 1 : h.activeThreshold;
  return cooled;
}
