// Reclaim of a THP chosen for eviction (shrink_folio_list): demotion of the whole folio, split on
// failure and base pages retried, per preset; swap-out whole when a swap cluster is free, else split.
// Worked example, mainline: a THP on a DRAM node whose PMEM target has free base pages but no free
// pageblock fails alloc_demote_folio at order 9 (-ENOMEM): thp_migration_fail and thp_migration_split
// count 1, thp_split_page 1, and its 512 base pages are demoted one by one (pgdemote_* += 512).
import { STAT } from '../../shared/vmstat.ts';
import { RECLAIM_PAGE_NS, SWAP_WRITE_QUEUE_DEPTH } from './costs.ts';
import { count, type Kernel } from './kernel.ts';
import { lruAdd } from './lru.ts';
import { NIL, PTE_SWAPPED } from './mem-state.ts';
import { PG } from './page-flags.ts';
import { MR } from './migrate.ts';
import { demoteFolioList, nextDemotionNode } from './demote.ts';
import { hpagePmdNr } from './folio.ts';
import { putFreeHugeFolio, splitHugePage, unmapHugeFolio } from './huge-memory.ts';
import { migrateHugeFolio } from './thp-migrate.ts';
import { allocHugeOnNode } from './huge-alloc.ts';
import { wakeupKswapd } from './kswapd.ts';
import { reclaimerStats, type ScanControl } from './scan-control.ts';
import { memcgCount } from './memcg-protection.ts';
import { WMARK_LOW, WMARK_MIN } from './watermark.ts';
import { folioAllocSwap } from './swap-state.ts';

/** Reclaims isolated base page pfn or puts it back on the LRU; true if it was reclaimed. */
export type ReclaimBasePage = (k: Kernel, node: number, pfn: number, sc: ScanControl) => boolean;

const one = new Uint32Array(1);

/** GFP_NOWAIT at order 9 over `nodes`: WMARK_LOW, then wake their kswapds and try WMARK_MIN. */
function allocHugeNowait(k: Kernel, nodes: readonly number[]): number {
  for (const n of nodes) {
    const head = allocHugeOnNode(k, n, WMARK_LOW);
    if (head !== NIL) return head;
  }
  for (const n of nodes) wakeupKswapd(k, n);
  for (const n of nodes) {
    const head = allocHugeOnNode(k, n, WMARK_MIN);
    if (head !== NIL) return head;
  }
  return NIL;
}

/** alloc_demote_folio() at HPAGE_PMD_ORDER: the target alone, then (mainline) the lower tiers. */
function allocDemoteHuge(k: Kernel, target: number, node: number): number {
  let head = allocHugeNowait(k, k.thisNode[target]!);
  if (head === NIL && !k.mechanisms.reclaimMigrate)
    head = allocHugeNowait(k, k.demoteOrder[node * k.m.nrNodes + target]!);
  return head;
}

/**
 * Demotes THP `head` whole, or on -ENOMEM splits it and demotes its base pages one by one, those
 * that fail going to `reclaimBase`. Mainline's migrate_pages() counts thp_migration_fail and
 * thp_migration_split and retries the split pages; Hansen's patch splits and retries the head at
 * once, the tails as its loop reaches them; Yang Shi v3's single list goes through 5.2's
 * migrate_pages(), which splits on -ENOMEM too and marks the target contended. Returns pages reclaimed.
 */
function demoteHugeFolio(
  k: Kernel,
  node: number,
  head: number,
  sc: ScanControl,
  base: ReclaimBasePage,
): number {
  const nr = hpagePmdNr(k.m);
  const target = nextDemotionNode(k, node);
  const dst = target < 0 ? NIL : allocDemoteHuge(k, target, node);
  if (dst !== NIL) {
    const memcg = k.m.memcg[head]!;
    sc.costNs += migrateHugeFolio(k, head, dst, MR.demotion);
    count(k, node, reclaimerStats(sc).pgdemote, nr);
    memcgCount(k, memcg, reclaimerStats(sc).memcgPgdemote, nr);
    return nr;
  }
  const rfc = k.mechanisms.reclaimMigrate;
  if (target >= 0 && rfc === 'yang-shi-v3') k.demotionContended[target] = 1;
  if (!rfc) {
    count(k, node, STAT.thp_migration_fail);
    count(k, node, STAT.thp_migration_split);
  }
  splitHugePage(k, head);
  let reclaimed = 0;
  for (let i = 0; i < nr; i++) {
    one[0] = head + i;
    if (demoteFolioList(k, node, one, 1, sc) === 0 || base(k, node, head + i, sc)) reclaimed++;
  }
  return reclaimed;
}

/**
 * add_to_swap() of THP `head`: a free swap cluster (HPAGE_PMD_NR slots; none on a rotating disk)
 * takes it whole and it is written out as one (thp_swpout); otherwise it is split and its base pages
 * are swapped one by one (thp_swpout_fallback). Returns pages reclaimed.
 */
function swapOutHugeFolio(
  k: Kernel,
  node: number,
  head: number,
  sc: ScanControl,
  base: ReclaimBasePage,
): number {
  const swap = k.swap!;
  const nr = hpagePmdNr(k.m);
  if (swap.rotational || swap.capacityPages - swap.usedPages < nr) {
    count(k, node, STAT.thp_swpout_fallback);
    splitHugePage(k, head);
    let reclaimed = 0;
    for (let i = 0; i < nr; i++) if (base(k, node, head + i, sc)) reclaimed++;
    return reclaimed;
  }
  const v0 = k.m.owner[head]!;
  for (let v = v0; v < v0 + nr; v++) folioAllocSwap(swap, v);
  sc.costNs += (nr * swap.pageOutNs) / SWAP_WRITE_QUEUE_DEPTH + RECLAIM_PAGE_NS;
  count(k, node, STAT.pswpout, nr);
  count(k, node, STAT.pgpgout, (nr * k.pageSize) / 1024);
  count(k, node, STAT.thp_swpout);
  unmapHugeFolio(k, head, PTE_SWAPPED);
  putFreeHugeFolio(k, head);
  return nr;
}

/**
 * shrink_folio_list() for isolated THP `head` that folio_check_references() let go: demotion when
 * `demote`, else swap-out. A THP that cannot go anywhere is activated, as a base page would be.
 * Postcondition: its pages are freed, demoted, or back on an LRU. Returns pages reclaimed.
 */
export function shrinkHugeFolio(
  k: Kernel,
  node: number,
  head: number,
  sc: ScanControl,
  demote: boolean,
  base: ReclaimBasePage,
): number {
  if (demote) return demoteHugeFolio(k, node, head, sc, base);
  if (sc.maySwap && k.swap) return swapOutHugeFolio(k, node, head, sc, base);
  k.m.flags[head] = k.m.flags[head]! | PG.active;
  count(k, node, STAT.pgactivate, hpagePmdNr(k.m));
  lruAdd(k.m, head);
  return 0;
}
