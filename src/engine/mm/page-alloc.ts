// The page allocator: mempolicy, the zonelist walk of get_page_from_freelist, and the slow path
// (wake kswapd, retry at WMARK_MIN, direct reclaim, OOM), with numa_* and pgalloc_* counting.
import {
  newWeightedInterleave,
  weightedInterleaveNodes,
  type WeightedInterleave,
} from './weighted-interleave.ts';
import { STAT } from '../../shared/vmstat.ts';
import type { Mempolicy } from '../../shared/scenario/resolved.ts';
import { count, type Kernel } from './kernel.ts';
import { MIGRATE_MOVABLE, type Migratetype } from './free-area.ts';
import { NIL, takeFreeFrame, pageToNid } from './mem-state.ts';
import { wakeupKswapd } from './kswapd.ts';
import { tryToFreePages, nodeReclaim, reclaimablePages } from './vmscan.ts';
import {
  boostWatermark,
  tppDemoteWmark,
  watermarkOk,
  WMARK_LOW,
  WMARK_MIN,
  wmarkPages,
} from './watermark.ts';

/** MAX_RECLAIM_RETRIES in mm/internal.h. */
export const MAX_RECLAIM_RETRIES = 16;
/** RECLAIM_DISTANCE: node_reclaim only reclaims nodes nearer than this. */
const RECLAIM_DISTANCE = 30;

// struct mempolicy's internal flags (include/uapi/linux/mempolicy.h).
/** MPOL_F_MOF: migrate on fault; NUMA balancing scans only VMAs whose policy has it (vma_policy_mof). */
export const MPOL_F_MOF = 1 << 3;
/** MPOL_F_MORON: a misplaced page moves toward the node of the CPU that referenced it (mpol_misplaced). */
export const MPOL_F_MORON = 1 << 4;

/** How one task allocates: its mempolicy resolved against its CPU's node. */
export interface AllocPolicy {
  /** Node whose CPU runs the task (numa_node_id()). */
  localNode: number;
  mode: Mempolicy['mode'];
  /** MPOL_F_MOF | MPOL_F_MORON, or 0: see mempolicyFlags. */
  flags: number;
  /** Allowed nodes (bind), the preferred node (preferred), or the interleave set. */
  nodes: number[];
  /** Per-node allowed flags for bind, else null (no nodemask). */
  allowed: Uint8Array | null;
  /** Next interleave index (il_prev). */
  ilNext: number;
  /** Weighted interleave: the state weighted_interleave_nodes() keeps (see weighted-interleave.ts). */
  weighted: WeightedInterleave | null;
}

/**
 * A task without a policy of its own uses preferred_node_policy[its node], which numa_policy_init()
 * gives MPOL_F_MOF | MPOL_F_MORON. set_mempolicy() keeps only the caller's mode flags, so a bind,
 * preferred or interleave policy has neither and NUMA balancing leaves the task alone, unless
 * MPOL_F_NUMA_BALANCING (bind only in 6.1) makes sanitize_mpol_flags() add both.
 */
export function mempolicyFlags(mp: Mempolicy): number {
  const balanced = mp.mode === 'default' || (mp.mode === 'bind' && mp.flags.includes('numa_balancing'));
  return balanced ? MPOL_F_MOF | MPOL_F_MORON : 0;
}

/** `iwTable`: the machine's weighted-interleave weights, used by a weighted_interleave policy. */
export function makeAllocPolicy(
  nrNodes: number,
  localNode: number,
  mp: Mempolicy,
  iwTable: readonly number[] = [],
): AllocPolicy {
  let allowed: Uint8Array | null = null;
  if (mp.mode === 'bind') {
    allowed = new Uint8Array(nrNodes);
    for (const n of mp.nodes) allowed[n] = 1;
  }
  const weighted = mp.mode === 'weighted_interleave' ? newWeightedInterleave(mp.nodes, iwTable) : null;
  return {
    localNode,
    mode: mp.mode,
    flags: mempolicyFlags(mp),
    nodes: mp.nodes,
    allowed,
    ilNext: 0,
    weighted,
  };
}

/**
 * zone_statistics(): numa_hit/miss/foreign on the preferred node's terms, local/other on the CPU's,
 * each by the allocation's `nr` pages (1 << order, as rmqueue accounts them).
 */
export function zoneStatistics(k: Kernel, preferred: number, node: number, local: number, nr = 1): void {
  if (node === preferred) count(k, node, STAT.numa_hit, nr);
  else {
    count(k, node, STAT.numa_miss, nr);
    count(k, preferred, STAT.numa_foreign, nr);
  }
  count(k, node, node === local ? STAT.numa_local : STAT.numa_other, nr);
  count(k, node, STAT.pgalloc_normal, nr);
}

/**
 * rmqueue(): a free frame of type mt from node n, the watermark already checked. A fragmenting
 * fallback boosts the zone's watermarks and, for allocations that may wake kswapd (ALLOC_KSWAPD,
 * all but promotion's), flags the zone, whose next rmqueue wakes kswapd even on a balanced node.
 */
export function rmqueue(k: Kernel, n: number, mt: Migratetype, allocKswapd: boolean): number {
  const fragmenting = k.m.area.nrFragmenting[n]!;
  const pfn = takeFreeFrame(k.m, n, mt);
  if (pfn === NIL) return NIL;
  if (k.m.area.nrFragmenting[n] !== fragmenting && boostWatermark(k, n) && allocKswapd)
    k.zoneBoostedWatermark[n] = 1;
  if (k.zoneBoostedWatermark[n]) {
    k.zoneBoostedWatermark[n] = 0;
    wakeupKswapd(k, n);
  }
  return pfn;
}

/** One pass of get_page_from_freelist over a zonelist for a page of type mt. Returns a pfn or NIL. */
export function getPageFromFreelist(
  k: Kernel,
  zonelist: readonly number[],
  allowed: Uint8Array | null,
  which: number,
  local: number,
  mayNodeReclaim: boolean,
  mt: Migratetype = MIGRATE_MOVABLE,
): number {
  for (const n of zonelist) {
    if (allowed && !allowed[n]) continue;
    // gfp_zone(): only movable allocations may use ZONE_MOVABLE (a node onlined online_movable).
    if (mt !== MIGRATE_MOVABLE && k.layout.zoneMovable[n]) continue;
    if (!watermarkOk(k, n, which)) {
      if (!mayNodeReclaim || !k.knobs.zone_reclaim_mode) continue;
      if (k.machine.distances[local]![n]! >= RECLAIM_DISTANCE) continue;
      nodeReclaim(k, n, wmarkPages(k, n, which) + 1 - k.m.nrFree[n]!);
      if (!watermarkOk(k, n, which)) continue;
    }
    const pfn = rmqueue(k, n, mt, true);
    if (pfn !== NIL) return pfn;
  }
  return NIL;
}

function wakeAllKswapds(k: Kernel, zonelist: readonly number[], allowed: Uint8Array | null): void {
  for (const n of zonelist) if (!allowed || allowed[n]) wakeupKswapd(k, n);
}

/**
 * Allocates one page of type mt for a task (alloc_pages with its mempolicy): user pages are
 * movable, page tables unmovable, dentry/inode/xarray slab reclaimable. May stall in direct reclaim
 * and invoke the OOM killer; the time spent is added to `k.chargedNs`. Returns a pfn or NIL when
 * the allocation failed for good (nothing left to reclaim or kill, or the caller was killed).
 */
export function allocPage(
  k: Kernel,
  p: AllocPolicy,
  isCurrentKilled: () => boolean,
  mt: Migratetype = MIGRATE_MOVABLE,
): number {
  let preferred = p.localNode;
  if (p.mode === 'preferred') preferred = p.nodes[0]!;
  else if (p.mode === 'interleave') preferred = p.nodes[p.ilNext++ % p.nodes.length]!;
  else if (p.weighted) preferred = weightedInterleaveNodes(p.weighted);
  let zonelist = k.layout.zonelist[preferred]!;
  const allowed = p.allowed;
  if (allowed && !allowed[preferred]) {
    const inList = zonelist.find((n) => allowed[n]);
    // Only separate zonelists (Wu's patch 10) leave a bind mask with no node in the local list:
    // allocate from the first bound node's list then, rather than stall forever (our choice).
    if (inList === undefined) zonelist = k.layout.zonelist[(preferred = allowed.indexOf(1))]!;
    else preferred = inList;
  }

  let pfn = getPageFromFreelist(k, zonelist, allowed, WMARK_LOW, p.localNode, true, mt);
  if (pfn === NIL) pfn = allocSlowpath(k, zonelist, allowed, p.localNode, isCurrentKilled, mt);
  if (pfn === NIL) return NIL;
  const node = pageToNid(k.m, pfn);
  // TPP decouples reclaim from allocation: dipping below WMARK_DEMOTE wakes kswapd at once.
  if (k.mechanisms.tpp && k.m.nrFree[node]! < tppDemoteWmark(k, node)) wakeupKswapd(k, node);
  zoneStatistics(k, preferred, node, p.localNode);
  // alloc_pages_mpol(): NUMA_INTERLEAVE_HIT for either interleave mode's page on its chosen node.
  if ((p.mode === 'interleave' || p.weighted) && node === preferred) count(k, node, STAT.numa_interleave);
  return pfn;
}

function allocSlowpath(
  k: Kernel,
  zonelist: readonly number[],
  allowed: Uint8Array | null,
  local: number,
  isCurrentKilled: () => boolean,
  mt: Migratetype,
): number {
  wakeAllKswapds(k, zonelist, allowed);
  let pfn = getPageFromFreelist(k, zonelist, allowed, WMARK_MIN, local, false, mt);
  let noProgressLoops = 0;
  while (pfn === NIL) {
    count(k, local, STAT.allocstall_normal);
    const reclaimed = tryToFreePages(k, zonelist, allowed);
    pfn = getPageFromFreelist(k, zonelist, allowed, WMARK_MIN, local, false, mt);
    if (pfn !== NIL) break;
    noProgressLoops = reclaimed > 0 ? 0 : noProgressLoops + 1;
    // should_reclaim_retry(): keep trying while reclaim could still make room.
    if (noProgressLoops <= MAX_RECLAIM_RETRIES && reclaimablePages(k, zonelist, allowed) > 0) continue;
    if (!k.oom.killLargest(k, 'out of memory in page allocation') || isCurrentKilled()) return NIL;
    noProgressLoops = 0;
    pfn = getPageFromFreelist(k, zonelist, allowed, WMARK_MIN, local, false, mt);
  }
  return pfn;
}
