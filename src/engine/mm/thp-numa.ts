// NUMA balancing at PMD level (change_huge_pmd, do_huge_pmd_numa_page): the scanner makes a THP's
// PMD PROT_NONE in one step, and the hint fault restores it and may migrate the folio whole; a
// misplaced THP is never split to move it (migrate_pages' nosplit for MR_NUMA_MISPLACED).
import { STAT } from '../../shared/vmstat.ts';
import { count, type Kernel } from './kernel.ts';
import { lruDel } from './lru.ts';
import { NIL, pageToNid } from './mem-state.ts';
import { MR, type MigrateReason } from './migrate.ts';
import { zoneStatistics } from './page-alloc.ts';
import { NOT_MAPPED, pageMoved } from './reference-model.ts';
import { hpagePmdNr } from './folio.ts';
import { allocHugeOnNode } from './huge-alloc.ts';
import { migrateHugeFolio } from './thp-migrate.ts';
import { WMARK_LOW } from './watermark.ts';

/**
 * change_huge_pmd(prot_numa) for THP `head`: every vpage of its range stops being served plainly
 * (the caller then sets PG_protnone on the head). Returns the pages updated: HPAGE_PMD_NR.
 */
export function changeHugePmdNuma(k: Kernel, head: number): number {
  const m = k.m;
  const v0 = m.owner[head]!;
  const node = pageToNid(m, head);
  const nr = hpagePmdNr(m);
  for (let v = v0; v < v0 + nr; v++) pageMoved(k, v, node, NOT_MAPPED);
  return nr;
}

/** do_huge_pmd_numa_page()'s pmd_modify(): the range is served plainly from `node` again. */
export function restoreHugePmd(k: Kernel, head: number, node: number): void {
  const v0 = k.m.owner[head]!;
  for (let v = v0, end = v0 + hpagePmdNr(k.m); v < end; v++) pageMoved(k, v, NOT_MAPPED, node);
}

/**
 * migrate_misplaced_folio() for THP `head` on an LRU, the target's headroom already checked: a free
 * pageblock on the target (__GFP_THISNODE, no reclaim) or failure without a split. Returns the new
 * head or NIL. Counts as the base-page path does, by pages, and thp_migration_{success,fail}.
 * `reason` is the caller's (MEMTIS's kmigrated also migrates with nosplit, MR_NUMA_MISPLACED's).
 */
export function migrateMisplacedHuge(
  k: Kernel,
  head: number,
  target: number,
  local: number,
  reason: MigrateReason = MR.numaMisplaced,
): number {
  const m = k.m;
  const nr = hpagePmdNr(m);
  const dst = allocHugeOnNode(k, target, WMARK_LOW);
  if (dst === NIL) {
    count(k, pageToNid(m, head), STAT.thp_migration_fail);
    count(k, pageToNid(m, head), STAT.pgmigrate_fail, nr);
    return NIL;
  }
  zoneStatistics(k, target, target, local, nr);
  lruDel(m, head);
  k.chargedNs += migrateHugeFolio(k, head, dst, reason);
  return dst;
}
