import { describe, expect, it } from 'vitest';
import type { Kernel } from '../../mm/kernel.ts';
import { lruAdd } from '../../mm/lru.ts';
import { pageToNid, takeFreeFrame } from '../../mm/mem-state.ts';
import { MR, NR_MIGRATE_REASONS } from '../../mm/migrate.ts';
import { buildWorld } from '../../sim/setup.ts';
import { moverScenario } from '../../../../tests/support/engine/mover-scenario.ts';
import { stat } from '../../../../tests/support/engine/kernel-pages.ts';
import { addSample } from './hotness.ts';
import type { Kmigrated } from './kmigrated.ts';
import type { Ksampled } from './memtis.ts';

/** DRAM 64 MiB (16,384 pages) + PMEM 256 MiB; a 128 MiB workload gives vpages 0..32767; never run. */
function memtisKernel(knobs: Record<string, unknown> = {}) {
  const s = moverScenario('memtis', [{ name: 'w', type: 'hotset', size: '128MiB' }], {
    knobs: { htmm_watermark_limits: false, ...knobs },
  });
  const { k } = buildWorld(s);
  const ksampled = k.sampler as Ksampled;
  const threads = k.movers.filter((m): m is Kmigrated => 'state' in m);
  const thread = (node: number) => threads.find((m) => m.state.node === node)!;
  return { k, hot: ksampled.hot, demoter: thread(0), promoter: thread(1) };
}

/** Maps vpages [from, from + n) to frames of `node`, anon on its LRU. */
function mapPages(k: Kernel, node: number, from: number, n: number): void {
  for (let v = from; v < from + n; v++) {
    const pfn = takeFreeFrame(k.m, node);
    k.m.owner[pfn] = v;
    k.m.pte[v] = pfn + 1;
    lruAdd(k.m, pfn);
  }
}

const nodeOf = (k: Kernel, v: number) => pageToNid(k.m, k.m.pte[v]! - 1);
const memtisMoves = (k: Kernel, from: number, to: number) =>
  k.migrated[(MR.memtis * k.m.nrNodes + from) * k.m.nrNodes + to]!;

describe("MEMTIS's kmigrated", () => {
  it('promotes exactly the slow-tier pages at or above the hot threshold, in one pass', () => {
    const { k, hot, promoter } = memtisKernel();
    mapPages(k, 1, 0, 1000);
    for (let v = 0; v < 300; v++) for (let i = 0; i < 2; i++) addSample(hot, v); // bin 10
    for (let v = 300; v < 400; v++) addSample(hot, v); // bin 9: below
    hot.activeThreshold = 10;
    promoter.run(k, 1); // wakes at 0 and does its pass
    expect(stat(k, 1, 'htmm_nr_promoted')).toBe(300);
    expect(memtisMoves(k, 1, 0)).toBe(300);
    for (const v of [0, 150, 299]) expect(nodeOf(k, v)).toBe(0);
    for (const v of [300, 399, 999]) expect(nodeOf(k, v)).toBe(1);
    expect(k.migrated.length).toBe(NR_MIGRATE_REASONS * 4);
  });

  it('promotes no more than the fast node has room for above its promotion watermark', () => {
    const { k, hot, promoter } = memtisKernel();
    mapPages(k, 1, 0, 1000);
    for (let v = 0; v < 1000; v++) addSample(hot, v);
    hot.activeThreshold = 9;
    // Leave 3% of node 0 (491 pages, limits off) plus 120 free: room for 120.
    const managed = k.m.managedPages[0]!;
    const wmark = Math.floor((managed * 3) / 100);
    mapPages(k, 0, 2000, k.m.nrFree[0]! - wmark - 120);
    promoter.run(k, 1);
    expect(stat(k, 1, 'htmm_nr_promoted')).toBe(120);
  });

  it('sleeps its period between passes', () => {
    const { k, hot, promoter } = memtisKernel({ htmm_promotion_period_in_ms: 200 });
    mapPages(k, 1, 0, 10);
    promoter.run(k, 1);
    for (let v = 0; v < 10; v++) addSample(hot, v);
    promoter.run(k, 199e6); // the next pass is at about 200 ms
    expect(stat(k, 1, 'htmm_nr_promoted')).toBe(0);
    promoter.run(k, 201e6);
    expect(stat(k, 1, 'htmm_nr_promoted')).toBe(10);
  });

  it("demotes cold fast-tier pages to make room for the slow tier's hot ones, sparing warm pages", () => {
    const { k, hot, demoter } = memtisKernel();
    const managed = k.m.managedPages[0]!;
    const wmark = Math.floor((managed * 3) / 100); // 491
    // Node 0 full but for 100 frames: cold pages, then 2,000 warm ones (bin 9) at vpages 10000...
    const free = 100;
    mapPages(k, 0, 10_000, k.m.nrFree[0]! - free);
    for (let v = 10_000; v < 12_000; v++) addSample(hot, v);
    // 50 hot pages wait on node 1.
    mapPages(k, 1, 0, 50);
    for (let v = 0; v < 50; v++) for (let i = 0; i < 2; i++) addSample(hot, v);
    hot.activeThreshold = 10;
    hot.warmThreshold = 9;
    const used = managed - free;
    // need_toptier_demotion: nr_exceeded = used + 50 + wmark - managed.
    const expected = used + 50 + wmark - managed;
    demoter.run(k, 100e6); // its pass takes CPU time: well within its 500 ms period
    expect(demoter.state.clockNs).toBeGreaterThan(500e6); // asleep till the next period
    expect(stat(k, 0, 'htmm_nr_demoted')).toBe(expected);
    for (let v = 10_000; v < 12_000; v++) expect(nodeOf(k, v)).toBe(0);
    expect(memtisMoves(k, 0, 1)).toBe(expected);
  });

  it('does nothing while the fast node keeps its demotion watermark free and nothing hot waits', () => {
    const { k, demoter } = memtisKernel();
    const managed = k.m.managedPages[0]!;
    const minWmark = Math.floor((managed * 2) / 100); // 327
    mapPages(k, 0, 10_000, k.m.nrFree[0]! - minWmark);
    demoter.run(k, 100e6);
    expect(stat(k, 0, 'htmm_nr_demoted')).toBe(0);
    mapPages(k, 0, 30_000, 1);
    demoter.run(k, 600e6); // its next pass, at 500 ms: one page over the watermark
    // nr_exceeded = used + 0 + 3% - managed = (managed - 326) + 491 - managed = 165: any 165 of them.
    expect(stat(k, 0, 'htmm_nr_demoted')).toBe(Math.floor((managed * 3) / 100) - minWmark + 1);
  });
});
