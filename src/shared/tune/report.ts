// What `tune:start` takes and `tune:wait` answers: the request as the CLI's flags and the Tune panel
// give it, and the report both print (arms, best settings with their confidence, sensitivity).
import type { KnobRange, KnobValue } from './knob-range.ts';

export interface TuneRequest {
  /** The scenario file to tune; `run.engine` becomes `rate` unless the file says `exact`. */
  document: unknown;
  /** `--knob` texts: `hot_threshold_ms=100..10000`, `transparent_hugepage=always,never`, `demotion_enabled`. */
  knobs: string[];
  /** A Compare metric id: `throughput`, `latency`, `hit-ratio`, `vmstat:<name>`, `task:<name>:throughput`, ... */
  objective: string;
  /** Overrides the metric's own sense: true minimises, false maximises. */
  minimise?: boolean;
  /** Seeds per arm, consecutive from the file's `run.seed` (default 3). */
  seeds?: number;
  /** Runs in all, first pass and refinement (default 24). */
  budget?: number;
  /** Runs only every count-th run of the first pass from index on, and no refinement (see README). */
  shard?: { index: number; count: number };
}

/** One arm's objective over its runs, with the statistics Compare gives a group (mmtests' Stat.pm). */
export interface ArmStatistics {
  n: number;
  /** Hmean when the metric is better higher, else Amean (as Compare picks). */
  mean: number;
  meanKind: 'amean' | 'hmean';
  /** null with one run (no spread): the report crosses JSON, which has no NaN. */
  stddev: number | null;
  /** stddev / sqrt(n): the mean's own spread (mmtests' interval below is not divided by sqrt(n)). */
  stderr: number | null;
  /** Stat.pm's 95% interval of the mean, mean -/+ 1.96 stddev; null bounds with one run. */
  ci: readonly [number | null, number | null];
  min: number;
  max: number;
}

export interface TuneArm {
  index: number;
  /** 0: the first pass (Latin hypercube or full grid); 1, 2, ...: refinement rounds. */
  round: number;
  /** The arm's runs are named so, as sweep names arms: `usemem [hot_threshold_ms=1000]`. */
  name: string;
  settings: Partial<Record<string, KnobValue>>;
  runIds: number[];
  /** The seed of each of runIds (with a shard, only the shard's share of the seeds). */
  runSeeds: number[];
  /** Runs that ended without a result (failed, cancelled): left out of the statistics. */
  nrFailed: number;
  /** null until its runs end, or when none of them gave the objective a value. */
  stats: ArmStatistics | null;
}

/** The best arm against the runner-up, with Compare's test: do their 95% intervals overlap? */
export interface BestVsRunnerUp {
  /** The runner-up's mean against the best's, % (positive: the runner-up is better, which it is not). */
  meanDiffPercent: number;
  /** Difference of means over the facing interval half-widths (Stat.pm cidiff); null with one run each. */
  cidiff: number | null;
  /** The intervals do not overlap: the best is distinguishable from the runner-up. */
  significant: boolean;
  /** Cohen's d of the runner-up against the best, in the objective's direction (negative: worse); null with one run. */
  effectSize: number | null;
}

/**
 * running until the search ends: done, failed (the search itself failed: `error`), cancelled
 * (`tune:cancel`: the report as the last finished round left it) or interrupted (the process running
 * it exited; seen after a restart).
 */
export const TUNE_STATUSES = ['running', 'done', 'failed', 'cancelled', 'interrupted'] as const;
export type TuneStatus = (typeof TUNE_STATUSES)[number];

export interface TuneReport {
  tuneId: number;
  /** When `tune:start` took it, ms since the epoch. */
  createdAt: number;
  status: TuneStatus;
  error: string | null;
  objective: { id: string; label: string; unit: string; maximise: boolean };
  knobs: KnobRange[];
  /** The seeds every arm runs with. */
  seeds: number[];
  budget: number;
  runsPlanned: number;
  runsDone: number;
  /** Of runsPlanned, those taken from runs the lab had already done (same arm, seed, engine version). */
  runsReused: number;
  shard: { index: number; count: number } | null;
  arms: TuneArm[];
  /** Arm indexes; null until two arms have statistics (runnerUp) or one (best). */
  best: number | null;
  runnerUp: number | null;
  vsRunnerUp: BestVsRunnerUp | null;
}

export interface TuneProgress {
  tuneId: number;
  /** Of the runs planned so far, done or partly done, 0-1. */
  fraction: number;
  runsDone: number;
  runsPlanned: number;
  round: number;
  wallMs: number;
}

/** One stored tune as `tune:list` gives it, newest first. */
export interface TuneSummary {
  tuneId: number;
  createdAt: number;
  updatedAt: number;
  status: TuneStatus;
  /** The tuned scenario's name, as its file says. */
  scenario: string;
  objective: string;
  knobs: string[];
  runsDone: number;
  /** The best arm's settings, or null when no arm has statistics yet. */
  best: TuneArm['settings'] | null;
}
