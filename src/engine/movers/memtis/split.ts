// MEMTIS's huge-page split decision (htmm_core.c): how many pages to split, chosen from the gap
// between the hit ratio DRAM would have with every page a base page (eHR, memcg->max_dram_sampled:
// samples of pages whose subpage bin was hot) and the hit ratio it has (rHR, nr_dram_sampled), and
// which THPs, the most skewed first (access_map by skewness bin).
//
// The cycle: at a cooling (update_pginfo), both hit counts age (halved, plus the period's); once
// more samples than max(usage >> htmm_split_period, DRAM's pages) came since the last decision, a
// decision is due, unless splits last time did not raise rHR by 3% (then splitting stops for good:
// htmm_thres_split = 0). At the next threshold adaptation (the cooled one) set_memcg_nr_split()
// sizes it, set_memcg_split_thres() turns it into a skewness bin, and kmigrated's passes queue THPs
// at or above that bin (checkSplitHugePage) until the budget is spent.
//
// Worked example (split.test.ts): eHR 1,000 and rHR 600 over nr_records 1,000 samples, sum_util
// 100 in 10 hot THPs (avg 10): (1000 * 95/100 - 600) x 100 / 1000 = 35; / 10 = 3; x (270 - 80) / 80
// = 7; x 512 = 3,584; x 4 / 10 = 1,433 pages: with 2 THPs in skew bin 20 (1,024 pages) and 5 in bin
// 19, bin 20 is taken whole and 409 pages remain for bin 19: split_threshold 20, nr_split 1,024,
// nr_split_tail_idx 409.
import type { Hotness } from './hotness.ts';
import { NR_SKEW_BINS } from './huge-hotness.ts';

/** DRAM_ACCESS_LATENCY and NVM_ACCESS_LATENCY (include/linux/htmm.h), in ns: the benefit's scale. */
const DRAM_ACCESS_LATENCY = 80;
const NVM_ACCESS_LATENCY = 270;
/** split_threshold while nothing is to be split (no skewness bin reaches it). */
export const NO_SPLIT_THRESHOLD = 21;

export interface SplitState {
  /** memcg->access_map: THPs per skewness bin at the last cooling. */
  readonly accessMap: Float64Array;
  /** memcg->sum_util / num_util: hot THPs' accesses a subpage, and their number. */
  sumUtil: number;
  numUtil: number;
  /** Samples of DRAM pages (rHR) and of may_hot pages (eHR) this cooling period, and aged. */
  nrDramSampled: number;
  maxDramSampled: number;
  prevDramSampled: number;
  prevMaxDramSampled: number;
  /** memcg->nr_sampled_for_split: samples since the last decision. */
  nrSampledForSplit: number;
  /** A decision is due at the next cooled adaptation. */
  needSplit: boolean;
  /** A THP was split since the last decision (lets the hot threshold fall, and checks the gain). */
  splitHappen: boolean;
  /** htmm_thres_split as memtis leaves it: cleared for good when splitting did not pay. */
  enabled: boolean;
  /** Pages still to split: above the threshold bin, and in the bin just below (the tail). */
  nrSplit: number;
  nrSplitTailIdx: number;
  /** memcg->split_threshold: THPs with skewness bin >= this - 1 are candidates. */
  splitThreshold: number;
}

export function createSplitState(enabled: boolean): SplitState {
  return {
    accessMap: new Float64Array(NR_SKEW_BINS),
    sumUtil: 0,
    numUtil: 0,
    nrDramSampled: 0,
    maxDramSampled: 0,
    prevDramSampled: 0,
    prevMaxDramSampled: 0,
    nrSampledForSplit: 0,
    needSplit: false,
    splitHappen: false,
    enabled,
    nrSplit: 0,
    nrSplitTailIdx: 0,
    splitThreshold: NO_SPLIT_THRESHOLD,
  };
}

/** The split knobs memtis reads (htmm_thres_split is SplitState.enabled). */
export interface SplitKnobs {
  htmm_cooling_period: number;
  htmm_split_period: number;
  htmm_gamma: number;
}

/**
 * set_memcg_nr_split(): pages to split, (eHR - rHR) x nr_records scaled to the huge pages' own
 * accesses (sum_util / nr_records), in THPs of average hotness (/ avg_accesses_hp), weighed by the
 * slow tier's extra latency over DRAM's, in pages (x 512), times htmm_gamma / 10. `coolingClock` is
 * memcg->cooling_clock (coolings so far).
 */
export function setNrSplit(s: SplitState, coolingClock: number, knobs: SplitKnobs, hpageNr: number): void {
  s.nrSplit = 0;
  s.nrSplitTailIdx = 0;
  const ehr = Math.floor((s.prevMaxDramSampled * 95) / 100);
  const rhr = s.prevDramSampled;
  if (ehr <= rhr || s.numUtil === 0) return;
  const avg = Math.floor(s.sumUtil / s.numUtil);
  if (avg === 0) return;
  // NR_SAMPLE(n) = cooling_period + NR_SAMPLE(n-1) / 2. (C shifts by 32 or more are undefined; past
  // 31 coolings the subtrahend is 0 here.)
  const period = knobs.htmm_cooling_period;
  const nrRecords = period * 2 - Math.floor(period / 2 ** Math.max(0, coolingClock - 1));
  if (nrRecords <= 0) return;
  let n = Math.floor(((ehr - rhr) * s.sumUtil) / nrRecords);
  n = Math.floor(n / avg);
  n = Math.floor((n * (NVM_ACCESS_LATENCY - DRAM_ACCESS_LATENCY)) / DRAM_ACCESS_LATENCY);
  n *= hpageNr;
  s.nrSplit = Math.floor((n * knobs.htmm_gamma) / 10);
}

/**
 * set_memcg_split_thres(): walks the skewness bins from 20 down, taking each whole while the budget
 * lasts; the bin where it runs out gets the rest (nr_split_tail_idx) and the threshold is one above
 * it. As in memtis, a budget smaller than bin 20 leaves the threshold where it was.
 */
export function setSplitThres(s: SplitState, hpageNr: number): void {
  if (s.nrSplit === 0) {
    s.splitThreshold = NO_SPLIT_THRESHOLD;
    return;
  }
  let nrSplit = s.nrSplit;
  let i = NR_SKEW_BINS - 1;
  for (; i > 0; i--) {
    const nrPages = s.accessMap[i]! * hpageNr;
    if (nrSplit < nrPages) {
      s.nrSplitTailIdx = nrSplit;
      s.nrSplit -= nrSplit;
      break;
    }
    nrSplit -= nrPages;
  }
  if (i !== NR_SKEW_BINS - 1) s.splitThreshold = i + 1;
}

/**
 * check_split_huge_page(): whether a THP of skewness bin `skewIdx`, not yet queued, is to be split,
 * spending HPAGE_PMD_NR of the budget (the tail's for the bin just below the threshold, or once the
 * main budget is gone) and taking it out of access_map.
 */
export function checkSplitHugePage(s: SplitState, skewIdx: number, hpageNr: number): boolean {
  const thres = s.splitThreshold;
  if (!s.enabled || thres === 0) return false;
  if (skewIdx < thres - 1) return false;
  const tail = skewIdx === thres - 1 || s.nrSplit === 0;
  if (tail && s.nrSplitTailIdx === 0) return false;
  if (tail) s.nrSplitTailIdx = Math.max(0, s.nrSplitTailIdx - hpageNr);
  else s.nrSplit = Math.max(0, s.nrSplit - hpageNr);
  if (s.accessMap[skewIdx] !== 0) s.accessMap[skewIdx]!--;
  return true;
}

/**
 * update_pginfo()'s bookkeeping after a cooling: rHR and eHR age, and the split decision period.
 * `usage` is the memcg's charge in pages, `maxNrDramPages` the fast tier's size.
 */
export function splitAtCooling(
  s: SplitState,
  knobs: SplitKnobs,
  usage: number,
  maxNrDramPages: number,
  hpageNr: number,
): void {
  const tempRhr = s.prevDramSampled;
  s.prevDramSampled = Math.floor(s.prevDramSampled / 2) + s.nrDramSampled;
  s.nrDramSampled = 0;
  s.prevMaxDramSampled = Math.floor(s.prevMaxDramSampled / 2) + s.maxDramSampled;
  s.maxDramSampled = 0;
  if (s.needSplit || !s.enabled) return;
  const due = Math.max(Math.floor(usage / 2 ** knobs.htmm_split_period), maxNrDramPages);
  if (s.nrSampledForSplit > due) {
    // Splits last time did not raise the hits by 3%: memtis stops splitting.
    if (s.splitHappen && s.prevDramSampled < Math.floor((tempRhr * 103) / 100)) {
      s.enabled = false;
      return;
    }
    s.splitHappen = false;
    s.needSplit = true;
  } else {
    // Cooling changed the skewness bins: the same budget, a new threshold.
    s.nrSplit += s.nrSplitTailIdx;
    s.nrSplitTailIdx = 0;
    setSplitThres(s, hpageNr);
  }
}

/** __adjust_active_threshold()'s cooled branch with a decision due: sizes and places it. */
export function decideSplit(h: Hotness, knobs: SplitKnobs, hpageNr: number): void {
  const s = h.split;
  if (!s.needSplit) return;
  setNrSplit(s, h.coolingClock, knobs, hpageNr);
  setSplitThres(s, hpageNr);
  s.nrSampledForSplit = 0;
  s.needSplit = false;
}
