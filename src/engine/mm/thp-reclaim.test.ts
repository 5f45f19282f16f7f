import { describe, expect, it } from 'vitest';
import { stat } from '../../../tests/support/engine/kernel-pages.ts';
import { twoTierScenario } from '../../../tests/support/engine/scenarios.ts';
import { buildWorld } from '../sim/setup.ts';
import { handleFault } from './fault.ts';
import { findWholeFreeBlock, MIGRATE_MOVABLE, nrFreePageblocks, takeFromBlock } from './free-area.ts';
import type { Kernel } from './kernel.ts';
import { lruSize } from './lru.ts';
import { PTE_SWAPPED, pageToNid } from './mem-state.ts';
import { makeAllocPolicy } from './page-alloc.ts';
import { LRU_ACTIVE_ANON, LRU_INACTIVE_ANON, PG } from './page-flags.ts';
import { scanControl } from './scan-control.ts';
import { shrinkInactiveList } from './shrink-list.ts';

// DRAM 64 MiB + PMEM 128 MiB (64 pageblocks), 64 MiB SSD swap; one THP faulted on DRAM at vpage 0.
const HPAGE = 512;

function withThp(knobs: Record<string, unknown>, preset?: string, device?: 'hdd') {
  const s = twoTierScenario({ knobs, workload: { size: '8MiB', thp: true } });
  if (preset) {
    // The RFC presets: migrate in reclaim through zone_reclaim_mode's bit 8, not demotion_enabled.
    s.policy.preset = preset;
    s.policy.knobs.zone_reclaim_mode = 8;
  }
  if (device) s.machine.swap!.device = device;
  const { k } = buildWorld(s);
  const p = makeAllocPolicy(k.m.nrNodes, 0, { mode: 'default', nodes: [], flags: [] });
  const head = handleFault(k, p, 0, true, false, () => false);
  k.m.flags[head] = k.m.flags[head]! & ~PG.young; // not referenced since the fault: reclaim takes it
  return { k, head };
}

function fragment(k: Kernel, n: number): void {
  for (let b = findWholeFreeBlock(k.m.area, n); b >= 0; b = findWholeFreeBlock(k.m.area, n)) {
    takeFromBlock(k.m.area, k.m.lruNext, k.m.nodeStart[n]!, n, b, MIGRATE_MOVABLE);
    k.m.nrFree[n]!--;
  }
}

const nodeOfVpage = (k: Kernel, v: number) => pageToNid(k.m, k.m.pte[v]! - 1);

describe('reclaim of a THP (shrink_folio_list)', () => {
  it('isolates and scans a THP as its 512 pages, and demotes it whole when the target has a free pageblock', () => {
    const { k } = withThp({});
    const reclaimed = shrinkInactiveList(k, 0, 0, 32, LRU_INACTIVE_ANON, scanControl('kswapd', 32));
    expect(reclaimed).toBe(HPAGE);
    expect(stat(k, 0, 'pgscan_kswapd')).toBe(HPAGE);
    expect(stat(k, 0, 'pgsteal_kswapd')).toBe(HPAGE);
    expect(stat(k, 0, 'pgdemote_kswapd')).toBe(HPAGE);
    expect(stat(k, 0, 'pgmigrate_success')).toBe(HPAGE);
    expect(stat(k, 0, 'thp_migration_success')).toBe(1);
    expect(stat(k, 0, 'thp_split_page')).toBe(0);
    const dst = k.m.pte[0]! - 1;
    for (let v = 0; v < HPAGE; v++) expect(k.m.pte[v]).toBe(dst + 1);
    expect(pageToNid(k.m, dst)).toBe(1);
    expect(lruSize(k.m, 1, LRU_INACTIVE_ANON)).toBe(HPAGE);
    expect(k.resident[1]).toBe(HPAGE);
  });

  it('mainline: without a free pageblock on the target, counts the failure and split, then demotes the base pages', () => {
    const { k } = withThp({});
    fragment(k, 1);
    const reclaimed = shrinkInactiveList(k, 0, 0, 32, LRU_INACTIVE_ANON, scanControl('kswapd', 32));
    expect(reclaimed).toBe(HPAGE);
    expect(stat(k, 0, 'thp_migration_fail')).toBe(1);
    expect(stat(k, 0, 'thp_migration_split')).toBe(1);
    expect(stat(k, 0, 'thp_split_page')).toBe(1);
    expect(stat(k, 0, 'pgdemote_kswapd')).toBe(HPAGE);
    expect(stat(k, 0, 'thp_migration_success')).toBe(0);
    for (let v = 0; v < HPAGE; v++) expect(nodeOfVpage(k, v)).toBe(1);
    expect(new Set(Array.from(k.m.pte.subarray(0, HPAGE))).size).toBe(HPAGE);
  });

  it("hansen-2020: splits on -ENOMEM and retries the pages, without migrate_pages()' THP counters", () => {
    const { k } = withThp({ demotion_enabled: false }, 'hansen-2020');
    fragment(k, 1);
    shrinkInactiveList(k, 0, 0, 32, LRU_INACTIVE_ANON, scanControl('kswapd', 32));
    expect(stat(k, 0, 'thp_split_page')).toBe(1);
    expect(stat(k, 0, 'thp_migration_fail') + stat(k, 0, 'thp_migration_split')).toBe(0);
    expect(stat(k, 0, 'pgdemote_kswapd')).toBe(HPAGE);
  });

  it('yang-shi-v3: a failed whole-THP demotion marks the target contended', () => {
    const { k } = withThp({ demotion_enabled: false }, 'yang-shi-v3');
    fragment(k, 1);
    shrinkInactiveList(k, 0, 0, 32, LRU_INACTIVE_ANON, scanControl('kswapd', 32));
    expect(k.demotionContended[1]).toBe(1);
    expect(stat(k, 0, 'thp_split_page')).toBe(1);
  });

  it('swaps a THP out whole into a free swap cluster when demotion is off (thp_swpout)', () => {
    const { k, head } = withThp({ demotion_enabled: false });
    const before = nrFreePageblocks(k.m.area, 0);
    const reclaimed = shrinkInactiveList(k, 0, 0, 32, LRU_INACTIVE_ANON, scanControl('kswapd', 32));
    expect(reclaimed).toBe(HPAGE);
    expect(stat(k, 0, 'thp_swpout')).toBe(1);
    expect(stat(k, 0, 'pswpout')).toBe(HPAGE);
    expect(stat(k, 0, 'thp_split_page')).toBe(0);
    for (let v = 0; v < HPAGE; v++) expect(k.m.pte[v]).toBe(PTE_SWAPPED);
    expect(nrFreePageblocks(k.m.area, 0)).toBe(before + 1);
    expect(k.m.owner[head]).toBe(0xffffffff);
  });

  it('splits a THP to swap its pages one by one on a rotating disk, which has no swap clusters', () => {
    const { k } = withThp({ demotion_enabled: false }, undefined, 'hdd');
    const reclaimed = shrinkInactiveList(k, 0, 0, 32, LRU_INACTIVE_ANON, scanControl('kswapd', 32));
    expect(reclaimed).toBe(HPAGE);
    expect(stat(k, 0, 'thp_swpout_fallback')).toBe(1);
    expect(stat(k, 0, 'thp_split_page')).toBe(1);
    expect(stat(k, 0, 'pswpout')).toBe(HPAGE);
  });

  it('activates a THP whose PMD is young on its second look, counting its 512 pages', () => {
    const { k, head } = withThp({});
    k.m.flags[head] = k.m.flags[head]! | PG.young | PG.referenced;
    shrinkInactiveList(k, 0, 0, 32, LRU_INACTIVE_ANON, scanControl('kswapd', 32));
    expect(lruSize(k.m, 0, LRU_ACTIVE_ANON)).toBe(HPAGE);
    expect(stat(k, 0, 'pgactivate')).toBe(HPAGE);
  });
});
