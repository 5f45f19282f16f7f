import { describe, expect, it } from 'vitest';
import { kernelWithPages, stat } from '../../../tests/support/engine/kernel-pages.ts';
import { buildWorld } from '../sim/setup.ts';
import { twoTierScenario } from '../../../tests/support/engine/scenarios.ts';
import { runKswapd, wakeupKswapd } from './kswapd.ts';
import { putFreeFrame, takeFreeFrame } from './mem-state.ts';
import { PG } from './page-flags.ts';
import { MIGRATE_UNMOVABLE } from './free-area.ts';
import { rmqueue } from './page-alloc.ts';
import { boostWatermark, WMARK_HIGH, WMARK_LOW, wmarkPages } from './watermark.ts';

// twoTierScenario's DRAM: 16384 pages, watermarks min 147, low 183, high 219 (pages).
const HIGH = 219;

describe('boost_watermark', () => {
  it('raises every mark by a pageblock, capped at watermark_boost_factor of high but never under a pageblock', () => {
    const k = kernelWithPages(0, 0);
    expect(k.layout.watermarks[0]!.high).toBe(HIGH);
    // max_boost = max(512, 219 * 15000 / 10000 = 328) = 512.
    expect(boostWatermark(k, 0)).toBe(true);
    expect(k.watermarkBoost[0]).toBe(512);
    expect(boostWatermark(k, 0)).toBe(true);
    expect(k.watermarkBoost[0]).toBe(512);
    expect(wmarkPages(k, 0, WMARK_LOW)).toBe(183 + 512);
    expect(wmarkPages(k, 0, WMARK_HIGH)).toBe(HIGH + 512);
  });

  it('grows by a pageblock a steal up to 1.5x high on a node whose high mark is larger', () => {
    // watermark_scale_factor 1000 makes DRAM's gaps 1638 pages: high = 147 + 2 * 1638 = 3423,
    // so max_boost = 3423 * 1.5 = 5134 (mult_frac rounds down): 512, 1024, ..., 5120, then 5134.
    const k = kernelWithPages(0, 0, { watermark_scale_factor: 1000 });
    expect(k.layout.watermarks[0]!.high).toBe(3423);
    for (let i = 1; i <= 10; i++) boostWatermark(k, 0);
    expect(k.watermarkBoost[0]).toBe(5120);
    boostWatermark(k, 0);
    expect(k.watermarkBoost[0]).toBe(5134);
  });

  it('does nothing with watermark_boost_factor 0', () => {
    const k = kernelWithPages(0, 0, { watermark_boost_factor: 0 });
    expect(boostWatermark(k, 0)).toBe(false);
    expect(k.watermarkBoost[0]).toBe(0);
  });

  it('is what a fragmenting fallback in rmqueue raises, waking kswapd on a balanced node', () => {
    // DRAM full but 300 free pages of one movable block (free 300 > high 219: balanced); a
    // page-table page has no unmovable block to come from, so it steals that one.
    const { k } = buildWorld(twoTierScenario());
    for (let i = 0; i < 16384; i++) takeFreeFrame(k.m, 0);
    for (let pfn = 0; pfn < 300; pfn++) putFreeFrame(k.m, pfn);
    expect(k.kswapd[0]!.awake).toBe(false);
    rmqueue(k, 0, MIGRATE_UNMOVABLE, true);
    expect(k.watermarkBoost[0]).toBe(512);
    expect(k.kswapd[0]!.awake).toBe(true);
    expect(k.kswapd[0]!.nrBoostReclaim).toBe(512);
  });
});

describe('balance_pgdat with a boosted watermark', () => {
  it('wakes on a balanced node only while the watermark is boosted', () => {
    const k = kernelWithPages(0, 0);
    wakeupKswapd(k, 0);
    expect(k.kswapd[0]!.awake).toBe(false);
    k.watermarkBoost[0] = 512;
    wakeupKswapd(k, 0);
    expect(k.kswapd[0]!.awake).toBe(true);
  });

  it('neither swaps nor demotes anon while only the boost is short, and gives up when it frees nothing', () => {
    // 2000 free > high + boost = 731: balanced even with the boost, so only boost reclaim runs,
    // which scans file pages only (may_swap = 0); with anon alone it frees nothing and stops.
    const k = kernelWithPages(16384 - 2000, 0);
    k.watermarkBoost[0] = 512;
    wakeupKswapd(k, 0);
    runKswapd(k, 0, 1e9);
    expect(stat(k, 0, 'pswpout') + stat(k, 0, 'pgdemote_kswapd') + stat(k, 0, 'pgscan_anon')).toBe(0);
    expect(k.kswapd[0]!.awake).toBe(false);
    expect(k.watermarkBoost[0]).toBe(0);
    expect(k.kswapd[0]!.failures).toBe(1);
  });

  it('drops clean page cache past the marks until the boost is reclaimed, then sleeps with the boost spent', () => {
    const k = kernelWithPages(16384 - 2000, PG.file, { demotion_enabled: false });
    k.watermarkBoost[0] = 512;
    wakeupKswapd(k, 0);
    runKswapd(k, 0, 1e9);
    expect(stat(k, 0, 'pgsteal_kswapd')).toBeGreaterThanOrEqual(512);
    expect(stat(k, 0, 'pgsteal_kswapd')).toBeLessThan(512 + 32);
    expect(k.kswapd[0]!.awake).toBe(false);
    expect(k.watermarkBoost[0]).toBe(0);
  });

  it('reclaims as usual, swap included, to high + boost when the node is short of the boosted marks', () => {
    // 100 free < high: plain reclaim (demotion off, so swap) until free > 219 + 512.
    const k = kernelWithPages(16384 - 100, 0, { demotion_enabled: false });
    k.watermarkBoost[0] = 512;
    wakeupKswapd(k, 0);
    runKswapd(k, 0, 1e9);
    expect(stat(k, 0, 'pswpout')).toBeGreaterThan(0);
    expect(k.m.nrFree[0]).toBeGreaterThan(HIGH + 512);
    expect(k.watermarkBoost[0]).toBe(0);
  });

  it('counts kswapd_high_wmark_hit_quickly for every run that ends short of the marks, until it gives up', () => {
    // 100 free < high and nothing on the LRUs: each balance_pgdat runs out of priorities with
    // nothing reclaimed (kswapd_failures++), and kswapd_try_to_sleep() finds the node unbalanced,
    // so it skips the nap and counts a high-wmark hit, 15 times; the 16th failure makes the node
    // hopeless, and prepare_kswapd_sleep() lets it sleep. 16 runs: pageoutrun 16.
    const k = kernelWithPages(0, 0);
    for (let i = 0; i < 16384 - 100; i++) takeFreeFrame(k.m, 0);
    wakeupKswapd(k, 0);
    runKswapd(k, 0, 1e9);
    expect(k.kswapd[0]!.awake).toBe(false);
    expect(k.kswapd[0]!.failures).toBe(16);
    expect(stat(k, 0, 'pageoutrun')).toBe(16);
    expect(stat(k, 0, 'kswapd_high_wmark_hit_quickly')).toBe(15);
  });
});
