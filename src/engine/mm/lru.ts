// Per-node LRU lists as doubly linked lists threaded through the frame arrays (lruNext/lruPrev).
// New and rotated pages go to the head; reclaim takes from the tail, as list_add/lru_to_folio do.
import { NIL, type MemState, pageToNid } from './mem-state.ts';
import { PG, lruOf, NR_LRU_LISTS, type LruList } from './page-flags.ts';
import { folioNrPages } from './folio.ts';

/** nr_dirty counts dirty page-cache pages; anon pages are always written to swap, dirty or not. */
const DIRTY_FILE = PG.dirty | PG.file;

/**
 * Adds pfn at the head of the list its flags select; the list's size counts a THP's pages.
 * Postcondition: PG_lru set.
 */
export function lruAdd(m: MemState, pfn: number): void {
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
  return m.lruSize[node * NR_LRU_LISTS + lru]!;
}

export function lruTailOf(m: MemState, node: number, lru: LruList): number {
  return m.lruTail[node * NR_LRU_LISTS + lru]!;
}
