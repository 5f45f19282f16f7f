import { describe, expect, it } from 'vitest';
import { autoWeightsOf, interleaveWeightsText, setAuto, setWeight } from './interleave-edits.ts';

const node = (id: number, memory: string, extra: object = {}) => ({
  id,
  memory,
  capacity: '1GiB',
  cpus: id === 0 ? 1 : 0,
  ...extra,
});

describe('weighted interleave in the machine editor', () => {
  it('shows the auto weights the nodes as typed would get', () => {
    // DRAM min(15, 12) = 12000 MB/s, CXL min(20, 16) = 16000: 32 * 12000 / 28000 = 13, 32 * 16000 /
    // 28000 = 18; GCD 1.
    expect(autoWeightsOf([node(0, 'dram'), node(1, 'cxl')])).toEqual([13, 18]);
    // A node without HMAT has no recorded bandwidth: weight 1, DRAM takes all 32.
    expect(autoWeightsOf([node(0, 'dram'), node(1, 'cxl', { hmat: false })])).toEqual([32, 1]);
  });

  it('turns auto off when a weight is typed, and back to auto when the last one goes', () => {
    const one = setWeight(undefined, 1, 4);
    expect(one).toEqual({ weights: { '1': 4 } });
    expect(setWeight(one, 1, undefined)).toBeUndefined();
  });

  it('keeps auto off without weights once switched off, and drops the weights when switched on', () => {
    const off = setAuto(false, undefined);
    expect(setWeight(setWeight(off, 0, 2), 0, undefined)).toEqual({ auto: false });
    expect(setAuto(true, { weights: { '0': 2 } })).toBeUndefined();
  });

  it('tells a weighted-interleave mempolicy which weights it gets', () => {
    const nodes = [node(0, 'dram'), node(1, 'cxl')];
    expect(interleaveWeightsText({ nodes })).toBe('node0 13, node1 18 (auto)');
    expect(interleaveWeightsText({ nodes, weightedInterleave: { weights: { '1': 4 } } })).toBe(
      'node0 13, node1 4',
    );
    expect(interleaveWeightsText({ nodes, weightedInterleave: { auto: false } })).toBe('node0 1, node1 1');
  });
});
