// Compares groups of runs metric by metric against a baseline group, as compare-mmtests does: each
// cell holds a group's summary and, outside the baseline, its % difference and significance mark.
import type { RunResult } from '../../shared/result.ts';
import type { VsBaseline } from '../../shared/api/types.ts';
import { cidiff, isSignificant, pdiff, pndiff } from './diff.ts';
import { DEFAULT_METRICS, resolveMetric, type Metric, type MetricOptions } from './metrics.ts';
import { meanKindFor, summarise, type GroupSummary, type MeanKind } from './summary.ts';

export interface RunGroup {
  label: string;
  results: readonly RunResult[];
}

export interface CompareOptions extends MetricOptions {
  /** Index of the baseline group; 0 unless told. */
  baseline?: number;
  /** Metric ids (see resolveMetric); DEFAULT_METRICS unless told. */
  metrics?: readonly string[];
}

export type { VsBaseline };

export interface ComparisonCell extends GroupSummary {
  /** Absent in the baseline's own cell. */
  vsBaseline?: VsBaseline;
}

export interface ComparisonRow {
  metric: Omit<Metric, 'extract'>;
  meanKind: MeanKind;
  /** One per group, in the groups' order. */
  cells: ComparisonCell[];
}

export interface ComparisonTable {
  groups: string[];
  baseline: number;
  rows: ComparisonRow[];
}

export type PercentDiff = (value: number, base: number) => number;

/**
 * Stat.pm stat_compare and Summarise.pm getStatCompareFunc: spread (stddev, coeffvar) is always
 * better lower (pndiff); min, mean and max follow the metric's direction.
 */
/** Cohen's d with the pooled sample stddev; `sign` is +1 when higher is better, -1 otherwise. */
function effectSize(cell: GroupSummary, base: GroupSummary, sign: 1 | -1): number {
  const dof = cell.n + base.n - 2;
  if (cell.n < 2 || base.n < 2) return NaN;
  const pooled = Math.sqrt(((cell.n - 1) * cell.stddev ** 2 + (base.n - 1) * base.stddev ** 2) / dof);
  return pooled > 0 ? (sign * (cell.mean - base.mean)) / pooled : NaN;
}

export function vsBaseline(
  cell: GroupSummary,
  base: GroupSummary,
  diff: PercentDiff,
  sign: 1 | -1,
): VsBaseline {
  const bothHaveIntervals = !cell.ci.some(Number.isNaN) && !base.ci.some(Number.isNaN);
  const ratio = bothHaveIntervals ? cidiff(cell.mean, cell.ci, base.mean, base.ci) : NaN;
  return {
    min: diff(cell.min, base.min),
    mean: diff(cell.mean, base.mean),
    stddev: pndiff(cell.stddev, base.stddev),
    coeffvar: pndiff(cell.coeffvar, base.coeffvar),
    max: diff(cell.max, base.max),
    cidiff: ratio,
    significant: bothHaveIntervals && isSignificant(ratio),
    effectSize: effectSize(cell, base, sign),
  };
}

function compareMetric(metric: Metric, groups: readonly RunGroup[], baseline: number): ComparisonRow {
  const meanKind = meanKindFor(metric.higherIsBetter);
  const summaries = groups.map((g) => summarise(g.results.map(metric.extract), meanKind));
  const base = summaries[baseline]!;
  const diff = metric.higherIsBetter ? pdiff : pndiff;
  return {
    metric: {
      id: metric.id,
      label: metric.label,
      unit: metric.unit,
      higherIsBetter: metric.higherIsBetter,
      ...(metric.activity ? { activity: true } : {}),
    },
    meanKind,
    cells: summaries.map((s, i) =>
      i === baseline ? s : { ...s, vsBaseline: vsBaseline(s, base, diff, metric.higherIsBetter ? 1 : -1) },
    ),
  };
}

/**
 * Builds the comparison table: one row per metric (in the order asked), one cell per group (in the
 * groups' order). Throws on an unknown metric id or a baseline index outside the groups.
 */
export function compareRuns(groups: readonly RunGroup[], opts: CompareOptions = {}): ComparisonTable {
  const baseline = opts.baseline ?? 0;
  if (!Number.isInteger(baseline) || baseline < 0 || baseline >= groups.length) {
    throw new RangeError(`baseline group ${baseline} does not exist (there are ${groups.length} groups)`);
  }
  const metrics = (opts.metrics ?? DEFAULT_METRICS).map((id) => {
    const metric = resolveMetric(id, opts);
    if (!metric) {
      throw new Error(
        `unknown metric "${id}": use one of ${DEFAULT_METRICS.join(', ')}, ` +
          'vmstat:<counter>, migrated-mibps:<reason>, task:<name>:throughput or task:<name>:hit-ratio',
      );
    }
    return metric;
  });
  return {
    groups: groups.map((g) => g.label),
    baseline,
    rows: metrics.map((m) => compareMetric(m, groups, baseline)),
  };
}
