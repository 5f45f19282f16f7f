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

/** HPAGE_PMD_NR: a base page's count grows by this per sample, so it compares with a huge page's. */
export const SAMPLE_WEIGHT = 512;
/** Bins of hotness_hg: get_idx() stops at 15. */
export const NR_BINS = 16;
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
}

export function createHotness(nrVpages: number, maxNrDramPages: number, thresHot: number): Hotness {
  return {
    totalAccesses: new Uint32Array(nrVpages),
    hg: new Float64Array(NR_BINS),
    activeThreshold: thresHot,
    warmThreshold: thresHot,
    nrSampled: 0,
    coolingClock: 0,
    cooled: false,
    maxNrDramPages,
  };
}

/** get_idx(): floor(log2(num + 1)), at most 15. */
export function getIdx(num: number): number {
  return Math.min(NR_BINS - 1, 31 - Math.clz32(num + 1));
}

/** update_base_page()'s count: one more sample of v moves it up its bins. */
export function addSample(h: Hotness, v: number): void {
  const prev = h.totalAccesses[v]!;
  const cur = Math.min(prev + SAMPLE_WEIGHT, 0xffffffff);
  h.totalAccesses[v] = cur;
  const from = getIdx(prev);
  const to = getIdx(cur);
  if (prev === 0) h.hg[to]!++;
  else if (from !== to) {
    h.hg[from] = Math.max(0, h.hg[from]! - 1);
    h.hg[to]!++;
  }
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
 * __cooling() and the cooling of every page: each count halved (kmigrated does it page by page as
 * it meets them; at once here), the histogram rebuilt from the pages still mapped (`present`), and
 * the threshold left for the next adaptation to lower (memcg->cooled).
 */
export function cool(h: Hotness, present: (v: number) => boolean): void {
  const ta = h.totalAccesses;
  h.hg.fill(0);
  for (let v = 0; v < ta.length; v++) {
    if (ta[v] === 0) continue;
    if (!present(v)) {
      ta[v] = 0;
      continue;
    }
    ta[v] = ta[v]! >>> 1;
    if (ta[v] !== 0) h.hg[getIdx(ta[v]!)]!++;
  }
  h.coolingClock++;
  h.cooled = true;
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

/**
 * __adjust_active_threshold(): the highest bin such that the pages in it and above fit the fast
 * tier less its promotion watermark, never below htmm_thres_hot. Normally the threshold only rises;
 * after a cooling it may fall by one. The warm threshold is one below it while the hot set fills
 * under 75% of the room (unless htmm_nowarm). Leaves out the split-driven lowering.
 */
export function adjustActiveThreshold(h: Hotness, thresHot: number, nowarm: boolean, limits = true): void {
  const maxNrPages = h.maxNrDramPages - promotionWatermark(h.maxNrDramPages, limits);
  let nrActive = 0;
  let idxHot = NR_BINS - 1;
  for (; idxHot >= 0; idxHot--) {
    const nrPages = h.hg[idxHot]!;
    if (nrActive + nrPages > maxNrPages) break;
    nrActive += nrPages;
  }
  if (idxHot !== NR_BINS - 1) idxHot++;
  const needWarm = nrActive < (maxNrPages * 75) / 100;
  if (idxHot < thresHot) idxHot = thresHot;
  if (h.cooled) {
    if (idxHot < h.activeThreshold && h.activeThreshold > 1) h.activeThreshold--;
    h.cooled = false;
  } else if (idxHot > h.activeThreshold) h.activeThreshold = idxHot;
  h.warmThreshold = !nowarm && needWarm ? h.activeThreshold - 1 : h.activeThreshold;
}
