import { describe, expect, it } from 'vitest';
import { addPage, genOf, mglruKernel, refsOf } from '../../../tests/support/engine/lru-gen-pages.ts';
import { lruDel, lruSize } from './lru.ts';
import { markPageAccessed } from './fault.ts';
import { LRU_ACTIVE_ANON, LRU_INACTIVE_ANON, LRU_INACTIVE_FILE, PG } from './page-flags.ts';
import { genPages, LRU_GEN_ANON, LRU_GEN_FILE, lruTierFromRefs, PG_WORKINGSET } from './lru-gen.ts';
import { incMaxSeq, tryToIncMinSeq } from './lru-gen-aging.ts';
import { ctrlIndex } from './lru-gen-ctrl.ts';

describe('MGLRU generations', () => {
  it('start with four empty generations, max_seq MIN_NR_GENS + 1 and min_seq 0, as lru_gen_init_lruvec sets them', () => {
    const lg = mglruKernel().m.lrugen!;
    expect([lg.maxSeq[0], lg.minSeq[0], lg.minSeq[1]]).toEqual([3, 0, 0]);
  });

  it('put a new anon page in the second youngest generation and page cache in the oldest (lru_gen_folio_seq)', () => {
    const k = mglruKernel();
    const lg = k.m.lrugen!;
    // max_seq 3: anon not in the swap cache -> 3 - MIN_NR_GENS + 1 = 2; active -> 2 (3 with PG_workingset);
    // page cache -> 3 - MAX_NR_GENS + 1 = 0, with PG_workingset 1.
    const anon = addPage(k, 0);
    const active = addPage(k, 1, { flags: PG.active });
    const activeWs = addPage(k, 2, { flags: PG.active, workingset: true });
    const file = addPage(k, 3, { flags: PG.file });
    const fileWs = addPage(k, 4, { flags: PG.file, workingset: true });
    expect([anon, active, activeWs, file, fileWs].map((p) => genOf(lg, p))).toEqual([2, 2, 3, 0, 1]);
    expect(k.m.flags[active]! & PG.active).toBe(0);
    expect(genPages(lg, 0, 2, LRU_GEN_ANON)).toBe(2);
    expect(genPages(lg, 0, 0, LRU_GEN_FILE)).toBe(1);
  });

  it('report the two youngest generations as the active list, the rest as inactive', () => {
    const k = mglruKernel();
    addPage(k, 0);
    addPage(k, 1, { flags: PG.active, workingset: true });
    addPage(k, 2, { flags: PG.file });
    expect(lruSize(k.m, 0, LRU_ACTIVE_ANON)).toBe(2);
    expect(lruSize(k.m, 0, LRU_INACTIVE_ANON)).toBe(0);
    expect(lruSize(k.m, 0, LRU_INACTIVE_FILE)).toBe(1);
  });

  it('keep PG_active on a folio of an active generation taken off outside reclaim, for migration', () => {
    const k = mglruKernel();
    const young = addPage(k, 0);
    const old = addPage(k, 1, { flags: PG.file });
    lruDel(k.m, young);
    lruDel(k.m, old);
    expect(k.m.flags[young]! & (PG.active | PG.lru)).toBe(PG.active);
    expect(k.m.flags[old]! & (PG.active | PG.lru)).toBe(0);
  });

  it('count reads through a file descriptor as PG_referenced, then refs, then PG_workingset (lru_gen_inc_refs)', () => {
    const k = mglruKernel();
    const lg = k.m.lrugen!;
    const pfn = addPage(k, 0, { flags: PG.file });
    const seen: string[] = [];
    for (let i = 0; i < 6; i++) {
      markPageAccessed(k, pfn, 0);
      seen.push(
        `${k.m.flags[pfn]! & PG.referenced ? 'R' : '-'}${refsOf(lg, pfn)}${lg.genFlags[pfn]! & PG_WORKINGSET ? 'W' : '-'}`,
      );
    }
    expect(seen).toEqual(['R0-', 'R1-', 'R2-', 'R3-', 'R3W', 'R3W']);
    expect(genOf(lg, pfn)).toBe(0); // no move: the eviction sorts it by tier
  });

  it('map refs to tiers as lru_tier_from_refs does: 0-1 tier 0, 2 tier 1, 3-4 tier 2, PG_workingset tier 3', () => {
    expect([0, 1, 2, 3, 4].map((r) => lruTierFromRefs(r, false))).toEqual([0, 0, 1, 2, 2]);
    expect(lruTierFromRefs(0, true)).toBe(3);
  });
});

describe('inc_max_seq and inc_min_seq', () => {
  it('fold the oldest generation into the next when four are in use, then make a new one born now', () => {
    const k = mglruKernel();
    const lg = k.m.lrugen!;
    // Three page-cache folios with refs 2 (tier 1) in seq 0, the oldest of four.
    const files = [0, 1, 2].map((v) => addPage(k, v, { flags: PG.file | PG.referenced, refs: 1 }));
    incMaxSeq(k.m, 0, 60, 250);
    expect([lg.maxSeq[0], lg.minSeq[0], lg.minSeq[1]]).toEqual([4, 1, 1]);
    expect(files.map((p) => genOf(lg, p))).toEqual([1, 1, 1]);
    // folio_inc_gen clears PG_referenced and refs.
    expect(files.map((p) => (k.m.flags[p]! & PG.referenced) | refsOf(lg, p))).toEqual([0, 0, 0]);
    // inc_min_seq counts them protected in tier 1, then reset_ctrl_pos folds that into the average:
    // (0 + 3) / 2 = 1 in integer division, and the tally starts again.
    expect(lg.avgTotal[ctrlIndex(0, LRU_GEN_FILE, 1)]).toBe(1);
    expect(lg.protected[ctrlIndex(0, LRU_GEN_FILE, 1)]).toBe(0);
    expect(lg.birthMs[4 % 4]).toBe(250);
  });

  it('let an aging with three generations in use add a fourth without folding', () => {
    const k = mglruKernel();
    const lg = k.m.lrugen!;
    lg.minSeq[0] = 1;
    lg.minSeq[1] = 1;
    incMaxSeq(k.m, 0, 60, 0);
    expect([lg.maxSeq[0], lg.minSeq[0], lg.minSeq[1]]).toEqual([4, 1, 1]);
  });

  it('move min_seq past empty generations but keep anon and file within MIN_NR_GENS of max_seq (try_to_inc_min_seq)', () => {
    const k = mglruKernel();
    const lg = k.m.lrugen!;
    addPage(k, 0); // anon in seq 2
    addPage(k, 1, { flags: PG.file }); // file in seq 0
    lg.maxSeq[0] = 5; // seqs 2..5 hold nothing else
    lg.minSeq[0] = 2;
    lg.minSeq[1] = 2; // file's seq 2 is gen 2, empty: it may move to 3 (3 + 2 <= 5), not to 4
    expect(tryToIncMinSeq(k.m, 0, 60)).toBe(true);
    expect([lg.minSeq[0], lg.minSeq[1]]).toEqual([2, 3]);
  });
});
