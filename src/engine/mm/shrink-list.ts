// shrink_active_list, shrink_inactive_list and shrink_folio_list: aging by referenced bits, then
// demotion, swap-out, writeback or drop of the pages that reclaim chose.
import { releaseShadow } from './nomad-shadow.ts';
import { pageCacheDeleted } from './kmem.ts';
import { STAT } from '../../shared/vmstat.ts';
import { SCAN_ACTIVE_NS, SCAN_INACTIVE_NS, RECLAIM_PAGE_NS, SWAP_WRITE_QUEUE_DEPTH } from './costs.ts';
import { accountResident, count, type Kernel } from './kernel.ts';
import { lruAdd, lruDelTail, lruvecOf, lruvecTail } from './lru.ts';
import { MEMCG_STAT } from './memcg-state.ts';
import { memcgCount } from './memcg-protection.ts';
import { NIL, PTE_NONE, PTE_SWAPPED, pageMemcg, putFreeFrame } from './mem-state.ts';
import { isFileLru, PG, type LruList } from './page-flags.ts';
import { canDemote, demoteFolioList, demotionTargetContended, mayDemotePage } from './demote.ts';
import { reclaimerStats, SWAP_CLUSTER_MAX, type ScanControl } from './scan-control.ts';
import { NOT_MAPPED, pageMoved, syncAccessBits, warmAccessBits } from './reference-model.ts';
import { folioNrPages, isThpHead } from './folio.ts';
import { shrinkHugeFolio } from './thp-reclaim.ts';
import { folioAllocSwap, folioFreeSwap, inSwapCache, vmSwapFull } from './swap-state.ts';
import {
  folioLruvecOf,
  folioType,
  lruGenFolioSeq,
  MIN_LRU_BATCH,
  PG_WORKINGSET,
  REFS_MASK,
} from './lru-gen.ts';
import { lruGenLookAround, lruGenSetRefs } from './lru-gen-aging.ts';
import { lruGenEviction } from './lru-gen-workingset.ts';

const isolated = new Uint32Array(SWAP_CLUSTER_MAX);
/** Up to MIN_LRU_BATCH folios: MGLRU's eviction batches are larger than the lists' SWAP_CLUSTER_MAX. */
const toDemote = new Uint32Array(MIN_LRU_BATCH);

/** Pages (not folios) the last isolateLruFolios took: a THP counts HPAGE_PMD_NR. */
let nrTakenPages = 0;

/**
 * Takes folios from the tail of one of memcg's lists on node into `isolated` until n pages are
 * taken (a THP counts its pages, as isolate_lru_folios' nr_taken does); returns how many folios.
 * Sets nrTakenPages.
 */
function isolateLruFolios(k: Kernel, memcg: number, node: number, n: number, lru: LruList): number {
  const m = k.m;
  const lruvec = lruvecOf(m, memcg, node);
  let taken = 0;
  let pages = 0;
  // Walk up from the tail first (only the prev links are a chain of loads), then unlink the run.
  for (let pfn = lruvecTail(m, lruvec, lru); pages < n && pfn !== NIL; pfn = m.lruPrev[pfn]!) {
    pages += folioNrPages(m, pfn);
    isolated[taken++] = pfn;
  }
  lruDelTail(m, lruvec, lru, isolated, taken, pages);
  nrTakenPages = pages;
  warmAccessBits(k, isolated, taken); // every isolated page has its references checked next
  return taken;
}

/**
 * folio_referenced() on a page's bits: true if its PTE was young, or PG_young kept a reference that
 * idle tracking took from the PTE; both are cleared. A young PTE also clears PG_idle
 * (folio_referenced_one clears idle before it tests PG_young), so a tracker still sees the access
 * reclaim consumed; PG_young alone leaves PG_idle set: its access came before the page was marked.
 */
export function folioReferenced(k: Kernel, pfn: number): boolean {
  syncAccessBits(k, pfn);
  const fl = k.m.flags[pfn]!;
  const young = fl & PG.young;
  k.m.flags[pfn] = fl & ~(PG.young | PG.youngIdle | (young ? PG.idle : 0));
  return (fl & (PG.young | PG.youngIdle)) !== 0;
}

/**
 * shrink_active_list(): every scanned page goes to the inactive list (the referenced bits are
 * cleared by the rmap walk); only executable file pages would stay active, and we have none.
 */
export function shrinkActiveList(
  k: Kernel,
  memcg: number,
  node: number,
  n: number,
  lru: LruList,
  sc: ScanControl,
): void {
  const taken = isolateLruFolios(k, memcg, node, n, lru);
  for (let i = 0; i < taken; i++) {
    const pfn = isolated[i]!;
    folioReferenced(k, pfn);
    k.m.flags[pfn] = k.m.flags[pfn]! & ~PG.active;
    lruAdd(k.m, pfn);
  }
  count(k, node, STAT.pgrefill, nrTakenPages);
  count(k, node, STAT.pgdeactivate, nrTakenPages);
  memcgCount(k, memcg, MEMCG_STAT.pgrefill, nrTakenPages);
  memcgCount(k, memcg, MEMCG_STAT.pgdeactivate, nrTakenPages);
  sc.costNs += taken * SCAN_ACTIVE_NS;
}

/** shrink_inactive_list(): isolate a batch from the tail and hand it to shrink_folio_list. */
export function shrinkInactiveList(
  k: Kernel,
  memcg: number,
  node: number,
  n: number,
  lru: LruList,
  sc: ScanControl,
): number {
  const taken = isolateLruFolios(k, memcg, node, n, lru);
  if (taken === 0) return 0;
  const file = isFileLru(lru);
  const stats = reclaimerStats(sc);
  count(k, node, stats.pgscan, nrTakenPages);
  count(k, node, file ? STAT.pgscan_file : STAT.pgscan_anon, nrTakenPages);
  memcgCount(k, memcg, stats.memcgPgscan, nrTakenPages);
  sc.nrScanned += nrTakenPages;
  sc.costNs += taken * SCAN_INACTIVE_NS;
  const reclaimed = shrinkFolioList(k, node, isolated, taken, sc);
  count(k, node, stats.pgsteal, reclaimed);
  count(k, node, file ? STAT.pgsteal_file : STAT.pgsteal_anon, reclaimed);
  memcgCount(k, memcg, stats.memcgPgsteal, reclaimed);
  return reclaimed;
}

const ACTIVATE = 0;
const KEEP = 1;
const RECLAIM = 2;

/**
 * folio_check_references(): a young PTE earns another trip (or activation if seen twice). A
 * reference that idle tracking moved into PG_young counts as a young PTE (folio_referenced).
 * Under MGLRU the rmap walk looks around the young PTE (lru_gen_look_around); v6.14 keeps the
 * folio once (PG_referenced) then activates it (lru_gen_set_refs); 6.1/6.12: mglruCheckReferences.
 */
function folioCheckReferences(k: Kernel, pfn: number, sc: ScanControl): number {
  const lg = k.m.lrugen;
  if (lg && !lg.rules.workingsetRework) return mglruCheckReferences(k, pfn, sc);
  const referencedPtes = folioReferenced(k, pfn);
  if (lg) {
    if (!referencedPtes) return RECLAIM;
    if (k.m.pte[k.m.owner[pfn]!] === pfn + 1 && !isThpHead(k.m, pfn)) lruGenLookAround(k, pfn, sc);
    return lruGenSetRefs(k.m, pfn) ? ACTIVATE : KEEP;
  }
  return classicReferences(k, pfn, referencedPtes);
}

/** The two lists' verdict on a folio whose PTE references were counted: keep once, then activate. */
function classicReferences(k: Kernel, pfn: number, referencedPtes: boolean): number {
  const referencedFolio = (k.m.flags[pfn]! & PG.referenced) !== 0;
  k.m.flags[pfn] = k.m.flags[pfn]! & ~PG.referenced;
  if (referencedPtes) {
    k.m.flags[pfn] = k.m.flags[pfn] | PG.referenced;
    return referencedFolio ? ACTIVATE : KEEP;
  }
  return RECLAIM;
}

/**
 * MGLRU's shrink_folio_list() checks in 6.1/6.12: a mapped folio the aging or a look-around marked
 * PG_referenced while it was isolated is kept ("folio_update_gen() tried to promote this page?");
 * otherwise folio_check_references() as the two lists have it, where the look-around around a
 * young base-page PTE marks this folio too (it is isolated), so it is activated at once.
 */
function mglruCheckReferences(k: Kernel, pfn: number, sc: ScanControl): number {
  const m = k.m;
  const mapped = m.pte[m.owner[pfn]!] === pfn + 1;
  if (mapped && m.flags[pfn]! & PG.referenced) return KEEP;
  const referencedPtes = folioReferenced(k, pfn);
  if (referencedPtes && mapped && !isThpHead(m, pfn)) {
    lruGenLookAround(k, pfn, sc);
    m.flags[pfn] = m.flags[pfn]! | PG.referenced;
  }
  return classicReferences(k, pfn, referencedPtes);
}

function putback(k: Kernel, node: number, pfn: number, activate: boolean): void {
  if (activate) {
    k.m.flags[pfn] = k.m.flags[pfn]! | PG.active;
    count(k, node, STAT.pgactivate, folioNrPages(k.m, pfn));
    memcgCount(k, pageMemcg(k.m, pfn), MEMCG_STAT.pgactivate, folioNrPages(k.m, pfn));
    // activate_locked: "not a candidate for swapping, so reclaim swap space" when swap is full;
    // folio_free_swap() refuses while a PTE still holds the slot (an unmapped readahead page).
    const vpage = k.m.owner[pfn]!;
    const swap = k.swap;
    if (swap && !(k.m.flags[pfn] & PG.file) && inSwapCache(k, vpage) && vmSwapFull(swap)) {
      if (k.m.pte[vpage] === pfn + 1) folioFreeSwap(k, pfn, vpage);
    }
  }
  const lg = k.m.lrugen;
  // evict_folios(): "don't add rejected folios to the oldest generation". v6.14 moves a folio that
  // would land there; 6.1/6.12 mark every rejected folio PG_active (refs, PG_referenced and
  // PG_workingset cleared), so it joins max_seq.
  if (lg && !lg.rules.workingsetRework) {
    k.m.flags[pfn] = (k.m.flags[pfn]! & ~PG.referenced) | PG.active;
    lg.genFlags[pfn] = lg.genFlags[pfn]! & ~(REFS_MASK | PG_WORKINGSET);
  } else if (
    lg &&
    lruGenFolioSeq(k.m, pfn, false) === lg.minSeq[folioLruvecOf(k.m, pfn) * 2 + folioType(k.m, pfn)]
  ) {
    k.m.flags[pfn] = (k.m.flags[pfn]! & ~PG.referenced) | PG.active;
    lg.genFlags[pfn] = lg.genFlags[pfn]! & ~REFS_MASK;
  }
  lruAdd(k.m, pfn);
}

/**
 * Reclaims one isolated page without demotion: swap out anon, write back dirty file (kswapd only),
 * drop clean file. An anon page still in the swap cache and clean has its copy on swap already and
 * is dropped without a write (no pswpout). Returns false if the page must go back to the LRU.
 */
function pageoutOrDrop(k: Kernel, node: number, pfn: number, sc: ScanControl): boolean {
  const fl = k.m.flags[pfn]!;
  const vpage = k.m.owner[pfn]!;
  const mapped = k.m.pte[vpage] === pfn + 1;
  const kb = k.pageSize / 1024;
  if (!(fl & PG.file)) {
    const swap = k.swap;
    if (!sc.maySwap || !swap) return false;
    const cached = inSwapCache(k, vpage);
    if (!cached && !folioAllocSwap(swap, vpage)) return false; // add_to_swap failed: swap is full
    if (!cached || fl & PG.dirty) {
      // add_to_swap() marks a new swap-cache page dirty: it is written out (pageout).
      sc.costNs += swap.pageOutNs / SWAP_WRITE_QUEUE_DEPTH;
      count(k, node, STAT.pswpout);
      memcgCount(k, pageMemcg(k.m, pfn), MEMCG_STAT.pswpout);
      count(k, node, STAT.pgpgout, kb);
      k.traffic[node * 2]! += k.pageSize; // the device reads the page out of memory (DMA)
    }
    if (cached) swap.nrSwapcached[node]!--; // __remove_mapping(): out of the swap cache, the slot stays
    if (!mapped) swap.nrUnmapped[node]!--;
    k.m.pte[vpage] = PTE_SWAPPED;
  } else {
    if (fl & PG.dirty) {
      if (sc.reclaimer !== 'kswapd' || !sc.mayWritepage) return false; // only kswapd writes back
      count(k, node, STAT.pgpgout, kb);
      k.traffic[node * 2]! += k.pageSize;
    }
    k.m.pte[vpage] = PTE_NONE;
    pageCacheDeleted(k, vpage);
  }
  if (mapped) {
    accountResident(k, vpage, node, -1);
    if (!(fl & PG.protnone)) pageMoved(k, vpage, node, NOT_MAPPED);
  }
  if (k.m.lrugen) lruGenEviction(k.m, pfn, vpage);
  if (k.nomad !== null) releaseShadow(k, pfn);
  putFreeFrame(k.m, pfn);
  count(k, node, STAT.pgfree);
  sc.costNs += RECLAIM_PAGE_NS;
  return true;
}

/** A base page of a split THP that was not demoted: reclaimed as any other, or back to the LRU. */
function reclaimBasePage(k: Kernel, node: number, pfn: number, sc: ScanControl): boolean {
  if (pageoutOrDrop(k, node, pfn, sc)) return true;
  putback(k, node, pfn, true);
  return false;
}

/**
 * shrink_folio_list() over `list[0..n)` (the lists' isolated batch or MGLRU's, lru-gen-evict.ts).
 * Pages chosen for eviction first go to the demotion batch when can_demote(); those that fail to
 * demote are reclaimed normally in the same pass.
 * Postcondition: every isolated page is freed, demoted, or back on an LRU. Returns pages reclaimed.
 */
export function shrinkFolioList(
  k: Kernel,
  node: number,
  list: Uint32Array,
  n: number,
  sc: ScanControl,
): number {
  const doDemotePass = canDemote(k, node, sc) && !demotionTargetContended(k, node);
  let nrDemote = 0;
  let reclaimed = 0;
  for (let i = 0; i < n; i++) {
    const pfn = list[i]!;
    const fl = k.m.flags[pfn]!;
    if (!sc.mayUnmap && !(fl & PG.file)) {
      putback(k, node, pfn, false); // anon pages are always mapped
      continue;
    }
    const ref = folioCheckReferences(k, pfn, sc);
    if (ref !== RECLAIM) {
      putback(k, node, pfn, ref === ACTIVATE);
      continue;
    }
    if (isThpHead(k.m, pfn)) {
      const demote = doDemotePass && mayDemotePage(k, false);
      reclaimed += shrinkHugeFolio(k, node, pfn, sc, demote, reclaimBasePage);
      continue;
    }
    if (doDemotePass && mayDemotePage(k, (fl & PG.file) !== 0)) {
      toDemote[nrDemote++] = pfn;
      continue;
    }
    if (pageoutOrDrop(k, node, pfn, sc)) reclaimed++;
    else putback(k, node, pfn, true);
  }
  if (nrDemote > 0) {
    const failed = demoteFolioList(k, node, toDemote, nrDemote, sc);
    reclaimed += nrDemote - failed;
    // Pages that could not be demoted: retry reclaim without demotion (they lead `toDemote`),
    // except in proactive reclaim, which is no real pressure and should not break the LRU order
    // by evicting from the top tier (6b426d071419, "mm: disable top-tier fallback to reclaim on
    // proactive reclaim", 6.2): they go back to the list.
    for (let i = 0; i < failed; i++) {
      const pfn = toDemote[i]!;
      if (!sc.proactive && pageoutOrDrop(k, node, pfn, sc)) reclaimed++;
      else putback(k, node, pfn, !sc.proactive);
    }
  }
  return reclaimed;
}
