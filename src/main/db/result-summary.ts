// The few numbers of a RunResult kept in their own columns, so lists and comparisons can sort and
// filter in SQL without parsing every result document.
import type { RunResult } from '../../shared/result.ts';

export interface ResultSummary {
  /** Page references per simulated second, summed over tasks. */
  throughput: number;
  /** Mean reference latency over all tasks, weighted by each task's references. */
  meanLatencyNs: number;
  nrReferences: number;
  pgpromoteSuccess: number;
  /** pgdemote_kswapd + _direct + _khugepaged + _proactive. */
  pgdemoteTotal: number;
  oomKill: number;
}

export function summariseResult(result: RunResult): ResultSummary {
  let throughput = 0;
  let nrReferences = 0;
  let latencyWeighted = 0;
  for (const task of result.tasks) {
    throughput += task.throughput;
    nrReferences += task.references;
    latencyWeighted += task.meanLatencyNs * task.references;
  }
  const v = result.vmstat;
  return {
    throughput,
    meanLatencyNs: nrReferences > 0 ? latencyWeighted / nrReferences : 0,
    nrReferences,
    // A counter the run's kernel does not print adds nothing.
    pgpromoteSuccess: v.pgpromote_success ?? 0,
    pgdemoteTotal:
      (v.pgdemote_kswapd ?? 0) +
      (v.pgdemote_direct ?? 0) +
      (v.pgdemote_khugepaged ?? 0) +
      (v.pgdemote_proactive ?? 0),
    oomKill: v.oom_kill ?? 0,
  };
}
