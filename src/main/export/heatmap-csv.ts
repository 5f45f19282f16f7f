// The access heatmap as tidy CSV: one row per run, task, interval and address bucket, with the
// bucket's references in the interval, its top-tier share and its pages on each node at the
// interval's end (one `node<id>_pages` column per node id of any run; empty where a run has none).
// Addresses are in pages from the workload's start. Example row: run 3, task hot, interval 100..200 ms,
// bucket 0 (pages 0..63): 21504 references, share 0.75, 48 pages on node 0 and 16 on node 1.
import type { RunResult } from '../../shared/result.ts';
import { csvLine } from './csv.ts';

export interface HeatmapRun {
  runId: number;
  result: RunResult;
  /** The tasks to write, by name; all tasks with a heatmap when undefined. */
  task?: string;
}

const LEADING = [
  'run_id',
  'task',
  'column',
  'from_ms',
  'to_ms',
  'bucket',
  'first_page',
  'pages',
  'references',
  'top_tier_share',
];

function nodeIds(runs: readonly HeatmapRun[]): number[] {
  return [...new Set(runs.flatMap((r) => r.result.nodes.map((n) => n.id)))].sort((a, b) => a - b);
}

export function heatmapCsvHeader(runs: readonly HeatmapRun[]): string {
  return csvLine([...LEADING, ...nodeIds(runs).map((id) => `node${id}_pages`)]);
}

/** The rows of one run's tasks, in task, column, bucket order. */
export function heatmapCsvRows(run: HeatmapRun, ids: readonly number[]): string {
  const { result } = run;
  // Which of the run's nodes fills each node column (-1: the run has no such node).
  const indexOf = ids.map((id) => result.nodes.findIndex((n) => n.id === id));
  let out = '';
  for (const t of result.tasks) {
    const h = t.heatmap;
    if (!h || (run.task !== undefined && t.name !== run.task)) continue;
    h.timesMs.forEach((toMs, c) => {
      const fromMs = c > 0 ? h.timesMs[c - 1]! : 0;
      h.references[c]!.forEach((refs, b) => {
        const first = b * h.bucketPages;
        const pages = Math.max(0, Math.min(h.bucketPages, h.pages - first));
        const resident = h.residentPages?.[c]?.[b];
        out += csvLine([
          run.runId,
          t.name,
          c,
          fromMs,
          toMs,
          b,
          first,
          pages,
          refs,
          h.topTierShare[c]?.[b] ?? null,
          ...indexOf.map((n) => (n >= 0 && resident ? (resident[n] ?? null) : null)),
        ]);
      });
    });
  }
  return out;
}

export function heatmapCsv(runs: readonly HeatmapRun[]): string {
  const ids = nodeIds(runs);
  return heatmapCsvHeader(runs) + runs.map((r) => heatmapCsvRows(r, ids)).join('');
}
