// MGLRU's reclaim of one lruvec (mm/vmscan.c try_to_shrink_lruvec, get_nr_to_scan,
// should_run_aging, should_abort_scan, set_initial_priority): evict from the oldest generations
// and age when only MIN_NR_GENS + 1 are left. Which lruvecs reclaim visits is lru-gen-memcg.ts's.
import { NUMA_BALANCING_MEMORY_TIERING } from '../../shared/scenario/knobs.ts';
import type { Kernel } from './kernel.ts';
import { canDemote } from './demote.ts';
import { canReclaimAnon } from './vmscan.ts';
import { DEF_PRIORITY, type ScanControl } from './scan-control.ts';
import { WMARK_HIGH, WMARK_PROMO, wmarkPages } from './watermark.ts';
import { evictableMinSeq, maxType, minType, tryToIncMaxSeq } from './lru-gen-aging.ts';
import { evictFolios } from './lru-gen-evict.ts';
import {
  genPages,
  LRU_GEN_ANON,
  LRU_GEN_FILE,
  lruGenNodeListSize,
  MIN_LRU_BATCH,
  MIN_NR_GENS,
} from './lru-gen.ts';

/** get_swappiness(): 0 (file only) when reclaim may not swap, or anon has neither swap nor a demotion target. */
export function getSwappiness(k: Kernel, lruvec: number, sc: ScanControl): number {
  return sc.maySwap ? anonSwappiness(k, lruvec, sc) : 0;
}

/** 6.1's get_swappiness(), which leaves may_swap to its caller: 0 when anon can go nowhere. */
export function anonSwappiness(k: Kernel, lruvec: number, sc: ScanControl): number {
  const freeSwap = k.swap ? k.swap.capacityPages - k.swap.usedPages : 0;
  if (!canDemote(k, lruvec % k.m.nrNodes, sc) && freeSwap < MIN_LRU_BATCH) return 0;
  return k.knobs.swappiness;
}

/** The pages of the evictable types in every generation (lruvec_is_sizable's and should_run_aging's total). */
export function evictableSize(k: Kernel, lruvec: number, swappiness: number): number {
  const lg = k.m.lrugen!;
  let size = 0;
  for (let type = minType(swappiness); type <= maxType(swappiness); type++) {
    for (let seq = lg.minSeq[lruvec * 2 + type]!; seq <= lg.maxSeq[lruvec]!; seq++)
      size += genPages(lg, lruvec, seq, type);
  }
  return size;
}

/**
 * should_run_aging(): true when the aging must run (only MIN_NR_GENS generations, nothing to
 * evict) or had better (MIN_NR_GENS + 1 left; in 6.1/6.12 only if the pages are spread badly:
 * shouldAgeBySpread); nrToScan.value the evictable pages.
 */
export function shouldRunAging(
  k: Kernel,
  lruvec: number,
  swappiness: number,
  nrToScan: { value: number },
): boolean {
  const lg = k.m.lrugen!;
  const maxSeq = lg.maxSeq[lruvec]!;
  const spread = lg.rules.agingBySpread;
  // 6.1/6.12 test min_seq[!can_swap]; v6.14 the older of the evictable types'.
  const minSeq = spread
    ? lg.minSeq[lruvec * 2 + (swappiness ? LRU_GEN_ANON : LRU_GEN_FILE)]!
    : evictableMinSeq(lg, lruvec, swappiness);
  nrToScan.value = 0;
  if (minSeq + MIN_NR_GENS > maxSeq) return true;
  nrToScan.value = evictableSize(k, lruvec, swappiness);
  if (!spread) return minSeq + MIN_NR_GENS === maxSeq;
  if (minSeq + MIN_NR_GENS < maxSeq) return false;
  return shouldAgeBySpread(k, lruvec, swappiness, nrToScan.value);
}

/**
 * 6.1/6.12's should_run_aging() at MIN_NR_GENS + 1 generations: "it's also ideal to spread pages
 * out evenly", so age when the youngest generation holds over 1/MIN_NR_GENS of the evictable
 * pages or the oldest-but-one (seq + MIN_NR_GENS == max_seq) under 1/(MIN_NR_GENS + 2). Example:
 * 900 pages, 300 in max_seq and 300 in max_seq - 2: 600 > 900 no, 1200 < 900 no: no aging.
 */
export function shouldAgeBySpread(k: Kernel, lruvec: number, swappiness: number, total: number): boolean {
  const lg = k.m.lrugen!;
  const maxSeq = lg.maxSeq[lruvec]!;
  let young = 0;
  let old = 0;
  for (let type = minType(swappiness); type <= maxType(swappiness); type++) {
    young += genPages(lg, lruvec, maxSeq, type);
    if (lg.minSeq[lruvec * 2 + type]! <= maxSeq - MIN_NR_GENS)
      old += genPages(lg, lruvec, maxSeq - MIN_NR_GENS, type);
  }
  return young * MIN_NR_GENS > total || old * (MIN_NR_GENS + 2) < total;
}

const nrToScanOut = { value: 0 };

/**
 * get_nr_to_scan(): at DEF_PRIORITY, or with enough generations, evict total >> priority; else age
 * and return -1, which ends this pass over the lruvec (the next priority evicts).
 */
function getNrToScan(k: Kernel, lruvec: number, sc: ScanControl, swappiness: number): number {
  const needAging = shouldRunAging(k, lruvec, swappiness, nrToScanOut);
  if (!needAging || sc.priority === DEF_PRIORITY) return Math.floor(nrToScanOut.value / 2 ** sc.priority);
  tryToIncMaxSeq(k, lruvec, swappiness, sc);
  return -1;
}

/**
 * should_abort_scan(): never for memcg reclaim ("to ensure fairness"); enough reclaimed
 * (nr_to_reclaim, at least compact_gap(0) = 2), or for kswapd the node is MIN_LRU_BATCH above its
 * goal (high, promo in tiering mode).
 */
export function shouldAbortScan(k: Kernel, lruvec: number, sc: ScanControl): boolean {
  if (sc.targetMemcg !== 0) return false;
  if (sc.nrReclaimed >= Math.max(sc.nrToReclaim, 2)) return true;
  if (sc.reclaimer !== 'kswapd') return false;
  const node = lruvec % k.m.nrNodes;
  const mark = k.knobs.numa_balancing & NUMA_BALANCING_MEMORY_TIERING ? WMARK_PROMO : WMARK_HIGH;
  return k.m.nrFree[node]! > wmarkPages(k, node, mark) + MIN_LRU_BATCH;
}

/**
 * try_to_shrink_lruvec(): evict batch after batch until nr_to_scan is scanned or reclaim has
 * enough. Returns whether the lruvec ran out of cold folios and aged (get_nr_to_scan < 0): the
 * memcg LRU then rotates it young.
 */
export function tryToShrinkLruvec(k: Kernel, lruvec: number, sc: ScanControl): boolean {
  const swappiness = getSwappiness(k, lruvec, sc);
  let scanned = 0;
  let nrToScan = 0;
  for (;;) {
    nrToScan = getNrToScan(k, lruvec, sc, swappiness);
    if (nrToScan <= 0) break;
    const delta = evictFolios(k, lruvec, nrToScan, swappiness, sc);
    if (!delta) break;
    scanned += delta;
    if (scanned >= nrToScan || shouldAbortScan(k, lruvec, sc)) break;
  }
  return nrToScan < 0;
}

/** lruvec_is_sizable(): its evictable pages are still some at sc's priority. */
export function lruvecIsSizable(k: Kernel, lruvec: number, sc: ScanControl): boolean {
  return Math.floor(evictableSize(k, lruvec, getSwappiness(k, lruvec, sc)) / 2 ** sc.priority) > 0;
}

/** fls_long(). */
function fls(x: number): number {
  return x <= 0 ? 0 : Math.floor(Math.log2(x)) + 1;
}

/**
 * set_initial_priority(): at DEF_PRIORITY, a priority at which one pass's share of the inactive
 * pages is about nr_to_reclaim, within [DEF_PRIORITY / 2, DEF_PRIORITY]. Example: 100,000
 * inactive pages and 3,000 to reclaim: fls 17 - 1 - fls(2999) 12 = 4, raised to 6.
 */
export function setInitialPriority(k: Kernel, node: number, sc: ScanControl): void {
  if (sc.priority !== DEF_PRIORITY || sc.nrToReclaim < MIN_LRU_BATCH) return;
  const lg = k.m.lrugen!;
  let reclaimable = lruGenNodeListSize(lg, node, LRU_GEN_FILE, false);
  if (canReclaimAnon(k, node, sc)) reclaimable += lruGenNodeListSize(lg, node, LRU_GEN_ANON, false);
  const priority = fls(reclaimable) - 1 - fls(sc.nrToReclaim - 1);
  sc.priority = Math.min(DEF_PRIORITY, Math.max(DEF_PRIORITY / 2, priority));
}
