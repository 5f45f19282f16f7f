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

/** Empty, not NaN, for a run without references: pandas and R read an empty field as missing. */
function hitRatio(r: RunResult): number | null {
  const h = machineHitRatio(r);
  return Number.isNaN(h) ? null : h;
}

export function resultsCsvHeader(): string {
  return csvLine([...LEADING, ...METRICS, ...COUNTERS]);
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
  ]);
}
