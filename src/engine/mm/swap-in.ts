// do_swap_page() (mm/memory.c, 6.1): a fault on a swapped-out page. A page readahead already
// brought into the swap cache is mapped as a minor fault; otherwise the page is read (a major
// fault) with readahead around it. The slot is kept while the page is clean, so reclaiming it
// again needs no write, unless the fault writes it or swap is more than half full.
import { STAT } from '../../shared/vmstat.ts';
import { FAULT_BASE_NS, SWAPIN_RA_PAGE_NS } from './costs.ts';
import { count, mapPage, type Kernel } from './kernel.ts';
import { faultAddLru } from './lru.ts';
import { NIL, pageToNid } from './mem-state.ts';
import { allocPage, type AllocPolicy } from './page-alloc.ts';
import { PG, WRITE_BITS } from './page-flags.ts';
import { findVma } from './vma.ts';
import { memcgCharged, memcgOfVpage, memcgTryCharge } from './memcontrol.ts';
import { swapinReadahead, swapReadaheadHit } from './swap-readahead.ts';
import { folioFreeSwap, swapCachePfn, swapFreeSlot, vmSwapFull } from './swap-state.ts';

/**
 * Swaps vpage in for a task and maps it. Returns its pfn, or NIL if the allocation failed for good.
 * Postcondition on success: PTE present, page on an LRU, young (and dirty if `write`); it still
 * holds its slot (in the swap cache) only if it is clean and swap is at most half full.
 */
export function doSwapPage(
  k: Kernel,
  policy: AllocPolicy,
  vpage: number,
  write: boolean,
  isCurrentKilled: () => boolean,
): number {
  const m = k.m;
  const s = k.swap!;
  const local = policy.localNode;
  const vma = findVma(k.vmas, vpage);
  let pfn = swapCachePfn(m.pte[vpage]!);
  if (pfn !== NIL) {
    // lookup_swap_cache(): readahead read it already; no I/O, a minor fault.
    swapReadaheadHit(k, vpage, vma, local);
    k.chargedNs += FAULT_BASE_NS;
    s.nrSwapcached[pageToNid(m, pfn)]!--; // counted again below if it keeps its slot
    s.nrUnmapped[pageToNid(m, pfn)]!--;
  } else {
    // mem_cgroup_swapin_charge_folio(): the page is charged before it is read in.
    const memcg = memcgOfVpage(k, vpage);
    pfn = memcgTryCharge(k, memcg, 1, local, isCurrentKilled) ? allocPage(k, policy, isCurrentKilled) : NIL;
    if (pfn === NIL) return NIL;
    m.memcg[pfn] = memcg;
    count(k, local, STAT.pgmajfault);
    count(k, local, STAT.pswpin);
    count(k, local, STAT.pgpgin, k.pageSize / 1024);
    k.chargedNs += FAULT_BASE_NS + s.pageInNs;
    k.traffic[pageToNid(m, pfn) * 2 + 1]! += k.pageSize; // the device writes the page into memory (DMA)
    m.flags[pfn] = 0;
    m.owner[pfn] = vpage;
    m.stamp[pfn] = 0;
    m.migratedAt[pfn] = 0;
    faultAddLru(m, pfn);
    memcgCharged(k, memcg, 1);
    // zram (SWP_SYNCHRONOUS_IO) reads the page in directly: no swap cache, no readahead.
    if (!s.synchronousIo) k.chargedNs += swapinReadahead(k, policy, vpage, vma) * SWAPIN_RA_PAGE_NS;
  }
  m.flags[pfn] = m.flags[pfn]! | PG.young | (write ? WRITE_BITS : 0);
  mapPage(k, vpage, pfn);
  if (s.synchronousIo)
    swapFreeSlot(s, vpage); // swap_free(): the PTE held the only reference
  else {
    s.nrSwapcached[pageToNid(m, pfn)]!++;
    // should_try_to_free_swap(): a write fault takes the page over; a full swap wants its slot back.
    if (write || vmSwapFull(s)) folioFreeSwap(k, pfn, vpage);
  }
  return pfn;
}
