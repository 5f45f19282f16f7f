import { describe, expect, it } from 'vitest';
import { bandGrid, bandReferences, heatBands, maxBandReferences, splitEvenly } from './heatmap-bands.ts';
import type { AccessHeatmap, NodeResult } from './result.ts';

const node = (id: number, tier: number) => ({ id, tier }) as NodeResult;

/** Two buckets of 64 pages, two intervals, two nodes (DRAM index 0, PMEM index 1). */
const heatmap: AccessHeatmap = {
  pages: 128,
  bucketPages: 64,
  timesMs: [100, 200],
  references: [
    [1000, 10],
    [400, 0],
  ],
  topTierShare: [
    [0.75, 0],
    [0, null],
  ],
  residentPages: [
    [
      [48, 16],
      [0, 64],
    ],
    [
      [0, 64],
      [0, 0],
    ],
  ],
};

describe('the heatmap split by node', () => {
  it('orders bands by tier, then id, and marks the last band of each tier before the next', () => {
    const bands = heatBands([node(2, 4), node(0, 1), node(3, 1), node(1, 4)]);
    expect(bands.map((b) => b.node.id)).toEqual([0, 3, 1, 2]);
    expect(bands.map((b) => b.index)).toEqual([1, 2, 3, 0]);
    expect(bands.map((b) => b.tierBoundaryAfter)).toEqual([false, true, false, false]);
  });

  it('splits a bucket’s references between nodes by the share of its pages on each', () => {
    expect(bandReferences(heatmap, 0, 0, 0)).toBe(750);
    expect(bandReferences(heatmap, 0, 0, 1)).toBe(250);
    expect(bandReferences(heatmap, 0, 1, 1)).toBe(10);
    // Nothing of bucket 1 on DRAM, and nothing of it anywhere in the second interval.
    expect(bandReferences(heatmap, 0, 1, 0)).toBeNull();
    expect(bandReferences(heatmap, 1, 1, 1)).toBeNull();
    expect(maxBandReferences(heatmap, 2)).toBe(750);
  });

  it('sums blocks over buckets and averages them over intervals, leaving blocks with nothing on the node empty', () => {
    const pmem = bandGrid(heatmap, 1, 1, 1);
    expect(pmem.cells).toEqual([[(250 + 10 + 400) / 2]]);
    expect(pmem.timesMs).toEqual([200]);
    const dram = bandGrid(heatmap, 0, 2, 2);
    expect(dram.cells).toEqual([
      [750, null],
      [null, null],
    ]);
    expect(dram.firstBucket).toEqual([0, 1]);
  });

  it('splits into nearly equal runs, never more than there are items', () => {
    expect(splitEvenly(64, 16)).toEqual([0, 4, 8, 12, 16, 20, 24, 28, 32, 36, 40, 44, 48, 52, 56, 60, 64]);
    expect(splitEvenly(10, 4)).toEqual([0, 3, 5, 8, 10]);
    expect(splitEvenly(3, 8)).toEqual([0, 1, 2, 3]);
  });
});
