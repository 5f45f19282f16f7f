import { describe, expect, it } from 'vitest';
import { NR_COUNTERS, STAT } from '../../../shared/vmstat.ts';
import { hybridtierWorld, nodeOf } from '../../../../tests/support/engine/hybridtier-world.ts';
import { maybeDemote, scanForColdPages } from './demote.ts';
import { frequency, increase } from './sketch.ts';

describe('HybridTier demotion', () => {
  it('takes cold DRAM pages in address order, queues hot ones without momentum, skips ones with momentum', () => {
    const { w, h } = hybridtierWorld();
    // Filler vpages 0..2 (all in DRAM): hot without momentum, saturated, and with momentum.
    increase(h.lfu, 0, 9);
    increase(h.lfu, 1, 15);
    increase(h.momentum, 2, 2);
    const { cold, fullSweep } = scanForColdPages(w.k, h, 3);
    expect(cold).toEqual([3, 4, 5]);
    expect(fullSweep).toBe(false);
    expect(h.lastScanned).toBe(6);
    expect(h.secondChance).toEqual([0, 1]);
    // A page at 15 is marked down to 14, so that a sample after it shows.
    expect(h.secondChanceOldFreq).toEqual([9, 14]);
    expect(frequency(h.lfu, 1)).toBe(14);
  });

  it('resumes where the last walk stopped and says when it reached the end without enough', () => {
    const { w, h } = hybridtierWorld();
    h.lastScanned = 6;
    expect(scanForColdPages(w.k, h, 2).cold).toEqual([6, 7]);
    let dramPages = 0;
    for (let v = 0; v < w.k.m.pte.length; v++) if (nodeOf(w.k, v) === 0) dramPages++;
    const all = scanForColdPages(w.k, h, 1e9);
    expect(all.fullSweep).toBe(true);
    // Every DRAM page after vpage 8 is cold: nothing was ever sampled.
    expect(all.cold.length).toBe(dramPages - 8);
  });

  it('demotes below 1.25% free DRAM until 5% of it would be free', () => {
    const { w, h } = hybridtierWorld();
    const free = w.k.m.nrFree[0]!;
    expect(free).toBeLessThan(16384 / 80);
    expect(maybeDemote(w.k, h)).toBe('done');
    // 5% of 16,384 pages is 819.2: 819 - free pages go down, the coldest first in address order.
    const want = Math.floor(16384 / 20 - free);
    expect(w.k.stats[0 * NR_COUNTERS + STAT.hybridtier_demoted]).toBe(want);
    expect(nodeOf(w.k, 0)).toBe(1);
    expect(nodeOf(w.k, want - 1)).toBe(1);
    expect(nodeOf(w.k, want)).toBe(0);
  });

  it('demotes a second-chance page not sampled for 60 s and keeps one sampled since', () => {
    const { w, h } = hybridtierWorld();
    h.secondChance.push(0, 1);
    h.secondChanceOldFreq.push(9, 9);
    increase(h.lfu, 0, 9);
    increase(h.lfu, 1, 10); // sampled once since it was queued at 9
    // Filler vpages 0 and 1 stay hot to the cold walk, so only the second chance can move them.
    h.clockNs = 61e9;
    maybeDemote(w.k, h);
    expect(nodeOf(w.k, 0)).toBe(1);
    expect(nodeOf(w.k, 1)).toBe(0);
    // The cold walk that follows queues vpage 1 again: still hot, still without momentum.
    expect(h.secondChance).toEqual([1]);
  });
});
