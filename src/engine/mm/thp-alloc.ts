// A THP fault's allocation (vma_alloc_folio at HPAGE_PMD_ORDER, mm/mempolicy.c alloc_pages_mpol
// and mm/page_alloc.c __alloc_pages_slowpath for a costly order), with the gfp flags of
// thp-gfp.ts. Worked example, defrag=madvise and a workload with thp on a fragmented local node:
// the local node alone with __GFP_NORETRY (async compaction; reclaim and async compaction again
// unless compaction was skipped or deferred), then the whole zonelist: free lists at low, at min,
// async compaction, direct reclaim, sync-light compaction, then fallback to a base page. No
// retries: a costly order without __GFP_RETRY_MAYFAIL never reaches should_compact_retry().
import { STAT } from '../../shared/vmstat.ts';
import { COMPACT, type CompactResult } from './compaction.ts';
import { compactionDeferReset } from './compaction-defer.ts';
import { COMPACT_PRIO, tryToCompactPages, type CompactPriority } from './direct-compact.ts';
import { getHugePageFromFreelist } from './huge-alloc.ts';
import { count, type Kernel } from './kernel.ts';
import { wakeupKswapd } from './kswapd.ts';
import { NIL, pageToNid } from './mem-state.ts';
import { zoneStatistics, type AllocPolicy } from './page-alloc.ts';
import { GFP } from './thp-gfp.ts';
import { tryToFreePages } from './vmscan.ts';
import { WMARK_LOW, WMARK_MIN } from './watermark.ts';

/** Where one __alloc_pages() call may take its page from. */
interface AllocContext {
  zonelist: readonly number[];
  allowed: Uint8Array | null;
  /** The zonelist's first allowed node, whose terms zone_statistics() counts in. */
  preferred: number;
  /** The faulting task's node (numa_node_id()), where the fault's events are counted. */
  local: number;
}

/**
 * alloc_pages_mpol() for a THP: unless the policy interleaves or its nodemask leaves out the
 * node, first that node alone with __GFP_THISNODE | __GFP_NORETRY ("don't reclaim unnecessarily,
 * just compact"); then, only if the gfp allows direct reclaim, the policy's whole zonelist.
 * Returns the head pfn or NIL.
 */
export function allocHugePage(k: Kernel, p: AllocPolicy, gfp: number): number {
  let nid = p.localNode;
  if (p.mode === 'preferred') nid = p.nodes[0]!;
  else if (p.mode === 'interleave') nid = p.nodes[p.ilNext++ % p.nodes.length]!;
  const allowed = p.allowed;
  const interleaved = p.mode === 'interleave' || p.mode === 'weighted_interleave';
  if (!interleaved && (!allowed || allowed[nid])) {
    const local: AllocContext = {
      zonelist: k.thisNode[nid]!,
      allowed: null,
      preferred: nid,
      local: p.localNode,
    };
    const head = allocPagesHuge(k, gfp | GFP.thisnode | GFP.noretry, local);
    if (head !== NIL || !(gfp & GFP.directReclaim)) return head;
  }
  const zonelist = k.layout.zonelist[nid]!;
  const preferred = allowed ? (zonelist.find((n) => allowed[n]) ?? nid) : nid;
  return allocPagesHuge(k, gfp, { zonelist, allowed, preferred, local: p.localNode });
}

/** __alloc_pages() at HPAGE_PMD_ORDER: the fast path at WMARK_LOW, else the slow path. */
function allocPagesHuge(k: Kernel, gfp: number, ac: AllocContext): number {
  let head = getHugePageFromFreelist(k, ac.zonelist, ac.allowed, WMARK_LOW);
  if (head === NIL) head = allocHugeSlowpath(k, gfp, ac);
  if (head !== NIL) zoneStatistics(k, ac.preferred, pageToNid(k.m, head), ac.local, k.m.area.pageblockNr);
  return head;
}

/**
 * __alloc_pages_slowpath() for a costly order: wake kswapd if __GFP_KSWAPD_RECLAIM, try at
 * WMARK_MIN, and with __GFP_DIRECT_RECLAIM compact (async), reclaim, compact again, once.
 * __GFP_NORETRY gives up after the first compaction if it was skipped or deferred, and keeps
 * the second one async; otherwise the second runs at DEF_COMPACT_PRIORITY (sync light).
 */
function allocHugeSlowpath(k: Kernel, gfp: number, ac: AllocContext): number {
  const order = k.m.area.pageblockOrder;
  const mayStall = (gfp & GFP.directReclaim) !== 0;
  if (gfp & GFP.kswapdReclaim) wakeAllKswapds(k, ac, order, mayStall);
  let head = getHugePageFromFreelist(k, ac.zonelist, ac.allowed, WMARK_MIN);
  if (head !== NIL || !mayStall) return head;

  let prio: CompactPriority = COMPACT_PRIO.syncLight;
  const first = allocPagesDirectCompact(k, ac, COMPACT_PRIO.async);
  if (first.head !== NIL) return first.head;
  if (gfp & GFP.noretry) {
    if (first.result === COMPACT.skipped || first.result === COMPACT.deferred) return NIL;
    prio = COMPACT_PRIO.async;
  }
  head = allocPagesDirectReclaim(k, ac, order);
  if (head !== NIL) return head;
  return allocPagesDirectCompact(k, ac, prio).head;
}

function wakeAllKswapds(k: Kernel, ac: AllocContext, order: number, mayStall: boolean): void {
  for (const n of ac.zonelist) if (!ac.allowed || ac.allowed[n]) wakeupKswapd(k, n, order, mayStall);
}

/** __alloc_pages_direct_reclaim(): one try_to_free_pages() for the order (allocstall), then the free lists at min. */
function allocPagesDirectReclaim(k: Kernel, ac: AllocContext, order: number): number {
  count(k, ac.local, STAT.allocstall_normal);
  const progress = tryToFreePages(k, ac.zonelist, ac.allowed, order);
  if (progress === 0) return NIL;
  return getHugePageFromFreelist(k, ac.zonelist, ac.allowed, WMARK_MIN);
}

const compactOutcome = { head: NIL, result: COMPACT.skipped as CompactResult };

/**
 * __alloc_pages_direct_compact(): try_to_compact_pages(), then the free lists at min. A run that
 * was not skipped everywhere counts compact_stall, then compact_success (and resets the deferral
 * of the node the page came from) or compact_fail. Returns a shared object, valid until the next call.
 */
function allocPagesDirectCompact(k: Kernel, ac: AllocContext, prio: CompactPriority): typeof compactOutcome {
  const out = compactOutcome;
  out.head = NIL;
  out.result = tryToCompactPages(k, ac.zonelist, ac.allowed, prio);
  if (out.result === COMPACT.skipped) return out;
  count(k, ac.local, STAT.compact_stall);
  out.head = getHugePageFromFreelist(k, ac.zonelist, ac.allowed, WMARK_MIN);
  if (out.head === NIL) {
    count(k, ac.local, STAT.compact_fail);
    return out;
  }
  compactionDeferReset(k.compactDefer[pageToNid(k.m, out.head)]!, k.m.area.pageblockOrder, true);
  count(k, ac.local, STAT.compact_success);
  return out;
}
