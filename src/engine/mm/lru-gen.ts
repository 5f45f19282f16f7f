// The multi-gen LRU's state and lists (CONFIG_LRU_GEN: struct lru_gen_folio, lru_gen_add_folio,
// lru_gen_del_folio in include/linux/mm_inline.h): per lruvec (memcg and node) and type (anon, file), generations
// min_seq..max_seq, MIN_NR_GENS to MAX_NR_GENS of them; a folio's generation, refs and PG_workingset
// in one byte a frame (genFlags), so the frame flags keep their free bits.
import { NIL, pageMemcg, pageToNid, type MemState } from './mem-state.ts';
import { PG } from './page-flags.ts';
import { folioNrPages } from './folio.ts';
import type { LruGenRules } from '../../shared/scenario/lru-gen-kernels.ts';
import { createMemcgLru, type MemcgLru } from './lru-gen-memcg-lru.ts';

export const MAX_NR_GENS = 4;
export const MIN_NR_GENS = 2;
export const MAX_NR_TIERS = 4;
/** LRU_REFS_WIDTH (MAX_NR_TIERS - 2): accesses through file descriptors counted beyond PG_referenced. */
export const LRU_REFS_WIDTH = 2;
/** MIN_LRU_BATCH (BITS_PER_LONG) and MAX_LRU_BATCH: eviction isolates up to 64 pages a batch. */
export const MIN_LRU_BATCH = 64;
export const MAX_LRU_BATCH = MIN_LRU_BATCH * 64;
export const LRU_GEN_ANON = 0;
export const LRU_GEN_FILE = 1;
export type LruGenType = typeof LRU_GEN_ANON | typeof LRU_GEN_FILE;
/** MAX_SWAPPINESS: swappiness 200 evicts anon only; SWAPPINESS_ANON_ONLY (201) is debugfs's. */
export const MAX_SWAPPINESS = 200;

// genFlags bits: the generation (lru_gen_from_seq) of a folio on a list, its refs counter,
// PG_workingset, and which generation's list holds it now (promotion by the aging is lazy: the
// bits change at once, the folio moves when eviction sorts it, as folio_update_gen leaves it).
export const GEN_MASK = 3;
export const REFS_SHIFT = 2;
export const REFS_MASK = 3 << REFS_SHIFT;
export const PG_WORKINGSET = 16;
const LIST_SHIFT = 5;
const LIST_MASK = 3 << LIST_SHIFT;

export interface LruGen {
  nrNodes: number;
  /** nrMemcgs * nrNodes: every array below indexed by lruvec has this many. */
  nrLruvecs: number;
  /** Which kernel's rules (lru-gen-kernels.ts): 6.1 and 6.12's, or mainline's after the v6.14 rework. */
  rules: LruGenRules;
  /** lrugen->max_seq per lruvec; every type shares it. */
  maxSeq: Float64Array;
  /** lrugen->min_seq[type]: [lruvec * 2 + type]. */
  minSeq: Float64Array;
  /** lrugen->timestamps[gen], the birth of each generation in ms: [lruvec * MAX_NR_GENS + gen]. */
  birthMs: Float64Array;
  /** lrugen->nr_pages by the folios' gen bits: [(lruvec * MAX_NR_GENS + gen) * 2 + type]. */
  nrPages: Float64Array;
  /** lrugen->folios[gen][type], head the youngest: same index as nrPages. */
  head: Uint32Array;
  tail: Uint32Array;
  /** Per frame: gen, refs, PG_workingset and list bits above. */
  genFlags: Uint8Array;
  /**
   * The PID controller's inputs per [(lruvec * 2 + type) * MAX_NR_TIERS + tier]: the averages over the
   * generations evicted before and this generation's tallies (NR_HIST_GENS is 1 without
   * CONFIG_LRU_GEN_STATS, so one set).
   */
  avgRefaulted: Float64Array;
  avgTotal: Float64Array;
  refaulted: Float64Array;
  evicted: Float64Array;
  protected: Float64Array;
  /** The swap's slot per vpage (folio_test_swapcache for anon), or null without swap. */
  swapSlotOf: Uint32Array | null;
  /**
   * The page-table walk's two filters of PMD tables worth walking, [(lruvec * 2 + f) * nrPmds + pmd]
   * with f = seq % NR_BLOOM_FILTERS: kept exact here (the kernel's Bloom filters have ~1/5 false
   * positives at 10,000 entries). filterLive: the filter exists (a missing one lets everything through).
   */
  filter: Uint8Array;
  filterLive: Uint8Array;
  nrPmds: number;
  /** Per lruvec and mm: walked once already (the kernel force-scans an mm new to the mm list). */
  mmWalked: Uint8Array;
  /** Per vpage: the shadow entry an eviction left (lru-gen-workingset.ts), 0 for none. */
  shadow: Uint32Array;
  /** pgdat->memcg_lru per node (lru-gen-memcg.ts): the generations of memcgs global reclaim walks. */
  memcgLru: MemcgLru;
}

/** NR_BLOOM_FILTERS: the aging flips between two filters, one per generation it makes. */
export const NR_BLOOM_FILTERS = 2;

/**
 * nrPmds: PTE tables over the vpage space (nrVpages / PTRS_PER_PTE, rounded up). One lrugen per
 * lruvec, nrMemcgs * nrNodes of them (lruvec memcg * nrNodes + node): without cgroups, one per node.
 */
export function createLruGen(
  nrNodes: number,
  nrMemcgs: number,
  nrFrames: number,
  nrVpages: number,
  nrPmds: number,
  nrMms: number,
  rules: LruGenRules,
): LruGen {
  const nrLruvecs = nrNodes * nrMemcgs;
  const lists = nrLruvecs * MAX_NR_GENS * 2;
  const ctrl = nrLruvecs * 2 * MAX_NR_TIERS;
  // lru_gen_init_lruvec(): max_seq = MIN_NR_GENS + 1 and min_seq 0, so four empty generations at boot.
  return {
    nrNodes,
    nrLruvecs,
    rules,
    maxSeq: new Float64Array(nrLruvecs).fill(MIN_NR_GENS + 1),
    minSeq: new Float64Array(nrLruvecs * 2),
    birthMs: new Float64Array(nrLruvecs * MAX_NR_GENS),
    nrPages: new Float64Array(lists),
    head: new Uint32Array(lists).fill(NIL),
    tail: new Uint32Array(lists).fill(NIL),
    genFlags: new Uint8Array(nrFrames),
    avgRefaulted: new Float64Array(ctrl),
    avgTotal: new Float64Array(ctrl),
    refaulted: new Float64Array(ctrl),
    evicted: new Float64Array(ctrl),
    protected: new Float64Array(ctrl),
    swapSlotOf: null,
    filter: new Uint8Array(nrLruvecs * NR_BLOOM_FILTERS * nrPmds),
    filterLive: new Uint8Array(nrLruvecs * NR_BLOOM_FILTERS),
    nrPmds,
    mmWalked: new Uint8Array(nrLruvecs * nrMms),
    shadow: new Uint32Array(nrVpages),
    memcgLru: createMemcgLru(nrNodes, nrMemcgs),
  };
}

/**
 * folio_lruvec(): memcg * nrNodes + node, the index of every per-lruvec array here (without cgroups
 * the per-frame memcg byte is not read: pageMemcg).
 */
export function folioLruvecOf(m: MemState, pfn: number): number {
  return pageMemcg(m, pfn) * m.nrNodes + pageToNid(m, pfn);
}

export function lruGenFromSeq(seq: number): number {
  return seq % MAX_NR_GENS;
}

export function listIndex(lruvec: number, gen: number, type: number): number {
  return (lruvec * MAX_NR_GENS + gen) * 2 + type;
}

export function folioType(m: MemState, pfn: number): LruGenType {
  return m.flags[pfn]! & PG.file ? LRU_GEN_FILE : LRU_GEN_ANON;
}

/** folio_lru_gen(): the generation of a folio on a list, -1 while isolated (PG_lru clear). */
export function folioLruGen(m: MemState, pfn: number): number {
  return m.flags[pfn]! & PG.lru ? m.lrugen!.genFlags[pfn]! & GEN_MASK : -1;
}

/**
 * folio_lru_refs(). v6.14: accesses through file descriptors including PG_referenced, 0 without it.
 * 6.1/6.12: accesses beyond PG_referenced, N - 1 of N > 1, as the refs counter plus PG_workingset.
 */
export function folioLruRefs(m: MemState, pfn: number): number {
  const g = m.lrugen!.genFlags[pfn]!;
  const counter = (g & REFS_MASK) >> REFS_SHIFT;
  if (!m.lrugen!.rules.workingsetRework) return counter + (g & PG_WORKINGSET ? 1 : 0);
  if (!(m.flags[pfn]! & PG.referenced)) return 0;
  return counter + 1;
}

export function folioWorkingset(m: MemState, pfn: number): boolean {
  return (m.lrugen!.genFlags[pfn]! & PG_WORKINGSET) !== 0;
}

/** order_base_2(): ceil(log2(n)), 0 for 0 and 1. */
function orderBase2(n: number): number {
  return n <= 1 ? 0 : 32 - Math.clz32(n - 1);
}

/** lru_tier_from_refs() of v6.14: refs 0-1 tier 0, 2 tier 1, 3-4 tier 2; PG_workingset the top tier. */
export function lruTierFromRefs(refs: number, workingset: boolean): number {
  return workingset ? MAX_NR_TIERS - 1 : orderBase2(refs);
}

/**
 * lru_tier_from_refs() of 6.1/6.12, order_base_2(refs + 1) of folio_lru_refs()'s N - 1: refs 0
 * tier 0, 1 tier 1, 2-3 tier 2, 4 (the counter full and PG_workingset) tier 3.
 */
export function lruTierFromRefsBefore614(refs: number): number {
  return orderBase2(refs + 1);
}

/** The tier of a folio with folio_lru_refs() `refs` and PG_workingset `ws` under lg's rules. */
export function tierOf(lg: LruGen, refs: number, ws: boolean): number {
  return lg.rules.workingsetRework ? lruTierFromRefs(refs, ws) : lruTierFromRefsBefore614(refs);
}

/**
 * Whether every refs bit and PG_workingset are set: the working set that sort_folio() promotes
 * lazily. v6.14: refs + workingset == BIT(LRU_REFS_WIDTH) + 1; 6.1/6.12: refs == BIT(LRU_REFS_WIDTH).
 */
export function refsFull(lg: LruGen, refs: number, ws: boolean): boolean {
  if (!lg.rules.workingsetRework) return refs === 1 << LRU_REFS_WIDTH;
  return refs + (ws ? 1 : 0) === (1 << LRU_REFS_WIDTH) + 1;
}

/** lru_gen_is_active(): the two youngest generations stand for the active list. */
export function lruGenIsActive(lg: LruGen, lruvec: number, gen: number): boolean {
  const maxSeq = lg.maxSeq[lruvec]!;
  return gen === lruGenFromSeq(maxSeq) || gen === lruGenFromSeq(maxSeq - 1);
}

/**
 * lru_gen_folio_seq(): where a folio joins. v6.14 (lru_gen_distance): active (faulted in, or
 * activated by reclaim) joins the second youngest, the youngest with PG_workingset; a new anon page
 * not in the swap cache the second youngest; anything else the second oldest, the oldest with
 * PG_workingset (clamped to min_seq). Example, max_seq 7 and min_seq 4: a fault joins 6, a
 * page-cache read 4 (7 - 4 + 1 = 4). 6.1/6.12: lruGenFolioSeqBefore614.
 */
export function lruGenFolioSeq(m: MemState, pfn: number, reclaiming: boolean): number {
  const lg = m.lrugen!;
  if (!lg.rules.workingsetRework) return lruGenFolioSeqBefore614(m, pfn, reclaiming);
  const lruvec = folioLruvecOf(m, pfn);
  const fl = m.flags[pfn]!;
  const type = fl & PG.file ? LRU_GEN_FILE : LRU_GEN_ANON;
  const ws = lg.genFlags[pfn]! & PG_WORKINGSET ? 1 : 0;
  let gen: number;
  if (fl & PG.active) gen = MIN_NR_GENS - ws;
  else if (reclaiming) gen = MAX_NR_GENS;
  else if (type === LRU_GEN_ANON && !inSwapCache(m, pfn)) gen = MIN_NR_GENS;
  else gen = MAX_NR_GENS - ws;
  return Math.max(lg.maxSeq[lruvec]! - gen + 1, lg.minSeq[lruvec * 2 + type]!);
}

/**
 * lru_gen_add_folio()'s four cases in 6.1 (6.1.129) and 6.12: hot (PG_active) joins max_seq; anon
 * not in the swap cache max_seq - 1; added by reclaim, or with only MIN_NR_GENS generations, min_seq;
 * anything else min_seq + 1. Example, max_seq 7 and min_seq 4: a fault joins 7, a new anon page
 * 6, a page-cache read 5; with min_seq 5, the read joins 5.
 */
function lruGenFolioSeqBefore614(m: MemState, pfn: number, reclaiming: boolean): number {
  const lg = m.lrugen!;
  const lruvec = folioLruvecOf(m, pfn);
  const fl = m.flags[pfn]!;
  const type = fl & PG.file ? LRU_GEN_FILE : LRU_GEN_ANON;
  const maxSeq = lg.maxSeq[lruvec]!;
  const minSeq = lg.minSeq[lruvec * 2 + type]!;
  if (fl & PG.active) return maxSeq;
  if (type === LRU_GEN_ANON && !inSwapCache(m, pfn)) return maxSeq - 1;
  if (reclaiming || minSeq + MIN_NR_GENS >= maxSeq) return minSeq;
  return minSeq + 1;
}

function inSwapCache(m: MemState, pfn: number): boolean {
  const slots = m.lrugen!.swapSlotOf;
  return slots !== null && slots[m.owner[pfn]!] !== NIL;
}

function linkHead(m: MemState, list: number, pfn: number): void {
  const lg = m.lrugen!;
  const head = lg.head[list]!;
  m.lruPrev[pfn] = NIL;
  m.lruNext[pfn] = head;
  if (head !== NIL) m.lruPrev[head] = pfn;
  else lg.tail[list] = pfn;
  lg.head[list] = pfn;
}

function linkTail(m: MemState, list: number, pfn: number): void {
  const lg = m.lrugen!;
  const tail = lg.tail[list]!;
  m.lruNext[pfn] = NIL;
  m.lruPrev[pfn] = tail;
  if (tail !== NIL) m.lruNext[tail] = pfn;
  else lg.head[list] = pfn;
  lg.tail[list] = pfn;
}

function unlink(m: MemState, pfn: number): void {
  const lg = m.lrugen!;
  const list = listOf(m, pfn);
  const prev = m.lruPrev[pfn]!;
  const next = m.lruNext[pfn]!;
  if (prev !== NIL) m.lruNext[prev] = next;
  else lg.head[list] = next;
  if (next !== NIL) m.lruPrev[next] = prev;
  else lg.tail[list] = prev;
}

/** The list the folio sits on now (it may lag its gen bits after the aging promoted it). */
function listOf(m: MemState, pfn: number): number {
  const gen = (m.lrugen!.genFlags[pfn]! & LIST_MASK) >> LIST_SHIFT;
  return listIndex(folioLruvecOf(m, pfn), gen, folioType(m, pfn));
}

/**
 * Moves a folio on a list to the head (youngest end) or tail of generation `gen`'s list; its gen
 * bits are the caller's (list_move / list_move_tail).
 */
export function listMove(m: MemState, pfn: number, gen: number, toTail: boolean): void {
  const lg = m.lrugen!;
  unlink(m, pfn);
  lg.genFlags[pfn] = (lg.genFlags[pfn]! & ~LIST_MASK) | (gen << LIST_SHIFT);
  const list = listIndex(folioLruvecOf(m, pfn), gen, folioType(m, pfn));
  if (toTail) linkTail(m, list, pfn);
  else linkHead(m, list, pfn);
}

/**
 * Sets a listed folio's gen bits to newGen and moves its pages between the generations' sizes
 * (lru_gen_update_size); the folio stays where it is on the lists.
 */
export function setFolioGen(m: MemState, pfn: number, newGen: number): void {
  const lg = m.lrugen!;
  const lruvec = folioLruvecOf(m, pfn);
  const type = folioType(m, pfn);
  const nr = folioNrPages(m, pfn);
  const fl = lg.genFlags[pfn]!;
  lg.nrPages[listIndex(lruvec, fl & GEN_MASK, type)]! -= nr;
  lg.nrPages[listIndex(lruvec, newGen, type)]! += nr;
  lg.genFlags[pfn] = (fl & ~GEN_MASK) | newGen;
}

/**
 * lru_gen_add_folio(): puts the folio into the generation lru_gen_folio_seq() picks, at the head
 * (at the tail when `reclaiming`). Postcondition: PG_lru set, PG_active clear, gen and list bits set.
 */
export function lruGenAddFolio(m: MemState, pfn: number, reclaiming: boolean): void {
  const lg = m.lrugen!;
  const gen = lruGenFromSeq(lruGenFolioSeq(m, pfn, reclaiming));
  const lruvec = folioLruvecOf(m, pfn);
  const type = folioType(m, pfn);
  m.flags[pfn] = (m.flags[pfn]! & ~PG.active) | PG.lru;
  lg.genFlags[pfn] = (lg.genFlags[pfn]! & ~(GEN_MASK | LIST_MASK)) | gen | (gen << LIST_SHIFT);
  const list = listIndex(lruvec, gen, type);
  lg.nrPages[list]! += folioNrPages(m, pfn);
  if (reclaiming) linkTail(m, list, pfn);
  else linkHead(m, list, pfn);
}

/**
 * lru_gen_del_folio(): takes the folio off its list. Outside reclaim a folio of an active
 * generation keeps PG_active, so that it joins the young generations again after a migration
 * (folio_migrate_flags). Postcondition: PG_lru clear.
 */
export function lruGenDelFolio(m: MemState, pfn: number, reclaiming: boolean): void {
  const lg = m.lrugen!;
  const lruvec = folioLruvecOf(m, pfn);
  const gen = lg.genFlags[pfn]! & GEN_MASK;
  unlink(m, pfn);
  lg.nrPages[listIndex(lruvec, gen, folioType(m, pfn))]! -= folioNrPages(m, pfn);
  const active = !reclaiming && lruGenIsActive(lg, lruvec, gen) ? PG.active : 0;
  m.flags[pfn] = (m.flags[pfn]! & ~PG.lru) | active;
}

/**
 * lru_gen_inc_refs(), folio_mark_accessed() under MGLRU. v6.14: the first access through a file
 * descriptor sets PG_referenced, the next ones count in refs, and past the counter's top
 * PG_workingset. 6.1/6.12 (folio_inc_refs): PG_referenced, then PG_workingset, then refs up to 3.
 */
export function lruGenIncRefs(m: MemState, pfn: number): void {
  const fl = m.flags[pfn]!;
  if (!(fl & PG.lru)) return;
  const lg = m.lrugen!;
  const g = lg.genFlags[pfn]!;
  if (!(fl & PG.referenced)) {
    m.flags[pfn] = fl | PG.referenced;
    if (lg.rules.workingsetRework) lg.genFlags[pfn] = g & ~REFS_MASK;
    return;
  }
  if (!lg.rules.workingsetRework) {
    if (!(g & PG_WORKINGSET)) lg.genFlags[pfn] = g | PG_WORKINGSET;
    else if ((g & REFS_MASK) !== REFS_MASK) lg.genFlags[pfn] = g + (1 << REFS_SHIFT);
    return;
  }
  if ((g & REFS_MASK) === REFS_MASK) lg.genFlags[pfn] = g | PG_WORKINGSET;
  else lg.genFlags[pfn] = g + (1 << REFS_SHIFT);
}

/** Pages of lruvec's generation `seq` of one type. */
export function genPages(lg: LruGen, lruvec: number, seq: number, type: number): number {
  return Math.max(lg.nrPages[listIndex(lruvec, lruGenFromSeq(seq), type)]!, 0);
}

/** The active and inactive list sizes MGLRU keeps for compatibility (NR_ACTIVE_ANON ...). */
export function lruGenListSize(lg: LruGen, lruvec: number, type: number, active: boolean): number {
  let total = 0;
  for (let gen = 0; gen < MAX_NR_GENS; gen++) {
    if (lruGenIsActive(lg, lruvec, gen) === active) total += lg.nrPages[listIndex(lruvec, gen, type)]!;
  }
  return total;
}

/** lruGenListSize summed over the lruvecs of every memcg on node (node_page_state). */
export function lruGenNodeListSize(lg: LruGen, node: number, type: number, active: boolean): number {
  let total = 0;
  for (let lruvec = node; lruvec < lg.nrLruvecs; lruvec += lg.nrNodes)
    total += lruGenListSize(lg, lruvec, type, active);
  return total;
}

/** The tail (oldest folio) of generation gen's list. */
export function genTail(lg: LruGen, lruvec: number, gen: number, type: number): number {
  return lg.tail[listIndex(lruvec, gen, type)]!;
}
