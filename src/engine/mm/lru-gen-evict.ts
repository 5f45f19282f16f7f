// MGLRU's eviction (mm/vmscan.c evict_folios, isolate_folios, scan_folios, sort_folio,
// isolate_folio): from the oldest generation of the type the PID controller picks, folios the aging
// promoted go to their generation, folios of protected tiers (by refs) one generation up, and the
// rest go to shrink_folio_list, where demotion, swap-out and dropping are the classic LRU's.
import { STAT } from '../../shared/vmstat.ts';
import { count, type Kernel } from './kernel.ts';
import { PG } from './page-flags.ts';
import { SCAN_ACTIVE_NS, SCAN_INACTIVE_NS } from './costs.ts';
import { NIL } from './mem-state.ts';
import { memcgCount } from './memcg-protection.ts';
import { MEMCG_STAT } from './memcg-state.ts';
import { folioNrPages } from './folio.ts';
import { reclaimerStats, type ScanControl } from './scan-control.ts';
import { shrinkFolioList } from './shrink-list.ts';
import { warmAccessBits } from './reference-model.ts';
import { ctrlIndex, getTierIdx, getTypeToScan } from './lru-gen-ctrl.ts';
import {
  evictableMinSeq,
  folioIncGen,
  getNrGens,
  maxType,
  minType,
  tryToIncMinSeq,
} from './lru-gen-aging.ts';
import {
  folioLruRefs,
  folioLruvecOf,
  folioType,
  folioWorkingset,
  genTail,
  GEN_MASK,
  LRU_GEN_FILE,
  lruGenDelFolio,
  lruGenFromSeq,
  listMove,
  MAX_LRU_BATCH,
  MIN_LRU_BATCH,
  MIN_NR_GENS,
  PG_WORKINGSET,
  REFS_MASK,
  refsFull,
  tierOf,
} from './lru-gen.ts';

/** Folios isolated for one shrink_folio_list call: a batch stops at MIN_LRU_BATCH pages. */
const isolated = new Uint32Array(MIN_LRU_BATCH);

/**
 * sort_folio(): true if the folio stays (moved within the lists), false if it may be isolated.
 * Promoted folios (gen bits newer than the oldest) go to their generation's head; a folio of a
 * tier above tierIdx, or one whose refs and PG_workingset are full (the working set, promoted
 * lazily), one generation up (v6.14 to its head, not counting the lazy promotion as protected;
 * 6.1/6.12 to its tail, counting it); dirty page cache waits a generation for writeback.
 */
function sortFolio(k: Kernel, pfn: number, tierIdx: number): boolean {
  const m = k.m;
  const lg = m.lrugen!;
  const lruvec = folioLruvecOf(m, pfn);
  const type = folioType(m, pfn);
  const gen = lg.genFlags[pfn]! & GEN_MASK;
  const refs = folioLruRefs(m, pfn);
  const ws = folioWorkingset(m, pfn);
  const tier = tierOf(lg, refs, ws);
  const workingsetFull = refsFull(lg, refs, ws);
  if (gen !== lruGenFromSeq(lg.minSeq[lruvec * 2 + type]!)) {
    listMove(m, pfn, gen, false);
    return true;
  }
  if (tier > tierIdx || workingsetFull) {
    const rework = lg.rules.workingsetRework;
    listMove(m, pfn, folioIncGen(m, pfn), !rework);
    if (!rework || !workingsetFull) lg.protected[ctrlIndex(lruvec, type, tier)]! += folioNrPages(m, pfn);
    return true;
  }
  if (type === LRU_GEN_FILE && m.flags[pfn]! & PG.dirty) {
    listMove(m, pfn, folioIncGen(m, pfn), false);
    return true;
  }
  return false;
}

/**
 * isolate_folio(): off the list for reclaim; refs that PG_referenced does not back are dropped
 * (6.1/6.12: with PG_workingset, and PG_referenced is cleared for shrink_folio_list()).
 */
function isolateFolio(k: Kernel, pfn: number): void {
  const m = k.m;
  const lg = m.lrugen!;
  const referenced = (m.flags[pfn]! & PG.referenced) !== 0;
  if (lg.rules.workingsetRework) {
    if (!referenced) lg.genFlags[pfn] = lg.genFlags[pfn]! & ~REFS_MASK;
  } else {
    if (!referenced) lg.genFlags[pfn] = lg.genFlags[pfn]! & ~(REFS_MASK | PG_WORKINGSET);
    m.flags[pfn] = m.flags[pfn]! & ~PG.referenced;
  }
  lruGenDelFolio(m, pfn, true);
}

/**
 * scan_folios(): sorts or isolates folios from the tail of the oldest generation of `type` into
 * `isolated`, up to min(nrToScan, MAX_LRU_BATCH) folios or MIN_LRU_BATCH isolated pages. Returns
 * the pages scanned (0 if none could be isolated while folios remained) and sets nrIsolated.
 */
function scanFolios(
  k: Kernel,
  lruvec: number,
  nrToScan: number,
  type: number,
  tier: number,
  sc: ScanControl,
): number {
  const m = k.m;
  const lg = m.lrugen!;
  nrIsolated = 0;
  if (getNrGens(lg, lruvec, type) === MIN_NR_GENS) return 0;
  const gen = lruGenFromSeq(lg.minSeq[lruvec * 2 + type]!);
  let remaining = Math.min(nrToScan, MAX_LRU_BATCH);
  let scanned = 0;
  let sorted = 0;
  let isolatedPages = 0;
  for (let pfn = genTail(lg, lruvec, gen, type); pfn !== NIL; pfn = genTail(lg, lruvec, gen, type)) {
    const delta = folioNrPages(m, pfn);
    scanned += delta;
    if (sortFolio(k, pfn, tier)) {
      sorted += delta;
      sc.costNs += SCAN_ACTIVE_NS;
    } else {
      isolateFolio(k, pfn);
      isolated[nrIsolated++] = pfn;
      isolatedPages += delta;
      sc.costNs += SCAN_INACTIVE_NS;
    }
    if (!--remaining || isolatedPages >= MIN_LRU_BATCH) break;
  }
  const node = lruvec % m.nrNodes;
  const stats = reclaimerStats(sc);
  count(k, node, stats.pgscan, isolatedPages);
  count(k, node, STAT.pgrefill, sorted);
  count(k, node, type === LRU_GEN_FILE ? STAT.pgscan_file : STAT.pgscan_anon, isolatedPages);
  const memcg = (lruvec - node) / m.nrNodes;
  memcgCount(k, memcg, stats.memcgPgscan, isolatedPages);
  memcgCount(k, memcg, MEMCG_STAT.pgrefill, sorted);
  sc.nrScanned += isolatedPages;
  return isolatedPages || !remaining ? scanned : 0;
}

let nrIsolated = 0;

/**
 * isolate_folios(): the type get_type_to_scan() picks first, the other if that scans nothing
 * (both only while swappiness lets anon be evicted). Returns pages scanned; sets typeScanned.
 */
function isolateFolios(
  k: Kernel,
  lruvec: number,
  nrToScan: number,
  swappiness: number,
  sc: ScanControl,
): number {
  const lg = k.m.lrugen!;
  let type = getTypeToScan(lg, lruvec, swappiness);
  for (let i = minType(swappiness); i <= maxType(swappiness); i++) {
    typeScanned = type;
    const scanned = scanFolios(k, lruvec, nrToScan, type, getTierIdx(lg, lruvec, type), sc);
    if (scanned) return scanned;
    type = type === LRU_GEN_FILE ? 0 : LRU_GEN_FILE;
  }
  return 0;
}

let typeScanned = 0;

/**
 * evict_folios(): one batch from the oldest generation through shrink_folio_list. Returns pages
 * scanned, 0 when eviction cannot go on (only MIN_NR_GENS generations are left to evict from).
 */
export function evictFolios(
  k: Kernel,
  lruvec: number,
  nrToScan: number,
  swappiness: number,
  sc: ScanControl,
): number {
  const lg = k.m.lrugen!;
  lastEvicted = -1;
  let scanned = isolateFolios(k, lruvec, nrToScan, swappiness, sc);
  if (tryToIncMinSeq(k.m, lruvec, swappiness)) scanned++;
  if (evictableMinSeq(lg, lruvec, swappiness) + MIN_NR_GENS > lg.maxSeq[lruvec]!) scanned = 0;
  if (nrIsolated === 0) return scanned;
  warmAccessBits(k, isolated, nrIsolated); // every isolated folio has its references checked next
  const type = typeScanned;
  const node = lruvec % k.m.nrNodes;
  const reclaimed = shrinkFolioList(k, node, isolated, nrIsolated, sc);
  const stats = reclaimerStats(sc);
  sc.nrReclaimed += reclaimed;
  count(k, node, stats.pgsteal, reclaimed);
  count(k, node, type === LRU_GEN_FILE ? STAT.pgsteal_file : STAT.pgsteal_anon, reclaimed);
  memcgCount(k, (lruvec - node) / k.m.nrNodes, stats.memcgPgsteal, reclaimed);
  lastEvicted = type;
  return scanned;
}

let lastEvicted = -1;

/** The type the last evictFolios() put through shrink_folio_list, -1 if none (6.1's need_swapping). */
export function lastEvictedType(): number {
  return lastEvicted;
}
