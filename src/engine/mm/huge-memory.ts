// Transparent huge pages (mm/huge_memory.c): a THP is one pfn-aligned pageblock (HPAGE_PMD_NR
// frames) mapped by one PMD over a HPAGE_PMD_NR-aligned run of vpages. Every vpage of the run points
// at the head frame, so the head's flags are the PMD's: one accessed, dirty and PROT_NONE bit for the
// whole folio, set by the same hot path as a base page's. Only the head is on an LRU, counting
// HPAGE_PMD_NR pages; "this block is a THP" is one byte per pageblock (FreeArea.compound).
import { STAT } from '../../shared/vmstat.ts';
import { accountResident, count, type Kernel } from './kernel.ts';
import { freeWholeBlock, MIGRATE_ISOLATE, setCompound } from './free-area.ts';
import { lruAdd, lruCopyAge, lruDel } from './lru.ts';
import { NIL, PTE_NONE, pageToNid } from './mem-state.ts';
import { hpagePmdNr, thpBlockOfHead } from './folio.ts';
import { PG } from './page-flags.ts';
import { NOT_MAPPED, pageMoved } from './reference-model.ts';

/**
 * Points every vpage of THP `head` at `pte` (PTE_NONE, a swap entry) and accounts the folio as
 * unmapped from its node. Postcondition: the frames are untouched; the caller frees or keeps them.
 */
export function unmapHugeFolio(k: Kernel, head: number, pte: number): void {
  const m = k.m;
  const v0 = m.owner[head]!;
  const node = pageToNid(m, head);
  const plain = !(m.flags[head]! & PG.protnone);
  for (let i = 0, nr = hpagePmdNr(m); i < nr; i++) {
    m.pte[v0 + i] = pte;
    accountResident(k, v0 + i, node, -1);
    if (plain) pageMoved(k, v0 + i, node, NOT_MAPPED);
  }
}

/**
 * Frees THP `head` (off the LRU, unmapped) as one order-9 block. Postcondition: the block is
 * wholly free; in an isolated block (memory being offlined) its pages are not the zone's free pages.
 */
export function putFreeHugeFolio(k: Kernel, head: number): void {
  const m = k.m;
  const n = pageToNid(m, head);
  const b = thpBlockOfHead(m, head);
  m.flags[head] = 0;
  m.owner[head] = NIL;
  if (m.lrugen) m.lrugen.genFlags[head] = 0;
  freeWholeBlock(m.area, n, b);
  if (m.area.type[b] !== MIGRATE_ISOLATE) m.nrFree[n]! += m.area.pageblockNr;
  count(k, n, STAT.pgfree, m.area.pageblockNr);
}

/** zap_huge_pmd() at exit: unmaps and frees THP `head` whole. Postcondition: its vpages are PTE_NONE. */
export function zapHugePmd(k: Kernel, head: number): void {
  if (k.m.flags[head]! & PG.lru) lruDel(k.m, head);
  unmapHugeFolio(k, head, PTE_NONE);
  putFreeHugeFolio(k, head);
}

/**
 * split_huge_page(): THP `head` becomes HPAGE_PMD_NR base pages in its frames, each mapped by its
 * own PTE with the PMD's bits (young, dirty, PROT_NONE) copied, as __split_huge_pmd_locked does. A
 * folio on an LRU stays there, its tails beside it; an isolated one leaves its tails isolated too
 * (the caller handles frames head..head + HPAGE_PMD_NR - 1). Counts thp_split_page.
 */
export function splitHugePage(k: Kernel, head: number): void {
  const m = k.m;
  const b = thpBlockOfHead(m, head);
  const onLru = (m.flags[head]! & PG.lru) !== 0;
  if (onLru) lruDel(m, head);
  setCompound(m.area, b, 0);
  const v0 = m.owner[head]!;
  const fl = m.flags[head]!;
  const marks = m.touchMark.length > 0;
  for (let i = 1, nr = m.area.pageblockNr; i < nr; i++) {
    const pfn = head + i;
    m.flags[pfn] = fl & ~PG.lru;
    m.owner[pfn] = v0 + i;
    m.memcg[pfn] = m.memcg[head]!;
    m.stamp[pfn] = m.stamp[head]!;
    m.migratedAt[pfn] = m.migratedAt[head]!;
    if (marks) m.touchMark[pfn] = m.touchMark[head]!;
    lruCopyAge(m, head, pfn);
    m.pte[v0 + i] = pfn + 1;
  }
  if (onLru) for (let i = m.area.pageblockNr - 1; i >= 0; i--) lruAdd(m, head + i);
  count(k, pageToNid(m, head), STAT.thp_split_page);
}
