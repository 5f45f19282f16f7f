// Swap readahead (mm/swap_state.c, 6.1): a swap-in also reads neighbouring pages into the swap
// cache, by swap offset (swap_cluster_readahead) or by virtual address (swap_vma_readahead, the
// default unless a rotating disk is swapped to), with a window that grows with readahead hits.
import { STAT } from '../../shared/vmstat.ts';
import { count, type Kernel } from './kernel.ts';
import { faultAddLru } from './lru.ts';
import { NIL, PTE_SWAPPED, pageToNid } from './mem-state.ts';
import { getPageFromFreelist, zoneStatistics, type AllocPolicy } from './page-alloc.ts';
import { swapCachePte, type SwapState } from './swap-state.ts';
import { WMARK_LOW } from './watermark.ts';
import { memcgMargin, memcgOfVpage } from './memcontrol.ts';

/** SWAP_RA_ORDER_CEILING (64-bit): VMA readahead reads at most 2^5 pages whatever page-cluster says. */
const SWAP_RA_ORDER_CEILING = 5;
/** PMD_SIZE: VMA readahead stays inside the faulting address's page table (2 MiB). */
const PMD_SIZE = 2 * 1024 * 1024;
/** GET_SWAP_RA_VAL(): a VMA with no readahead history starts as if it had 4 hits. */
const INITIAL_VMA_HITS = 4;

/**
 * __swapin_nr_pages(): the window for a fault at `offset`. No hits: 2 pages if it follows the last
 * fault, else 1; with hits, hits + 2 rounded up to a power of two from 4; at most maxPages, and
 * never below half the last window ("don't shrink readahead too fast"). With page-cluster 3:
 * 0 hits, not adjacent -> 1; 2 hits -> 4; 5 hits -> 8; last window 8 and 0 hits -> 4.
 */
export function swapinNrPagesFor(
  prevOffset: number,
  offset: number,
  hits: number,
  maxPages: number,
  prevWin: number,
): number {
  let pages = hits + 2;
  if (pages === 2) {
    if (offset !== prevOffset + 1 && offset !== prevOffset - 1) pages = 1;
  } else {
    let roundup = 4;
    while (roundup < pages) roundup <<= 1;
    pages = roundup;
  }
  if (pages > maxPages) pages = maxPages;
  const lastRa = prevWin >>> 1;
  return pages < lastRa ? lastRa : pages;
}

/** swap_use_vma_readahead(): vma_ra_enabled and no rotating swap device. */
export function swapUseVmaReadahead(k: Kernel): boolean {
  return k.knobs.vma_ra_enabled && !k.swap!.rotational;
}

/** SWAP_RA_HITS_MAX: the hit count has PAGE_SHIFT / 2 bits of swap_readahead_info. */
function swapRaHitsMax(pageSize: number): number {
  return (1 << (Math.log2(pageSize) >> 1)) - 1;
}

/**
 * lookup_swap_cache() finding a page that readahead brought in (PG_readahead): counts swap_ra_hit
 * and feeds the hit to the window of the next readahead, the VMA's or the global one.
 */
export function swapReadaheadHit(k: Kernel, vpage: number, vma: number, local: number): void {
  const s = k.swap!;
  count(k, local, STAT.swap_ra_hit);
  if (!swapUseVmaReadahead(k)) {
    s.raHits++;
    return;
  }
  const unset = s.vmaRaVpage[vma] === 0 && s.vmaRaWin[vma] === 0 && s.vmaRaHits[vma] === 0;
  const hits = unset ? INITIAL_VMA_HITS : s.vmaRaHits[vma]!;
  s.vmaRaVpage[vma] = vpage;
  s.vmaRaHits[vma] = Math.min(hits + 1, swapRaHitsMax(k.pageSize));
}

/**
 * swapin_readahead() around the swap-in of `vpage` (whose own page the caller reads): reads the
 * window's other swapped-out pages into the swap cache, unmapped and marked readahead. Returns
 * how many it read. Postcondition: each has PTE swapCachePte(pfn), sits on the inactive anon LRU.
 */
export function swapinReadahead(k: Kernel, p: AllocPolicy, vpage: number, vma: number): number {
  return swapUseVmaReadahead(k) ? swapVmaReadahead(k, p, vpage, vma) : swapClusterReadahead(k, p, vpage);
}

/**
 * swap_cluster_readahead(): the aligned block of swapin_nr_pages() slots around the faulting one,
 * whoever's pages they hold: pages reclaimed together were given neighbouring slots.
 */
function swapClusterReadahead(k: Kernel, p: AllocPolicy, vpage: number): number {
  const s = k.swap!;
  const offset = s.slotOf[vpage]!;
  const mask = swapinNrPages(s, offset, k.knobs.page_cluster) - 1;
  if (!mask) return 0;
  const start = Math.max(offset & ~mask, 1); // offset 0 is the swap header
  const end = Math.min(offset | mask, s.lastSlot); // no slot past lastSlot is ever in use
  let read = 0;
  for (let off = start; off <= end; off++) {
    const v = s.slotOwner[off]!;
    if (off === offset || v === NIL || k.m.pte[v] !== PTE_SWAPPED) continue; // free, or cached already
    if (!readSwapPage(k, p, v)) break;
    read++;
  }
  return read;
}

/** swapin_nr_pages(): the global window, from the hits counted since the last cluster readahead. */
function swapinNrPages(s: SwapState, offset: number, pageCluster: number): number {
  const maxPages = 1 << pageCluster;
  if (maxPages <= 1) return 1;
  const hits = s.raHits;
  s.raHits = 0;
  const pages = swapinNrPagesFor(s.prevOffset, offset, hits, maxPages, s.lastReadaheadPages);
  if (!hits) s.prevOffset = offset;
  s.lastReadaheadPages = pages;
  return pages;
}

/**
 * swap_vma_readahead() with swap_ra_info(): a window of virtual pages around the fault, ahead of it
 * if the fault follows the VMA's last one, behind it if it precedes it, else centred; clamped to
 * the VMA and to the fault's PMD (a region is taken to start on a PMD boundary).
 */
function swapVmaReadahead(k: Kernel, p: AllocPolicy, vpage: number, vma: number): number {
  const s = k.swap!;
  const maxWin = 1 << Math.min(k.knobs.page_cluster, SWAP_RA_ORDER_CEILING);
  if (maxWin === 1) return 0;
  const prev = s.vmaRaVpage[vma]!;
  const prevWin = s.vmaRaWin[vma]!;
  const unset = prev === 0 && prevWin === 0 && s.vmaRaHits[vma] === 0;
  const hits = unset ? INITIAL_VMA_HITS : s.vmaRaHits[vma]!;
  const win = swapinNrPagesFor(prev, vpage, hits, maxWin, prevWin);
  s.vmaRaVpage[vma] = vpage;
  s.vmaRaWin[vma] = win;
  s.vmaRaHits[vma] = 0;
  if (win === 1) return 0;
  let lo: number;
  if (vpage === prev + 1) lo = vpage;
  else if (prev === vpage + 1) lo = vpage - win + 1;
  else lo = vpage - ((win - 1) >> 1);
  const base = k.vmas.base[vma]!;
  const pmdPages = Math.max(1, PMD_SIZE / k.pageSize);
  const pmdStart = base + Math.floor((vpage - base) / pmdPages) * pmdPages;
  const start = Math.max(lo, base, pmdStart);
  const end = Math.min(lo + win, base + k.vmas.pages[vma]!, pmdStart + pmdPages);
  let read = 0;
  for (let v = start; v < end; v++) {
    if (v === vpage || k.m.pte[v] !== PTE_SWAPPED) continue; // not swapped out, or cached already
    if (!readSwapPage(k, p, v)) break;
    read++;
  }
  return read;
}

/**
 * __read_swap_cache_async() + swap_readpage() for a readahead page: a frame from the faulting
 * task's nodes, read from swap (pswpin), left unmapped in the swap cache with PG_readahead
 * (swap_ra). Readahead takes only free pages here; the kernel may also reclaim for them.
 */
function readSwapPage(k: Kernel, p: AllocPolicy, vpage: number): boolean {
  const m = k.m;
  const local = p.localNode;
  const preferred = p.mode === 'preferred' ? p.nodes[0]! : local;
  // The readahead page is charged to the slot's cgroup; here only within its margin (no memcg
  // reclaim for a page nobody asked for yet), as readahead takes only free pages.
  const memcg = memcgOfVpage(k, vpage);
  if (memcgMargin(k, memcg) < 1) return false;
  const pfn = getPageFromFreelist(k, k.layout.zonelist[preferred]!, p.allowed, WMARK_LOW, local, false);
  if (pfn === NIL) return false;
  const node = pageToNid(m, pfn);
  zoneStatistics(k, preferred, node, local);
  m.flags[pfn] = 0;
  m.owner[pfn] = vpage;
  m.memcg[pfn] = memcg;
  m.stamp[pfn] = 0;
  m.migratedAt[pfn] = 0;
  m.pte[vpage] = swapCachePte(pfn);
  faultAddLru(m, pfn);
  k.swap!.nrSwapcached[node]!++;
  k.swap!.nrUnmapped[node]!++;
  count(k, local, STAT.pswpin);
  count(k, local, STAT.pgpgin, k.pageSize / 1024);
  count(k, local, STAT.swap_ra);
  k.traffic[node * 2 + 1]! += k.pageSize; // the device writes the page into memory (DMA)
  return true;
}
