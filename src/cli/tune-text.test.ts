import { describe, expect, it } from 'vitest';
import { parseKnobRange } from '../shared/tune/knob-range.ts';
import type { TuneArm, TuneReport } from '../shared/tune/report.ts';
import { formatTuneReport, num } from './tune-text.ts';

function arm(index: number, swappiness: number, mean: number): TuneArm {
  const stats = {
    n: 2,
    mean,
    meanKind: 'hmean' as const,
    stddev: 1,
    stderr: 1 / Math.SQRT2,
    ci: [mean - 1.96, mean + 1.96] as const,
    min: mean - 1,
    max: mean + 1,
  };
  return {
    index,
    round: 0,
    name: `s [swappiness=${swappiness}]`,
    settings: { swappiness },
    runIds: [2 * index + 1, 2 * index + 2],
    runSeeds: [1, 2],
    nrFailed: 0,
    stats,
  };
}

const report: TuneReport = {
  tuneId: 1,
  createdAt: 0,
  status: 'done',
  error: null,
  objective: { id: 'throughput', label: 'Throughput', unit: 'refs/s', maximise: true },
  knobs: [parseKnobRange('swappiness=0..200')],
  seeds: [1, 2],
  budget: 6,
  runsPlanned: 6,
  runsDone: 6,
  runsReused: 0,
  shard: null,
  arms: [arm(0, 150, 90), arm(1, 20, 100), arm(2, 80, 95)],
  best: 1,
  runnerUp: 2,
  vsRunnerUp: { meanDiffPercent: -5, cidiff: -1.3, significant: true, effectSize: -5 },
};

describe('formatTuneReport', () => {
  it('leads with the best arm and its confidence, then says whether the runner-up is told apart', () => {
    const text = formatTuneReport(report);
    expect(text).toContain('best: arm 1, s [swappiness=20] (runs 3-4)');
    expect(text).toContain('Hmean 100 refs/s, stddev 1, stderr 0.70711, 95% CI [98.04, 101.96]');
    expect(text).toContain('runner-up: arm 2, s [swappiness=80] (runs 5-6)');
    expect(text).toContain('best distinguishable from the runner-up: yes');
  });

  it('ranks the arms best first and sorts the sensitivity table by the knob value', () => {
    const lines = formatTuneReport(report).split('\n');
    const armRows = lines.filter((l) => /^\s+\d+\s+0\s+\d+\s+2\s/.test(l));
    expect(armRows.map((l) => l.trim().split(/\s+/)[0])).toEqual(['1', '2', '0']);
    const at = lines.indexOf('sensitivity: swappiness (0..200)');
    expect(lines.slice(at + 2, at + 5).map((l) => l.trim().split(/\s+/)[0])).toEqual(['20', '80', '150']);
  });

  it('prints no value as - and large or small numbers in exponent form', () => {
    expect([num(NaN), num(null), num(1234567.8), num(2.5e9), num(0)]).toEqual([
      '-',
      '-',
      '1234600',
      '2.5000e+9',
      '0',
    ]);
  });
});
