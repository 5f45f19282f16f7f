// Node reclaim as mm/vmscan.c does it: shrink_node -> get_scan_count -> shrink_lruvec, with
// kswapd, direct reclaim (try_to_free_pages) and node_reclaim as its callers.
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
import { lruSize } from './lru.ts';
import { canDemote } from './demote.ts';
import { shrinkActiveList, shrinkInactiveList } from './shrink-list.ts';
import { DEF_PRIORITY, SWAP_CLUSTER_MAX, scanControl, type ScanControl } from './scan-control.ts';
import { WMARK_HIGH, WMARK_MIN, wmarkPages } from './watermark.ts';
import { compactionSuitable } from './compaction.ts';
import { hugeWatermarkOk } from './huge-alloc.ts';
import { lruGenShrinkNode } from './lru-gen-reclaim.ts';

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

/** inactive_is_low(): the inactive list is kept at least 1/sqrt(10 * GiB) of the active one. */
export function inactiveIsLow(
  k: Kernel,
  node: number,
  inactiveLru: typeof LRU_INACTIVE_ANON | typeof LRU_INACTIVE_FILE,
): boolean {
  const inactive = lruSize(k.m, node, inactiveLru);
  const active = lruSize(k.m, node, (inactiveLru + 1) as LruList);
  const gb = Math.floor(((inactive + active) * k.pageSize) / 2 ** 30);
  const ratio = gb ? Math.floor(Math.sqrt(10 * gb)) : 1;
  return inactive * ratio < active;
}

/**
 * get_scan_count(): how many pages of each LRU to scan at this priority. Reclaim costs of anon and
 * file are taken as equal, so SCAN_FRACT splits by swappiness alone (ap = swappiness, fp = 200 - it).
 */
function getScanCount(
  k: Kernel,
  node: number,
  sc: ScanControl,
  cacheTrim: boolean,
  fileTiny: boolean,
  out: Float64Array,
): void {
  const swappiness = k.knobs.swappiness;
  let balance: 'equal' | 'fract' | 'file' | 'anon';
  if (!sc.maySwap || !canReclaimAnon(k, node, sc)) balance = 'file';
  else if (sc.priority === 0 && swappiness) balance = 'equal';
  else if (fileTiny) balance = 'anon';
  else if (cacheTrim) balance = 'file';
  else balance = 'fract';
  for (const lru of LRU_LISTS) {
    const file = isFileLru(lru);
    let scan = Math.floor(lruSize(k.m, node, lru) / 2 ** sc.priority);
    if (balance === 'fract') scan = Math.ceil((scan * (file ? 200 - swappiness : swappiness)) / 200);
    else if ((balance === 'file' && !file) || (balance === 'anon' && file)) scan = 0;
    out[lru] = scan;
  }
}

const nrScratch = new Float64Array(4);

/**
 * shrink_node() for one node: decides what to deactivate and scan, then shrinks the lists; with
 * the multi-gen LRU on, lru_gen_shrink_node() instead.
 */
export function shrinkNode(k: Kernel, node: number, sc: ScanControl): void {
  if (k.m.lrugen) return lruGenShrinkNode(k, node, sc);
  const deactivateAnon = inactiveIsLow(k, node, LRU_INACTIVE_ANON);
  const deactivateFile = inactiveIsLow(k, node, LRU_INACTIVE_FILE);
  const inactiveFile = lruSize(k.m, node, LRU_INACTIVE_FILE);
  const cacheTrim = !deactivateFile && Math.floor(inactiveFile / 2 ** sc.priority) > 0;
  const file = inactiveFile + lruSize(k.m, node, LRU_ACTIVE_FILE);
  const fileTiny =
    sc.reclaimer === 'kswapd' &&
    file + k.m.nrFree[node]! <= wmarkPages(k, node, WMARK_HIGH) &&
    !deactivateAnon &&
    Math.floor(lruSize(k.m, node, LRU_INACTIVE_ANON) / 2 ** sc.priority) > 0;
  const nr = nrScratch;
  getScanCount(k, node, sc, cacheTrim, fileTiny, nr);

  let reclaimed = 0;
  while (nr[LRU_INACTIVE_ANON]! > 0 || nr[LRU_ACTIVE_FILE]! > 0 || nr[LRU_INACTIVE_FILE]! > 0) {
    for (const lru of LRU_LISTS) {
      const n = Math.min(nr[lru]!, SWAP_CLUSTER_MAX);
      if (n <= 0) continue;
      nr[lru]! -= n;
      const active = lru === LRU_ACTIVE_ANON || lru === LRU_ACTIVE_FILE;
      if (!active) reclaimed += shrinkInactiveList(k, node, n, lru, sc);
      else if (lru === LRU_ACTIVE_ANON ? deactivateAnon : deactivateFile)
        shrinkActiveList(k, node, n, lru, sc);
    }
    if (reclaimed >= sc.nrToReclaim) break;
  }
  sc.nrReclaimed += reclaimed;
  // Even if anon was not scanned, keep its active/inactive balance for when it is.
  if (canReclaimAnon(k, node, sc) && inactiveIsLow(k, node, LRU_INACTIVE_ANON)) {
    shrinkActiveList(k, node, SWAP_CLUSTER_MAX, LRU_ACTIVE_ANON, sc);
  }
  if (reclaimed > 0) k.kswapd[node]!.failures = 0;
}

/**
 * try_to_free_pages() -> do_try_to_free_pages(): direct reclaim of SWAP_CLUSTER_MAX pages over
 * the allocation's zonelist, priority by priority. Its cost is charged to the allocating task.
 * For a costly `order` (a THP) it reclaims for compaction instead (see reclaimForCompaction).
 */
export function tryToFreePages(
  k: Kernel,
  zonelist: readonly number[],
  allowed: Uint8Array | null,
  order = 0,
): number {
  const sc = scanControl('direct', SWAP_CLUSTER_MAX);
  let compactionReady = false;
  do {
    for (const n of zonelist) {
      if (allowed && !allowed[n]) continue;
      if (order > PAGE_ALLOC_COSTLY_ORDER && compactionReadyFor(k, n)) compactionReady = true;
      else if (order > 0) reclaimForCompaction(k, n, sc, order);
      else shrinkNode(k, n, sc);
    }
    if (sc.nrReclaimed >= sc.nrToReclaim || compactionReady) break;
  } while (--sc.priority >= 0);
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
