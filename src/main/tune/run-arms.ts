// Runs a round's arms as ordinary runs: one scenario per arm (its knob values set, named by them),
// its seeds queued with `run:start` on the lab's worker pool, unless the lab already has that run.
import type { RunInfo } from '../../shared/api/types.ts';
import type { Metric } from '../compare/metrics.ts';
import { getResult } from '../db/index.ts';
import { runStartHandlers } from '../api/handlers/run-start.ts';
import type { Lab } from '../api/lab.ts';
import { armDocument } from './arm-document.ts';
import type { RunItem } from './search.ts';
import { storedRunsOf } from './stored-runs.ts';

export interface QueuedRuns {
  /** The run of each item, in the items' order. */
  runIds: number[];
  /** Those of runIds queued now; the others were taken from the lab (see stored-runs.ts). */
  started: Set<number>;
}

/** Queues each item's run, or finds it in the lab. Postcondition: runIds[i] is items[i]'s run. */
export async function queueRuns(lab: Lab, document: unknown, items: readonly RunItem[]): Promise<QueuedRuns> {
  const runIds: number[] = [];
  const started = new Set<number>();
  for (const arm of new Set(items.map((it) => it.arm))) {
    const own = items.filter((it) => it.arm === arm);
    const doc = armDocument(document, arm.settings).document;
    const stored = storedRunsOf(lab, doc);
    const missing = own.filter((it) => !stored.has(it.seed)).map((it) => it.seed);
    const fresh = missing.length
      ? (await runStartHandlers['run:start'](lab, { document: doc, seeds: missing })).runIds
      : [];
    for (const id of fresh) started.add(id);
    runIds.push(...own.map((it) => stored.get(it.seed) ?? fresh[missing.indexOf(it.seed)]!));
  }
  return { runIds, started };
}

/**
 * Waits for the runs; each one's objective (NaN where the metric has none, as in Compare), and
 * whether it ended without a result (failed, cancelled, interrupted), in runIds' order.
 */
export async function objectiveOf(
  lab: Lab,
  runIds: number[],
  metric: Metric,
): Promise<{ values: number[]; failed: boolean[] }> {
  const { runs } = await runStartHandlers['run:wait'](lab, { runIds });
  const results = runs.map((run: RunInfo) => (run.status === 'done' ? getResult(lab.db, run.id) : null));
  return {
    values: results.map((stored) => (stored ? metric.extract(stored.result) : NaN)),
    failed: results.map((stored) => stored === null),
  };
}
