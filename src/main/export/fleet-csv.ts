// Each task's fleet metrics as tidy (long) CSV: one row per run, task, metric and point, so pandas'
// pivot or R's spread gives any one of them as a table. Metrics: `working_set_pages` at each
// residency sample (`at` is its time in ms), `idle_ms` per percentile (`at` 0..100, DAMON_STAT's
// memory_idle_ms_percentiles), `cold_age_pages` per bin (`at` the bin's lower edge in ms, 0 the
// working set), and `strr` and `star` (no `at`; empty when the result has null: nothing to divide).
// Example rows: `3,hot,working_set_pages,100,2048` and `3,hot,strr,,0.25`.
import type { RunResult } from '../../shared/result.ts';
import { COLD_AGE_BIN_MS } from '../../shared/fleet-metrics.ts';
import { csvLine } from './csv.ts';

export interface FleetRun {
  runId: number;
  result: RunResult;
}

export const FLEET_CSV_HEADER = csvLine(['run_id', 'task', 'metric', 'at', 'value']);

/** The rows of one run's tasks that carry fleet metrics, in task order. */
export function fleetCsvRows({ runId, result }: FleetRun): string {
  let out = '';
  for (const t of result.tasks) {
    const f = t.fleet;
    if (!f) continue;
    const row = (metric: string, at: number | null, value: number | null) =>
      (out += csvLine([runId, t.name, metric, at, value]));
    f.workingSetPages.forEach((pages, i) => row('working_set_pages', t.residency.timesMs[i] ?? null, pages));
    f.idleMsPercentiles.forEach((ms, p) => row('idle_ms', p, ms));
    f.coldAgePages.forEach((pages, b) => row('cold_age_pages', COLD_AGE_BIN_MS[b] ?? null, pages));
    row('strr', null, f.strr);
    row('star', null, f.star);
  }
  return out;
}

export function fleetCsv(runs: readonly FleetRun[]): string {
  return FLEET_CSV_HEADER + runs.map(fleetCsvRows).join('');
}
