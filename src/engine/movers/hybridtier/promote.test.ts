import { describe, expect, it } from 'vitest';
import { STAT, NR_COUNTERS } from '../../../shared/vmstat.ts';
import { hotPagesOn, hybridtierWorld, nodeOf } from '../../../../tests/support/engine/hybridtier-world.ts';
import { addSample, processBatch } from './promote.ts';
import { frequency, increase } from './sketch.ts';

function sampled(h: Parameters<typeof addSample>[0], v: number, times: number): void {
  for (let i = 0; i < times; i++) addSample(h, v);
}

describe('HybridTier promotion (a batch of samples)', () => {
  it('promotes a slow-tier page sampled up to the hot threshold and leaves one sampled less', () => {
    const { w, h } = hybridtierWorld();
    const [hot, warm] = hotPagesOn(w.k, 1, 2);
    sampled(h, hot!, 5); // frequency 5 = hot threshold 5
    sampled(h, warm!, 2); // frequency 2, momentum 2 < 3
    expect(processBatch(w.k, h)).toBe(1);
    expect(nodeOf(w.k, hot!)).toBe(0);
    expect(nodeOf(w.k, warm!)).toBe(1);
    expect(w.k.stats[1 * NR_COUNTERS + STAT.hybridtier_promoted]).toBe(1);
  });

  it('adds a batch to the frequency counted in earlier batches', () => {
    const { w, h } = hybridtierWorld({ hybridtier_momentum_threshold: 15 });
    const [v] = hotPagesOn(w.k, 1, 1);
    increase(h.lfu, v!, 4); // four samples in earlier batches
    sampled(h, v!, 1);
    expect(processBatch(w.k, h)).toBe(1);
    expect(frequency(h.lfu, v!)).toBe(5);
    expect(nodeOf(w.k, v!)).toBe(0);
  });

  it('promotes on momentum alone, below the hot threshold', () => {
    const { w, h } = hybridtierWorld({ hybridtier_hot_threshold: 15 });
    const [v] = hotPagesOn(w.k, 1, 1);
    sampled(h, v!, 3); // momentum 3 = momentum threshold 3, frequency 3 < 15
    expect(processBatch(w.k, h)).toBe(1);
    expect(nodeOf(w.k, v!)).toBe(0);
  });

  it('does not move a hot page that is already in DRAM, and empties the batch', () => {
    const { w, h } = hybridtierWorld();
    const [v] = hotPagesOn(w.k, 0, 1);
    sampled(h, v!, 6);
    expect(processBatch(w.k, h)).toBe(0);
    expect(h.nrBatchPages).toBe(0);
    expect(h.batchSamples).toBe(0);
    expect(h.batchCounts[v!]).toBe(0);
    expect(w.k.stats[0 * NR_COUNTERS + STAT.pgmigrate_success]).toBe(0);
  });
});
