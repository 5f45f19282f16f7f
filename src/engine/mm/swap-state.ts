// The swap device and the swap cache (mm/swapfile.c, mm/swap_state.c): which virtual page holds
// which slot, and which of those pages are still in memory. A page read back from swap keeps its
// slot (it stays in the swap cache) until it is written to or swap fills up, so reclaiming it again
// while clean needs no write. Per-slot state lives per virtual page (slotOf) and per slot (slotOwner),
// so a frame needs no bit of its own: frame f of vpage v is in the swap cache iff slotOf[v] is set.
import type { ResolvedSwap } from '../../shared/scenario/resolved.ts';
import type { Kernel } from './kernel.ts';
import { NIL, PTE_SWAPPED, pageToNid } from './mem-state.ts';
import { PG } from './page-flags.ts';

export interface SwapState {
  /** Usable slots: offsets 1..capacityPages (offset 0 is the swap header, as in swapon). */
  capacityPages: number;
  /**
   * Highest offset handed out: min(capacity, virtual pages). A virtual page holds at most one slot,
   * so no more can be in use; the slot map stays that small however large the device is.
   */
  lastSlot: number;
  /** Slots held by a PTE, the swap cache, or both (total_swap_pages - nr_swap_pages). */
  usedPages: number;
  pageInNs: number;
  pageOutNs: number;
  /** SWP_SYNCHRONOUS_IO (zram): swap-in reads the page straight in, skipping the cache and readahead. */
  synchronousIo: boolean;
  /** A rotating disk: swapon counts it in nr_rotate_swap, which turns VMA-based readahead off. */
  rotational: boolean;
  /** Per virtual page: the swap slot (offset) it holds, or NIL. */
  slotOf: Uint32Array;
  /** Per slot: the virtual page holding it, or NIL while free. */
  slotOwner: Uint32Array;
  /** Where the next slot search starts (si->cluster_next): slots are handed out in order. */
  clusterNext: number;
  /** Swap-cache pages per node (NR_SWAPCACHE, nr_swapcached). */
  nrSwapcached: Float64Array;
  /** Of those, per node, the ones no PTE maps (read ahead, not faulted in): not in nr_anon_pages. */
  nrUnmapped: Float64Array;
  /** swapin_nr_pages(): readahead hits since the last cluster readahead (swapin_readahead_hits). */
  raHits: number;
  prevOffset: number;
  lastReadaheadPages: number;
  /** Per VMA, vma->swap_readahead_info: the last fault's vpage, its window and the hits since. */
  vmaRaVpage: Float64Array;
  vmaRaWin: Uint8Array;
  vmaRaHits: Uint8Array;
}

export function createSwapState(
  swap: ResolvedSwap,
  pageSize: number,
  nrVpages: number,
  nrVmas: number,
  nrNodes: number,
): SwapState {
  const capacityPages = Math.floor(swap.capacityBytes / pageSize);
  const lastSlot = Math.min(capacityPages, nrVpages);
  return {
    capacityPages,
    lastSlot,
    usedPages: 0,
    pageInNs: swap.pageInUs * 1000,
    pageOutNs: swap.pageOutUs * 1000,
    synchronousIo: swap.device === 'zram',
    rotational: swap.device === 'hdd',
    slotOf: new Uint32Array(nrVpages).fill(NIL),
    slotOwner: new Uint32Array(lastSlot + 1).fill(NIL),
    clusterNext: 1,
    nrSwapcached: new Float64Array(nrNodes),
    nrUnmapped: new Float64Array(nrNodes),
    raHits: 0,
    prevOffset: 0,
    lastReadaheadPages: 0,
    vmaRaVpage: new Float64Array(nrVmas),
    vmaRaWin: new Uint8Array(nrVmas),
    vmaRaHits: new Uint8Array(nrVmas),
  };
}

/** The PTE of a swapped-out page whose copy the swap cache still holds in frame `pfn`. */
export function swapCachePte(pfn: number): number {
  return PTE_SWAPPED + pfn + 1;
}

/** The swap-cache frame a swapped-out PTE points at, or NIL if the page is on the device only. */
export function swapCachePfn(e: number): number {
  return e > PTE_SWAPPED ? e - PTE_SWAPPED - 1 : NIL;
}

/** vm_swap_full(): more than half the swap space in use; then pages give their slots back early. */
export function vmSwapFull(s: SwapState): boolean {
  return (s.capacityPages - s.usedPages) * 2 < s.capacityPages;
}

/** folio_test_swapcache() for an anonymous frame owned by vpage. */
export function inSwapCache(k: Kernel, vpage: number): boolean {
  return k.swap !== null && k.swap.slotOf[vpage] !== NIL;
}

/**
 * folio_alloc_swap(): gives vpage the next free slot at or after cluster_next (slots are handed
 * out in order, so pages reclaimed together sit side by side on the device). False if swap is full.
 */
export function folioAllocSwap(s: SwapState, vpage: number): boolean {
  if (s.usedPages >= s.capacityPages) return false;
  let slot = s.clusterNext;
  while (s.slotOwner[slot] !== NIL) slot = slot >= s.lastSlot ? 1 : slot + 1;
  s.slotOwner[slot] = vpage;
  s.slotOf[vpage] = slot;
  s.usedPages++;
  s.clusterNext = slot >= s.lastSlot ? 1 : slot + 1;
  return true;
}

/** swap_free() of vpage's last reference: its slot becomes free. */
export function swapFreeSlot(s: SwapState, vpage: number): void {
  const slot = s.slotOf[vpage]!;
  if (slot === NIL) return;
  s.slotOwner[slot] = NIL;
  s.slotOf[vpage] = NIL;
  s.usedPages--;
}

/**
 * folio_free_swap() for the mapped swap-cache page `pfn` of vpage: drops it from the swap cache and
 * frees its slot. The copy on swap is gone, so the page is dirty again (folio_set_dirty).
 */
export function folioFreeSwap(k: Kernel, pfn: number, vpage: number): void {
  const s = k.swap!;
  swapFreeSlot(s, vpage);
  s.nrSwapcached[pageToNid(k.m, pfn)]!--;
  k.m.flags[pfn] = k.m.flags[pfn]! | PG.dirty;
}
