// Results as CSV: one row per run, its identity, headline metrics, then every final vmstat counter.
import { COUNTERS } from '../../shared/vmstat.ts';
import type { RunResult } from '../../shared/result.ts';
import { csvLine } from './csv.ts';
import { machineHitRatio } from '../../shared/hit-ratio.ts';

export interface ResultRow {
  runId: number | string;
  scenarioHash: string | null;
  status: string;
  result: RunResult | null;
}

const LEADING = [
  'run_id',
  'name',
  'scenario_hash',
  'status',
  'seed',
  'engine_version',
  'engine',
  'simulated_ms',
  'wall_ms',
];
const METRICS = ['references', 'throughput', 'mean_latency_ns', 'fast_tier_hit_ratio'];
/** After the counters (added later, so earlier columns keep their places): the run's fleet metrics. */
const FLEET = [
  'working_set_pages_mean',
  'idle_ms_p50',
  'idle_ms_p90',
  'idle_ms_p99',
  'strr',
  'star',
  'memory_cost_usd',
  'dram_saved_share',
];

/** Empty, not NaN, for a run without references: pandas and R read an empty field as missing. */
function hitRatio(r: RunResult): number | null {
  const h = machineHitRatio(r);
  return Number.isNaN(h) ? null : h;
}

export function resultsCsvHeader(): string {
  return csvLine([...LEADING, ...METRICS, ...COUNTERS, ...FLEET]);
}

export function resultsCsvRow(row: ResultRow): string {
  const r = row.result;
  if (!r) return csvLine([row.runId, '', row.scenarioHash, row.status]);
  const references = r.tasks.reduce((s, t) => s + t.references, 0);
  const throughput = r.tasks.reduce((s, t) => s + t.throughput, 0);
  const latency = references
    ? r.tasks.reduce((s, t) => s + t.meanLatencyNs * t.references, 0) / references
    : 0;
  return csvLine([
    row.runId,
    r.name,
    row.scenarioHash,
    row.status,
    r.seed,
    r.engineVersion,
    r.engine,
    r.simulatedMs,
    r.wallMs,
    references,
    throughput,
    latency,
    hitRatio(r),
    ...COUNTERS.map((c) => r.vmstat[c]),
    ...fleetCells(r),
  ]);
}

/** FLEET's cells: empty for a result from before the fleet metrics, or a ratio with nothing to divide. */
export function fleetCells(r: RunResult): (number | null)[] {
  const f = r.fleet;
  if (!f) return FLEET.map(() => null);
  const ws = f.workingSetPages;
  return [
    ws.length ? ws.reduce((s, x) => s + x, 0) / ws.length : null,
    f.idleMsPercentiles[50] ?? null,
    f.idleMsPercentiles[90] ?? null,
    f.idleMsPercentiles[99] ?? null,
    f.strr,
    f.star,
    f.cost.totalUsd,
    f.cost.savedShare,
  ];
}
