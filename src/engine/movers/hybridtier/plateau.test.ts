import { describe, expect, it } from 'vitest';
import { NR_COUNTERS, STAT } from '../../../shared/vmstat.ts';
import { hybridtierWorld } from '../../../../tests/support/engine/hybridtier-world.ts';
import { checkPlateau, enterMonitor, runMonitor, slope } from './plateau.ts';
import { frequency, increase } from './sketch.ts';
import { Mode, type HybridTier } from './state.ts';
import type { World } from '../../sim/setup.ts';

/** The batch count just before a plateau check past the first 500 batches (539 % 20 = 19). */
const BEFORE_CHECK = 538;

describe('HybridTier hot threshold and monitor mode', () => {
  it('fits the slope of five hit ratios as the runtime does', () => {
    // (5 * 8.41 - 10 * 4.33) / (5 * 30 - 100) = -0.025
    expect(slope([0.9, 0.9, 0.88, 0.85, 0.8])).toBeCloseTo(-0.025, 12);
    expect(slope([0.5, 0.5, 0.5, 0.5, 0.5])).toBeCloseTo(0, 12);
  });

  it('lowers the hot threshold a step at a plateau while hot pages fill under 80% of DRAM', () => {
    const { w, h } = hybridtierWorld();
    h.batches = BEFORE_CHECK;
    h.promotedHistory = 0;
    expect(checkPlateau(w.k, h)).toBe(false);
    expect(h.hotThreshold).toBe(4);
    expect(w.k.stats[0 * NR_COUNTERS + STAT.hybridtier_hot_threshold]).toBe(4);
  });

  it('checks for a plateau only every 20 batches and only after the first 500', () => {
    const { w, h } = hybridtierWorld();
    h.batches = 18; // the 19th batch: a check, but before 500
    checkPlateau(w.k, h);
    h.batches = BEFORE_CHECK - 1; // not a check
    checkPlateau(w.k, h);
    expect(h.hotThreshold).toBe(5);
  });

  it('goes to monitor mode at a plateau when the threshold is at 3 or DRAM is full of hot pages', () => {
    const atThree = hybridtierWorld({ hybridtier_hot_threshold: 3 });
    atThree.h.batches = BEFORE_CHECK;
    expect(checkPlateau(atThree.w.k, atThree.h)).toBe(true);
    expect(atThree.h.mode).toBe(Mode.Monitor);
    const full = hybridtierWorld();
    full.h.batches = BEFORE_CHECK;
    full.h.lfu.dist[5] = Math.ceil(0.8 * 16384); // hot pages fill 80% of DRAM
    expect(checkPlateau(full.w.k, full.h)).toBe(true);
    expect(full.w.k.stats[0 * NR_COUNTERS + STAT.hybridtier_monitor_entries]).toBe(1);
  });

  it('leaves monitor mode when the DRAM hit ratio falls over five perf-stat intervals, aging the sketches', () => {
    const { w, h } = hybridtierWorld({ hybridtier_hot_threshold: 6 });
    h.hotThreshold = 4;
    increase(h.lfu, 7, 12);
    enterMonitor(w.k, h);
    // The 120 s sleep, then one 60 s interval a call: the first five only fill the window.
    feed(w, h, [0.95, 0.9, 0.9, 0.88, 0.85]);
    expect(h.mode).toBe(Mode.Monitor);
    feed(w, h, [0.8]); // window 0.9, 0.9, 0.88, 0.85, 0.8: slope -0.025
    expect(h.mode).toBe(Mode.Sampling);
    expect(frequency(h.lfu, 7)).toBe(6);
    expect(h.hotThreshold).toBe(6);
  });

  it('stays in monitor mode while the hit ratio holds', () => {
    const { w, h } = hybridtierWorld();
    enterMonitor(w.k, h);
    feed(w, h, [0.9, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9]);
    expect(h.mode).toBe(Mode.Monitor);
  });
});

/**
 * For each ratio, the tasks make 1000 references in the next perf-stat interval, that share of
 * them served by DRAM (node 0), and the runtime is run to the interval's end.
 */
function feed(w: World, h: HybridTier, ratios: number[]): void {
  if (h.clockNs < h.monitorWakeNs) runMonitor(w.k, h, h.monitorWakeNs);
  for (const r of ratios) {
    const t = w.tasks[1]!;
    t.hitsByNode[0]! += 1000 * r;
    t.hitsByNode[1]! += 1000 * (1 - r);
    runMonitor(w.k, h, h.nextPerfStatNs);
  }
}
