// Which lruvecs MGLRU reclaims (mm/vmscan.c lru_gen_shrink_node, shrink_many, shrink_one,
// lru_gen_shrink_lruvec, lru_gen_age_node; 6.12 and mainline): global reclaim walks the node's memcg
// LRU, oldest generation first, from a random bin; memcg reclaim (memory.max, memory.high,
// memory.reclaim) shrinks the target's own lruvec. memory.min skips a memcg (rotated young);
// memory.low skips it once (to the tail), then reclaims it with a `low` event.
import type { Kernel } from './kernel.ts';
import { lruvecOf } from './lru.ts';
import { MEMCG_EVENT } from './memcg-state.ts';
import { memcgBelowProtection, memcgMemoryEvent } from './memcg-protection.ts';
import type { ScanControl } from './scan-control.ts';
import { evictableMinSeq } from './lru-gen-aging.ts';
import {
  getSwappiness,
  lruvecIsSizable,
  setInitialPriority,
  shouldAbortScan,
  tryToShrinkLruvec,
} from './lru-gen-reclaim.ts';
import { lruGenFromSeq, MAX_NR_GENS } from './lru-gen.ts';
import {
  lruGenRotateMemcg,
  MEMCG_LRU_NOP,
  MEMCG_LRU_TAIL,
  MEMCG_LRU_YOUNG,
  MEMCG_NR_BINS,
  memcgGen,
} from './lru-gen-memcg-lru.ts';

/**
 * shrink_one(): reclaim memcg's lruvec on node unless memory.min protects it (MEMCG_LRU_YOUNG) or
 * memory.low does and it is not yet at the tail (MEMCG_LRU_TAIL: skipped once). Returns how the
 * memcg LRU should move it: young when it aged, nothing when it is still sizable, else one retry at
 * the tail.
 */
export function shrinkOne(k: Kernel, memcg: number, node: number, sc: ScanControl): number {
  const lru = k.m.lrugen!.memcgLru;
  const lruvec = lruvecOf(k.m, memcg, node);
  const protectedBy = memcgBelowProtection(k, memcg);
  if (protectedBy === 'min') return MEMCG_LRU_YOUNG;
  if (protectedBy === 'low') {
    if (lru.seg[lruvec] !== MEMCG_LRU_TAIL) return MEMCG_LRU_TAIL;
    memcgMemoryEvent(k, memcg, MEMCG_EVENT.low);
  }
  if (tryToShrinkLruvec(k, lruvec, sc)) return MEMCG_LRU_YOUNG;
  if (lruvecIsSizable(k, lruvec, sc)) return MEMCG_LRU_NOP;
  return lru.seg[lruvec] !== MEMCG_LRU_TAIL ? MEMCG_LRU_TAIL : MEMCG_LRU_YOUNG;
}

/**
 * shrink_many(): the memcgs of the old generation, bin after bin from a random one, each through
 * shrink_one and rotated as it asks, until should_abort_scan(). A memcg rotated into another
 * generation during the walk is not visited twice (its lrugen->gen no longer matches).
 */
function shrinkMany(k: Kernel, node: number, sc: ScanControl): void {
  const lru = k.m.lrugen!.memcgLru;
  const gen = memcgGen(lru.seq[node]!);
  const firstBin = k.rng.int(MEMCG_NR_BINS);
  let bin = firstBin;
  do {
    // The bin as it is now: rotations below append to other bins or generations.
    const memcgs = lru.fifo[node]![gen]![bin]!.slice();
    for (const memcg of memcgs) {
      if (lru.gen[lruvecOf(k.m, memcg, node)] !== gen) continue;
      const op = shrinkOne(k, memcg, node, sc);
      if (op !== MEMCG_LRU_NOP) lruGenRotateMemcg(lru, memcg, node, op, k.rng);
      if (shouldAbortScan(k, lruvecOf(k.m, memcg, node), sc)) return;
    }
    bin = (bin + 1) % MEMCG_NR_BINS;
  } while (bin !== firstBin);
}

/**
 * lru_gen_shrink_node() for global reclaim and lru_gen_shrink_lruvec() for memcg reclaim: reclaim
 * that may neither write nor unmap skips MGLRU (what is left is unmapped clean page cache,
 * prioritised already). Without cgroups the root's lruvec is the node's only one (shrink_one of
 * the root, as with memcg disabled). Postcondition: sc.nrReclaimed counts this node's pages.
 */
export function lruGenShrinkNode(k: Kernel, node: number, sc: ScanControl): void {
  const before = sc.nrReclaimed;
  if (sc.targetMemcg !== 0) {
    const lruvec = lruvecOf(k.m, sc.targetMemcg, node);
    if (tryToShrinkLruvec(k, lruvec, sc))
      lruGenRotateMemcg(k.m.lrugen!.memcgLru, sc.targetMemcg, node, MEMCG_LRU_YOUNG, k.rng);
  } else {
    if (!sc.mayWritepage || !sc.mayUnmap) return;
    setInitialPriority(k, node, sc);
    if (k.m.nrMemcgs === 1) tryToShrinkLruvec(k, node, sc);
    else shrinkMany(k, node, sc);
  }
  if (sc.nrReclaimed > before) k.kswapd[node]!.failures = 0;
}

/**
 * lruvec_is_reclaimable(): not below memory.min, sizable, and its oldest evictable generation
 * older than min_ttl ms.
 */
function lruvecIsReclaimable(
  k: Kernel,
  memcg: number,
  node: number,
  sc: ScanControl,
  minTtl: number,
): boolean {
  if (memcgBelowProtection(k, memcg) === 'min') return false;
  const lruvec = lruvecOf(k.m, memcg, node);
  if (!lruvecIsSizable(k, lruvec, sc)) return false;
  const lg = k.m.lrugen!;
  const gen = lruGenFromSeq(evictableMinSeq(lg, lruvec, getSwappiness(k, lruvec, sc)));
  return k.nowNs / 1e6 > lg.birthMs[lruvec * MAX_NR_GENS + gen]! + minTtl;
}

/**
 * lru_gen_age_node() (kswapd_age_node each balance_pgdat pass): with min_ttl_ms, some memcg's
 * lruvec on node must be reclaimable, or the OOM killer runs ("every generation from all memcgs
 * is younger than min_ttl", or all are too small or below min). Returns whether it killed.
 */
export function lruGenAgeNode(k: Kernel, node: number, sc: ScanControl): boolean {
  setInitialPriority(k, node, sc);
  const minTtl = k.knobs.lru_gen_min_ttl_ms;
  if (!minTtl) return false;
  for (let memcg = 0; memcg < k.m.nrMemcgs; memcg++) {
    if (lruvecIsReclaimable(k, memcg, node, sc, minTtl)) return false;
  }
  return k.oom.killLargest(k, `the oldest generation is younger than lru_gen min_ttl_ms (${minTtl} ms)`);
}
