import { describe, expect, it } from 'vitest';
import { addPage, genOf, mglruKernel } from '../../../tests/support/engine/lru-gen-pages.ts';
import { stat } from '../../../tests/support/engine/kernel-pages.ts';
import { PTE_NONE, takeFreeFrame } from './mem-state.ts';
import { PG } from './page-flags.ts';
import { scanControl } from './scan-control.ts';
import { LRU_GEN_ANON, LRU_GEN_FILE, PG_WORKINGSET } from './lru-gen.ts';
import { ctrlIndex } from './lru-gen-ctrl.ts';
import { evictFolios } from './lru-gen-evict.ts';
import { lruGenEviction } from './lru-gen-workingset.ts';
import { pageCacheAddLru } from './lru.ts';

describe('MGLRU eviction (evict_folios)', () => {
  it('evicts the oldest generation by tier: tiers above get_tier_idx go one generation up, counted protected', () => {
    const k = mglruKernel({ demotion_enabled: false });
    const lg = k.m.lrugen!;
    // The PID controller's history: file tier 0 refaulted 0 of 1000, tier 1 100 of 201, so
    // get_tier_idx() is 0 (100 * 1064 * 2 > 1 * 201 * 3) and tiers 1-3 are protected.
    lg.evicted[ctrlIndex(0, LRU_GEN_FILE, 0)] = 1000;
    lg.refaulted[ctrlIndex(0, LRU_GEN_FILE, 1)] = 100;
    lg.evicted[ctrlIndex(0, LRU_GEN_FILE, 1)] = 201;
    // Page cache in seq 0, oldest first: refs 0, refs 1 (PG_referenced), refs 2 (tier 1), refs 4 (tier 2).
    const a = addPage(k, 0, { flags: PG.file });
    const b = addPage(k, 1, { flags: PG.file | PG.referenced });
    const c = addPage(k, 2, { flags: PG.file | PG.referenced, refs: 1 });
    const d = addPage(k, 3, { flags: PG.file | PG.referenced, refs: 3 });
    evictFolios(k, 0, 64, 60, scanControl('kswapd', 32));
    expect([k.m.pte[0], k.m.pte[1]]).toEqual([PTE_NONE, PTE_NONE]);
    expect([genOf(lg, c), genOf(lg, d)]).toEqual([1, 1]);
    expect([a, b].map((p) => k.m.flags[p])).toEqual([0, 0]); // freed
    expect(stat(k, 0, 'pgrefill')).toBe(2);
    expect(stat(k, 0, 'pgscan_file')).toBe(2);
    expect(stat(k, 0, 'pgsteal_file')).toBe(2);
    // Isolation emptied file's gen 0, so min_seq[file] moved to 1 before shrink_folio_list ran, folding
    // the tallies into the averages: tier 0 1000 / 2 = 500; tier 1 (201 evicted + 1 protected) / 2 =
    // 101; tier 2 1 / 2 = 0. The two evictions then count in the new generation's tally.
    expect([lg.minSeq[LRU_GEN_ANON], lg.minSeq[LRU_GEN_FILE]]).toEqual([2, 1]);
    expect([0, 1, 2].map((t) => lg.avgTotal[ctrlIndex(0, LRU_GEN_FILE, t)])).toEqual([500, 101, 0]);
    expect(lg.evicted[ctrlIndex(0, LRU_GEN_FILE, 0)]).toBe(2);
  });

  it('activates a young folio already PG_referenced: to max_seq with PG_workingset', () => {
    const k = mglruKernel({ demotion_enabled: false });
    const lg = k.m.lrugen!;
    const pfn = addPage(k, 0, { flags: PG.young | PG.referenced }); // anon in seq 2
    lg.maxSeq[0] = 4;
    lg.minSeq[0] = 2;
    lg.minSeq[1] = 2;
    evictFolios(k, 0, 64, 60, scanControl('kswapd', 32));
    expect(genOf(lg, pfn)).toBe(0); // seq 4
    expect(lg.genFlags[pfn]! & PG_WORKINGSET).toBe(PG_WORKINGSET);
    expect(k.m.flags[pfn]! & PG.referenced).toBe(0);
    expect(stat(k, 0, 'pgactivate')).toBe(1);
  });

  it('keeps a young folio seen once but not in the oldest generation, nor with PG_referenced', () => {
    const k = mglruKernel({ demotion_enabled: false });
    const lg = k.m.lrugen!;
    const pfn = addPage(k, 0, { flags: PG.file | PG.young }); // a mapped page-cache page, young
    evictFolios(k, 0, 64, 60, scanControl('kswapd', 32));
    // FOLIOREF_KEEP sets PG_referenced, but it would rejoin min_seq 0 (3 - 4 + 1), so evict_folios
    // marks it active instead, clearing PG_referenced: seq 2 (3 - 2 + 1).
    expect(genOf(lg, pfn)).toBe(2);
    expect(k.m.flags[pfn]! & (PG.referenced | PG.lru)).toBe(PG.lru);
    expect(stat(k, 0, 'pgsteal_file')).toBe(0);
  });

  it('swaps out cold anon folios, and demotes them when demotion is on, through shrink_folio_list', () => {
    for (const demotion of [false, true]) {
      const k = mglruKernel({ demotion_enabled: demotion });
      const lg = k.m.lrugen!;
      for (let v = 0; v < 3; v++) addPage(k, v);
      lg.maxSeq[0] = 4; // seq 2 becomes the oldest of three
      lg.minSeq[0] = 2;
      lg.minSeq[1] = 2;
      evictFolios(k, 0, 64, 60, scanControl('kswapd', 32));
      expect([stat(k, 0, 'pswpout'), stat(k, 0, 'pgdemote_kswapd'), stat(k, 0, 'pgsteal_anon')]).toEqual(
        demotion ? [0, 3, 3] : [3, 0, 3],
      );
    }
  });

  it('stops when only MIN_NR_GENS generations are left to evict from', () => {
    const k = mglruKernel();
    const lg = k.m.lrugen!;
    addPage(k, 0);
    lg.minSeq[0] = 2;
    lg.minSeq[1] = 2;
    expect(evictFolios(k, 0, 64, 60, scanControl('kswapd', 32))).toBe(0);
    expect(stat(k, 0, 'pgscan_kswapd')).toBe(0);
  });
});

describe('refault feedback (lru_gen_eviction, lru_gen_refault)', () => {
  /** A page-cache folio of vpage 0, evicted from min_seq 0 with PG_workingset, and its frame freed. */
  function evictedWorkingset() {
    const k = mglruKernel();
    const lg = k.m.lrugen!;
    const pfn = addPage(k, 0, { flags: PG.file, workingset: true });
    lruGenEviction(k.m, pfn, 0);
    expect(lg.evicted[ctrlIndex(0, LRU_GEN_FILE, 3)]).toBe(1);
    return { k, lg };
  }

  function readBack(k: ReturnType<typeof mglruKernel>, node: number): number {
    const pfn = takeFreeFrame(k.m, node);
    k.m.flags[pfn] = PG.file;
    k.m.owner[pfn] = 0;
    pageCacheAddLru(k.m, pfn);
    return pfn;
  }

  it('counts a refault within MAX_NR_GENS generations against its tier and restores PG_workingset', () => {
    const { k, lg } = evictedWorkingset();
    const pfn = readBack(k, 0);
    expect(lg.refaulted[ctrlIndex(0, LRU_GEN_FILE, 3)]).toBe(1);
    expect(lg.genFlags[pfn]! & PG_WORKINGSET).toBe(PG_WORKINGSET);
    expect(genOf(lg, pfn)).toBe(1); // page cache with PG_workingset: 3 - 3 + 1
  });

  it('ignores a refault four generations later, or on another node', () => {
    const late = evictedWorkingset();
    late.lg.maxSeq[0] = 4; // |4 - 0| = 4: not recent
    late.lg.minSeq[0] = 1;
    late.lg.minSeq[1] = 1;
    readBack(late.k, 0);
    expect(late.lg.refaulted[ctrlIndex(0, LRU_GEN_FILE, 3)]).toBe(0);
    const elsewhere = evictedWorkingset();
    readBack(elsewhere.k, 1);
    expect(elsewhere.lg.refaulted[ctrlIndex(1, LRU_GEN_FILE, 3)]).toBe(0);
    expect(elsewhere.lg.refaulted[ctrlIndex(0, LRU_GEN_FILE, 3)]).toBe(0);
  });
});
