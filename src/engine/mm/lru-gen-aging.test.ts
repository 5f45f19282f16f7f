import { describe, expect, it } from 'vitest';
import { addPage, genOf, mglruKernel } from '../../../tests/support/engine/lru-gen-pages.ts';
import { stat } from '../../../tests/support/engine/kernel-pages.ts';
import { PG } from './page-flags.ts';
import { scanControl } from './scan-control.ts';
import { LRU_GEN_ANON, PG_WORKINGSET } from './lru-gen.ts';
import { tryToIncMaxSeq } from './lru-gen-aging.ts';
import { evictFolios } from './lru-gen-evict.ts';
import { PTE_WALK_NS } from './costs.ts';

describe('the aging (try_to_inc_max_seq, walk_mm)', () => {
  it('moves folios young again into max_seq with PG_workingset, and marks folios young once PG_referenced', () => {
    const k = mglruKernel();
    const lg = k.m.lrugen!;
    const again = addPage(k, 0, { flags: PG.young | PG.referenced });
    const once = addPage(k, 1, { flags: PG.young });
    const cold = addPage(k, 2);
    const sc = scanControl('kswapd', 32);
    tryToIncMaxSeq(k, 0, 60, sc);
    // max_seq 3 -> 4; the walk ran at seq 3, so the young folio went to gen 3, now the second youngest.
    expect(lg.maxSeq[0]).toBe(4);
    expect([genOf(lg, again), genOf(lg, once), genOf(lg, cold)]).toEqual([3, 2, 2]);
    expect(lg.genFlags[again]! & PG_WORKINGSET).toBe(PG_WORKINGSET);
    expect(k.m.flags[again]! & (PG.referenced | PG.young)).toBe(0);
    expect(k.m.flags[once]! & (PG.referenced | PG.young)).toBe(PG.referenced);
    // Every PTE of the usemem region (96 MiB = 24576 pages) was walked: the mm is new to the walk.
    expect(sc.costNs).toBe(24576 * PTE_WALK_NS);
  });

  it('walks only PMD tables that had at least one young PTE in eight the last time, once the mm is known', () => {
    const k = mglruKernel();
    const lg = k.m.lrugen!;
    k.resident[0] = 1; // the workload has pages on node 0: on the mm list from now on
    const dense = Array.from({ length: 64 }, (_, v) => addPage(k, v, { flags: PG.young | PG.referenced }));
    const sparse = addPage(k, 512, { flags: PG.young | PG.referenced });
    tryToIncMaxSeq(k, 0, 60, scanControl('kswapd', 32));
    expect([genOf(lg, dense[0]!), genOf(lg, sparse)]).toEqual([3, 3]);
    // 64 young of 512 PTEs in table 0 (64 * 8 >= 512): walked again; 1 of 512 in table 1: skipped.
    k.m.flags[dense[0]!] = k.m.flags[dense[0]!]! | PG.young;
    k.m.flags[sparse] = k.m.flags[sparse]! | PG.young;
    const sc = scanControl('kswapd', 32);
    tryToIncMaxSeq(k, 0, 60, sc);
    expect([genOf(lg, dense[0]!), genOf(lg, sparse)]).toEqual([0, 3]); // seq 4 is gen 0
    expect(k.m.flags[sparse] & PG.young).toBe(PG.young);
    expect(sc.costNs).toBe(512 * PTE_WALK_NS);
  });

  it('skips anonymous memory when swappiness is 0', () => {
    const k = mglruKernel();
    const lg = k.m.lrugen!;
    const pfn = addPage(k, 0, { flags: PG.young | PG.referenced });
    tryToIncMaxSeq(k, 0, 0, scanControl('kswapd', 32));
    expect(genOf(lg, pfn)).toBe(2);
  });
});

/** Gens 2..4 (max_seq 4): an anon folio at v10 in the oldest, v11 in gen 3, both young. */
function lookAroundKernel() {
  const k = mglruKernel({ demotion_enabled: false });
  const lg = k.m.lrugen!;
  const evicted = addPage(k, 10, { flags: PG.young | PG.referenced });
  const neighbour = addPage(k, 11, { flags: PG.active, workingset: true });
  k.m.flags[neighbour] = k.m.flags[neighbour]! | PG.young;
  lg.maxSeq[0] = 4;
  lg.minSeq[LRU_GEN_ANON] = 2;
  lg.minSeq[1] = 2;
  return { k, lg, evicted, neighbour };
}

describe('the look-around (lru_gen_look_around)', () => {
  it('moves a young neighbour of a folio found young in eviction to max_seq, from kswapd', () => {
    const { k, lg, evicted, neighbour } = lookAroundKernel();
    expect([genOf(lg, evicted), genOf(lg, neighbour)]).toEqual([2, 3]);
    evictFolios(k, 0, 64, 60, scanControl('kswapd', 32));
    // The evicted folio was PG_referenced and young: activated, to max_seq (gen 0) with PG_workingset.
    expect([genOf(lg, evicted), genOf(lg, neighbour)]).toEqual([0, 0]);
    expect(k.m.flags[neighbour]! & PG.young).toBe(0);
    expect(stat(k, 0, 'pgactivate')).toBe(1);
  });

  it('activates the young neighbour instead from direct reclaim, which has no walk', () => {
    const { k, lg, neighbour } = lookAroundKernel();
    evictFolios(k, 0, 64, 60, scanControl('direct', 32));
    expect(genOf(lg, neighbour)).toBe(0);
    expect(stat(k, 0, 'pgactivate')).toBe(2);
  });
});
