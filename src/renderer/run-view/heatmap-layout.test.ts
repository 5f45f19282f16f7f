import { describe, expect, it } from 'vitest';
import type { AccessHeatmap, NodeResult } from '../../shared/result.ts';
import { cellRect, cellUnder, GAP, heatLayout, PAD, PLOT_W } from './heatmap-layout.ts';

const nodes = [
  { id: 0, tier: 1, memory: 'dram', topTier: true },
  { id: 1, tier: 4, memory: 'pmem', topTier: false },
] as NodeResult[];

/** Four buckets of 16 pages, two intervals; bucket 0 half on each node, bucket 3 on none. */
const heatmap: AccessHeatmap = {
  pages: 64,
  bucketPages: 16,
  timesMs: [100, 200],
  references: [
    [800, 10, 0, 0],
    [100, 20, 30, 0],
  ],
  topTierShare: [
    [0.5, 1, 0, null],
    [0.5, 1, 0, null],
  ],
  residentPages: [
    [
      [8, 8],
      [16, 0],
      [0, 16],
      [0, 0],
    ],
    [
      [8, 8],
      [16, 0],
      [0, 16],
      [0, 0],
    ],
  ],
};

describe('the heatmap’s layout', () => {
  it('stacks a band per node with a gap between, the busiest served cell topping the scale', () => {
    const l = heatLayout(heatmap, nodes);
    expect(l.bands.map((b) => b.band?.node.id)).toEqual([0, 1]);
    expect(l.bands[1]!.top).toBe(l.bands[0]!.bottom + GAP);
    expect(l.height).toBe(l.bands[1]!.bottom + PAD.bottom);
    expect(l.max).toBe(400);
    expect(l.value(l.bands[0]!, 0, 0)).toBe(400);
    expect(l.value(l.bands[1]!, 0, 1)).toBeNull();
  });

  it('draws one band of plain references for a result without pages per node', () => {
    const old: AccessHeatmap = { ...heatmap, residentPages: undefined };
    const l = heatLayout(old, nodes);
    expect(l.bands).toHaveLength(1);
    expect(l.bands[0]!.band).toBeNull();
    expect(l.max).toBe(800);
    expect(l.value(l.bands[0]!, 1, 2)).toBe(30);
  });

  it('finds the cell under a point at the zoom shown, and draws its outline where it found it', () => {
    const l = heatLayout(heatmap, nodes);
    const box = l.bands[1]!;
    const xs = { min: 1, max: 2 };
    const ys = { min: 2, max: 4 };
    const at = cellUnder(l, PAD.left + PLOT_W * 0.5, box.top + (box.bottom - box.top) * 0.75, xs, ys)!;
    expect([at.box, at.column, at.bucket]).toEqual([box, 1, 3]);
    expect(cellRect(box, 1, 3, xs, ys)).toEqual({
      x: PAD.left,
      y: box.top + (box.bottom - box.top) / 2,
      w: PLOT_W,
      h: (box.bottom - box.top) / 2,
    });
    expect(cellUnder(l, PAD.left - 1, box.top, xs, ys)).toBeNull();
    expect(cellUnder(l, PAD.left, box.top - 1, xs, ys)).toBeNull();
  });
});
