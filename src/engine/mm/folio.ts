// Folio size and THP heads, read from the per-pageblock compound byte (FreeArea.compound): the
// few lines every list and counter that counts pages needs, with no dependency on the mm paths.
import { pageToNid, type MemState } from './mem-state.ts';

/** HPAGE_PMD_NR: base pages in a THP (pageblock_nr_pages: both are 2 MiB at 4 KiB pages). */
export function hpagePmdNr(m: MemState): number {
  return m.area.pageblockNr;
}

/** The pageblock of THP head `pfn`, or -1 when pfn is not the head of a THP. */
export function thpBlockOfHead(m: MemState, pfn: number): number {
  const a = m.area;
  if (a.pageblockOrder === 0 || a.nrCompound === 0) return -1; // no THP anywhere: no lookup
  const n = pageToNid(m, pfn);
  const off = pfn - m.nodeStart[n]!;
  if (off & (a.pageblockNr - 1)) return -1;
  const b = a.blockStart[n]! + (off >>> a.pageblockOrder);
  return a.compound[b] === 1 ? b : -1;
}

/** folio_test_pmd_mappable(). */
export function isThpHead(m: MemState, pfn: number): boolean {
  return thpBlockOfHead(m, pfn) >= 0;
}

/** folio_nr_pages(): HPAGE_PMD_NR for a THP's head, 1 for a base page. */
export function folioNrPages(m: MemState, pfn: number): number {
  return thpBlockOfHead(m, pfn) >= 0 ? m.area.pageblockNr : 1;
}
