// compact_zone()'s scanners (mm/compaction.c), shared by kcompactd (kcompactd.ts) and direct
// compaction (direct-compact.ts): a migrate scanner from the node's first pfn isolates movable
// pages, a free scanner from its last pageblock takes free pages of movable blocks, and pages move
// from the bottom up until a whole pageblock is free or the scanners meet. The migrate scanner
// steps over THPs whole, as for any compound page. No proactive compaction.
import { STAT } from '../../shared/vmstat.ts';
import { COMPACT_SCAN_PFN_NS } from './costs.ts';
import { hpagePmdNr, isThpHead } from './folio.ts';
import { blockOrder, MIGRATE_MOVABLE, nrFreePageblocks, takeFromBlock } from './free-area.ts';
import { count, type Kernel } from './kernel.ts';
import { lruDel } from './lru.ts';
import { NIL } from './mem-state.ts';
import { migrateFolio, MR } from './migrate.ts';
import { PG } from './page-flags.ts';
import { SWAP_CLUSTER_MAX } from './scan-control.ts';
import { WMARK_LOW, WMARK_MIN, wmarkPages } from './watermark.ts';

/**
 * enum compact_result (include/linux/compaction.h), in the kernel's order: try_to_compact_pages()
 * keeps the largest over the zones it tried.
 */
export const COMPACT = {
  /** compaction_suitable() failed: too few free pages to be worth it. */
  skipped: 1,
  /** compaction_deferred(): skipped after recent failures. */
  deferred: 2,
  /** Still running. */
  continue: 4,
  /** The scanners met without making a free block. */
  complete: 5,
  /** Stopped without the scanners meeting: no free page above the min mark to migrate into (-ENOMEM). */
  contended: 7,
  /** A block of the order asked for is free. */
  success: 8,
} as const;
export type CompactResult = (typeof COMPACT)[keyof typeof COMPACT];

/** struct compact_control: one compaction run's scanners and mode. */
export interface CompactControl {
  /** migrate_pfn: the next frame the migrate scanner looks at. */
  migratePfn: number;
  /** The pageblock the free scanner takes free pages from (free_pfn's block). */
  freeBlock: number;
  /**
   * MIGRATE_ASYNC direct compaction: suitable_migration_source() lets the migrate scanner take
   * pages only from movable pageblocks. kcompactd and sync direct compaction take any LRU page.
   */
  async: boolean;
  /** Direct compaction (cc->direct_compaction): the compact_daemon_* counters are kcompactd's only. */
  direct: boolean;
  /** How the run stands after its last step: COMPACT.continue until it ends. */
  result: CompactResult;
}

/** A direct compactor's compact_control for node, its scanners at the node's ends. */
export function newDirectCompactControl(k: Kernel, node: number): CompactControl {
  const cc: CompactControl = {
    migratePfn: 0,
    freeBlock: 0,
    async: true,
    direct: true,
    result: COMPACT.complete,
  };
  resetCachedPositions(k, node, cc);
  return cc;
}

/** Puts cc's scanners at node's ends, where compact_zone() starts when nothing is cached. */
export function resetCachedPositions(k: Kernel, node: number, cc: CompactControl): void {
  cc.migratePfn = k.m.nodeStart[node]!;
  cc.freeBlock = k.m.area.blockStart[node + 1]! - 1;
}

/**
 * __compaction_suitable() at pageblock_order (a costly order): free pages above low + compact_gap
 * (2 << order), so the free scanner has pages to migrate into. The fragmentation-index test is
 * left out: it needs free chunks by order, which the free area keeps only per pageblock.
 */
export function compactionSuitable(k: Kernel, node: number): boolean {
  return k.m.nrFree[node]! > wmarkPages(k, node, WMARK_LOW) + (2 << k.m.area.pageblockOrder);
}

function countScanned(
  k: Kernel,
  node: number,
  cc: CompactControl,
  all: number,
  daemon: number,
  n: number,
): void {
  count(k, node, all, n);
  if (!cc.direct) count(k, node, daemon, n);
}

/**
 * One isolate_migratepages() + migrate_pages() round of compact_zone(): up to SWAP_CLUSTER_MAX
 * movable pages below the free scanner moved into free pages of the highest movable blocks.
 * Returns its cost in ns. Postcondition: cc.result is COMPACT.success when a pageblock is free
 * (__compact_finished), COMPACT.complete when the scanners met, COMPACT.contended when no free
 * page could be had above the min mark, else COMPACT.continue.
 */
export function compactStep(k: Kernel, node: number, cc: CompactControl): number {
  const m = k.m;
  const a = m.area;
  if (nrFreePageblocks(a, node) > 0) {
    cc.result = COMPACT.success;
    return 0;
  }
  const nodeStart = m.nodeStart[node]!;
  let costNs = 0;
  let isolated = 0;
  let scanned = 0;
  let noFreePage = false;
  while (isolated < SWAP_CLUSTER_MAX && cc.migratePfn < freeScannerPfn(k, node, cc)) {
    const src = cc.migratePfn;
    if (cc.async && (src - nodeStart) % a.pageblockNr === 0) {
      const b = a.blockStart[node]! + (src - nodeStart) / a.pageblockNr;
      if (a.type[b] !== MIGRATE_MOVABLE) {
        cc.migratePfn += a.pageblockNr; // not a suitable_migration_source(): skipped unscanned
        continue;
      }
    }
    cc.migratePfn++;
    scanned++;
    if (!(m.flags[src]! & PG.lru) || m.owner[src] === NIL) continue;
    if (isThpHead(m, src)) {
      // isolate_migratepages_block() skips a compound page whole outside alloc_contig_range.
      cc.migratePfn += hpagePmdNr(m) - 1;
      scanned += hpagePmdNr(m) - 1;
      continue;
    }
    const dst = isolateFreePage(k, node, cc);
    if (dst === NIL) {
      cc.migratePfn--; // the page stays where it is, for the next run
      scanned--;
      noFreePage = true;
      break;
    }
    lruDel(m, src);
    costNs += migrateFolio(k, src, dst, MR.compaction);
    isolated++;
  }
  countScanned(k, node, cc, STAT.compact_migrate_scanned, STAT.compact_daemon_migrate_scanned, scanned);
  count(k, node, STAT.compact_isolated, 2 * isolated); // each move isolates a page and a free page
  costNs += scanned * COMPACT_SCAN_PFN_NS;
  if (cc.migratePfn >= freeScannerPfn(k, node, cc)) cc.result = COMPACT.complete;
  else if (noFreePage) cc.result = COMPACT.contended;
  else cc.result = COMPACT.continue;
  if (nrFreePageblocks(a, node) > 0) cc.result = COMPACT.success;
  return costNs;
}

/** The first pfn of the free scanner's block: the migrate scanner stops there. */
function freeScannerPfn(k: Kernel, node: number, cc: CompactControl): number {
  const a = k.m.area;
  return k.m.nodeStart[node]! + (cc.freeBlock - a.blockStart[node]!) * a.pageblockNr;
}

/**
 * isolate_freepages(): a free page of the highest movable pageblock above the migrate scanner
 * that is not wholly free (suitable_migration_target), keeping the min mark as
 * __isolate_free_page() does. Returns a pfn or NIL.
 */
function isolateFreePage(k: Kernel, node: number, cc: CompactControl): number {
  const m = k.m;
  const a = m.area;
  if (m.nrFree[node]! <= wmarkPages(k, node, WMARK_MIN) + 1) return NIL;
  const nodeStart = m.nodeStart[node]!;
  for (;;) {
    const b = cc.freeBlock;
    if (freeScannerPfn(k, node, cc) <= cc.migratePfn) return NIL;
    if (a.type[b] === MIGRATE_MOVABLE && a.nrFree[b]! > 0 && blockOrder(a, b) < a.pageblockOrder) {
      m.nrFree[node]!--;
      countScanned(k, node, cc, STAT.compact_free_scanned, STAT.compact_daemon_free_scanned, 1);
      return takeFromBlock(a, m.lruNext, nodeStart, node, b, MIGRATE_MOVABLE);
    }
    countScanned(k, node, cc, STAT.compact_free_scanned, STAT.compact_daemon_free_scanned, a.pageblockNr);
    cc.freeBlock--;
  }
}
