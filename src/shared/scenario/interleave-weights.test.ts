import { describe, expect, it } from 'vitest';
import { reduceInterleaveWeights } from './interleave-weights.ts';
import { editedExample, errorsOf, resolves, type Edit } from '../../../tests/support/shared/scenario.ts';

describe('auto weights (reduce_interleave_weights)', () => {
  it('scale each node share of the bandwidth to [1, 32] by integer division', () => {
    // 32 * 100000 / 130000 = 24.6 -> 24; 32 * 30000 / 130000 = 7.4 -> 7; GCD 1.
    expect(reduceInterleaveWeights([100000, 30000])).toEqual([24, 7]);
  });

  it("reduce by the weights' GCD: 1:2 rather than 16:32", () => {
    // 32 * 20000 / 40000 = 16 each: 1:1. 10000 and 30000: 8 and 24, GCD 8: 1:3.
    expect(reduceInterleaveWeights([20000, 20000])).toEqual([1, 1]);
    expect(reduceInterleaveWeights([10000, 30000])).toEqual([1, 3]);
  });

  it('give 1 to a node without bandwidth or with too little for 1', () => {
    // 32 * 100 = 3200 is below the 100100 sum: 1; 32 * 100000 / 100100 = 31.97 -> 31.
    expect(reduceInterleaveWeights([100, 100000])).toEqual([1, 31]);
    expect(reduceInterleaveWeights([0, 50000])).toEqual([1, 32]);
  });
});

/** damon-tiering runs v6.16, which has weighted_interleave/auto; the example's linux runs 6.12. */
const ON_6_16: Edit = [['policy'], { preset: 'damon-tiering' }];

describe('a machine weight table', () => {
  it('is every weight 1 on 6.12, which has no weighted_interleave/auto (v6.16)', () => {
    const m = resolves(editedExample()).machine;
    expect(m.interleaveAuto).toBe(true); // the kernel's own default table
    expect(m.interleaveWeights).toEqual([1, 1]);
    const written = resolves(editedExample([['machine', 'weightedInterleave'], { weights: { '1': 4 } }]));
    expect(written.machine.interleaveWeights).toEqual([1, 4]);
    expect(written.machine.interleaveAuto).toBe(false);
  });

  it('refuses auto on 6.12, naming the release that brought it', () => {
    const errors = errorsOf(editedExample([['machine', 'weightedInterleave'], { auto: true }]));
    expect(errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'machine.weightedInterleave.auto: kernel 6.12 has no weighted_interleave/auto (it came in v6.16): its weights start at 1; give nodeN weights, or leave auto out',
    ]);
  });

  it('is derived from min(read, write) bandwidth of the nodes HMAT reports, by default on 6.16', () => {
    // The example: DRAM min(15, 12) = 12000 MB/s, PMEM min(6.6, 2.3) = 2300 MB/s; sum 14300:
    // 32 * 12000 / 14300 = 26.9 -> 26, 32 * 2300 / 14300 = 5.1 -> 5.
    const m = resolves(editedExample(ON_6_16)).machine;
    expect(m.interleaveAuto).toBe(true);
    expect(m.interleaveWeights).toEqual([26, 5]);
  });

  it('gives a node without HMAT weight 1, as its bandwidth is never recorded', () => {
    const m = resolves(editedExample(ON_6_16, [['machine', 'nodes', 1, 'hmat'], false])).machine;
    // DRAM alone has bandwidth: 32 * 12000 / 12000 = 32, PMEM 1.
    expect(m.interleaveWeights).toEqual([32, 1]);
  });

  it("writes the file's weights over the derived ones and turns auto off, as writing nodeN does", () => {
    // node_store() copies the table (DRAM's derived 26) and sets node 1's weight.
    const m = resolves(
      editedExample(ON_6_16, [['machine', 'weightedInterleave'], { weights: { '1': 4 } }]),
    ).machine;
    expect(m.interleaveAuto).toBe(false);
    expect(m.interleaveWeights).toEqual([26, 4]);
  });

  it('with auto off and no weights is 1 everywhere (the 6.9-6.15 default)', () => {
    const m = resolves(editedExample(ON_6_16, [['machine', 'weightedInterleave'], { auto: false }])).machine;
    expect(m.interleaveWeights).toEqual([1, 1]);
  });

  it.each([
    [
      'a weight for a node not in the machine',
      { weights: { '2': 3 } },
      'machine.weightedInterleave.weights["2"]: node 2 does not exist; the machine has nodes 0-1',
    ],
    [
      'a weight of 0',
      { weights: { '0': 0 } },
      'machine.weightedInterleave.weights["0"]: must be at least 1: sysfs refuses a weight of 0 (EINVAL) (got 0)',
    ],
    [
      'auto on with weights',
      { auto: true, weights: { '0': 2 } },
      'machine.weightedInterleave.auto: must be false (or left out) with weights: writing a nodeN weight turns weighted_interleave/auto off',
    ],
  ])('refuses %s', (_what, wi, message) => {
    const errors = errorsOf(editedExample(ON_6_16, [['machine', 'weightedInterleave'], wi]));
    expect(errors.map((e) => `${e.path}: ${e.message}`)).toEqual([message]);
  });
});
