import { describe, expect, it } from 'vitest';
import { groupRuns } from './group-runs.ts';
import { makeRun } from './test-support.ts';

describe('groupRuns', () => {
  it('puts repeats of a scenario together, in the order their first run appears', () => {
    const a1 = makeRun({ name: 'numab', seed: 1 });
    const b1 = makeRun({ name: 'nobalance', seed: 1 });
    const a2 = makeRun({ name: 'numab', seed: 2 });
    const groups = groupRuns([
      { scenarioHash: 'aaaa', result: a1 },
      { scenarioHash: 'bbbb', result: b1 },
      { scenarioHash: 'aaaa', result: a2 },
    ]);
    expect(groups.map((g) => g.label)).toEqual(['numab', 'nobalance']);
    expect(groups[0]?.results).toEqual([a1, a2]);
    expect(groups[1]?.results).toEqual([b1]);
  });

  it('tells apart two scenarios with the same name by their hash', () => {
    const groups = groupRuns([
      { scenarioHash: '0123456789abcdef', result: makeRun({ name: 'hotset' }) },
      { scenarioHash: 'fedcba9876543210', result: makeRun({ name: 'hotset' }) },
    ]);
    expect(groups.map((g) => g.label)).toEqual(['hotset@01234567', 'hotset@fedcba98']);
  });

  it('gives no groups for no runs', () => {
    expect(groupRuns([])).toEqual([]);
  });
});
