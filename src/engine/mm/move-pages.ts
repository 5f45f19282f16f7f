// move_pages(2) for user-space movers (a migration daemon, DAMON's migrate actions): move one
// present page to a node, allocating there with __GFP_THISNODE. The allocation may reclaim on the
// target node (GFP_HIGHUSER_MOVABLE) but never invokes the OOM killer for a THISNODE request.
// Such moves count only pgmigrate_success/fail, not pgpromote_* or pgdemote_* (as in the kernel).
import { isThpHead } from './folio.ts';
import { splitHugePage } from './huge-memory.ts';
import { STAT } from '../../shared/vmstat.ts';
import { count, type Kernel } from './kernel.ts';
import { lruDel } from './lru.ts';
import { NIL, PTE_SWAPPED, putFreeFrame, pageToNid } from './mem-state.ts';
import { migrateFolio, type MigrateReason } from './migrate.ts';
import { getPageFromFreelist, zoneStatistics } from './page-alloc.ts';
import { PG } from './page-flags.ts';
import { wakeupKswapd } from './kswapd.ts';
import { tryToFreePages } from './vmscan.ts';
import { WMARK_LOW, WMARK_MIN } from './watermark.ts';

/** The status move_pages reports per page (0 or a negative errno). */
export const MOVE_OK = 0;
export const MOVE_ENOENT = -2; // not present
export const MOVE_EBUSY = -16; // isolated by reclaim right now
export const MOVE_ENOMEM = -12; // no room on the target

/**
 * alloc_migration_target() with __GFP_THISNODE: fast path, kswapd, WMARK_MIN, then one direct
 * reclaim when allowed (move_pages may reclaim; DAMOS allocates GFP_NOWAIT and may not).
 */
function allocOnNode(k: Kernel, node: number, local: number, mayReclaim: boolean): number {
  const only = k.thisNode[node]!;
  let pfn = getPageFromFreelist(k, only, null, WMARK_LOW, local, false);
  if (pfn !== NIL) return pfn;
  wakeupKswapd(k, node);
  pfn = getPageFromFreelist(k, only, null, WMARK_MIN, local, false);
  if (pfn !== NIL || !mayReclaim) return pfn;
  tryToFreePages(k, only, null);
  return getPageFromFreelist(k, only, null, WMARK_MIN, local, false);
}

/**
 * Moves the page mapped at `vpage` to `node` for reason `reason` (MR.*). Returns MOVE_OK (also when
 * it already is there) or an errno. Its cost, reclaim included, goes to k.chargedNs.
 */
export function movePage(
  k: Kernel,
  vpage: number,
  node: number,
  reason: MigrateReason,
  local: number,
  mayReclaim = true,
): number {
  let e = k.m.pte[vpage]!;
  if (e === 0 || e >= PTE_SWAPPED) return MOVE_ENOENT;
  if (pageToNid(k.m, e - 1) === node) return MOVE_OK;
  if (!(k.m.flags[e - 1]! & PG.lru)) return MOVE_EBUSY;
  // The movers here work on base pages: a THP is split first and only the named page moves
  // (move_pages() would migrate it whole; not modelled).
  if (isThpHead(k.m, e - 1)) {
    splitHugePage(k, e - 1);
    e = k.m.pte[vpage]!;
  }
  const src = e - 1;
  const dst = allocOnNode(k, node, local, mayReclaim);
  // Reclaim on the target may have freed or moved the page meanwhile.
  if (k.m.pte[vpage] !== e || !(k.m.flags[src]! & PG.lru)) {
    if (dst !== NIL) putFreeFrame(k.m, dst);
    return MOVE_EBUSY;
  }
  if (dst === NIL) {
    count(k, pageToNid(k.m, src), STAT.pgmigrate_fail);
    return MOVE_ENOMEM;
  }
  zoneStatistics(k, node, node, local);
  lruDel(k.m, src);
  k.chargedNs += migrateFolio(k, src, dst, reason);
  return MOVE_OK;
}
