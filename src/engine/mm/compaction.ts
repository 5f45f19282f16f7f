// kcompactd, one per node (mm/compaction.c): woken when a boosted balance_pgdat() ends
// (wakeup_kcompactd at pageblock_order), it runs compact_zone(): a migrate scanner from the node's
// first pfn isolates movable pages, a free scanner from its last pageblock takes free pages of
// movable blocks, and pages move from the bottom up until a whole pageblock is free or the
// scanners meet. THP faults take a free pageblock or fall back without compacting (defrag is not
// modelled), so there is no direct compaction (compact_stall/fail/success), no deferral and no
// proactive compaction; the migrate scanner steps over THPs whole, as for any compound page.
import { STAT } from '../../shared/vmstat.ts';
import { hpagePmdNr, isThpHead } from './folio.ts';
import { blockOrder, MIGRATE_MOVABLE, nrFreePageblocks, takeFromBlock } from './free-area.ts';
import { count, type Kernel } from './kernel.ts';
import { lruDel } from './lru.ts';
import { NIL } from './mem-state.ts';
import { migrateFolio, MR } from './migrate.ts';
import { PG } from './page-flags.ts';
import { SWAP_CLUSTER_MAX } from './scan-control.ts';
import { WMARK_LOW, WMARK_MIN, wmarkPages } from './watermark.ts';

/** Least time one compaction step takes, so a kcompactd that finds nothing to move still moves on. */
const MIN_STEP_NS = 1000;

export interface KcompactdState {
  /** Woken and not finished. */
  pending: boolean;
  /** Simulated time (ns) this kcompactd has used up to. */
  clockNs: number;
  /** compact_control's migrate_pfn: the next frame the migrate scanner looks at. */
  migratePfn: number;
  /** The pageblock the free scanner takes free pages from (free_pfn's block). */
  freeBlock: number;
}

export function newKcompactd(): KcompactdState {
  return { pending: false, clockNs: 0, migratePfn: 0, freeBlock: 0 };
}

/**
 * compaction_suitable() for kcompactd at pageblock_order: COMPACT_CONTINUE unless a pageblock is
 * already free (COMPACT_SUCCESS) or free pages are short of low + compact_gap (2 << order:
 * COMPACT_SKIPPED). The fragmentation-index test is left out: it needs free chunks by order.
 */
function compactionSuitable(k: Kernel, node: number): boolean {
  const a = k.m.area;
  if (nrFreePageblocks(a, node) > 0) return false;
  return k.m.nrFree[node]! > wmarkPages(k, node, WMARK_LOW) + (2 << a.pageblockOrder);
}

/** wakeup_kcompactd(pgdat, pageblock_order): wakes node's kcompactd if compaction could help there. */
export function wakeupKcompactd(k: Kernel, node: number): void {
  const s = k.kcompactd[node]!;
  if (s.pending || !compactionSuitable(k, node)) return;
  s.pending = true;
  s.clockNs = Math.max(s.clockNs, k.nowNs);
  s.migratePfn = k.m.nodeStart[node]!;
  s.freeBlock = k.m.area.blockStart[node + 1]! - 1;
  count(k, node, STAT.compact_daemon_wake);
}

/** Runs node's kcompactd until its clock reaches untilNs or compact_zone() finishes. */
export function runKcompactd(k: Kernel, node: number, untilNs: number): void {
  const s = k.kcompactd[node]!;
  while (s.pending && s.clockNs < untilNs) {
    k.nowNs = s.clockNs;
    const costNs = compactStep(k, node, s);
    if (costNs < 0) s.pending = false;
    else s.clockNs += Math.max(costNs, MIN_STEP_NS);
  }
}

function count2(k: Kernel, node: number, all: number, daemon: number, n: number): void {
  count(k, node, all, n);
  count(k, node, daemon, n);
}

/**
 * One isolate_migratepages() + migrate_pages() round of compact_zone(): up to SWAP_CLUSTER_MAX
 * movable pages below the free scanner moved into free pages of the highest movable blocks.
 * Returns its cost in ns, or -1 when compaction is done (a pageblock free, or the scanners met).
 */
function compactStep(k: Kernel, node: number, s: KcompactdState): number {
  const m = k.m;
  const a = m.area;
  if (nrFreePageblocks(a, node) > 0) return -1; // __compact_finished(): COMPACT_SUCCESS
  let costNs = 0;
  let isolated = 0;
  let scanned = 0;
  while (isolated < SWAP_CLUSTER_MAX && s.migratePfn < freeScannerPfn(k, node, s)) {
    const src = s.migratePfn++;
    scanned++;
    if (!(m.flags[src]! & PG.lru) || m.owner[src] === NIL) continue;
    if (isThpHead(m, src)) {
      // isolate_migratepages_block() skips a compound page whole outside alloc_contig_range.
      s.migratePfn += hpagePmdNr(m) - 1;
      scanned += hpagePmdNr(m) - 1;
      continue;
    }
    const dst = isolateFreePage(k, node, s);
    if (dst === NIL) break;
    lruDel(m, src);
    costNs += migrateFolio(k, src, dst, MR.compaction);
    isolated++;
  }
  count2(k, node, STAT.compact_migrate_scanned, STAT.compact_daemon_migrate_scanned, scanned);
  count(k, node, STAT.compact_isolated, 2 * isolated); // each move isolates a page and a free page
  return isolated === 0 ? -1 : costNs; // COMPACT_COMPLETE: the scanners met
}

/** The first pfn of the free scanner's block: the migrate scanner stops there. */
function freeScannerPfn(k: Kernel, node: number, s: KcompactdState): number {
  const a = k.m.area;
  return k.m.nodeStart[node]! + (s.freeBlock - a.blockStart[node]!) * a.pageblockNr;
}

/**
 * isolate_freepages(): a free page of the highest movable pageblock above the migrate scanner
 * that is not wholly free (suitable_migration_target), keeping the min mark as
 * __isolate_free_page() does. Returns a pfn or NIL.
 */
function isolateFreePage(k: Kernel, node: number, s: KcompactdState): number {
  const m = k.m;
  const a = m.area;
  if (m.nrFree[node]! <= wmarkPages(k, node, WMARK_MIN) + 1) return NIL;
  const nodeStart = m.nodeStart[node]!;
  for (;;) {
    const b = s.freeBlock;
    if (freeScannerPfn(k, node, s) <= s.migratePfn) return NIL;
    if (a.type[b] === MIGRATE_MOVABLE && a.nrFree[b]! > 0 && blockOrder(a, b) < a.pageblockOrder) {
      m.nrFree[node]!--;
      count2(k, node, STAT.compact_free_scanned, STAT.compact_daemon_free_scanned, 1);
      return takeFromBlock(a, m.lruNext, nodeStart, node, b, MIGRATE_MOVABLE);
    }
    count2(k, node, STAT.compact_free_scanned, STAT.compact_daemon_free_scanned, a.pageblockNr);
    s.freeBlock--;
  }
}
