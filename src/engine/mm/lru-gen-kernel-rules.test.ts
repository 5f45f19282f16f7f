// MGLRU on 6.12 (and 6.1, which shares these rules) against mainline after the v6.14 rework, each
// case worked by hand from v6.12's mm/swap.c folio_inc_refs, include/linux/mm_inline.h
// lru_gen_add_folio and folio_lru_refs, mm/vmscan.c folio_update_gen, sort_folio, isolate_folio,
// evict_folios and should_run_aging, and mm/workingset.c lru_gen_refault (as v6.1.129 has them too).
import { describe, expect, it } from 'vitest';
import { addPage, genOf, mglruKernel, refsOf } from '../../../tests/support/engine/lru-gen-pages.ts';
import { stat } from '../../../tests/support/engine/kernel-pages.ts';
import { lruGenRules } from '../../shared/scenario/lru-gen-kernels.ts';
import { takeFreeFrame } from './mem-state.ts';
import { PG } from './page-flags.ts';
import { scanControl } from './scan-control.ts';
import { faultAddLru, lruAdd, pageCacheAddLru } from './lru.ts';
import {
  folioLruRefs,
  LRU_GEN_ANON,
  LRU_GEN_FILE,
  lruGenAddFolio,
  lruGenDelFolio,
  lruGenIncRefs,
  PG_WORKINGSET,
  tierOf,
} from './lru-gen.ts';
import { ctrlIndex } from './lru-gen-ctrl.ts';
import { tryToIncMaxSeq } from './lru-gen-aging.ts';
import { evictFolios } from './lru-gen-evict.ts';
import { shouldRunAging } from './lru-gen-reclaim.ts';
import { lruGenEviction } from './lru-gen-workingset.ts';

const ws = (k: ReturnType<typeof mglruKernel>, pfn: number): boolean =>
  (k.m.lrugen!.genFlags[pfn]! & PG_WORKINGSET) !== 0;

describe('which kernel has which MGLRU rules', () => {
  it('gives 6.1 and 6.12 the rules from before the v6.14 rework, and a research preset mainline', () => {
    const before = { workingsetRework: false, agingBySpread: true, refaultByMaxSeq: false };
    // 6.1 is also from before v6.3's memcg LRU and its reclaim loop.
    expect(lruGenRules('6.1')).toEqual({ ...before, memcgLru: false });
    expect(lruGenRules('6.12')).toEqual({ ...before, memcgLru: true });
    expect(lruGenRules(null)).toEqual({
      workingsetRework: true,
      agingBySpread: false,
      refaultByMaxSeq: true,
      memcgLru: true,
    });
  });
});

describe('tiers from accesses through file descriptors (folio_inc_refs, folio_lru_refs)', () => {
  /** refs, tier and PG_workingset after each of six read()s of one page-cache folio. */
  function afterEachAccess(rules: '6.12' | 'mainline') {
    const k = mglruKernel({}, rules);
    const pfn = addPage(k, 0, { flags: PG.file });
    return Array.from({ length: 6 }, () => {
      lruGenIncRefs(k.m, pfn);
      const refs = folioLruRefs(k.m, pfn);
      return [refs, tierOf(k.m.lrugen!, refs, ws(k, pfn)), ws(k, pfn) ? 1 : 0];
    });
  }

  it('sets PG_referenced, then PG_workingset, then counts to 3 on 6.12: tier order_base_2(refs + 1)', () => {
    // N = 1: PG_referenced, refs 0, tier 0; N = 2: PG_workingset, refs 0 + 1; N = 3, 4, 5: the counter
    // 1, 2, 3 plus PG_workingset, tiers ob2(3) = 2, ob2(4) = 2, ob2(5) = 3; N = 6: the counter is full.
    expect(afterEachAccess('6.12')).toEqual([
      [0, 0, 0],
      [1, 1, 1],
      [2, 2, 1],
      [3, 2, 1],
      [4, 3, 1],
      [4, 3, 1],
    ]);
  });

  it('counts refs first and sets PG_workingset last after the v6.14 rework, reaching the same tiers', () => {
    // refs N including PG_referenced up to 4 (tier ob2(N)), then PG_workingset: the top tier.
    expect(afterEachAccess('mainline')).toEqual([
      [1, 0, 0],
      [2, 1, 0],
      [3, 2, 0],
      [4, 2, 0],
      [4, 3, 1],
      [4, 3, 1],
    ]);
  });
});

describe('where a folio joins on 6.12 (lru_gen_add_folio)', () => {
  it('puts a fault in max_seq, new anon in max_seq - 1, page cache in min_seq + 1, and reclaim in min_seq', () => {
    const k = mglruKernel({}, '6.12');
    const lg = k.m.lrugen!;
    lg.maxSeq[0] = 7;
    lg.minSeq[LRU_GEN_ANON] = 4;
    lg.minSeq[LRU_GEN_FILE] = 4;
    const fault = addPage(k, 0, { flags: PG.active });
    const anon = addPage(k, 1);
    const read = addPage(k, 2, { flags: PG.file });
    const rotated = addPage(k, 3, { flags: PG.file });
    lruGenDelFolio(k.m, rotated, true);
    lruGenAddFolio(k.m, rotated, true);
    // seq 7, 6, 5 and 4 are gens 3, 2, 1 and 0.
    expect([fault, anon, read, rotated].map((p) => genOf(lg, p))).toEqual([3, 2, 1, 0]);
    // With only MIN_NR_GENS + 1 of file's generations left (5..7), page cache joins min_seq: 5 + 2 >= 7.
    lg.minSeq[LRU_GEN_FILE] = 5;
    expect(genOf(lg, addPage(k, 4, { flags: PG.file }))).toBe(1);
  });
});

describe('the aging on 6.12 (folio_update_gen)', () => {
  it('promotes a folio on its first young sighting, clearing PG_referenced, refs and PG_workingset', () => {
    const k = mglruKernel({}, '6.12');
    const lg = k.m.lrugen!;
    const once = addPage(k, 0, { flags: PG.young });
    const again = addPage(k, 1, { flags: PG.young | PG.referenced, refs: 2, workingset: true });
    const cold = addPage(k, 2);
    tryToIncMaxSeq(k, 0, 60, scanControl('kswapd', 32));
    // New anon joins max_seq - 1 = 2; the walk ran at max_seq 3 and moved both young folios there.
    expect(lg.maxSeq[0]).toBe(4);
    expect([genOf(lg, once), genOf(lg, again), genOf(lg, cold)]).toEqual([3, 3, 2]);
    expect([once, again].map((p) => k.m.flags[p]! & (PG.referenced | PG.young))).toEqual([0, 0]);
    expect([refsOf(lg, again), ws(k, again)]).toEqual([0, false]);
  });
});

/** Gens 2..4 (max_seq 4): anon folios at v0 and v1 in the oldest, v0 at the tail, both young. */
function oldestYoungPair() {
  const k = mglruKernel({ demotion_enabled: false }, '6.12');
  const lg = k.m.lrugen!;
  lg.maxSeq[0] = 3; // so that new anon joins max_seq - 1 = 2, then seq 2 becomes the oldest of three
  const first = addPage(k, 0, { flags: PG.young });
  const second = addPage(k, 1, { flags: PG.young });
  lg.maxSeq[0] = 4;
  lg.minSeq[LRU_GEN_ANON] = 2;
  lg.minSeq[LRU_GEN_FILE] = 2;
  return { k, lg, first, second };
}

describe('eviction on 6.12 (evict_folios, shrink_folio_list)', () => {
  it('activates a young mapped folio at once, and keeps the neighbour its look-around marked, both to max_seq', () => {
    const { k, lg, first, second } = oldestYoungPair();
    evictFolios(k, 0, 64, 60, scanControl('kswapd', 32));
    // v0 is isolated first: young, so the look-around runs; v1, isolated beside it and young, gets
    // PG_referenced, and so does v0 itself: folio_check_references() sees PG_referenced and a young
    // PTE, FOLIOREF_ACTIVATE. v1 is then kept as "folio_update_gen() tried to promote this page?".
    // evict_folios() marks both PG_active with their flags cleared: max_seq 4, gen 0.
    expect(stat(k, 0, 'pgactivate')).toBe(1);
    expect([genOf(lg, first), genOf(lg, second)]).toEqual([0, 0]);
    expect([first, second].map((p) => k.m.flags[p]! & (PG.referenced | PG.young | PG.active))).toEqual([
      0, 0,
    ]);
    expect([stat(k, 0, 'pgsteal_anon'), stat(k, 0, 'pswpout')]).toEqual([0, 0]);
  });

  it('keeps the same young folio once under mainline, without activating it', () => {
    const k = mglruKernel({ demotion_enabled: false });
    const lg = k.m.lrugen!;
    lg.maxSeq[0] = 3;
    const pfn = addPage(k, 0, { flags: PG.young });
    lg.maxSeq[0] = 4;
    lg.minSeq[LRU_GEN_ANON] = 2;
    lg.minSeq[LRU_GEN_FILE] = 2;
    evictFolios(k, 0, 64, 60, scanControl('kswapd', 32));
    // lru_gen_set_refs() the first time: PG_referenced, FOLIOREF_KEEP, no activation. Isolation
    // emptied seq 2, so min_seq is 3 by then and new anon would rejoin it (4 - 2 + 1): evict_folios()
    // marks it PG_active, clearing PG_referenced, and it joins the second youngest, seq 3 (gen 3).
    expect(stat(k, 0, 'pgactivate')).toBe(0);
    expect(genOf(lg, pfn)).toBe(3);
    expect(k.m.flags[pfn]! & PG.referenced).toBe(0);
  });

  it("moves the lazily promoted working set to the next generation's tail and counts it protected", () => {
    const k = mglruKernel({ demotion_enabled: false }, '6.12');
    const lg = k.m.lrugen!;
    // A page-cache folio with the counter full and PG_workingset: refs 4 == BIT(LRU_REFS_WIDTH),
    // tier order_base_2(5) = 3, so it is protected even at get_tier_idx() 3 (no refault history).
    const full = addPage(k, 0, { flags: PG.file | PG.referenced, refs: 3, workingset: true });
    const cold = addPage(k, 1, { flags: PG.file });
    lg.maxSeq[0] = 4; // file joined min_seq + 1 = 1; make seq 1 the oldest of four
    lg.minSeq[LRU_GEN_ANON] = 1;
    lg.minSeq[LRU_GEN_FILE] = 1;
    // One folio to scan (the tail, `full`), so `cold` keeps seq 1 and file's min_seq with it.
    evictFolios(k, 0, 1, 60, scanControl('kswapd', 32));
    expect([genOf(lg, full), genOf(lg, cold)]).toEqual([2, 1]);
    expect(lg.tail[(0 * 4 + 2) * 2 + LRU_GEN_FILE]).toBe(full);
    expect([refsOf(lg, full), ws(k, full), k.m.flags[full]! & PG.referenced]).toEqual([0, false, 0]);
    expect(lg.protected[ctrlIndex(0, LRU_GEN_FILE, 3)]).toBe(1);
    expect(stat(k, 0, 'pgrefill')).toBe(1);
  });

  it('does not count the same lazy promotion as protected under mainline, and moves it to the head', () => {
    const k = mglruKernel({ demotion_enabled: false });
    const lg = k.m.lrugen!;
    // mainline's full working set: PG_referenced, the counter full (refs 4) and PG_workingset, which
    // joins max_seq - 3 + 1 = seq 1; then `cold` joins max(4 - 4 + 1, min_seq 1) = 1 at the head.
    const full = addPage(k, 0, { flags: PG.file | PG.referenced, refs: 3, workingset: true });
    lg.maxSeq[0] = 4;
    lg.minSeq[LRU_GEN_ANON] = 1;
    lg.minSeq[LRU_GEN_FILE] = 1;
    const cold = addPage(k, 1, { flags: PG.file });
    expect([genOf(lg, full), genOf(lg, cold)]).toEqual([1, 1]);
    evictFolios(k, 0, 1, 60, scanControl('kswapd', 32));
    expect(genOf(lg, full)).toBe(2);
    expect(lg.head[(0 * 4 + 2) * 2 + LRU_GEN_FILE]).toBe(full);
    expect(lg.protected[ctrlIndex(0, LRU_GEN_FILE, 3)]).toBe(0);
  });
});

describe('aging by the spread of pages on 6.12 (should_run_aging)', () => {
  /** MIN_NR_GENS + 1 generations (seqs 1..3): `young` active anon, `mid` anon, `old` file in seq 1. */
  function spread(young: number, mid: number, old: number, rules: '6.12' | 'mainline' = '6.12'): boolean {
    const k = mglruKernel({}, rules);
    const lg = k.m.lrugen!;
    lg.minSeq[LRU_GEN_ANON] = 1;
    lg.minSeq[LRU_GEN_FILE] = 1;
    let v = 0;
    for (let i = 0; i < young; i++) addPage(k, v++, { flags: PG.active });
    for (let i = 0; i < mid; i++) addPage(k, v++);
    for (let i = 0; i < old; i++) {
      const pfn = takeFreeFrame(k.m, 0);
      k.m.flags[pfn] = PG.file;
      k.m.owner[pfn] = v++;
      lruAdd(k.m, pfn); // 6.12: min_seq + 2 >= max_seq, so min_seq 1; mainline: the second oldest, 1
    }
    const out = { value: 0 };
    const age = shouldRunAging(k, 0, 60, out);
    expect(out.value).toBe(young + mid + old);
    return age;
  }

  it('ages only when the youngest holds over half the pages or the oldest-but-one under a quarter', () => {
    // young * 2 > total or old * 4 < total, with old the pages in max_seq - 2 = seq 1.
    expect(spread(3, 3, 3)).toBe(false); // 6 > 9 no, 12 < 9 no
    expect(spread(5, 2, 2)).toBe(true); // 10 > 9
    expect(spread(2, 6, 2)).toBe(true); // 8 < 10
    expect(spread(3, 3, 3, 'mainline')).toBe(true); // v6.14 always ages at MIN_NR_GENS + 1
  });
});

describe('refaults on 6.12 (lru_gen_refault)', () => {
  /** A page-cache folio of vpage 0 with PG_workingset evicted from min_seq 0, its frame freed. */
  function evicted() {
    const k = mglruKernel({}, '6.12');
    const lg = k.m.lrugen!;
    const pfn = addPage(k, 0, { flags: PG.file, workingset: true });
    lruGenEviction(k.m, pfn, 0); // refs 0 + 1: tier 1; the shadow's token 0, workingset bit set
    expect(lg.evicted[ctrlIndex(0, LRU_GEN_FILE, 1)]).toBe(1);
    return { k, lg };
  }

  function backIn(k: ReturnType<typeof mglruKernel>, byFault: boolean): number {
    const pfn = takeFreeFrame(k.m, 0);
    k.m.flags[pfn] = PG.file;
    k.m.owner[pfn] = 0;
    if (byFault) faultAddLru(k.m, pfn);
    else pageCacheAddLru(k.m, pfn);
    return pfn;
  }

  it('counts a refault while min_seq is unchanged, restoring PG_workingset only for a fault', () => {
    const read = evicted();
    const pfn = backIn(read.k, false);
    // refs 0 + 1 = 1, tier 1; refs 1 < BIT(LRU_REFS_WIDTH) - 1 = 3: nothing restored.
    expect(read.lg.refaulted[ctrlIndex(0, LRU_GEN_FILE, 1)]).toBe(1);
    expect(ws(read.k, pfn)).toBe(false);
    const fault = evicted();
    const faulted = backIn(fault.k, true);
    expect([ws(fault.k, faulted), refsOf(fault.lg, faulted)]).toEqual([true, 3]);
  });

  it('ignores a refault once min_seq has moved on, though max_seq is within MAX_NR_GENS', () => {
    const { k, lg } = evicted();
    lg.minSeq[LRU_GEN_FILE] = 1; // max_seq 3: v6.14 would still count it (|3 - 0| < 4)
    backIn(k, false);
    expect(lg.refaulted[ctrlIndex(0, LRU_GEN_FILE, 1)]).toBe(0);
  });
});
