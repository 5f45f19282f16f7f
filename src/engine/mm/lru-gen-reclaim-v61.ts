// MGLRU's reclaim loop as 6.1 has it, before v6.3's memcg LRU (lru-gen-memcg.ts): reclaim visits
// memcgs as the two lists do (shrink_node_memcgs -> shrink_lruvec -> lru_gen_shrink_lruvec), kswapd
// leaves the aging to lru_gen_age_node() and skips it while the eviction found cold folios enough
// (memcgs_need_aging), direct reclaim ages a lruvec and goes on evicting it, and should_abort_scan()
// keeps fairness: direct reclaim ages each memcg once, and at high priorities stops at the
// watermarks. mm/vmscan.c v6.1 (Yu Zhao, "mm: multi-gen LRU: optimize multiple memcgs", the last of
// the series as merged), which v6.3's "remove aging fairness safeguard" and "remove eviction
// fairness safeguard" replaced.
import type { Kernel } from './kernel.ts';
import { memcgBelowProtection } from './memcg-protection.ts';
import { DEF_PRIORITY, type ScanControl } from './scan-control.ts';
import { WMARK_HIGH, WMARK_LOW, wmarkPages } from './watermark.ts';
import { tryToIncMaxSeq } from './lru-gen-aging.ts';
import { evictFolios, lastEvictedType } from './lru-gen-evict.ts';
import { anonSwappiness, evictableSize, shouldRunAging } from './lru-gen-reclaim.ts';
import {
  LRU_GEN_ANON,
  LRU_GEN_FILE,
  lruGenFromSeq,
  MAX_NR_GENS,
  MIN_LRU_BATCH,
  MIN_NR_GENS,
} from './lru-gen.ts';

const nrToScanOut = { value: 0 };

/** The memcg of a lruvec (memcg * nrNodes + node). */
function memcgOf(k: Kernel, lruvec: number): number {
  return Math.floor(lruvec / k.m.nrNodes);
}

/**
 * should_run_aging() as 6.1 returns it: whether to age, and nrToScanOut the evictable pages >>
 * priority, counted even when the lruvec is out of cold folios (the caller may age, then evict).
 */
function shouldRunAgingV61(k: Kernel, lruvec: number, swappiness: number, sc: ScanControl): boolean {
  const needAging = shouldRunAging(k, lruvec, swappiness, nrToScanOut);
  const total =
    needAging && nrToScanOut.value === 0 ? evictableSize(k, lruvec, swappiness) : nrToScanOut.value;
  nrToScanOut.value = Math.floor(total / 2 ** sc.priority);
  return needAging;
}

/** min_seq[!can_swap] + MIN_NR_GENS <= max_seq: some generation can be evicted without aging. */
function hasColdFolios(k: Kernel, lruvec: number, swappiness: number): boolean {
  const lg = k.m.lrugen!;
  const type = swappiness ? LRU_GEN_ANON : LRU_GEN_FILE;
  return lg.minSeq[lruvec * 2 + type]! + MIN_NR_GENS <= lg.maxSeq[lruvec]!;
}

/**
 * 6.1's get_nr_to_scan(): nothing for a protected memcg; without need to age, the pages >> priority;
 * at DEF_PRIORITY no aging; kswapd leaves it to lru_gen_age_node(); direct and memcg reclaim age,
 * then scan. `needAging` is set as the kernel's out-parameter.
 */
function getNrToScanV61(
  k: Kernel,
  lruvec: number,
  sc: ScanControl,
  swappiness: number,
  out: V61Pass,
): number {
  const memcg = memcgOf(k, lruvec);
  if (memcg !== sc.targetMemcg) {
    const prot = memcgBelowProtection(k, memcg);
    if (prot === 'min' || (prot === 'low' && !sc.memcgLowReclaim)) return 0;
  }
  out.needAging = shouldRunAgingV61(k, lruvec, swappiness, sc);
  const nrToScan = nrToScanOut.value;
  if (!out.needAging) return nrToScan;
  if (sc.priority !== DEF_PRIORITY) {
    if (sc.reclaimer === 'kswapd') return 0;
    // try_to_inc_max_seq() succeeds here: no other walker is ever under way.
    tryToIncMaxSeq(k, lruvec, swappiness, sc);
    return nrToScan;
  }
  return hasColdFolios(k, lruvec, swappiness) ? nrToScan : 0;
}

interface V61Pass {
  needAging: boolean;
  needSwapping: boolean;
}
const pass: V61Pass = { needAging: false, needSwapping: false };

/**
 * 6.1's should_abort_scan(), seq the max_seq the pass began with. Direct reclaim stops once it aged
 * this memcg twice, or swaps past its target; memcg reclaim never otherwise. kswapd stops only past
 * nr_to_reclaim. Then, below DEF_PRIORITY - 2, once the node is above its mark (high for kswapd,
 * low for direct), counting MIN_LRU_BATCH more reclaimed.
 */
function shouldAbortScanV61(
  k: Kernel,
  lruvec: number,
  seq: number,
  sc: ScanControl,
  needSwapping: boolean,
): boolean {
  if (sc.reclaimer !== 'kswapd') {
    if (k.m.lrugen!.maxSeq[lruvec]! - seq > 1) return true;
    if (sc.nrReclaimed >= sc.nrToReclaim && needSwapping) return true;
    if (sc.targetMemcg !== 0) return false;
  } else if (sc.nrReclaimed < sc.nrToReclaim) return false;
  if (sc.priority > DEF_PRIORITY - 2) return false;
  const node = lruvec % k.m.nrNodes;
  const mark = wmarkPages(k, node, sc.reclaimer === 'kswapd' ? WMARK_HIGH : WMARK_LOW);
  if (mark > k.m.nrFree[node]!) return false;
  sc.nrReclaimed += MIN_LRU_BATCH;
  return true;
}

/**
 * 6.1's lru_gen_shrink_lruvec() for one memcg's lruvec: batch after batch until nr_to_scan is
 * scanned or should_abort_scan(). Without may_swap, global reclaim still scans anon at swappiness 1.
 * A kswapd pass that reclaimed MIN_LRU_BATCH without needing to age clears memcgs_need_aging.
 */
export function lruGenShrinkLruvecV61(k: Kernel, lruvec: number, sc: ScanControl): void {
  const reclaimedBefore = sc.nrReclaimed;
  const seq = k.m.lrugen!.maxSeq[lruvec]!;
  pass.needAging = false;
  pass.needSwapping = false;
  let scanned = 0;
  for (;;) {
    const gs = anonSwappiness(k, lruvec, sc);
    const swappiness = sc.maySwap ? gs : sc.targetMemcg === 0 && gs ? 1 : 0;
    const nrToScan = getNrToScanV61(k, lruvec, sc, swappiness, pass);
    if (!nrToScan) return;
    const delta = evictFolios(k, lruvec, nrToScan, swappiness, sc);
    if (!delta) return;
    if (lastEvictedType() === LRU_GEN_ANON) pass.needSwapping = true;
    scanned += delta;
    if (scanned >= nrToScan || shouldAbortScanV61(k, lruvec, seq, sc, pass.needSwapping)) break;
  }
  if (sc.reclaimer === 'kswapd' && sc.nrReclaimed - reclaimedBefore >= MIN_LRU_BATCH && !pass.needAging)
    k.kswapd[lruvec % k.m.nrNodes]!.memcgsNeedAging = false;
}

/**
 * 6.1's age_lruvec(): a memcg below memory.min is not aged; with min_ttl_ms, one whose oldest file
 * generation is younger, or (below DEF_PRIORITY) with nothing to scan, does not count as a success.
 */
function ageLruvecV61(k: Kernel, lruvec: number, sc: ScanControl, minTtl: number): boolean {
  const swappiness = anonSwappiness(k, lruvec, sc);
  if (memcgBelowProtection(k, memcgOf(k, lruvec)) === 'min') return false;
  const needAging = shouldRunAgingV61(k, lruvec, swappiness, sc);
  if (minTtl) {
    const lg = k.m.lrugen!;
    const gen = lruGenFromSeq(lg.minSeq[lruvec * 2 + LRU_GEN_FILE]!);
    if (k.nowNs / 1e6 < lg.birthMs[lruvec * MAX_NR_GENS + gen]! + minTtl) return false;
    if (!nrToScanOut.value && sc.priority !== DEF_PRIORITY) return false;
  }
  if (needAging) tryToIncMaxSeq(k, lruvec, swappiness, sc);
  return true;
}

/**
 * 6.1's lru_gen_age_node() (kswapd_age_node each balance_pgdat pass): skipped, once, after a pass
 * whose eviction found enough cold folios; else every memcg's lruvec on node is aged as it needs.
 * With min_ttl_ms and no memcg a success, at order 0, the OOM killer runs. Returns whether it killed.
 */
export function lruGenAgeNodeV61(k: Kernel, node: number, sc: ScanControl, order: number): boolean {
  const s = k.kswapd[node]!;
  if (!s.memcgsNeedAging) {
    s.memcgsNeedAging = true;
    return false;
  }
  const minTtl = k.knobs.lru_gen_min_ttl_ms;
  let success = false;
  for (let memcg = 0; memcg < k.m.nrMemcgs; memcg++) {
    if (ageLruvecV61(k, memcg * k.m.nrNodes + node, sc, minTtl)) success = true;
  }
  if (success || !minTtl || order) return false;
  return k.oom.killLargest(k, `the oldest generation is younger than lru_gen min_ttl_ms (${minTtl} ms)`);
}
