// Demotion in reclaim (Dave Hansen and Keith Busch's "migrate pages in lieu of discard", now
// demote_folio_list/alloc_demote_folio in mm/vmscan.c): cold pages move one tier down instead of
// being swapped or dropped, allocated on the target without blocking ("fail quickly and quietly").
import { STAT } from '../../shared/vmstat.ts';
import { count, type Kernel } from './kernel.ts';
import { NIL, pageToNid } from './mem-state.ts';
import { migrateFolio, MIGRATE_NO_COPY, MR } from './migrate.ts';
import { takeShadowForDemotion } from './nomad-shadow.ts';
import { getPageFromFreelist, zoneStatistics } from './page-alloc.ts';
import { wakeupKswapd } from './kswapd.ts';
import { reclaimerStats, type ScanControl } from './scan-control.ts';
import { memcgCount } from './memcg-protection.ts';
import { WMARK_LOW, WMARK_MIN } from './watermark.ts';

/** zone_reclaim_mode bit of the 2019-20 RFCs (RECLAIM_MIGRATE). */
const RECLAIM_MIGRATE = 8;

/**
 * can_demote(): demotion is on, this pass allows it, and the node has somewhere lower to go. In the
 * RFC kernels the switch is zone_reclaim_mode's migrate bit, and Yang Shi v3 demotes only from
 * primary (CPU + memory) nodes.
 */
export function canDemote(k: Kernel, node: number, sc: ScanControl | null): boolean {
  const rfc = k.mechanisms.reclaimMigrate;
  if (rfc) {
    if (!(k.knobs.zone_reclaim_mode & RECLAIM_MIGRATE)) return false;
    if (rfc === 'yang-shi-v3' && k.machine.nodes[node]!.cpus === 0) return false;
  } else if (!k.knobs.demotion_enabled || !k.mechanisms.demotion) return false;
  if (sc && sc.noDemotion) return false;
  return k.layout.demotion[node]!.fallback.length > 0;
}

/**
 * next_demotion_node(): a random node among the preferred targets (random avoids ping-ponging
 * caches). The RFC kernels had one target per node: the closest one.
 */
export function nextDemotionNode(k: Kernel, node: number): number {
  const preferred = k.layout.demotion[node]!.preferred;
  if (preferred.length === 0) return -1;
  if (preferred.length === 1 || k.mechanisms.reclaimMigrate) return preferred[0]!;
  return preferred[k.rng.int(preferred.length)]!;
}

/** Yang Shi v3 demotes anonymous pages only ("NUMA balancing can't promote unmapped page cache"). */
export function mayDemotePage(k: Kernel, file: boolean): boolean {
  return !(file && k.mechanisms.reclaimMigrate === 'yang-shi-v3');
}

/** Yang Shi v3: a target that ran out of memory is contended; reclaim swaps until it is balanced. */
export function demotionTargetContended(k: Kernel, node: number): boolean {
  if (k.mechanisms.reclaimMigrate !== 'yang-shi-v3') return false;
  const target = nextDemotionNode(k, node);
  return target >= 0 && k.demotionContended[target] === 1;
}

/**
 * One GFP_NOWAIT allocation over `nodes`: the fast path at WMARK_LOW, then wake their kswapds and
 * try WMARK_MIN; never direct reclaim, never OOM (__GFP_NOMEMALLOC, no __GFP_DIRECT_RECLAIM).
 */
function allocNowait(k: Kernel, nodes: readonly number[], local: number): number {
  let pfn = getPageFromFreelist(k, nodes, null, WMARK_LOW, local, false);
  if (pfn !== NIL) return pfn;
  for (const n of nodes) wakeupKswapd(k, n);
  pfn = getPageFromFreelist(k, nodes, null, WMARK_MIN, local, false);
  return pfn;
}

/**
 * alloc_demote_folio(): first the chosen target alone (__GFP_THISNODE, so the target's kswapd is
 * woken rather than spilling to an even slower tier), then any node of the lower tiers.
 */
function allocDemoteFolio(k: Kernel, target: number, node: number): number {
  let pfn = allocNowait(k, k.thisNode[target]!, node);
  // The RFC kernels tried the one target only ("only tries once"); mainline falls back to lower tiers.
  if (pfn === NIL && !k.mechanisms.reclaimMigrate)
    pfn = allocNowait(k, k.demoteOrder[node * k.m.nrNodes + target]!, node);
  if (pfn !== NIL) zoneStatistics(k, target, pageToNid(k.m, pfn), node);
  return pfn;
}

/**
 * NOMAD: a clean page with a shadow demotes by remapping its PTE to the shadow, which still holds
 * its contents: no allocation and no copy (demote_shadow_page_find/breakup). Returns false if it has none.
 */
function demoteToShadow(k: Kernel, src: number, sc: ScanControl): boolean {
  const shadow = takeShadowForDemotion(k, src);
  if (shadow === NIL) return false;
  const memcg = k.m.memcg[src]!;
  sc.costNs += migrateFolio(k, src, shadow, MR.demotion, MIGRATE_NO_COPY);
  memcgCount(k, memcg, reclaimerStats(sc).memcgPgdemote);
  return true;
}

/**
 * demote_folio_list(): migrates pages[0..n) with MR_DEMOTION. Pages that could not be demoted are
 * moved to the front of `pages`, in order. Returns how many failed. Counts pgdemote_* on the source.
 */
export function demoteFolioList(
  k: Kernel,
  node: number,
  pages: Uint32Array,
  n: number,
  sc: ScanControl,
): number {
  const target = nextDemotionNode(k, node);
  let failed = 0;
  let demoted = 0;
  for (let i = 0; i < n; i++) {
    const src = pages[i]!;
    if (k.nomad !== null && demoteToShadow(k, src, sc)) {
      demoted++;
      continue;
    }
    const dst = target < 0 ? NIL : allocDemoteFolio(k, target, node);
    if (dst === NIL) {
      pages[failed++] = src;
      count(k, node, STAT.pgmigrate_fail);
      if (target >= 0 && k.mechanisms.reclaimMigrate === 'yang-shi-v3') k.demotionContended[target] = 1;
      continue;
    }
    const memcg = k.m.memcg[src]!;
    sc.costNs += migrateFolio(k, src, dst, MR.demotion);
    memcgCount(k, memcg, reclaimerStats(sc).memcgPgdemote);
    demoted++;
  }
  count(k, node, reclaimerStats(sc).pgdemote, demoted);
  return failed;
}
