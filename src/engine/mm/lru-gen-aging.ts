// MGLRU's aging (mm/vmscan.c try_to_inc_max_seq, walk_mm, inc_max_seq, inc_min_seq): a new
// generation is made by walking the page tables of every mm for accessed bits, moving the folios
// found young into max_seq; when that would make more than MAX_NR_GENS, the oldest generation is
// folded into the next first. Example: seqs 4..7 (four generations), aging: the folios left in
// 4 go to 5 (min_seq 5), then 8 is born empty and the young folios moved into 7.
import { STAT } from '../../shared/vmstat.ts';
import { count, type Kernel } from './kernel.ts';
import { lruMove } from './lru.ts';
import { findVma } from './vma.ts';
import type { ScanControl } from './scan-control.ts';
import { NIL, PTE_SWAPPED, nodeFirstPfn, pageMemcg, pageToNid, type MemState } from './mem-state.ts';
import { PG } from './page-flags.ts';
import { PTRS_PER_PTE } from './kmem.ts';
import { folioReferenced } from './shrink-list.ts';
import { folioNrPages } from './folio.ts';
import { resetBatchSize, updateBatchSize } from './lru-gen-walk-batch.ts';
import { resetCtrlPos, ctrlIndex } from './lru-gen-ctrl.ts';
import { PTE_WALK_NS } from './costs.ts';
import {
  GEN_MASK,
  genTail,
  LRU_GEN_ANON,
  LRU_GEN_FILE,
  lruGenFromSeq,
  folioLruRefs,
  folioLruvecOf,
  folioType,
  folioWorkingset,
  listIndex,
  listMove,
  MAX_NR_GENS,
  MAX_SWAPPINESS,
  MIN_LRU_BATCH,
  MIN_NR_GENS,
  NR_BLOOM_FILTERS,
  PG_WORKINGSET,
  REFS_MASK,
  refsFull,
  setFolioGen,
  tierOf,
  type LruGen,
} from './lru-gen.ts';

/** get_nr_gens(). */
export function getNrGens(lg: LruGen, lruvec: number, type: number): number {
  return lg.maxSeq[lruvec]! - lg.minSeq[lruvec * 2 + type]! + 1;
}

/** min_type()/max_type(): swappiness 0 evicts file only; SWAPPINESS_ANON_ONLY (201) anon only. */
export function minType(swappiness: number): number {
  return swappiness ? LRU_GEN_ANON : LRU_GEN_FILE;
}
export function maxType(swappiness: number): number {
  return swappiness < MAX_SWAPPINESS + 1 ? LRU_GEN_FILE : LRU_GEN_ANON;
}

/** evictable_min_seq(). */
export function evictableMinSeq(lg: LruGen, lruvec: number, swappiness: number): number {
  return Math.min(lg.minSeq[lruvec * 2 + minType(swappiness)]!, lg.minSeq[lruvec * 2 + maxType(swappiness)]!);
}

/**
 * folio_update_gen(), the aging's promotion. v6.14: a folio young once gets PG_referenced; one young
 * again (or already in the working set) moves to generation `gen` with PG_workingset, its refs
 * cleared. 6.1/6.12: one young sighting moves it, with refs, PG_referenced and PG_workingset
 * cleared. Only the gen bits change: the caller batches the pages' move (updateBatchSize).
 * Returns the old generation, or -1 when it did not move.
 */
function folioUpdateGen(m: MemState, pfn: number, gen: number): number {
  const lg = m.lrugen!;
  const fl = m.flags[pfn]!;
  const g = lg.genFlags[pfn]!;
  if (!lg.rules.workingsetRework) {
    m.flags[pfn] = fl & ~PG.referenced;
    lg.genFlags[pfn] = (g & ~(REFS_MASK | PG_WORKINGSET | GEN_MASK)) | gen;
    return g & GEN_MASK;
  }
  if (!(fl & PG.referenced) && !(g & PG_WORKINGSET)) {
    m.flags[pfn] = fl | PG.referenced;
    lg.genFlags[pfn] = g & ~REFS_MASK;
    return -1;
  }
  m.flags[pfn] = fl & ~PG.referenced;
  lg.genFlags[pfn] = (g & ~(REFS_MASK | GEN_MASK)) | PG_WORKINGSET | gen;
  return g & GEN_MASK;
}

/** walk_pte_range()'s promotion: folio_update_gen(), its pages' move batched (update_batch_size). */
function promoteYoung(m: MemState, pfn: number, gen: number): void {
  const old = folioUpdateGen(m, pfn, gen);
  if (old >= 0 && old !== gen) updateBatchSize(m, pfn, old, gen);
}

/**
 * folio_inc_gen(): moves a folio of the oldest generation one generation younger (unless the aging
 * promoted it already), clearing PG_referenced and refs (LRU_REFS_FLAGS), and in 6.1/6.12 also
 * PG_workingset, which LRU_REFS_FLAGS held there. Returns its new generation.
 */
export function folioIncGen(m: MemState, pfn: number): number {
  const lg = m.lrugen!;
  const lruvec = folioLruvecOf(m, pfn);
  const oldGen = lruGenFromSeq(lg.minSeq[lruvec * 2 + folioType(m, pfn)]!);
  const gen = lg.genFlags[pfn]! & GEN_MASK;
  if (gen !== oldGen) return gen;
  const newGen = (oldGen + 1) % MAX_NR_GENS;
  m.flags[pfn] = m.flags[pfn]! & ~PG.referenced;
  lg.genFlags[pfn] = lg.genFlags[pfn]! & ~(lg.rules.workingsetRework ? REFS_MASK : REFS_MASK | PG_WORKINGSET);
  setFolioGen(m, pfn, newGen);
  return newGen;
}

/**
 * inc_min_seq(): folds the oldest generation of `type` into the next one (folios to its tail), counting
 * the protected pages by tier (v6.14), and moves min_seq on. A type reclaim may not evict moves on without
 * its folios, as the kernel lets it (the cold/hot inversion the kernel's comment names).
 */
function incMinSeq(m: MemState, lruvec: number, type: number, swappiness: number): void {
  const lg = m.lrugen!;
  const mi = lruvec * 2 + type;
  const oldGen = lruGenFromSeq(lg.minSeq[mi]!);
  const skip =
    (type === LRU_GEN_FILE && swappiness === MAX_SWAPPINESS + 1) || (type === LRU_GEN_ANON && !swappiness);
  if (!skip) {
    for (let pfn = genTail(lg, lruvec, oldGen, type); pfn !== NIL; pfn = genTail(lg, lruvec, oldGen, type)) {
      const refs = folioLruRefs(m, pfn);
      const ws = folioWorkingset(m, pfn);
      const newGen = folioIncGen(m, pfn);
      listMove(m, pfn, newGen, true);
      // v6.14 counts the folios it folds as protected, but not the working set being lazily
      // promoted; 6.1/6.12 count none here.
      if (lg.rules.workingsetRework && !refsFull(lg, refs, ws))
        lg.protected[ctrlIndex(lruvec, type, tierOf(lg, refs, ws))]! += folioNrPages(m, pfn);
    }
  }
  resetCtrlPos(lg, lruvec, type);
  lg.minSeq[mi]!++;
}

const minSeqScratch = new Float64Array(2);

/**
 * try_to_inc_min_seq(): moves min_seq past empty generations, keeping anon and file within
 * MIN_NR_GENS of each other's oldest while both can be evicted. Returns whether one moved.
 */
export function tryToIncMinSeq(m: MemState, lruvec: number, swappiness: number): boolean {
  const lg = m.lrugen!;
  const maxSeq = lg.maxSeq[lruvec]!;
  const minSeq = minSeqScratch; // evict_folios calls this every batch: no array allocated
  minSeq[0] = lg.minSeq[lruvec * 2]!;
  minSeq[1] = lg.minSeq[lruvec * 2 + 1]!;
  let moved = false;
  for (let type = minType(swappiness); type <= maxType(swappiness); type++) {
    while (minSeq[type]! + MIN_NR_GENS <= maxSeq) {
      if (lg.head[listIndex(lruvec, lruGenFromSeq(minSeq[type]!), type)] !== NIL) break;
      minSeq[type]!++;
      moved = true;
    }
  }
  if (!moved) return false;
  if (swappiness && swappiness <= MAX_SWAPPINESS) {
    const seq = maxSeq - MIN_NR_GENS;
    if (minSeq[LRU_GEN_ANON] > seq && minSeq[LRU_GEN_FILE] < seq) minSeq[LRU_GEN_ANON] = seq;
    else if (minSeq[LRU_GEN_FILE] > seq && minSeq[LRU_GEN_ANON] < seq) minSeq[LRU_GEN_FILE] = seq;
  }
  let success = false;
  for (let type = minType(swappiness); type <= maxType(swappiness); type++) {
    if (minSeq[type]! <= lg.minSeq[lruvec * 2 + type]!) continue;
    resetCtrlPos(lg, lruvec, type);
    lg.minSeq[lruvec * 2 + type] = minSeq[type]!;
    success = true;
  }
  return success;
}

/** inc_max_seq(): makes room (inc_min_seq where MAX_NR_GENS are in use), then a new generation born now. */
export function incMaxSeq(m: MemState, lruvec: number, swappiness: number, nowMs: number): void {
  const lg = m.lrugen!;
  for (let type = 0; type < 2; type++) {
    if (getNrGens(lg, lruvec, type) === MAX_NR_GENS) incMinSeq(m, lruvec, type, swappiness);
  }
  const next = lruGenFromSeq(lg.maxSeq[lruvec]! + 1);
  lg.birthMs[lruvec * MAX_NR_GENS + next] = nowMs;
  lg.maxSeq[lruvec]!++;
}

/** suitable_to_scan(): a PTE table is worth the next walk with at least one young PTE a cache line (8). */
function suitableToScan(total: number, young: number): boolean {
  return young * 8 >= total;
}

export function filterSlot(lg: LruGen, lruvec: number, seq: number): number {
  return lruvec * NR_BLOOM_FILTERS + (seq % NR_BLOOM_FILTERS);
}

/** update_bloom_filter(): PMD table `pmd` is worth walking at generation seq. */
export function updateFilter(lg: LruGen, lruvec: number, seq: number, pmd: number): void {
  const f = filterSlot(lg, lruvec, seq);
  if (lg.filterLive[f]) lg.filter[f * lg.nrPmds + pmd] = 1;
}

/** reset_bloom_filter(): the filter of generation seq starts empty (and exists from now on). */
function resetFilter(lg: LruGen, lruvec: number, seq: number): void {
  const f = filterSlot(lg, lruvec, seq);
  lg.filter.fill(0, f * lg.nrPmds, (f + 1) * lg.nrPmds);
  lg.filterLive[f] = 1;
}

function testFilter(lg: LruGen, lruvec: number, seq: number, pmd: number): boolean {
  const f = filterSlot(lg, lruvec, seq);
  return !lg.filterLive[f] || lg.filter[f * lg.nrPmds + pmd] === 1;
}

/**
 * walk_pte_range() over vpages [from, to) of one PMD table: young folios on `lruvec` move to
 * generation `gen` (folio_update_gen), their accessed bits read and cleared through
 * folioReferenced(), the one reader both engines share. Returns whether the table was worth it.
 */
function walkPteRange(
  k: Kernel,
  lruvec: number,
  from: number,
  to: number,
  gen: number,
  sc: ScanControl,
): boolean {
  const m = k.m;
  const { pte, flags, memcg } = m;
  const node = lruvec % m.nrNodes;
  const lo = nodeFirstPfn(m, node);
  const hi = m.nodeEnd[node]!;
  const mc = (lruvec - node) / m.nrNodes;
  const root = m.nrMemcgs === 1; // no cgroups: every frame is the root's, its memcg byte not read
  let total = 0;
  let young = 0;
  let last = -1;
  for (let v = from; v < to; v++) {
    total++;
    const e = pte[v]!;
    if (e === 0 || e >= PTE_SWAPPED) continue;
    const pfn = e - 1;
    if (pfn === last) continue; // a THP's PTEs all lead to its head: one folio
    last = pfn;
    // folioLruvecOf(m, pfn) === lruvec, without pageToNid's search of the nodes for every PTE.
    if (pfn < lo || pfn >= hi || (!root && memcg[pfn] !== mc) || !(flags[pfn]! & PG.lru)) continue;
    if (!folioReferenced(k, pfn)) continue;
    young++;
    promoteYoung(m, pfn, gen);
  }
  sc.costNs += total * PTE_WALK_NS;
  return suitableToScan(total, young);
}

/**
 * walk_mm() for every mm: the anonymous regions of each workload, PMD table by PMD table, skipping
 * tables the last walk and the look-arounds found not worth it (unless the mm is new to this
 * lruvec's walk: force_scan). With swappiness 0 anon VMAs are skipped (should_skip_vma).
 */
function walkMms(k: Kernel, lruvec: number, swappiness: number, sc: ScanControl): void {
  const lg = k.m.lrugen!;
  if (!swappiness) return;
  const seq = lg.maxSeq[lruvec]!;
  const gen = lruGenFromSeq(seq);
  resetFilter(lg, lruvec, seq + 1);
  const node = lruvec % k.m.nrNodes;
  const memcg = (lruvec - node) / k.m.nrNodes;
  for (let g = 0; g < k.mms.length; g++) {
    // The memcg's own mm list (lru_gen_mm_list per memcg): the mms its workloads run in.
    if (k.memcg.ofGroup[g] !== memcg) continue;
    const mm = k.mms[g]!;
    const seen = lruvec * k.mms.length + g;
    const forceScan = !lg.mmWalked[seen];
    for (let r = 0; r < mm.base.length; r++) {
      const start = mm.base[r]!;
      const end = start + mm.pages[r]!;
      for (let v = start; v < end;) {
        const pmd = Math.floor(v / PTRS_PER_PTE);
        const next = Math.min(end, (pmd + 1) * PTRS_PER_PTE);
        if (forceScan || testFilter(lg, lruvec, seq, pmd)) {
          if (walkPteRange(k, lruvec, v, next, gen, sc)) updateFilter(lg, lruvec, seq + 1, pmd);
        }
        v = next;
      }
    }
    resetBatchSize(lg, lruvec); // walk_mm(): the sizes are right again after every mm
    // On the mm list from its first page on the lruvec; until then its tables are walked in full.
    if (k.resident[g * k.m.nrNodes + node]! > 0) lg.mmWalked[seen] = 1;
  }
}

/** try_to_inc_max_seq(): the page-table walk, then a new generation. */
export function tryToIncMaxSeq(k: Kernel, lruvec: number, swappiness: number, sc: ScanControl): void {
  walkMms(k, lruvec, swappiness, sc);
  incMaxSeq(k.m, lruvec, swappiness, k.nowNs / 1e6);
}

/**
 * lru_gen_set_refs(), for a folio found young through the rmap: the first time PG_referenced (keep
 * it), after that PG_workingset with refs cleared (activate it). Returns whether to activate.
 */
export function lruGenSetRefs(m: MemState, pfn: number): boolean {
  const lg = m.lrugen!;
  const fl = m.flags[pfn]!;
  if (!(fl & PG.referenced) && !folioWorkingset(m, pfn)) {
    m.flags[pfn] = fl | PG.referenced;
    lg.genFlags[pfn] = lg.genFlags[pfn]! & ~REFS_MASK;
    return false;
  }
  m.flags[pfn] = fl & ~PG.referenced;
  lg.genFlags[pfn] = (lg.genFlags[pfn]! & ~REFS_MASK) | PG_WORKINGSET;
  return true;
}

/** folio_activate() under MGLRU: off the list and back with PG_active, into the young generations. */
function activateFolio(k: Kernel, pfn: number): void {
  lruMove(k.m, pfn, PG.active, 0);
  count(k, pageToNid(k.m, pfn), STAT.pgactivate, folioNrPages(k.m, pfn));
}

/**
 * lru_gen_look_around(), from the rmap walk of young folio pfn in shrink_folio_list: the PTEs
 * around it in its PMD table and VMA, at most MIN_LRU_BATCH centred on it. Young folios there move
 * to max_seq, through folio_update_gen for kswapd (it has a walk) or folio_activate for direct
 * reclaim (v6.14: once lru_gen_set_refs says so; 6.1/6.12: at once, their refs cleared); a young
 * folio isolated for reclaim gets PG_referenced in 6.1/6.12. A table with enough young PTEs goes
 * into the filter the next aging walks by (the feedback from eviction to aging).
 */
export function lruGenLookAround(k: Kernel, pfn: number, sc: ScanControl): void {
  const m = k.m;
  const lg = m.lrugen!;
  const vpage = m.owner[pfn]!;
  const r = findVma(k.vmas, vpage);
  const pmd = Math.floor(vpage / PTRS_PER_PTE);
  let start = Math.max(pmd * PTRS_PER_PTE, k.vmas.base[r]!);
  let end = Math.min((pmd + 1) * PTRS_PER_PTE, k.vmas.base[r]! + k.vmas.pages[r]!);
  if (end - start === 1) return;
  const half = MIN_LRU_BATCH / 2;
  if (end - start > MIN_LRU_BATCH) {
    if (vpage - start < half) end = start + MIN_LRU_BATCH;
    else if (end - vpage < half) start = end - MIN_LRU_BATCH;
    else {
      start = vpage - half;
      end = vpage + half;
    }
  }
  const lruvec = folioLruvecOf(m, pfn);
  const seq = lg.maxSeq[lruvec]!;
  const gen = lruGenFromSeq(seq);
  const node = lruvec % m.nrNodes;
  const lo = nodeFirstPfn(m, node);
  const hi = m.nodeEnd[node]!;
  const mc = pageMemcg(m, pfn);
  const root = m.nrMemcgs === 1;
  let young = 1;
  for (let v = start; v < end; v++) {
    const e = m.pte[v]!;
    if (e === 0 || e >= PTE_SWAPPED) continue;
    const p = e - 1;
    if (p < lo || p >= hi || (!root && m.memcg[p] !== mc)) continue; // get_pfn_folio(): this node and memcg
    const listed = (m.flags[p]! & PG.lru) !== 0;
    // 6.1/6.12 look at folios isolated with this one too (get_pfn_folio has no LRU check).
    if ((!listed && lg.rules.workingsetRework) || !folioReferenced(k, p)) continue;
    young++;
    if (!listed)
      m.flags[p] = m.flags[p]! | PG.referenced; // for shrink_folio_list()
    else if (sc.reclaimer === 'kswapd' || sc.proactive)
      promoteYoung(m, p, gen); // set_mm_walk()
    else if (lg.rules.workingsetRework) {
      if (lruGenSetRefs(m, p) && (lg.genFlags[p]! & GEN_MASK) !== gen) activateFolio(k, p);
    } else if ((lg.genFlags[p]! & GEN_MASK) !== gen) {
      m.flags[p] = m.flags[p]! & ~PG.referenced; // folio_clear_lru_refs()
      lg.genFlags[p] = lg.genFlags[p]! & ~(REFS_MASK | PG_WORKINGSET);
      activateFolio(k, p);
    }
  }
  // The kernel applies kswapd's batch after shrink_folio_list (evict_folios); here at once, so
  // nothing that reclaims the batch in between reads sizes the kernel would not have yet.
  resetBatchSize(lg, lruvec);
  sc.costNs += (end - start) * PTE_WALK_NS;
  if (suitableToScan(end - start, young)) updateFilter(lg, lruvec, seq, pmd);
}
