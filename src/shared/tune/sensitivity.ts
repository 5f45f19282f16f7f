// Sensitivity: the objective against one knob's value, an arm a point with its spread, as the CLI's
// table and the Tune panel's chart show it.
import type { KnobRange, KnobValue } from './knob-range.ts';
import type { TuneReport } from './report.ts';

export interface SensitivityPoint {
  value: KnobValue;
  arm: number;
  mean: number;
  /** null with one run. */
  stddev: number | null;
  min: number;
  max: number;
  n: number;
}

function order(range: KnobRange, v: KnobValue): number {
  return range.kind === 'list' ? range.values.indexOf(v) : (v as number);
}

/**
 * The arms with statistics, sorted by the knob's value (a listed knob in its list's order), ties by
 * arm index. Arms differ in the other knobs too: the spread at one value shows how much they matter.
 */
export function sensitivityOf(report: TuneReport, range: KnobRange): SensitivityPoint[] {
  const points: SensitivityPoint[] = [];
  for (const arm of report.arms) {
    const value = arm.settings[range.knob];
    if (!arm.stats || value === undefined) continue;
    const { mean, stddev, min, max, n } = arm.stats;
    points.push({ value, arm: arm.index, mean, stddev, min, max, n });
  }
  return points.sort((a, b) => order(range, a.value) - order(range, b.value) || a.arm - b.arm);
}
