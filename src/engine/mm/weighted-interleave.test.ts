import { describe, expect, it } from 'vitest';
import { newWeightedInterleave, weightedInterleaveNodes } from './weighted-interleave.ts';

const take = (n: number, nodes: number[], table: number[]) => {
  const s = newWeightedInterleave(nodes, table);
  return Array.from({ length: n }, () => weightedInterleaveNodes(s));
};

describe('weighted interleave node sequence (weighted_interleave_nodes)', () => {
  it('starts on the first node of the mask and gives each node its weight in pages, in turn', () => {
    expect(take(8, [0, 1], [3, 1])).toEqual([0, 0, 0, 1, 0, 0, 0, 1]);
  });

  it('walks the nodes in id order, whatever order they were listed in, skipping those outside the mask', () => {
    // Mask {0, 2} over a three-node table: node 1's weight is never read.
    expect(take(6, [2, 0], [1, 5, 2])).toEqual([0, 2, 2, 0, 2, 2]);
  });

  it('with all weights 1 is plain interleave', () => {
    expect(take(5, [0, 1, 2], [1, 1, 1])).toEqual([0, 1, 2, 0, 1]);
  });
});
