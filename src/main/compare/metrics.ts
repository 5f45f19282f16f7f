// The metric catalogue: what `tierlab compare` can put in a row, how to read each from a RunResult,
// and which direction is better (that choice picks Hmean or Amean and pdiff or pndiff, as in mmtests).
import { machineHitRatio } from '../../shared/hit-ratio.ts';
import type { MigrationReason, RunResult } from '../../shared/result.ts';
import { COUNTERS, type CounterName } from '../../shared/vmstat.ts';

export interface Metric {
  id: string;
  label: string;
  unit: string;
  higherIsBetter: boolean;
  /** Tier traffic: counted as a cost for the statistics, but not a regression to colour (see README). */
  activity?: boolean;
  /** NaN when the run has nothing to measure (no references, no scans, no such task). */
  extract: (result: RunResult) => number;
}

export interface MetricOptions {
  /** Bytes per page for the MiB/s rates; the kernel's base page, 4096, unless told otherwise. */
  pageSize?: number;
}

const MIB = 1024 * 1024;

/** The rows `tierlab compare` shows when no --metrics are given. */
export const DEFAULT_METRICS: readonly string[] = [
  'throughput',
  'latency',
  'fast-tier-share',
  'hit-ratio',
  'promote-mibps',
  'demote-mibps',
  'kswapd-efficiency',
  'direct-efficiency',
  'allocstall',
  'pswpout',
  'pswpin',
  'numa_miss',
  'ping-pong',
  'strr',
  'star',
  'memory-cost',
  'cost-per-throughput',
];

/** Every migration reason the engine attributes; `migrated-mibps:<reason>` takes one of these. */
export const MIGRATION_REASONS: readonly MigrationReason[] = [
  'demotion',
  'numa_misplaced',
  'daemon',
  'damon',
  'syscall',
  'compaction',
  'memory_hotplug',
  'memtis',
];

function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : NaN;
}

function meanLatencyNs(result: RunResult): number {
  let references = 0;
  let weighted = 0;
  for (const task of result.tasks) {
    references += task.references;
    weighted += task.meanLatencyNs * task.references;
  }
  return ratio(weighted, references);
}

function fastTierSharePct(result: RunResult): number {
  let top = 0;
  let all = 0;
  for (const node of result.nodes) {
    all += node.anonPages;
    if (node.topTier) top += node.anonPages;
  }
  return ratio(top * 100, all);
}

/** A task's fast-tier hit ratio in percent; NaN when there is no such task or it made no references. */
function taskHitRatioPct(result: RunResult, name: string): number {
  const task = result.tasks.find((t) => t.name === name);
  return task && task.references > 0 ? task.fastTierHitRatio * 100 : NaN;
}

function pagesToMibPerSec(pages: number, result: RunResult, pageSize: number): number {
  return ratio((pages * pageSize) / MIB, result.simulatedMs / 1000);
}

type TierDirection = 'promote' | 'demote';

/**
 * Pages moved between tiers in one direction, from the result's per-reason attribution: a move to a
 * node of a lower tier number (a faster tier) is promotion, to a higher one demotion, whatever moved
 * it (reclaim, NUMA balancing, a daemon, DAMON, move_pages). Moves within a tier, or from or to a
 * node the result does not describe, are neither.
 */
function tierTrafficPages(result: RunResult, direction: TierDirection): number {
  const tierOf = new Map(result.nodes.map((n) => [n.id, n.tier]));
  let pages = 0;
  for (const flow of result.migrations) {
    const from = tierOf.get(flow.from);
    const to = tierOf.get(flow.to);
    if (from === undefined || to === undefined || from === to) continue;
    if (to < from === (direction === 'promote')) pages += flow.pages;
  }
  return pages;
}

function reasonPages(result: RunResult, reason: MigrationReason): number {
  return result.migrations.reduce((sum, f) => (f.reason === reason ? sum + f.pages : sum), 0);
}

/**
 * Counters that are a cost: more of them is worse (mmtests' monitors default to "Lower" too,
 * SummariseMonitor.pm). Promotion and demotion traffic count as cost here; their benefit shows up
 * in throughput, latency and the fast-tier share.
 */
function counterMetric(id: string, name: CounterName, label: string): Metric {
  return { id, label, unit: 'events', higherIsBetter: false, extract: (r) => counter(r, name) };
}

/** A final counter, or NaN where the run's kernel does not print it (nothing to measure). */
function counter(r: RunResult, name: CounterName): number {
  return r.vmstat[name] ?? NaN;
}

/** The run's mean working set over its samples, MiB; NaN for a result from before the fleet metrics. */
function workingSetMib(r: RunResult, pageSize: number): number {
  const ws = r.fleet?.workingSetPages ?? [];
  return ws.length ? ((ws.reduce((s, x) => s + x, 0) / ws.length) * pageSize) / MIB : NaN;
}

function totalThroughput(r: RunResult): number {
  return r.tasks.reduce((sum, t) => sum + t.throughput, 0);
}

/**
 * Fleet metrics (shared/fleet-metrics.ts, memory-cost.ts). The working set and idle times describe
 * the workload, not how well it was served: neither better nor worse, so they are not coloured.
 * A higher STRR is more memory in the cheap tier (what TMTS raises within a STAR budget).
 */
function fleetMetrics(pageSize: number): Metric[] {
  const neutral = { higherIsBetter: false, activity: true };
  return [
    {
      id: 'working-set',
      label: 'Working set (pages idle 0 as DAMON_STAT counts, mean over samples)',
      unit: 'MiB',
      ...neutral,
      extract: (r) => workingSetMib(r, pageSize),
    },
    {
      id: 'idle-p50',
      label: 'Idle time, median of memory (memory_idle_ms_percentiles[50])',
      unit: 'ms',
      ...neutral,
      extract: (r) => r.fleet?.idleMsPercentiles[50] ?? NaN,
    },
    {
      id: 'idle-p90',
      label: 'Idle time, 90th percentile of memory (memory_idle_ms_percentiles[90])',
      unit: 'ms',
      ...neutral,
      extract: (r) => r.fleet?.idleMsPercentiles[90] ?? NaN,
    },
    {
      id: 'strr',
      label: 'STRR: resident pages in the slow tier (mean over samples)',
      unit: '%',
      higherIsBetter: true,
      extract: (r) => (r.fleet?.strr ?? NaN) * 100,
    },
    {
      id: 'star',
      label: 'STAR: hits served by the slow tier',
      unit: '%',
      higherIsBetter: false,
      extract: (r) => (r.fleet?.star ?? NaN) * 100,
    },
    {
      id: 'memory-cost',
      label: "Memory cost (capacity x the machine's price per GiB)",
      unit: 'USD',
      higherIsBetter: false,
      extract: (r) => r.fleet?.cost.totalUsd ?? NaN,
    },
    {
      id: 'dram-saved',
      label: 'Saved against the same GiB all in DRAM',
      unit: '%',
      higherIsBetter: true,
      extract: (r) => (r.fleet?.cost.savedShare ?? NaN) * 100,
    },
    {
      id: 'cost-per-throughput',
      label: 'Memory cost per throughput',
      unit: 'USD per M refs/s',
      higherIsBetter: false,
      extract: (r) => ratio(r.fleet?.cost.totalUsd ?? NaN, totalThroughput(r) / 1e6),
    },
  ];
}

function builtInMetrics(pageSize: number): Metric[] {
  return [
    ...fleetMetrics(pageSize),
    {
      id: 'throughput',
      label: 'Throughput (sum over tasks)',
      unit: 'refs/s',
      higherIsBetter: true,
      extract: totalThroughput,
    },
    {
      id: 'latency',
      label: 'Mean latency (weighted by references)',
      unit: 'ns',
      higherIsBetter: false,
      extract: meanLatencyNs,
    },
    {
      id: 'fast-tier-share',
      label: 'Anon pages on top-tier nodes at the end',
      unit: '%',
      higherIsBetter: true,
      extract: fastTierSharePct,
    },
    {
      // Unlike the share, which capacity fixes, this is how well placement served the references.
      id: 'hit-ratio',
      label: 'Fast-tier hit ratio (top-tier hits / all references)',
      unit: '%',
      higherIsBetter: true,
      extract: (r) => machineHitRatio(r) * 100,
    },
    {
      id: 'promote-mibps',
      label: 'Promotion rate (migrations to a faster tier, every reason)',
      unit: 'MiB/s',
      higherIsBetter: false,
      activity: true,
      extract: (r) => pagesToMibPerSec(tierTrafficPages(r, 'promote'), r, pageSize),
    },
    {
      id: 'demote-mibps',
      label: 'Demotion rate (migrations to a slower tier, every reason)',
      unit: 'MiB/s',
      higherIsBetter: false,
      activity: true,
      extract: (r) => pagesToMibPerSec(tierTrafficPages(r, 'demote'), r, pageSize),
    },
    {
      // mmtests' "Kswapd efficiency" (MonitorMmtestsvmstat.pm): reclaimed / scanned * 100.
      id: 'kswapd-efficiency',
      label: 'Kswapd efficiency (pgsteal_kswapd / pgscan_kswapd)',
      unit: '%',
      higherIsBetter: true,
      extract: (r) => ratio(counter(r, 'pgsteal_kswapd') * 100, counter(r, 'pgscan_kswapd')),
    },
    {
      id: 'direct-efficiency',
      label: 'Direct efficiency (pgsteal_direct / pgscan_direct)',
      unit: '%',
      higherIsBetter: true,
      extract: (r) => ratio(counter(r, 'pgsteal_direct') * 100, counter(r, 'pgscan_direct')),
    },
    // The engine has one zone type, so allocstall_normal is the whole of the kernel's allocstall_*.
    counterMetric('allocstall', 'allocstall_normal', 'Direct reclaim stalls (allocstall_*)'),
    counterMetric('pswpout', 'pswpout', 'Pages swapped out'),
    counterMetric('pswpin', 'pswpin', 'Pages swapped in'),
    counterMetric('numa_miss', 'numa_miss', 'Allocations off the preferred node'),
    {
      id: 'ping-pong',
      label: 'Pages moved back across tiers within the ping-pong window',
      unit: 'pages',
      higherIsBetter: false,
      extract: (r) => r.pingPong.promotedThenDemoted + r.pingPong.demotedThenPromoted,
    },
  ];
}

function isMigrationReason(name: string): name is MigrationReason {
  return (MIGRATION_REASONS as readonly string[]).includes(name);
}

function isCounterName(name: string): name is CounterName {
  return (COUNTERS as readonly string[]).includes(name);
}

/**
 * Resolves a metric id: a built-in id (DEFAULT_METRICS), `vmstat:<kernel counter name>` for any raw
 * counter (lower is better), `migrated-mibps:<reason>` (MIGRATION_REASONS) or
 * `task:<task name>:throughput` or `task:<task name>:hit-ratio`. Returns undefined for anything else.
 */
export function resolveMetric(id: string, opts: MetricOptions = {}): Metric | undefined {
  const builtIn = builtInMetrics(opts.pageSize ?? 4096).find((m) => m.id === id);
  if (builtIn) return builtIn;
  const counter = /^vmstat:(.+)$/.exec(id)?.[1];
  if (counter !== undefined) {
    return isCounterName(counter) ? counterMetric(id, counter, counter) : undefined;
  }
  const reason = /^migrated-mibps:(.+)$/.exec(id)?.[1];
  if (reason !== undefined) {
    if (!isMigrationReason(reason)) return undefined;
    return {
      id,
      label: `Migration rate for reason ${reason} (any nodes)`,
      unit: 'MiB/s',
      higherIsBetter: false,
      activity: true,
      extract: (r) => pagesToMibPerSec(reasonPages(r, reason), r, opts.pageSize ?? 4096),
    };
  }
  const task = /^task:(.+):throughput$/.exec(id)?.[1];
  if (task !== undefined) {
    return {
      id,
      label: `Throughput of task ${task}`,
      unit: 'refs/s',
      higherIsBetter: true,
      extract: (r) => r.tasks.find((t) => t.name === task)?.throughput ?? NaN,
    };
  }
  const hitTask = /^task:(.+):hit-ratio$/.exec(id)?.[1];
  if (hitTask !== undefined) {
    return {
      id,
      label: `Fast-tier hit ratio of task ${hitTask}`,
      unit: '%',
      higherIsBetter: true,
      extract: (r) => taskHitRatioPct(r, hitTask),
    };
  }
  return undefined;
}
