import { describe, expect, it } from 'vitest';
import { groupRuns } from './group-runs.ts';
import { makeRun } from '../../../tests/support/main/compare.ts';

describe('groupRuns', () => {
  it('puts repeats of a scenario together, in the order their first run appears', () => {
    const a1 = makeRun({ name: 'numab', seed: 1 });
    const b1 = makeRun({ name: 'nobalance', seed: 1 });
    const a2 = makeRun({ name: 'numab', seed: 2 });
    const groups = groupRuns([
      { runId: 1, scenarioHash: 'aaaa', result: a1 },
      { runId: 2, scenarioHash: 'bbbb', result: b1 },
      { runId: 3, scenarioHash: 'aaaa', result: a2 },
    ]);
    expect(groups.map((g) => g.label)).toEqual(['numab', 'nobalance']);
    expect(groups[0]?.results).toEqual([a1, a2]);
    expect(groups[1]?.results).toEqual([b1]);
  });

  it('tells apart two scenarios with the same name by their hash', () => {
    const groups = groupRuns([
      { runId: 4, scenarioHash: '0123456789abcdef', result: makeRun({ name: 'hotset' }) },
      { runId: 5, scenarioHash: 'fedcba9876543210', result: makeRun({ name: 'hotset' }) },
    ]);
    expect(groups.map((g) => g.label)).toEqual(['hotset@01234567', 'hotset@fedcba98']);
  });

  it('labels the same scenario run on two kernels by kernel, and by hash only if still ambiguous', () => {
    const groups = groupRuns([
      { runId: 1, scenarioHash: 'aaaa1111', result: { ...makeRun({ name: 'hotset' }), kernel: '6.1' } },
      { runId: 2, scenarioHash: 'bbbb2222', result: { ...makeRun({ name: 'hotset' }), kernel: '6.12' } },
      {
        runId: 3,
        scenarioHash: 'aaaa1111',
        result: { ...makeRun({ name: 'hotset', seed: 2 }), kernel: '6.1' },
      },
      { runId: 4, scenarioHash: 'cccc3333', result: { ...makeRun({ name: 'hotset' }), kernel: '6.12' } },
    ]);
    expect(groups.map((g) => g.label)).toEqual([
      'hotset [kernel 6.1]',
      'hotset [kernel 6.12]@bbbb2222',
      'hotset [kernel 6.12]@cccc3333',
    ]);
    expect(groups[0]?.runIds).toEqual([1, 3]);
  });

  it('keeps a run without a scenario identity in a group of its own, with the run ids of each group', () => {
    const groups = groupRuns([
      { runId: 7, scenarioHash: null, result: makeRun({ name: 'imported' }) },
      { runId: 8, scenarioHash: 'aaaa', result: makeRun({ name: 'a' }) },
      { runId: 9, scenarioHash: null, result: makeRun({ name: 'imported' }) },
      { runId: 10, scenarioHash: 'aaaa', result: makeRun({ name: 'a' }) },
    ]);
    expect(groups.map((g) => g.runIds)).toEqual([[7], [8, 10], [9]]);
    expect(groups.map((g) => g.label)).toEqual(['imported@run:7', 'a', 'imported@run:9']);
  });

  it('keeps each partial run out of its scenario group, in a group of its own labelled with its status', () => {
    const groups = groupRuns([
      { runId: 1, scenarioHash: 'aaaa', result: makeRun({ name: 'a' }) },
      { runId: 2, scenarioHash: 'aaaa', result: makeRun({ name: 'a' }), partial: 'cancelled' },
      { runId: 3, scenarioHash: 'aaaa', result: makeRun({ name: 'a' }) },
    ]);
    expect(groups.map((g) => g.runIds)).toEqual([[1, 3], [2]]);
    expect(groups.map((g) => g.label)).toEqual(['a', 'a [cancelled run 2]']);
    expect(groups.map((g) => g.partial)).toEqual([undefined, 'cancelled']);
  });

  it('gives no groups for no runs', () => {
    expect(groupRuns([])).toEqual([]);
  });
});
