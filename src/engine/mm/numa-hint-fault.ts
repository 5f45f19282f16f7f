// The NUMA hint fault (mm/memory.c do_numa_page): restore the PTE, count the fault, and decide
// whether the page should move to the faulting CPU's node. In memory-tiering mode a slow-tier page
// must be hot (scan-to-fault latency under the threshold) and within the fast node's promotion rate
// limit (should_numa_migrate_memory); promotion needs headroom on the fast node, or kswapd is woken.
import { folioNrPages, isThpHead } from './folio.ts';
import { migrateMisplacedHuge, restoreHugePmd } from './thp-numa.ts';
import { STAT } from '../../shared/vmstat.ts';
import { NUMA_BALANCING_MEMORY_TIERING, NUMA_BALANCING_NORMAL } from '../../shared/scenario/knobs.ts';
import { HINT_FAULT_NS } from './costs.ts';
import { count, type Kernel } from './kernel.ts';
import { lruDel, lruMove } from './lru.ts';
import { MIGRATE_MOVABLE } from './free-area.ts';
import { NIL, pageToNid } from './mem-state.ts';
import { migrateFolio, MIGRATE_KEEP_SOURCE, MR } from './migrate.ts';
import { linkShadow } from './nomad-shadow.ts';
import { MPOL_F_MOF, rmqueue, zoneStatistics, type AllocPolicy } from './page-alloc.ts';
import { taskNumaFault, TNF_FAULT_LOCAL, TNF_MIGRATE_FAIL } from './numa-scan-period.ts';
import { mmRegionOf, vmaSetAccessPidBit } from './vma-numab.ts';
import { PG } from './page-flags.ts';
import { NOT_MAPPED, pageMoved } from './reference-model.ts';
import { wakeupKswapd } from './kswapd.ts';
import { shouldPromoteTiering } from './promotion-limits.ts';
import { colloidActive, colloidAwayTarget, colloidMoved } from './colloid.ts';
import { MEMCG_STAT } from './memcg-state.ts';
import { memcgCount } from './memcg-protection.ts';
import { WMARK_HIGH, wmarkPages } from './watermark.ts';

/**
 * mpol_misplaced() for a task policy with MPOL_F_MOF | MPOL_F_MORON (the only policies whose pages
 * are scanned): the node page `pfn` on `src` should move to, or -1. The default policy's pages stay
 * put on the CPU's node; a balanced bind policy moves pages only to a CPU's node in its nodemask,
 * and asks should_numa_migrate_memory() even of a page already there. Either way the target is the
 * CPU's node (MORON), subject to that check.
 */
function mpolMisplaced(k: Kernel, p: AllocPolicy, pfn: number, src: number, nowMs: number): number {
  if (!(p.flags & MPOL_F_MOF)) return -1;
  const thisNid = p.localNode;
  if (p.mode === 'bind') {
    if (!p.allowed![thisNid]) return -1;
  } else if (src === thisNid) return -1; // preferred_node_policy[thisNid]: already on its node
  if (!shouldNumaMigrateMemory(k, pfn, src, thisNid, nowMs)) return -1;
  return src === thisNid ? -1 : thisNid;
}

/**
 * do_numa_page() for present page `pfn` of thread `pid` of workload `g`: restore the PTE, note the
 * thread in the VMA's pids_active (6.12), move the page if it is misplaced, and account the fault
 * (task_numa_fault). Returns the page's frame afterwards (a new one if it was migrated). Adds the
 * fault's cost to k.chargedNs.
 */
export function doNumaPage(
  k: Kernel,
  p: AllocPolicy,
  g: number,
  pfn: number,
  nowMs: number,
  pid = 0,
): number {
  const m = k.m;
  numabFaultPid(k, g, m.owner[pfn]!, pid);
  m.flags[pfn] = m.flags[pfn]! & ~PG.protnone;
  const src = pageToNid(m, pfn);
  if (isThpHead(m, pfn)) restoreHugePmd(k, pfn, src);
  else pageMoved(k, m.owner[pfn]!, NOT_MAPPED, src);
  const local = p.localNode;
  k.chargedNs += HINT_FAULT_NS;
  count(k, local, STAT.pgfault);
  count(k, local, STAT.numa_hint_faults);
  let tnf = 0;
  if (src === local) {
    count(k, local, STAT.numa_hint_faults_local);
    tnf |= TNF_FAULT_LOCAL;
  }
  let moved = pfn;
  let target = mpolMisplaced(k, p, pfn, src, nowMs);
  // Colloid: a hot page on the congested default tier moves away (do_numa_page in its mm/memory.c).
  const away = target < 0 && src === local ? colloidAwayTarget(k, pfn, src, nowMs, folioNrPages(m, pfn)) : -1;
  if (away >= 0) target = away;
  if (target >= 0) {
    const nr = folioNrPages(m, pfn);
    const dst = migrateMisplacedFolio(k, pfn, target, local);
    if (dst === NIL) tnf |= TNF_MIGRATE_FAIL;
    else {
      moved = dst;
      if (away >= 0) colloidMoved(k, false, nr);
    }
  }
  taskNumaFault(k, g, tnf, nowMs);
  return moved;
}

/** should_numa_migrate_memory(): the tiering checks for slow-tier pages, else the two-stage filter. */
function shouldNumaMigrateMemory(k: Kernel, pfn: number, src: number, dst: number, nowMs: number): boolean {
  const mode = k.knobs.numa_balancing;
  const topTier = k.layout.topTier;
  if (k.mechanisms.tpp && mode & NUMA_BALANCING_MEMORY_TIERING && !topTier[src]) {
    return topTier[dst]! && pageIsActive(k, pfn);
  }
  if (mode & NUMA_BALANCING_MEMORY_TIERING && k.mechanisms.tieringPromotion && !topTier[src]) {
    return topTier[dst]! && shouldPromoteTiering(k, pfn, dst, nowMs);
  }
  if (!(mode & NUMA_BALANCING_NORMAL)) return false;
  // Two-stage filter: migrate only on the second fault in a row from the same node (last_cpupid).
  const last = k.m.stamp[pfn]!;
  k.m.stamp[pfn] = dst + 1;
  return last === dst + 1;
}

/**
 * TPP promotes only pages on the active LRU: a hint fault on an inactive page activates it instead,
 * so it climbs at its next hint fault if it stays in use (and no sooner).
 */
function pageIsActive(k: Kernel, pfn: number): boolean {
  const fl = k.m.flags[pfn]!;
  if (fl & PG.active) return true;
  if (fl & PG.lru) {
    lruMove(k.m, pfn, PG.active, 0);
    count(k, pageToNid(k.m, pfn), STAT.pgactivate, folioNrPages(k.m, pfn));
  }
  return false;
}

/**
 * migrate_misplaced_folio(): refuses unless the target stays above its high watermark after the
 * move (migrate_balanced_pgdat); in tiering mode a refusal wakes the target's kswapd so demotion
 * makes room. Returns the new frame or NIL.
 */
function migrateMisplacedFolio(k: Kernel, pfn: number, target: number, local: number): number {
  const m = k.m;
  const tiering = (k.knobs.numa_balancing & NUMA_BALANCING_MEMORY_TIERING) !== 0;
  const nr = folioNrPages(m, pfn);
  if (m.nrFree[target]! <= wmarkPages(k, target, WMARK_HIGH) + nr) {
    // migrate_misplaced_folio_prepare(): wakeup_kswapd() at the folio's order.
    if (tiering) wakeupKswapd(k, target, nr > 1 ? m.area.pageblockOrder : 0);
    count(k, pageToNid(m, pfn), STAT.pgmigrate_fail, nr);
    return NIL;
  }
  if (!(m.flags[pfn]! & PG.lru)) return NIL; // isolated by reclaim right now
  const src = pageToNid(m, pfn);
  let dst: number;
  if (nr > 1) {
    dst = migrateMisplacedHuge(k, pfn, target, local);
    if (dst === NIL) return NIL;
  } else if (k.nomadTpm !== null && tiering && k.layout.topTier[target] && !(m.flags[pfn]! & PG.file)) {
    // NOMAD: the fault queues the page for transactional promotion and returns (nomad-tpm.ts).
    return k.nomadTpm.queue(k, pfn, target, local) ? pfn : NIL;
  } else {
    // alloc_misplaced_dst_page() clears __GFP_RECLAIM: no ALLOC_KSWAPD.
    dst = rmqueue(k, target, MIGRATE_MOVABLE, false);
    if (dst === NIL) return NIL;
    zoneStatistics(k, target, target, local);
    lruDel(m, pfn);
    // NOMAD without TPM: a promotion still keeps the old frame as the page's shadow.
    const keep =
      k.nomad !== null && k.layout.topTier[target]! && !k.layout.topTier[src] && !(m.flags[dst]! & PG.file);
    k.chargedNs += migrateFolio(k, pfn, dst, MR.numaMisplaced, keep ? MIGRATE_KEEP_SOURCE : 0);
    if (keep) linkShadow(k, dst, pfn);
  }
  count(k, local, STAT.numa_pages_migrated, nr);
  if (tiering && !k.layout.topTier[src] && k.layout.topTier[target]) {
    count(k, target, STAT.pgpromote_success, nr);
    memcgCount(k, k.m.memcg[dst]!, MEMCG_STAT.pgpromote_success, nr);
    if (colloidActive(k) && target === k.colloid!.defaultNode) colloidMoved(k, true, nr);
  }
  // Yang Shi v3 counted pages moved from a migrate target (CPU-less) up to a primary node.
  if (
    k.mechanisms.reclaimMigrate === 'yang-shi-v3' &&
    k.machine.nodes[src]!.cpus === 0 &&
    k.machine.nodes[target]!.cpus > 0
  ) {
    count(k, target, STAT.numa_pages_promoted, nr);
  }
  return dst;
}

/** numa_migrate_check()'s vma_set_access_pid_bit(): thread `pid` faulted in the VMA of vpage v. */
export function numabFaultPid(k: Kernel, g: number, v: number, pid: number): void {
  const vn = k.numab.mm[g]!.vmas;
  if (vn === null) return;
  const mm = k.mms[g]!;
  const r = mmRegionOf(mm.base, mm.pages, v);
  if (r >= 0) vmaSetAccessPidBit(vn, r, pid);
}
