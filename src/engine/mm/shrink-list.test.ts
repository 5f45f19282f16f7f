import { describe, expect, it } from 'vitest';
import { kernelWithPages, stat } from '../../../tests/support/engine/kernel-pages.ts';
import { buildWorld } from '../sim/setup.ts';
import { twoTierScenario } from '../../../tests/support/engine/scenarios.ts';
import { lruAdd, lruSize } from './lru.ts';
import { PTE_NONE, PTE_SWAPPED, takeFreeFrame, pageToNid } from './mem-state.ts';
import { LRU_ACTIVE_ANON, LRU_INACTIVE_ANON, LRU_INACTIVE_FILE, PG } from './page-flags.ts';
import { scanControl } from './scan-control.ts';
import { shrinkActiveList, shrinkInactiveList } from './shrink-list.ts';
import { accessedSinceIdle, markIdle } from './page-idle.ts';

describe('shrink_folio_list', () => {
  it('gives a page whose PTE is young one more trip round the inactive list', () => {
    const k = kernelWithPages(4, PG.young, { demotion_enabled: false });
    const reclaimed = shrinkInactiveList(k, 0, 0, 4, LRU_INACTIVE_ANON, scanControl('kswapd', 32));
    expect(reclaimed).toBe(0);
    expect(lruSize(k.m, 0, LRU_INACTIVE_ANON)).toBe(4);
    expect(k.m.flags[k.m.pte[0]! - 1]! & PG.referenced).toBe(PG.referenced);
    expect(stat(k, 0, 'pgscan_kswapd')).toBe(4);
  });

  it('activates a page referenced again after its second chance', () => {
    const k = kernelWithPages(2, PG.young | PG.referenced, { demotion_enabled: false });
    shrinkInactiveList(k, 0, 0, 2, LRU_INACTIVE_ANON, scanControl('kswapd', 32));
    expect(lruSize(k.m, 0, LRU_ACTIVE_ANON)).toBe(2);
    expect(stat(k, 0, 'pgactivate')).toBe(2);
  });

  it('swaps out unreferenced anon pages when demotion is off', () => {
    const k = kernelWithPages(3, 0, { demotion_enabled: false });
    const reclaimed = shrinkInactiveList(k, 0, 0, 3, LRU_INACTIVE_ANON, scanControl('direct', 32));
    expect(reclaimed).toBe(3);
    expect(k.m.pte[0]).toBe(PTE_SWAPPED);
    expect(stat(k, 0, 'pswpout')).toBe(3);
    expect(stat(k, 0, 'pgsteal_direct')).toBe(3);
  });

  it('demotes unreferenced pages to the lower tier instead when demotion is on', () => {
    const k = kernelWithPages(3, 0);
    const reclaimed = shrinkInactiveList(k, 0, 0, 3, LRU_INACTIVE_ANON, scanControl('kswapd', 32));
    expect(reclaimed).toBe(3);
    expect(pageToNid(k.m, k.m.pte[0]! - 1)).toBe(1);
    expect(k.m.flags[k.m.pte[0]! - 1]! & PG.demoted).toBe(PG.demoted);
    expect(stat(k, 0, 'pgdemote_kswapd')).toBe(3);
    expect(stat(k, 0, 'pswpout')).toBe(0);
  });

  it('falls back to swap in the same pass when the demotion target is full', () => {
    const k = kernelWithPages(3, 0);
    while (k.m.nrFree[1]! > 0) takeFreeFrame(k.m, 1);
    const reclaimed = shrinkInactiveList(k, 0, 0, 3, LRU_INACTIVE_ANON, scanControl('kswapd', 32));
    expect(reclaimed).toBe(3);
    expect(stat(k, 0, 'pgmigrate_fail')).toBe(3);
    expect(stat(k, 0, 'pswpout')).toBe(3);
  });

  it('drops clean page cache without I/O', () => {
    const { k } = buildWorld(twoTierScenario());
    const pfn = takeFreeFrame(k.m, 0);
    k.m.flags[pfn] = k.m.flags[pfn]! | PG.file;
    k.m.owner[pfn] = 5;
    k.m.pte[5] = pfn + 1;
    lruAdd(k.m, pfn);
    k.knobs.demotion_enabled = false;
    expect(shrinkInactiveList(k, 0, 0, 1, LRU_INACTIVE_FILE, scanControl('kswapd', 32))).toBe(1);
    expect(k.m.pte[5]).toBe(PTE_NONE);
    expect(stat(k, 0, 'pgpgout')).toBe(0);
  });
});

describe('folio_referenced and idle page tracking', () => {
  it('clears PG_idle when reclaim finds the PTE young, so the tracker still sees the access', () => {
    // markIdle, then a touch (the PTE young again): folio_referenced_one clears the young bit
    // and, because it found it, PG_idle too; page_idle then reads "accessed".
    const k = kernelWithPages(1, 0, { demotion_enabled: false });
    const pfn = k.m.pte[0]! - 1;
    markIdle(k, pfn);
    k.m.flags[pfn] = k.m.flags[pfn]! | PG.young;
    shrinkInactiveList(k, 0, 0, 1, LRU_INACTIVE_ANON, scanControl('kswapd', 32));
    expect(k.m.flags[pfn] & (PG.young | PG.idle)).toBe(0);
    expect(accessedSinceIdle(k, pfn)).toBe(true);
  });

  it('keeps PG_idle when only PG_young holds the reference, which came before the page was marked', () => {
    // Young when marked idle: page_idle moved the reference into PG_young. Reclaim counts it
    // (one more trip) but PG_idle stays: nothing touched the page since it was marked.
    const k = kernelWithPages(1, PG.young, { demotion_enabled: false });
    const pfn = k.m.pte[0]! - 1;
    markIdle(k, pfn);
    expect(shrinkInactiveList(k, 0, 0, 1, LRU_INACTIVE_ANON, scanControl('kswapd', 32))).toBe(0);
    expect(k.m.flags[pfn]! & PG.referenced).toBe(PG.referenced);
    expect(k.m.flags[pfn]! & (PG.youngIdle | PG.idle)).toBe(PG.idle);
    expect(accessedSinceIdle(k, pfn)).toBe(false);
  });

  it('does the same when shrink_active_list ages the page', () => {
    const k = kernelWithPages(2, PG.active, { demotion_enabled: false });
    const [touched, stale] = [k.m.pte[0]! - 1, k.m.pte[1]! - 1];
    k.m.flags[stale] = k.m.flags[stale]! | PG.young;
    markIdle(k, touched);
    markIdle(k, stale);
    k.m.flags[touched] = k.m.flags[touched]! | PG.young;
    shrinkActiveList(k, 0, 0, 2, LRU_ACTIVE_ANON, scanControl('kswapd', 32));
    expect(accessedSinceIdle(k, touched)).toBe(true);
    expect(accessedSinceIdle(k, stale)).toBe(false);
    expect(lruSize(k.m, 0, LRU_INACTIVE_ANON)).toBe(2);
  });
});
