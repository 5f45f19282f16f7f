// LRU lists per lruvec (one per memory cgroup and node, as mem_cgroup_lruvec keeps them), as doubly
// linked lists threaded through the frame arrays (lruNext/lruPrev). New and rotated pages go to the
// head; reclaim takes from the tail, as list_add/lru_to_folio do. Without cgroups there is one
// lruvec per node (the root's), and the node's lists are exactly the kernel's pgdat->__lruvec.
// With the multi-gen LRU on (m.lrugen), the same calls reach its generations (lru-gen.ts), one set
// per lruvec too.
import { NIL, type MemState, pageMemcg, pageToNid } from './mem-state.ts';
import { PG, isFileLru, lruOf, NR_LRU_LISTS, type LruList } from './page-flags.ts';
import { folioNrPages } from './folio.ts';
import {
  lruGenAddFolio,
  lruGenDelFolio,
  lruGenIncRefs,
  lruGenListSize,
  lruGenNodeListSize,
  PG_WORKINGSET,
} from './lru-gen.ts';
import { lruGenRefault } from './lru-gen-workingset.ts';

/** nr_dirty counts dirty page-cache pages; anon pages are always written to swap, dirty or not. */
const DIRTY_FILE = PG.dirty | PG.file;

/** mem_cgroup_lruvec(memcg, NODE_DATA(node)): the index of memcg's lruvec on node. */
export function lruvecOf(m: MemState, memcg: number, node: number): number {
  return memcg * m.nrNodes + node;
}

/** folio_lruvec(): the lruvec a page is (or goes) on, from its memcg and node. */
export function folioLruvec(m: MemState, pfn: number): number {
  return pageMemcg(m, pfn) * m.nrNodes + pageToNid(m, pfn);
}

/**
 * Adds pfn at the head of the list its flags select, in its memcg's lruvec on its node; the list's
 * size counts a THP's pages. Postcondition: PG_lru set.
 */
export function lruAdd(m: MemState, pfn: number): void {
  if (m.lrugen) {
    lruGenAddFolio(m, pfn, false);
    if ((m.flags[pfn]! & DIRTY_FILE) === DIRTY_FILE) m.nrDirty[pageToNid(m, pfn)]!++;
    return;
  }
  const fl = m.flags[pfn]! | PG.lru;
  m.flags[pfn] = fl;
  const node = pageToNid(m, pfn);
  const lru = lruOf(fl);
  const list = (pageMemcg(m, pfn) * m.nrNodes + node) * NR_LRU_LISTS + lru;
  const head = m.lruHead[list]!;
  m.lruPrev[pfn] = NIL;
  m.lruNext[pfn] = head;
  if (head !== NIL) m.lruPrev[head] = pfn;
  else m.lruTail[list] = pfn;
  m.lruHead[list] = pfn;
  const nr = folioNrPages(m, pfn);
  m.lruSize[list]! += nr;
  m.nodeLruSize[node * NR_LRU_LISTS + lru]! += nr;
  if ((fl & DIRTY_FILE) === DIRTY_FILE) m.nrDirty[node]!++;
}

/** Unlinks pfn from its list (isolation). Postcondition: PG_lru clear, flags otherwise unchanged. */
export function lruDel(m: MemState, pfn: number): void {
  if (m.lrugen) {
    lruGenDelFolio(m, pfn, false);
    if ((m.flags[pfn]! & DIRTY_FILE) === DIRTY_FILE) m.nrDirty[pageToNid(m, pfn)]!--;
    return;
  }
  const fl = m.flags[pfn]!;
  const node = pageToNid(m, pfn);
  const lru = lruOf(fl);
  const list = (pageMemcg(m, pfn) * m.nrNodes + node) * NR_LRU_LISTS + lru;
  const prev = m.lruPrev[pfn]!;
  const next = m.lruNext[pfn]!;
  if (prev !== NIL) m.lruNext[prev] = next;
  else m.lruHead[list] = next;
  if (next !== NIL) m.lruPrev[next] = prev;
  else m.lruTail[list] = prev;
  const nr = folioNrPages(m, pfn);
  m.lruSize[list]! -= nr;
  m.nodeLruSize[node * NR_LRU_LISTS + lru]! -= nr;
  m.flags[pfn] = fl & ~PG.lru;
  if ((fl & DIRTY_FILE) === DIRTY_FILE) m.nrDirty[node]!--;
}

/**
 * Unlinks pfns[0..n), the last n folios of one of lruvec's lists taken from the tail (`pages`
 * base pages in all), as n lruDel calls from the tail would: the list and the node keep the same
 * links, sizes and dirty count, and each folio is left as lruDel leaves it (next NIL, prev the
 * folio before it). One pass of independent stores instead of n dependent unlinks, for reclaim's
 * isolation; the two lists only (MGLRU isolates through lru-gen-evict.ts).
 * Postcondition: PG_lru clear on each, the list's tail is the folio before pfns[n - 1].
 */
export function lruDelTail(
  m: MemState,
  lruvec: number,
  lru: LruList,
  pfns: Uint32Array,
  n: number,
  pages: number,
): void {
  if (n === 0) return;
  const list = lruvec * NR_LRU_LISTS + lru;
  const node = lruvec % m.nrNodes;
  const rest = m.lruPrev[pfns[n - 1]!]!;
  m.lruTail[list] = rest;
  if (rest !== NIL) m.lruNext[rest] = NIL;
  else m.lruHead[list] = NIL;
  m.lruSize[list]! -= pages;
  m.nodeLruSize[node * NR_LRU_LISTS + lru]! -= pages;
  const { flags, lruNext } = m;
  for (let i = 0; i < n; i++) {
    const pfn = pfns[i]!;
    const fl = flags[pfn]!;
    lruNext[pfn] = NIL;
    flags[pfn] = fl & ~PG.lru;
    if ((fl & DIRTY_FILE) === DIRTY_FILE) m.nrDirty[node]!--;
  }
}

/** Sets or clears flag bits of a page on an LRU, moving it to the head of the list they select. */
export function lruMove(m: MemState, pfn: number, set: number, clear: number): void {
  lruDel(m, pfn);
  m.flags[pfn] = (m.flags[pfn]! | set) & ~clear;
  lruAdd(m, pfn);
}

/** node_page_state(NR_LRU_BASE + lru): the node's pages on that list over every memcg. */
export function lruSize(m: MemState, node: number, lru: LruList): number {
  if (m.lrugen) return lruGenNodeListSize(m.lrugen, node, isFileLru(lru) ? 1 : 0, (lru & 1) === 1);
  return m.nodeLruSize[node * NR_LRU_LISTS + lru]!;
}

/**
 * lruvec_lru_size(): one lruvec's pages on a list; under MGLRU its generations' by
 * lru_gen_is_active(), as lru_gen_update_size() keeps them for compatibility.
 */
export function lruvecSize(m: MemState, lruvec: number, lru: LruList): number {
  if (m.lrugen) return lruGenListSize(m.lrugen, lruvec, isFileLru(lru) ? 1 : 0, (lru & 1) === 1);
  return m.lruSize[lruvec * NR_LRU_LISTS + lru]!;
}

export function lruvecTail(m: MemState, lruvec: number, lru: LruList): number {
  return m.lruTail[lruvec * NR_LRU_LISTS + lru]!;
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
    lruGenRefault(m, pfn, m.owner[pfn]!, true);
    m.flags[pfn] = m.flags[pfn]! | PG.active;
  }
  lruAdd(m, pfn);
}

/** filemap_add_folio(): a page-cache page read with read(), outside a fault; a refault under MGLRU. */
export function pageCacheAddLru(m: MemState, pfn: number): void {
  if (m.lrugen) lruGenRefault(m, pfn, m.owner[pfn]!, false);
  lruAdd(m, pfn);
}

/** folio_mark_accessed() under MGLRU (lru_gen_inc_refs); false when the two lists handle it. */
export function lruGenMarkAccessed(m: MemState, pfn: number): boolean {
  if (!m.lrugen) return false;
  lruGenIncRefs(m, pfn);
  return true;
}
