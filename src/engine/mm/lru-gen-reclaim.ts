// MGLRU as reclaim enters it (mm/vmscan.c lru_gen_shrink_node, try_to_shrink_lruvec,
// get_nr_to_scan, should_run_aging, should_abort_scan, lru_gen_age_node): kswapd and direct reclaim
// evict from the oldest generations and age when only MIN_NR_GENS + 1 are left; kswapd OOM-kills
// when the oldest generation is younger than min_ttl_ms (thrashing protection).
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
  lruGenFromSeq,
  lruGenListSize,
  MAX_NR_GENS,
  MIN_LRU_BATCH,
  MIN_NR_GENS,
} from './lru-gen.ts';

/** get_swappiness(): 0 (file only) when reclaim may not swap, or anon has neither swap nor a demotion target. */
export function getSwappiness(k: Kernel, node: number, sc: ScanControl): number {
  if (!sc.maySwap) return 0;
  const freeSwap = k.swap ? k.swap.capacityPages - k.swap.usedPages : 0;
  if (!canDemote(k, node, sc) && freeSwap < MIN_LRU_BATCH) return 0;
  return k.knobs.swappiness;
}

/** The pages of the evictable types in every generation (lruvec_is_sizable's and should_run_aging's total). */
function evictableSize(k: Kernel, node: number, swappiness: number): number {
  const lg = k.m.lrugen!;
  let size = 0;
  for (let type = minType(swappiness); type <= maxType(swappiness); type++) {
    for (let seq = lg.minSeq[node * 2 + type]!; seq <= lg.maxSeq[node]!; seq++)
      size += genPages(lg, node, seq, type);
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
  node: number,
  swappiness: number,
  nrToScan: { value: number },
): boolean {
  const lg = k.m.lrugen!;
  const maxSeq = lg.maxSeq[node]!;
  const spread = lg.rules.agingBySpread;
  // 6.1/6.12 test min_seq[!can_swap]; v6.14 the older of the evictable types'.
  const minSeq = spread
    ? lg.minSeq[node * 2 + (swappiness ? LRU_GEN_ANON : LRU_GEN_FILE)]!
    : evictableMinSeq(lg, node, swappiness);
  nrToScan.value = 0;
  if (minSeq + MIN_NR_GENS > maxSeq) return true;
  nrToScan.value = evictableSize(k, node, swappiness);
  if (!spread) return minSeq + MIN_NR_GENS === maxSeq;
  if (minSeq + MIN_NR_GENS < maxSeq) return false;
  return shouldAgeBySpread(k, node, swappiness, nrToScan.value);
}

/**
 * 6.1/6.12's should_run_aging() at MIN_NR_GENS + 1 generations: "it's also ideal to spread pages
 * out evenly", so age when the youngest generation holds over 1/MIN_NR_GENS of the evictable
 * pages or the oldest-but-one (seq + MIN_NR_GENS == max_seq) under 1/(MIN_NR_GENS + 2). Example:
 * 900 pages, 300 in max_seq and 300 in max_seq - 2: 600 > 900 no, 1200 < 900 no: no aging.
 */
export function shouldAgeBySpread(k: Kernel, node: number, swappiness: number, total: number): boolean {
  const lg = k.m.lrugen!;
  const maxSeq = lg.maxSeq[node]!;
  let young = 0;
  let old = 0;
  for (let type = minType(swappiness); type <= maxType(swappiness); type++) {
    young += genPages(lg, node, maxSeq, type);
    if (lg.minSeq[node * 2 + type]! <= maxSeq - MIN_NR_GENS)
      old += genPages(lg, node, maxSeq - MIN_NR_GENS, type);
  }
  return young * MIN_NR_GENS > total || old * (MIN_NR_GENS + 2) < total;
}

const nrToScanOut = { value: 0 };

/**
 * get_nr_to_scan(): at DEF_PRIORITY, or with enough generations, evict total >> priority; else age
 * and return -1, which ends this pass over the node (the next priority evicts).
 */
function getNrToScan(k: Kernel, node: number, sc: ScanControl, swappiness: number): number {
  const needAging = shouldRunAging(k, node, swappiness, nrToScanOut);
  if (!needAging || sc.priority === DEF_PRIORITY) return Math.floor(nrToScanOut.value / 2 ** sc.priority);
  tryToIncMaxSeq(k, node, swappiness, sc);
  return -1;
}

/**
 * should_abort_scan(): enough reclaimed (nr_to_reclaim, at least compact_gap(0) = 2), or for
 * kswapd the node is MIN_LRU_BATCH above its goal (high, promo in tiering mode).
 */
function shouldAbortScan(k: Kernel, node: number, sc: ScanControl): boolean {
  if (sc.nrReclaimed >= Math.max(sc.nrToReclaim, 2)) return true;
  if (sc.reclaimer !== 'kswapd') return false;
  const mark = k.knobs.numa_balancing & NUMA_BALANCING_MEMORY_TIERING ? WMARK_PROMO : WMARK_HIGH;
  return k.m.nrFree[node]! > wmarkPages(k, node, mark) + MIN_LRU_BATCH;
}

/** try_to_shrink_lruvec(): evict batch after batch until nr_to_scan is scanned or reclaim has enough. */
function tryToShrinkLruvec(k: Kernel, node: number, sc: ScanControl): void {
  const swappiness = getSwappiness(k, node, sc);
  let scanned = 0;
  for (;;) {
    const nrToScan = getNrToScan(k, node, sc, swappiness);
    if (nrToScan <= 0) break;
    const delta = evictFolios(k, node, nrToScan, swappiness, sc);
    if (!delta) break;
    scanned += delta;
    if (scanned >= nrToScan || shouldAbortScan(k, node, sc)) break;
  }
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
  let reclaimable = lruGenListSize(lg, node, LRU_GEN_FILE, false);
  if (canReclaimAnon(k, node, sc)) reclaimable += lruGenListSize(lg, node, LRU_GEN_ANON, false);
  const priority = fls(reclaimable) - 1 - fls(sc.nrToReclaim - 1);
  sc.priority = Math.min(DEF_PRIORITY, Math.max(DEF_PRIORITY / 2, priority));
}

/**
 * lru_gen_shrink_node(): reclaim that may neither write nor unmap skips MGLRU (what is left is
 * unmapped clean page cache, prioritised already). Postcondition: sc.nrReclaimed counts this node's pages.
 */
export function lruGenShrinkNode(k: Kernel, node: number, sc: ScanControl): void {
  if (!sc.mayWritepage || !sc.mayUnmap) return;
  const before = sc.nrReclaimed;
  setInitialPriority(k, node, sc);
  tryToShrinkLruvec(k, node, sc);
  if (sc.nrReclaimed > before) k.kswapd[node]!.failures = 0;
}

/**
 * lru_gen_age_node() (kswapd_age_node each balance_pgdat pass): with min_ttl_ms, the node must have
 * sizable evictable memory whose oldest generation is older than min_ttl_ms, or the OOM killer runs.
 * Returns whether it killed.
 */
export function lruGenAgeNode(k: Kernel, node: number, sc: ScanControl): boolean {
  setInitialPriority(k, node, sc);
  const minTtl = k.knobs.lru_gen_min_ttl_ms;
  if (!minTtl) return false;
  const lg = k.m.lrugen!;
  const swappiness = getSwappiness(k, node, sc);
  const sizable = Math.floor(evictableSize(k, node, swappiness) / 2 ** sc.priority) > 0;
  const gen = lruGenFromSeq(evictableMinSeq(lg, node, swappiness));
  const birth = lg.birthMs[node * MAX_NR_GENS + gen]!;
  if (sizable && k.nowNs / 1e6 > birth + minTtl) return false;
  return k.oom.killLargest(k, `the oldest generation is younger than lru_gen min_ttl_ms (${minTtl} ms)`);
}
