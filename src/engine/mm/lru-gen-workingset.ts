// MGLRU's refault feedback (mm/workingset.c lru_gen_eviction, lru_gen_refault, lru_gen_test_recent):
// an evicted folio leaves a shadow entry with its node, the min_seq it was evicted from, its refs and
// PG_workingset; a refault within MAX_NR_GENS generations counts against its tier, the PID
// controller's P term, and brings its refs or PG_workingset back. One Uint32 per vpage.
import { pageToNid, type MemState } from './mem-state.ts';
import { folioNrPages } from './folio.ts';
import { ctrlIndex } from './lru-gen-ctrl.ts';
import {
  folioLruRefs,
  folioLruvecOf,
  folioType,
  folioWorkingset,
  lruTierFromRefs,
  lruTierFromRefsBefore614,
  LRU_REFS_WIDTH,
  MAX_NR_GENS,
  PG_WORKINGSET,
  REFS_MASK,
  REFS_SHIFT,
} from './lru-gen.ts';

// The kernel's shadow also names the memcg; here a vpage's memcg never changes (its workload's), so
// the folio read back is in the memcg it left and only the node needs keeping.
// Shadow layout: bits 0-15 min_seq (EVICTION_MASK's share of it), 16-17 max(refs - 1, 0),
// bit 18 PG_workingset, bits 19-29 the node, bit 30 "an entry is here".
const SEQ_MASK = 0xffff;
const TOKEN_REFS_SHIFT = 16;
const WS_BIT = 1 << 18;
const NODE_SHIFT = 19;
const NODE_MASK = 0x7ff;
const PRESENT = 1 << 30;

/**
 * lru_gen_eviction(): a folio reclaimed from the oldest generation counts as evicted from its tier
 * and leaves its shadow at vpage (__remove_mapping: swap cache or page cache). The shadow's refs
 * are max(refs - 1, 0) and its workingset bit PG_workingset (v6.14), or refs != 0 (6.1/6.12, whose
 * folio_lru_refs() already counts PG_workingset).
 */
export function lruGenEviction(m: MemState, pfn: number, vpage: number): void {
  const lg = m.lrugen!;
  const node = pageToNid(m, pfn);
  const lruvec = folioLruvecOf(m, pfn);
  const type = folioType(m, pfn);
  const refs = folioLruRefs(m, pfn);
  const rework = lg.rules.workingsetRework;
  const ws = rework ? folioWorkingset(m, pfn) : refs !== 0;
  const tier = rework ? lruTierFromRefs(refs, ws) : lruTierFromRefsBefore614(refs);
  const minSeq = lg.minSeq[lruvec * 2 + type]!;
  lg.evicted[ctrlIndex(lruvec, type, tier)]! += folioNrPages(m, pfn);
  lg.shadow[vpage] =
    PRESENT |
    ((node & NODE_MASK) << NODE_SHIFT) |
    (ws ? WS_BIT : 0) |
    (Math.max(refs - 1, 0) << TOKEN_REFS_SHIFT) |
    (minSeq & SEQ_MASK);
}

/**
 * lru_gen_refault(), for the folio pfn just read back into vpage and not yet on a list (inFault:
 * by a fault, lru_gen_in_fault()); the shadow is consumed. v6.14: a shadow from this node is
 * recent while max_seq is within MAX_NR_GENS of the min_seq it left; the refault counts against
 * its tier and the folio gets PG_workingset back, or its refs. 6.1/6.12: lruGenRefaultBefore614.
 */
export function lruGenRefault(m: MemState, pfn: number, vpage: number, inFault: boolean): void {
  const lg = m.lrugen!;
  const shadow = lg.shadow[vpage]!;
  if (!(shadow & PRESENT)) return;
  lg.shadow[vpage] = 0;
  const node = pageToNid(m, pfn);
  if (((shadow >>> NODE_SHIFT) & NODE_MASK) !== node) return;
  if (!lg.rules.refaultByMaxSeq) return lruGenRefaultBefore614(m, pfn, shadow, inFault);
  const lruvec = folioLruvecOf(m, pfn);
  const maxSeq = lg.maxSeq[lruvec]! & SEQ_MASK;
  if (Math.abs(maxSeq - (shadow & SEQ_MASK)) >= MAX_NR_GENS) return;
  const type = folioType(m, pfn);
  const ws = (shadow & WS_BIT) !== 0;
  const refs = ((shadow >>> TOKEN_REFS_SHIFT) & 3) + 1;
  lg.refaulted[ctrlIndex(lruvec, type, lruTierFromRefs(refs, ws))]! += folioNrPages(m, pfn);
  if (ws) lg.genFlags[pfn] = lg.genFlags[pfn]! | PG_WORKINGSET;
  else lg.genFlags[pfn] = (lg.genFlags[pfn]! & ~REFS_MASK) | ((refs - 1) << REFS_SHIFT);
}

/**
 * lru_gen_refault() in 6.1/6.12: the shadow is recent only while its type's min_seq is the one it
 * left; refs are the shadow's plus its workingset bit, tier order_base_2(refs + 1). A refault by a
 * fault, or of a folio with refs >= BIT(LRU_REFS_WIDTH) - 1, comes back with full refs and
 * PG_workingset ("count the following two cases as stalls"); any other keeps neither.
 * Example: evicted from min_seq 5 with refs 2 (token 1, workingset), read back while min_seq is
 * still 5: refs 2, tier 2, refs 2 < 3, so nothing restored for a read(); a fault restores them.
 */
function lruGenRefaultBefore614(m: MemState, pfn: number, shadow: number, inFault: boolean): void {
  const lg = m.lrugen!;
  const lruvec = folioLruvecOf(m, pfn);
  const type = folioType(m, pfn);
  if ((lg.minSeq[lruvec * 2 + type]! & SEQ_MASK) !== (shadow & SEQ_MASK)) return;
  const refs = ((shadow >>> TOKEN_REFS_SHIFT) & 3) + (shadow & WS_BIT ? 1 : 0);
  lg.refaulted[ctrlIndex(lruvec, type, lruTierFromRefsBefore614(refs))]! += folioNrPages(m, pfn);
  if (inFault || refs >= (1 << LRU_REFS_WIDTH) - 1)
    lg.genFlags[pfn] = lg.genFlags[pfn]! | REFS_MASK | PG_WORKINGSET;
}
