// The result of one run (`tierlab.result/1`). Names marked fixed are a contract scripts rely on.
import type { CounterName } from './vmstat.ts';
import type { KernelVersion } from './scenario/kernels.ts';
import type { MemoryKind, RunEngine, TraceCounts } from './scenario/resolved.ts';
import type { CgroupStat } from './memcg-stat.ts';
import type { FleetMetrics } from './fleet-metrics.ts';
import type { MemoryCost } from './memory-cost.ts';

export const RESULT_FORMAT = 'tierlab.result/1';

export interface Watermarks {
  min: number;
  low: number;
  high: number;
  promo: number;
}

export interface NodeResult {
  id: number; // fixed
  memory: MemoryKind;
  tier: number; // fixed: memory_tierN id (adistance >> 7)
  adistance: number;
  topTier: boolean;
  demotionTargets: { preferred: number[]; fallback: number[] };
  /** Pages. */
  watermarks: Watermarks;
  capacityPages: number;
  freePages: number;
  anonPages: number;
  filePages: number;
  /** The node's counters its kernel keeps per node (recordedCounters(kernel, 'node')); the rest absent. */
  vmstat: Partial<Record<CounterName, number>>;
}

export interface TaskResult {
  name: string; // fixed
  type: string;
  threads: number;
  references: number; // fixed: page references simulated
  throughput: number; // fixed: references per simulated second of the task's run time
  meanLatencyNs: number;
  runMs: number;
  finished: boolean;
  oomKilled: boolean;
  /** Pages resident at the end, by node id. */
  residentPages: Record<string, number>;
  /**
   * Over time, at each sample time: pages resident per node (in node order), the references made
   * so far (their rate is the task's throughput over time), and the references so far that hit a
   * top-tier node (between two samples, its increase over the references' is the hit ratio over
   * time: see shared/hit-ratio.ts). `fastTierHits` is absent from results written before it existed.
   */
  residency: { timesMs: number[]; pages: number[][]; references: number[]; fastTierHits?: number[] };
  /** References that found their page present, by the node it was on (faults are misses). */
  hitsByNode: Record<string, number>;
  /** Share of all references that hit the top tier: how well placement served this task. */
  fastTierHitRatio: number;
  /** Where in its address space the task referenced and kept its pages over time; absent from older results. */
  heatmap?: AccessHeatmap;
  /** Trace replays: the trace's counts and the best any placement could do (Belady's MIN). */
  trace?: TraceReport;
  /** Working set, idle-time percentiles, cold ages, STRR and STAR of this task; absent from older results. */
  fleet?: FleetMetrics;
}

/**
 * A damo-like access heatmap of one workload: its pages in equal buckets (the last may reach past
 * `pages`), and per column, the interval (timesMs[c - 1] or 0, timesMs[c]]: the references to each
 * bucket in it, and at its end the share of the bucket's resident pages on a top-tier node (null:
 * none resident). At most 64 buckets and 2000 columns: a longer run's samples are merged in pairs.
 */
export const HEATMAP_MAX_BUCKETS = 64;
export const HEATMAP_MAX_COLUMNS = 2000;

export interface AccessHeatmap {
  pages: number;
  bucketPages: number;
  timesMs: number[];
  /** [column][bucket]. */
  references: number[][];
  /** [column][bucket], 0..1 or null. */
  topTierShare: (number | null)[][];
  /**
   * [column][bucket][node]: the bucket's pages resident on each node (in the result's `nodes`
   * order) at the column's end. Absent from results written before it was kept.
   */
  residentPages?: number[][][];
}

export interface TraceReport extends TraceCounts {
  file: string;
  /** Top-tier capacity the optimum is computed for, pages. */
  fastTierPages: number;
  /** MIN's hit ratio over the replayed references at that capacity: no policy can beat it. */
  optimalFastTierHitRatio: number;
  /** Exact LRU at the same capacity, for reference. */
  lruFastTierHitRatio: number;
}

/** Why pages moved: reclaim demotion, NUMA-balancing promotion, a user-space daemon, DAMON, move_pages. */
export type MigrationReason =
  'demotion' | 'numa_misplaced' | 'daemon' | 'damon' | 'syscall' | 'compaction' | 'memory_hotplug' | 'memtis';

export interface MigrationFlow {
  reason: MigrationReason;
  from: number;
  to: number;
  pages: number;
}

/**
 * memory_hotplug: a kernel log line (or daxctl's outcome) from onlining or offlining memory;
 * memory_reclaim: what a write to a cgroup's memory.reclaim reclaimed (or its -EAGAIN).
 */
export type EventKind =
  'oom_kill' | 'phase_change' | 'task_start' | 'task_exit' | 'memory_hotplug' | 'memory_reclaim';

export interface RunEvent {
  atMs: number;
  kind: EventKind;
  task?: string;
  node?: number;
  detail: string;
}

export interface RunResult {
  format: typeof RESULT_FORMAT; // fixed
  name: string;
  seed: number; // fixed
  engineVersion: string; // fixed
  /** Which engine ran it (the scenario's run.engine). */
  engine: RunEngine; // fixed
  /**
   * The kernel version it modelled (the policy's kernel), null for a research preset's own kernel;
   * absent in files from before kernel versions.
   */
  kernel?: KernelVersion | null;
  simulatedMs: number; // fixed
  wallMs: number; // fixed
  /** The counters its kernel prints (recordedCounters(kernel, 'machine')); the others absent, not 0. */
  vmstat: Partial<Record<CounterName, number>>; // fixed
  nodes: NodeResult[]; // fixed
  tasks: TaskResult[]; // fixed
  events: RunEvent[];
  /** Every migration by reason and direction; the pages add up to vmstat.pgmigrate_success. */
  migrations: MigrationFlow[];
  /** Pages moved back across tiers within `windowMs` of their previous move. */
  pingPong: { windowMs: number; promotedThenDemoted: number; demotedThenPromoted: number };
  /**
   * The fleet metrics over every task (working sets summed per sample, percentiles over all their
   * pages) and what the machine's memory costs; absent from older results.
   */
  fleet?: FleetMetrics & { cost: MemoryCost };
  /** Per memory cgroup at the end (memory.current, .stat, .events, .numa_stat); absent without cgroups. */
  cgroups?: CgroupStat[];
  /** Written by hosts into result files: the scenario document as run, and its identity without the seed. */
  scenario?: unknown;
  scenarioHash?: string;
}
