// Node reclaim as mm/vmscan.c does it: shrink_node -> get_scan_count -> shrink_lruvec, with
// kswapd, direct reclaim (try_to_free_pages) and node_reclaim as its callers.
import { reclaimShadows } from './nomad-shadow.ts';
import type { Kernel } from './kernel.ts';
import {
  isFileLru,
  LRU_ACTIVE_ANON,
  LRU_ACTIVE_FILE,
  LRU_INACTIVE_ANON,
  LRU_INACTIVE_FILE,
  LRU_LISTS,
  type LruList,
} from './page-flags.ts';
import { lruSize, lruvecOf, lruvecSize } from './lru.ts';
import { MEMCG_EVENT } from './memcg-state.ts';
import { applyProportionalProtection, memcgBelowProtection, memcgMemoryEvent } from './memcg-protection.ts';
import { canDemote } from './demote.ts';
import { shrinkActiveList, shrinkInactiveList } from './shrink-list.ts';
import { DEF_PRIORITY, SWAP_CLUSTER_MAX, scanControl, type ScanControl } from './scan-control.ts';
import { WMARK_HIGH, WMARK_MIN, wmarkPages } from './watermark.ts';
import { compactionSuitable } from './compaction.ts';
import { hugeWatermarkOk } from './huge-alloc.ts';
import { lruGenShrinkNode } from './lru-gen-memcg.ts';
import { lruGenShrinkLruvecV61 } from './lru-gen-reclaim-v61.ts';

/** zone_reclaim_mode bits (mm/internal.h): write dirty pages out, unmap mapped pages. */
const RECLAIM_WRITE = 2;
const RECLAIM_UNMAP = 4;

/** PAGE_ALLOC_COSTLY_ORDER: above it an allocation compacts first and reclaims only to help compaction. */
export const PAGE_ALLOC_COSTLY_ORDER = 3;

/** NODE_RECLAIM_PRIORITY: node_reclaim starts scanning at 1/16 of the lists. */
const NODE_RECLAIM_PRIORITY = 4;

/** can_reclaim_anon_pages(): anon can be aged and evicted if there is swap space or a demotion target. */
export function canReclaimAnon(k: Kernel, node: number, sc: ScanControl | null): boolean {
  if (k.swap && k.swap.usedPages < k.swap.capacityPages) return true;
  return canDemote(k, node, sc);
}

/** inactive_is_low() on a pair of list sizes: inactive is kept at least 1/sqrt(10 * GiB) of active. */
function inactiveIsLowOf(k: Kernel, inactive: number, active: number): boolean {
  const gb = Math.floor(((inactive + active) * k.pageSize) / 2 ** 30);
  const ratio = gb ? Math.floor(Math.sqrt(10 * gb)) : 1;
  return inactive * ratio < active;
}

/** inactive_is_low() of a node's lists over every memcg (the root's hierarchical lruvec). */
export function inactiveIsLow(
  k: Kernel,
  node: number,
  inactiveLru: typeof LRU_INACTIVE_ANON | typeof LRU_INACTIVE_FILE,
): boolean {
  return inactiveIsLowOf(
    k,
    lruSize(k.m, node, inactiveLru),
    lruSize(k.m, node, (inactiveLru + 1) as LruList),
  );
}

/** inactive_is_low() of one lruvec. */
function lruvecInactiveIsLow(
  k: Kernel,
  lruvec: number,
  inactiveLru: typeof LRU_INACTIVE_ANON | typeof LRU_INACTIVE_FILE,
): boolean {
  const m = k.m;
  return inactiveIsLowOf(
    k,
    lruvecSize(m, lruvec, inactiveLru),
    lruvecSize(m, lruvec, (inactiveLru + 1) as LruList),
  );
}

/** The target lruvec's list (prepare_scan_control): the node's, or the limited cgroup's on it. */
function targetLruSize(k: Kernel, node: number, sc: ScanControl, lru: LruList): number {
  if (sc.targetMemcg === 0) return lruSize(k.m, node, lru);
  return lruvecSize(k.m, lruvecOf(k.m, sc.targetMemcg, node), lru);
}

/** One shrink_node() pass's decisions, made on the target lruvec and shared by every memcg's. */
interface NodeScan {
  deactivateAnon: boolean;
  deactivateFile: boolean;
  cacheTrim: boolean;
  fileTiny: boolean;
}
const nodeScan: NodeScan = {
  deactivateAnon: false,
  deactivateFile: false,
  cacheTrim: false,
  fileTiny: false,
};

/**
 * get_scan_count(): how many pages of each of memcg's lists on node to scan at this priority. Reclaim
 * costs of anon and file are taken as equal, so SCAN_FRACT splits by swappiness alone (ap =
 * swappiness, fp = 200 - it); a protected cgroup's lists are scanned less (apply_proportional_protection).
 */
function getScanCount(
  k: Kernel,
  memcg: number,
  node: number,
  sc: ScanControl,
  ns: NodeScan,
  out: Float64Array,
): void {
  const swappiness = k.knobs.swappiness;
  const lruvec = lruvecOf(k.m, memcg, node);
  let balance: 'equal' | 'fract' | 'file' | 'anon';
  if (!sc.maySwap || !canReclaimAnon(k, node, sc)) balance = 'file';
  else if (sc.targetMemcg !== 0 && !swappiness)
    balance = 'file'; // cgroup reclaim honours swappiness 0
  else if (sc.priority === 0 && swappiness) balance = 'equal';
  else if (ns.fileTiny) balance = 'anon';
  else if (ns.cacheTrim) balance = 'file';
  else balance = 'fract';
  for (const lru of LRU_LISTS) {
    const file = isFileLru(lru);
    let scan = Math.floor(
      applyProportionalProtection(k, memcg, sc, lruvecSize(k.m, lruvec, lru)) / 2 ** sc.priority,
    );
    if (balance === 'fract') scan = Math.ceil((scan * (file ? 200 - swappiness : swappiness)) / 200);
    else if ((balance === 'file' && !file) || (balance === 'anon' && file)) scan = 0;
    out[lru] = scan;
  }
}

const nrScratch = new Float64Array(4);

/**
 * shrink_lruvec(): scans memcg's lists on node by get_scan_count until this lruvec has given
 * nr_to_reclaim, then keeps its anon lists balanced. Returns pages reclaimed (added to sc too).
 */
function shrinkLruvec(k: Kernel, memcg: number, node: number, sc: ScanControl, ns: NodeScan): number {
  if (k.m.lrugen) {
    // 6.1: shrink_lruvec() hands the lruvec to MGLRU.
    const before = sc.nrReclaimed;
    lruGenShrinkLruvecV61(k, lruvecOf(k.m, memcg, node), sc);
    return sc.nrReclaimed - before;
  }
  const nr = nrScratch;
  getScanCount(k, memcg, node, sc, ns, nr);
  let reclaimed = 0;
  while (nr[LRU_INACTIVE_ANON]! > 0 || nr[LRU_ACTIVE_FILE]! > 0 || nr[LRU_INACTIVE_FILE]! > 0) {
    for (const lru of LRU_LISTS) {
      const n = Math.min(nr[lru]!, SWAP_CLUSTER_MAX);
      if (n <= 0) continue;
      nr[lru]! -= n;
      const active = lru === LRU_ACTIVE_ANON || lru === LRU_ACTIVE_FILE;
      if (!active) reclaimed += shrinkInactiveList(k, memcg, node, n, lru, sc);
      else if (lru === LRU_ACTIVE_ANON ? ns.deactivateAnon : ns.deactivateFile)
        shrinkActiveList(k, memcg, node, n, lru, sc);
    }
    if (reclaimed >= sc.nrToReclaim) break;
  }
  sc.nrReclaimed += reclaimed;
  // Even if anon was not scanned, keep its active/inactive balance for when it is.
  if (canReclaimAnon(k, node, sc) && lruvecInactiveIsLow(k, lruvecOf(k.m, memcg, node), LRU_INACTIVE_ANON)) {
    shrinkActiveList(k, memcg, node, SWAP_CLUSTER_MAX, LRU_ACTIVE_ANON, sc);
  }
  return reclaimed;
}

/**
 * shrink_node_memcgs(): every memcg's lruvec on node in turn. Global reclaim passes over a cgroup
 * below its memory.min, and below its memory.low too unless this is the retry that must reclaim
 * it (each such visit is a `low` event). Direct and memcg reclaim walk partially, from where the
 * last walk on this node stopped, and stop once they have their pages; kswapd walks them all.
 */
function shrinkNodeMemcgs(k: Kernel, node: number, sc: ScanControl, ns: NodeScan): void {
  if (sc.targetMemcg !== 0) {
    // One level under the root: the target has no descendants, and no protection from itself.
    shrinkLruvec(k, sc.targetMemcg, node, sc, ns);
    return;
  }
  const nrMemcgs = k.m.nrMemcgs;
  const partial = sc.reclaimer !== 'kswapd';
  const iter = k.memcg.iterPosition;
  const start = partial ? iter[node]! : 0;
  for (let i = 0; i < nrMemcgs; i++) {
    const memcg = (start + i) % nrMemcgs;
    if (partial) iter[node] = (memcg + 1) % nrMemcgs;
    const protectedBy = memcgBelowProtection(k, memcg);
    if (protectedBy === 'min') continue;
    if (protectedBy === 'low') {
      if (!sc.memcgLowReclaim) {
        sc.memcgLowSkipped = true;
        continue;
      }
      memcgMemoryEvent(k, memcg, MEMCG_EVENT.low);
    }
    shrinkLruvec(k, memcg, node, sc, ns);
    if (partial && sc.nrReclaimed >= sc.nrToReclaim) break;
  }
}

/**
 * shrink_node() for one node: decides what to deactivate and scan, then shrinks every memcg's lists;
 * with the multi-gen LRU on, lru_gen_shrink_node() instead.
 */
export function shrinkNode(k: Kernel, node: number, sc: ScanControl): void {
  // NOMAD: a slow node gives its shadow pages back before it scans anything (reclaim_shadow_page).
  if (k.nomad !== null && !k.layout.topTier[node] && reclaimShadows(k, node, sc) > 0) {
    k.kswapd[node]!.failures = 0;
    if (sc.nrReclaimed >= sc.nrToReclaim) return;
  }
  const ns = nodeScan;
  if (k.m.lrugen) {
    // v6.3+: lru_gen_shrink_node() and its memcg LRU; 6.1: the memcg walk below, each lruvec MGLRU's.
    if (k.m.lrugen.rules.memcgLru) return lruGenShrinkNode(k, node, sc);
    const before = sc.nrReclaimed;
    shrinkNodeMemcgs(k, node, sc, ns);
    if (sc.nrReclaimed > before) k.kswapd[node]!.failures = 0;
    return;
  }
  ns.deactivateAnon = inactiveIsLowOf(
    k,
    targetLruSize(k, node, sc, LRU_INACTIVE_ANON),
    targetLruSize(k, node, sc, LRU_ACTIVE_ANON),
  );
  ns.deactivateFile = inactiveIsLowOf(
    k,
    targetLruSize(k, node, sc, LRU_INACTIVE_FILE),
    targetLruSize(k, node, sc, LRU_ACTIVE_FILE),
  );
  const inactiveFile = targetLruSize(k, node, sc, LRU_INACTIVE_FILE);
  ns.cacheTrim = !ns.deactivateFile && Math.floor(inactiveFile / 2 ** sc.priority) > 0;
  // file_is_tiny is a global-reclaim decision, on the node's own lists (prepare_scan_control).
  const file = lruSize(k.m, node, LRU_INACTIVE_FILE) + lruSize(k.m, node, LRU_ACTIVE_FILE);
  ns.fileTiny =
    sc.targetMemcg === 0 &&
    sc.reclaimer === 'kswapd' &&
    file + k.m.nrFree[node]! <= wmarkPages(k, node, WMARK_HIGH) &&
    !ns.deactivateAnon &&
    Math.floor(lruSize(k.m, node, LRU_INACTIVE_ANON) / 2 ** sc.priority) > 0;
  const before = sc.nrReclaimed;
  shrinkNodeMemcgs(k, node, sc, ns);
  if (sc.nrReclaimed > before) k.kswapd[node]!.failures = 0;
}

/**
 * do_try_to_free_pages(): priority by priority over the zonelist's nodes (those sc.nodemask
 * allows) until nr_to_reclaim pages are freed; for a costly `order` (a THP) it reclaims for
 * compaction instead (see reclaimForCompaction) and stops once compaction is ready. If nothing came free while a cgroup was spared for
 * its memory.low, it starts over with memcg_low_reclaim set ("untapped cgroup reserves? Don't OOM").
 */
export function doTryToFreePages(
  k: Kernel,
  zonelist: readonly number[],
  allowed: Uint8Array | null,
  sc: ScanControl,
  order = 0,
): number {
  const initialPriority = sc.priority;
  for (;;) {
    let compactionReady = false;
    do {
      for (const n of zonelist) {
        if ((allowed && !allowed[n]) || (sc.nodemask && !sc.nodemask[n])) continue;
        if (order > PAGE_ALLOC_COSTLY_ORDER && compactionReadyFor(k, n)) compactionReady = true;
        else if (order > 0) reclaimForCompaction(k, n, sc, order);
        else shrinkNode(k, n, sc);
      }
      if (sc.nrReclaimed >= sc.nrToReclaim || compactionReady) break;
    } while (--sc.priority >= 0);
    // Aborted reclaim to try compaction: no OOM, and no retry for memory.low either.
    if (sc.nrReclaimed || compactionReady || !sc.memcgLowSkipped || sc.memcgLowReclaim) return sc.nrReclaimed;
    sc.priority = initialPriority;
    sc.memcgLowReclaim = true;
    sc.memcgLowSkipped = false;
  }
}

/**
 * try_to_free_pages(): direct reclaim of SWAP_CLUSTER_MAX pages over the allocation's zonelist, at
 * `order`. Its cost is charged to the allocating task.
 */
export function tryToFreePages(
  k: Kernel,
  zonelist: readonly number[],
  allowed: Uint8Array | null,
  order = 0,
): number {
  const sc = scanControl('direct', SWAP_CLUSTER_MAX);
  doTryToFreePages(k, zonelist, allowed, sc, order);
  k.chargedNs += sc.costNs;
  return sc.nrReclaimed;
}

/**
 * node_reclaim() (zone_reclaim_mode): reclaim the local node before going off-node. Without
 * RECLAIM_UNMAP (bit 4) only unmapped page cache goes; without RECLAIM_WRITE (bit 2) no writeback.
 */
export function nodeReclaim(k: Kernel, node: number, nrPages: number): number {
  const mode = k.knobs.zone_reclaim_mode;
  const sc = scanControl('direct', Math.max(nrPages, SWAP_CLUSTER_MAX), NODE_RECLAIM_PRIORITY);
  sc.mayWritepage = (mode & RECLAIM_WRITE) !== 0;
  sc.mayUnmap = (mode & RECLAIM_UNMAP) !== 0;
  if (
    !sc.mayUnmap &&
    lruSize(k.m, node, LRU_INACTIVE_FILE) + lruSize(k.m, node, LRU_ACTIVE_FILE) <=
      k.m.managedPages[node]! / 100
  ) {
    return 0; // node_pagecache_reclaimable() <= min_unmapped_pages (1%)
  }
  do shrinkNode(k, node, sc);
  while (sc.nrReclaimed < sc.nrToReclaim && --sc.priority >= 0);
  k.chargedNs += sc.costNs;
  return sc.nrReclaimed;
}

/** zone_reclaimable_pages() over a zonelist: what reclaim could still free (should_reclaim_retry). */
export function reclaimablePages(k: Kernel, zonelist: readonly number[], allowed: Uint8Array | null): number {
  let total = 0;
  for (const n of zonelist) {
    if (allowed && !allowed[n]) continue;
    total += lruSize(k.m, n, LRU_INACTIVE_FILE) + lruSize(k.m, n, LRU_ACTIVE_FILE);
    if (canReclaimAnon(k, n, null))
      total += lruSize(k.m, n, LRU_INACTIVE_ANON) + lruSize(k.m, n, LRU_ACTIVE_ANON);
  }
  return total;
}

/**
 * compaction_ready() for a pageblock-order reclaimer: shrink_zones() skips a node whose huge page
 * can be had already (order-9 watermark at min), or where compaction may run and free pages are
 * above high + compact_gap, so reclaiming more only takes pages from other users.
 */
function compactionReadyFor(k: Kernel, node: number): boolean {
  if (hugeWatermarkOk(k, node, WMARK_MIN)) return true;
  if (!compactionSuitable(k, node)) return false;
  return k.m.nrFree[node]! > wmarkPages(k, node, WMARK_HIGH) + (2 << k.m.area.pageblockOrder);
}

/**
 * shrink_node() repeated while should_continue_reclaim() (in_reclaim_compaction: a costly order):
 * until a pass frees nothing, compaction becomes suitable or the huge page can be had, or the
 * inactive lists (anon only if it can be reclaimed) hold no more than compact_gap pages.
 */
function reclaimForCompaction(k: Kernel, node: number, sc: ScanControl, order: number): void {
  const gap = 2 << order;
  for (;;) {
    const before = sc.nrReclaimed;
    shrinkNode(k, node, sc);
    if (sc.nrReclaimed === before) return;
    if (order > PAGE_ALLOC_COSTLY_ORDER || sc.priority < DEF_PRIORITY - 2) {
      if (hugeWatermarkOk(k, node, WMARK_MIN) || compactionSuitable(k, node)) return;
      let inactive = lruSize(k.m, node, LRU_INACTIVE_FILE);
      if (canReclaimAnon(k, node, sc)) inactive += lruSize(k.m, node, LRU_INACTIVE_ANON);
      if (inactive <= gap) return;
    } else return;
  }
}
