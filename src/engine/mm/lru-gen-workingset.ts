// MGLRU's refault feedback (mm/workingset.c lru_gen_eviction, lru_gen_refault, lru_gen_test_recent):
// an evicted folio leaves a shadow entry with its node, the min_seq it was evicted from, its refs and
// PG_workingset; a refault within MAX_NR_GENS generations counts against its tier, the PID
// controller's P term, and brings its refs or PG_workingset back. One Uint32 per vpage.
import { pageToNid, type MemState } from './mem-state.ts';
import { folioNrPages } from './folio.ts';
import { ctrlIndex } from './lru-gen-ctrl.ts';
import {
  folioLruRefs,
  folioType,
  folioWorkingset,
  lruTierFromRefs,
  MAX_NR_GENS,
  PG_WORKINGSET,
  REFS_MASK,
  REFS_SHIFT,
} from './lru-gen.ts';

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
 * and leaves its shadow at vpage (__remove_mapping: swap cache or page cache).
 */
export function lruGenEviction(m: MemState, pfn: number, vpage: number): void {
  const lg = m.lrugen!;
  const node = pageToNid(m, pfn);
  const type = folioType(m, pfn);
  const refs = folioLruRefs(m, pfn);
  const ws = folioWorkingset(m, pfn);
  const minSeq = lg.minSeq[node * 2 + type]!;
  lg.evicted[ctrlIndex(node, type, lruTierFromRefs(refs, ws))]! += folioNrPages(m, pfn);
  lg.shadow[vpage] =
    PRESENT |
    ((node & NODE_MASK) << NODE_SHIFT) |
    (ws ? WS_BIT : 0) |
    (Math.max(refs - 1, 0) << TOKEN_REFS_SHIFT) |
    (minSeq & SEQ_MASK);
}

/**
 * lru_gen_refault(), for the folio pfn just read back into vpage and not yet on a list: if its shadow
 * is from this node and recent (max_seq within MAX_NR_GENS of the min_seq it left), the refault
 * counts against its tier and it gets PG_workingset back, or its refs. The shadow is consumed.
 */
export function lruGenRefault(m: MemState, pfn: number, vpage: number): void {
  const lg = m.lrugen!;
  const shadow = lg.shadow[vpage]!;
  if (!(shadow & PRESENT)) return;
  lg.shadow[vpage] = 0;
  const node = pageToNid(m, pfn);
  if (((shadow >>> NODE_SHIFT) & NODE_MASK) !== node) return;
  const maxSeq = lg.maxSeq[node]! & SEQ_MASK;
  if (Math.abs(maxSeq - (shadow & SEQ_MASK)) >= MAX_NR_GENS) return;
  const type = folioType(m, pfn);
  const ws = (shadow & WS_BIT) !== 0;
  const refs = ((shadow >>> TOKEN_REFS_SHIFT) & 3) + 1;
  lg.refaulted[ctrlIndex(node, type, lruTierFromRefs(refs, ws))]! += folioNrPages(m, pfn);
  if (ws) lg.genFlags[pfn] = lg.genFlags[pfn]! | PG_WORKINGSET;
  else lg.genFlags[pfn] = (lg.genFlags[pfn]! & ~REFS_MASK) | ((refs - 1) << REFS_SHIFT);
}
