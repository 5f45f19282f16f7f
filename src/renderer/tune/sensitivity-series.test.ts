import { describe, expect, it } from 'vitest';
import { parseKnobRange } from '../../shared/tune/knob-range.ts';
import type { TuneArm, TuneReport } from '../../shared/tune/report.ts';
import { sensitivitySeries } from './sensitivity-series.ts';

function arm(index: number, settings: TuneArm['settings'], mean: number, stddev: number | null): TuneArm {
  const stats = {
    n: 3,
    mean,
    meanKind: 'amean' as const,
    stddev,
    stderr: 0,
    ci: [null, null] as const,
    min: 0,
    max: 0,
  };
  return { index, round: 0, name: `a${index}`, settings, runIds: [], runSeeds: [], nrFailed: 0, stats };
}

const ranges = [
  parseKnobRange('hot_threshold_ms=100..10000'),
  parseKnobRange('transparent_hugepage=always,never'),
];
const report = {
  knobs: ranges,
  arms: [
    arm(0, { hot_threshold_ms: 5000, transparent_hugepage: 'never' }, 10, 2),
    arm(1, { hot_threshold_ms: 300, transparent_hugepage: 'always' }, 20, null),
    { ...arm(2, { hot_threshold_ms: 900, transparent_hugepage: 'never' }, 0, 0), stats: null },
  ],
} as unknown as TuneReport;

describe('sensitivitySeries', () => {
  it('puts each arm with statistics at its value, sorted, with mean -/+ stddev as its bar', () => {
    const s = sensitivitySeries(report, ranges[0]!);
    expect(s.points).toEqual([
      // One run's null stddev draws no bar: lo = hi = mean.
      { x: 300, y: 20, lo: 20, hi: 20, arm: 1 },
      { x: 5000, y: 10, lo: 8, hi: 12, arm: 0 },
    ]);
    expect(s).toMatchObject({ categories: null, log: true, bounds: { min: 100, max: 10000 } });
  });

  it('places a listed knob at the index of its value, with the values as the ticks', () => {
    const s = sensitivitySeries(report, ranges[1]!);
    expect(s.points.map((p) => [p.x, p.arm])).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(s).toMatchObject({ categories: ['always', 'never'], bounds: { min: -0.5, max: 1.5 } });
  });
});
