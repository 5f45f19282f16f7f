// An arm's objective summarised as Compare summarises a group (mmtests' Stat.pm), and the best arm
// against the runner-up with Compare's significance test.
import type { ArmStatistics, BestVsRunnerUp } from '../../shared/tune/report.ts';
import { vsBaseline } from '../compare/compare.ts';
import { pdiff, pndiff } from '../compare/diff.ts';
import { meanKindFor, summarise, type GroupSummary } from '../compare/summary.ts';

/** How the objective is read: the metric's own sense picks the mean, the tuner's direction the best. */
export interface ObjectiveSense {
  /** The metric's own direction (Compare's higherIsBetter): Hmean if true, Amean if not. */
  higherIsBetter: boolean;
  /** The direction searched: the metric's own unless overridden (`--minimise`). */
  maximise: boolean;
}

/** null when no run gave a value (NaN values, a task the scenario lacks, are left out). */
export function armStatistics(values: readonly number[], sense: ObjectiveSense): ArmStatistics | null {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return null;
  // Stat.pm has no Hmean of a zero (a hit ratio or STRR of 0 is a real, worst value): such an arm
  // is averaged arithmetically and says so, rather than left without a value.
  const hasZero = finite.some((x) => x === 0);
  const meanKind = hasZero && finite.every((x) => x >= 0) ? 'amean' : meanKindFor(sense.higherIsBetter);
  const s = summarise(finite, meanKind);
  if (!Number.isFinite(s.mean)) return null;
  return {
    n: s.n,
    mean: s.mean,
    meanKind,
    stddev: finiteOrNull(s.stddev),
    stderr: finiteOrNull(s.stddev / Math.sqrt(s.n)),
    ci: [finiteOrNull(s.ci[0]), finiteOrNull(s.ci[1])],
    min: s.min,
    max: s.max,
  };
}

/** The report crosses JSON (stored, `--json`, web mode), where NaN would come back as null. */
function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

function asGroupSummary(a: ArmStatistics): GroupSummary {
  const ci: readonly [number, number] = [a.ci[0] ?? NaN, a.ci[1] ?? NaN];
  return { n: a.n, min: a.min, mean: a.mean, stddev: a.stddev ?? NaN, coeffvar: 0, max: a.max, ci };
}

/** True when a is better than b in the searched direction. */
export function isBetter(a: ArmStatistics, b: ArmStatistics, sense: ObjectiveSense): boolean {
  return sense.maximise ? a.mean > b.mean : a.mean < b.mean;
}

/**
 * The runner-up against the best as Compare puts a group against its baseline: the % difference in
 * the searched direction, cidiff and its `*` (the 95% intervals do not overlap), Cohen's d.
 */
export function bestVsRunnerUp(
  best: ArmStatistics,
  runnerUp: ArmStatistics,
  sense: ObjectiveSense,
): BestVsRunnerUp {
  const v = vsBaseline(
    asGroupSummary(runnerUp),
    asGroupSummary(best),
    sense.maximise ? pdiff : pndiff,
    sense.maximise ? 1 : -1,
  );
  return {
    meanDiffPercent: v.mean,
    cidiff: finiteOrNull(v.cidiff),
    significant: v.significant,
    effectSize: finiteOrNull(v.effectSize),
  };
}
