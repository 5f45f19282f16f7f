// Per-node LRU lists as doubly linked lists threaded through the frame arrays (lruNext/lruPrev).
// New and rotated pages go to the head; reclaim takes from the tail, as list_add/lru_to_folio do.
// With the multi-gen LRU on (m.lrugen), the same calls reach its generations (lru-gen.ts).
import { NIL, type MemState, pageToNid } from './mem-state.ts';
import { PG, isFileLru, lruOf, NR_LRU_LISTS, type LruList } from './page-flags.ts';
import { folioNrPages } from './folio.ts';
import { lruGenAddFolio, lruGenDelFolio, lruGenIncRefs, lruGenListSize, PG_WORKINGSET } from './lru-gen.ts';
import { lruGenRefault } from './lru-gen-workingset.ts';

/** nr_dirty counts dirty page-cache pages; anon pages are always written to swap, dirty or not. */
const DIRTY_FILE = PG.dirty | PG.file;

/**
 * Adds pfn at the head of the list its flags select; the list's size counts a THP's pages.
 * Postcondition: PG_lru set.
 */
export function lruAdd(m: MemState, pfn: number): void {
  if (m.lrugen) {
    lruGenAddFolio(m, pfn, false);
    if ((m.flags[pfn]! & DIRTY_FILE) === DIRTY_FILE) m.nrDirty[pageToNid(m, pfn)]!++;
    return;
  }
  const fl = m.flags[pfn]! | PG.lru;
  m.flags[pfn] = fl;
  const list = pageToNid(m, pfn) * NR_LRU_LISTS + lruOf(fl);
  const head = m.lruHead[list]!;
  m.lruPrev[pfn] = NIL;
  m.lruNext[pfn] = head;
  if (head !== NIL) m.lruPrev[head] = pfn;
  else m.lruTail[list] = pfn;
  m.lruHead[list] = pfn;
  m.lruSize[list]! += folioNrPages(m, pfn);
  if ((fl & DIRTY_FILE) === DIRTY_FILE) m.nrDirty[pageToNid(m, pfn)]!++;
}

/** Unlinks pfn from its list (isolation). Postcondition: PG_lru clear, flags otherwise unchanged. */
export function lruDel(m: MemState, pfn: number): void {
  if (m.lrugen) {
    lruGenDelFolio(m, pfn, false);
    if ((m.flags[pfn]! & DIRTY_FILE) === DIRTY_FILE) m.nrDirty[pageToNid(m, pfn)]!--;
    return;
  }
  const fl = m.flags[pfn]!;
  const list = pageToNid(m, pfn) * NR_LRU_LISTS + lruOf(fl);
  const prev = m.lruPrev[pfn]!;
  const next = m.lruNext[pfn]!;
  if (prev !== NIL) m.lruNext[prev] = next;
  else m.lruHead[list] = next;
  if (next !== NIL) m.lruPrev[next] = prev;
  else m.lruTail[list] = prev;
  m.lruSize[list]! -= folioNrPages(m, pfn);
  m.flags[pfn] = fl & ~PG.lru;
  if ((fl & DIRTY_FILE) === DIRTY_FILE) m.nrDirty[pageToNid(m, pfn)]!--;
}

/** Sets or clears flag bits of a page on an LRU, moving it to the head of the list they select. */
export function lruMove(m: MemState, pfn: number, set: number, clear: number): void {
  lruDel(m, pfn);
  m.flags[pfn] = (m.flags[pfn]! | set) & ~clear;
  lruAdd(m, pfn);
}

export function lruSize(m: MemState, node: number, lru: LruList): number {
  if (m.lrugen) return lruGenListSize(m.lrugen, node, isFileLru(lru) ? 1 : 0, (lru & 1) === 1);
  return m.lruSize[node * NR_LRU_LISTS + lru]!;
}

export function lruTailOf(m: MemState, node: number, lru: LruList): number {
  return m.lruTail[node * NR_LRU_LISTS + lru]!;
}

/**
 * What a migration carries to the new folio beyond its page flags: PG_workingset
 * (folio_migrate_flags); the generation comes from where lru_gen_add_folio puts it.
 */
export function lruCopyAge(m: MemState, src: number, dst: number): void {
  const lg = m.lrugen;
  if (lg) lg.genFlags[dst] = lg.genFlags[src]! & PG_WORKINGSET;
}

/**
 * folio_add_lru() for a folio a fault brings in (do_anonymous_page, a THP fault, do_swap_page and
 * its readahead): under MGLRU the shadow of an earlier eviction is read (workingset_refault) and
 * the folio marked active (lru_gen_in_fault), so it joins the young generations. The two lists
 * take it inactive.
 */
export function faultAddLru(m: MemState, pfn: number): void {
  if (m.lrugen) {
    lruGenRefault(m, pfn, m.owner[pfn]!);
    m.flags[pfn] = m.flags[pfn]! | PG.active;
  }
  lruAdd(m, pfn);
}

/** filemap_add_folio(): a page-cache page read with read(), outside a fault; a refault under MGLRU. */
export function pageCacheAddLru(m: MemState, pfn: number): void {
  if (m.lrugen) lruGenRefault(m, pfn, m.owner[pfn]!);
  lruAdd(m, pfn);
}

/** folio_mark_accessed() under MGLRU (lru_gen_inc_refs); false when the two lists handle it. */
export function lruGenMarkAccessed(m: MemState, pfn: number): boolean {
  if (!m.lrugen) return false;
  lruGenIncRefs(m, pfn);
  return true;
}
