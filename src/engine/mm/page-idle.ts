// Idle page tracking (mm/page_idle.c), as user-space trackers and DAMON use it: marking a page
// idle clears its PTE's accessed bit but keeps the reference for reclaim in PG_young; the page is
// still idle later only if nothing touched it since.
import type { Kernel } from './kernel.ts';
import { PG } from './page-flags.ts';
import { syncAccessBits } from './reference-model.ts';

/** page_idle_clear_pte_refs + folio_set_idle: start watching `pfn` for accesses. */
export function markIdle(k: Kernel, pfn: number): void {
  syncAccessBits(k, pfn);
  const fl = k.m.flags[pfn]!;
  k.m.flags[pfn] = (fl & PG.young ? (fl & ~PG.young) | PG.youngIdle : fl) | PG.idle;
}

/**
 * page_idle_get_folio + folio_test_idle: true if the page was accessed since markIdle (its PTE is
 * young again, or mark_page_accessed cleared PG_idle). Leaves the page's state as it found it.
 */
export function accessedSinceIdle(k: Kernel, pfn: number): boolean {
  syncAccessBits(k, pfn);
  const fl = k.m.flags[pfn]!;
  return (fl & PG.young) !== 0 || (fl & PG.idle) === 0;
}
