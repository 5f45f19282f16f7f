// A knob's sensitivity as the Tune panel's chart draws it: one point per arm at the knob's value
// (a listed knob's values at 0, 1, 2, ... with their names as ticks), its mean -/+ stddev as a bar.
import type { KnobRange } from '../../shared/tune/knob-range.ts';
import type { TuneReport } from '../../shared/tune/report.ts';
import { sensitivityOf } from '../../shared/tune/sensitivity.ts';
import type { XRange } from '../charts/zoom-range.ts';

export interface SpreadPoint {
  x: number;
  y: number;
  /** mean - stddev and mean + stddev; the mean itself for one run (no spread). */
  lo: number;
  hi: number;
  arm: number;
}

export interface SensitivitySeries {
  points: SpreadPoint[];
  /** A listed knob's values in order, named at x = 0, 1, ...; null for a range. */
  categories: string[] | null;
  log: boolean;
  /** The whole x axis: the range searched, or half a step beyond the first and last value. */
  bounds: XRange;
}

export function sensitivitySeries(report: TuneReport, range: KnobRange): SensitivitySeries {
  const points = sensitivityOf(report, range).map((p) => {
    const spread = p.stddev ?? 0;
    const x = range.kind === 'list' ? range.values.indexOf(p.value) : (p.value as number);
    return { x, y: p.mean, lo: p.mean - spread, hi: p.mean + spread, arm: p.arm };
  });
  if (range.kind === 'list')
    return {
      points,
      categories: range.values.map(String),
      log: false,
      bounds: { min: -0.5, max: range.values.length - 0.5 },
    };
  return { points, categories: null, log: range.log, bounds: { min: range.min, max: range.max } };
}
