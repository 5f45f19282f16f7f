// The fast-tier hit ratio: the share of page references served by a top-tier node. Over a run it
// is the task's `fastTierHitRatio`; over time it is taken per interval between two samples from
// the cumulative counts the result keeps (`residency.references` and `residency.fastTierHits`).
//
// Example: samples at 0, 100 and 200 ms with references 0, 1000, 3000 and top-tier hits 0, 900,
// 1100 give 0.9 for the first interval (900 of 1000) and 0.1 for the second (200 of 2000), while
// the run's ratio is 1100 / 3000 = 0.367.
import type { RunResult, TaskResult } from './result.ts';

/** A hit ratio over time: at each time (the end of an interval that had references), its ratio. */
export interface HitRatioSeries {
  timesMs: number[];
  ratios: number[];
}

/**
 * Per interval between samples: top-tier hits made in it / references made in it. Intervals
 * without references are left out (there is nothing to measure). The rate engine rounds each
 * node's expected hits on its own, so a short interval can come out a hit or so above its
 * references: the ratio is capped at 1.
 */
export function intervalHitRatios(timesMs: number[], references: number[], hits: number[]): HitRatioSeries {
  const out: HitRatioSeries = { timesMs: [], ratios: [] };
  const n = Math.min(timesMs.length, references.length, hits.length);
  for (let i = 1; i < n; i++) {
    const refs = references[i]! - references[i - 1]!;
    if (refs <= 0) continue;
    out.timesMs.push(timesMs[i]!);
    out.ratios.push(Math.min(1, Math.max(0, (hits[i]! - hits[i - 1]!) / refs)));
  }
  return out;
}

/** A task's hit ratio over time, or null for a result written before the hits were kept. */
export function taskHitRatioOverTime(task: TaskResult): HitRatioSeries | null {
  const { timesMs, references, fastTierHits } = task.residency;
  return fastTierHits ? intervalHitRatios(timesMs, references, fastTierHits) : null;
}

/**
 * Machine-wide over time: every task's hits and references added up at each sample (the tasks
 * share the sample times), then taken per interval. Null when no task kept its hits.
 */
export function machineHitRatioOverTime(tasks: TaskResult[]): HitRatioSeries | null {
  const kept = tasks.filter((t) => t.residency.fastTierHits);
  const first = kept[0];
  if (!first) return null;
  const timesMs = first.residency.timesMs;
  const sumAt = (pick: (t: TaskResult) => number[]) =>
    timesMs.map((_, i) => kept.reduce((sum, t) => sum + (pick(t)[i] ?? 0), 0));
  return intervalHitRatios(
    timesMs,
    sumAt((t) => t.residency.references),
    sumAt((t) => t.residency.fastTierHits ?? []),
  );
}

/** Machine-wide over the run: hits on top-tier nodes / all references; NaN when there were none. */
export function machineHitRatio(result: RunResult): number {
  const topTier = new Set(result.nodes.filter((n) => n.topTier).map((n) => String(n.id)));
  let hits = 0;
  let references = 0;
  for (const t of result.tasks) {
    references += t.references;
    for (const [node, count] of Object.entries(t.hitsByNode)) if (topTier.has(node)) hits += count;
  }
  return references > 0 ? hits / references : NaN;
}
