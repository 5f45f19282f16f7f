// The values the API carries: plain JSON objects, the same over IPC, HTTP and in-process calls.
import type { ScenarioError } from '../scenario/errors.ts';
import type { RunResult, Watermarks } from '../result.ts';
import type { RunEngine } from '../scenario/resolved.ts';

export const RUN_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled', 'interrupted'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface RunInfo {
  id: number;
  name: string;
  scenarioId: number | null;
  scenarioHash: string | null;
  status: RunStatus;
  seed: number;
  engineVersion: string;
  /** The engine that runs or ran it (`run.engine`). */
  engine: RunEngine;
  queuedAt: number;
  startedAt: number | null;
  finishedAt: number | null;
  /** Wall time the run took; while it runs, the wall time so far. */
  wallMs: number | null;
  simulatedMs: number | null;
  progress: number;
  error: string | null;
  tags: string[];
}

export interface RunDetail {
  run: RunInfo;
  /** The scenario document exactly as it ran. */
  scenario: unknown;
  result: RunResult | null;
  note: string;
}

export interface ScenarioInfo {
  id: number;
  name: string;
  hash: string;
  document: unknown;
  createdAt: number;
  updatedAt: number;
}

/** What the kernel derives from a machine: shown live while the user edits it. */
export interface DerivedMachine {
  nodes: {
    id: number;
    tier: number;
    adistance: number;
    topTier: boolean;
    preferred: number[];
    fallback: number[];
    watermarks: Watermarks;
    managedPages: number;
  }[];
  minFreeKbytes: number;
  /** Boot log lines, as `dmesg` would show them. */
  log: string[];
}

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: ScenarioError[] };

/** Percentage differences to the baseline, positive when better (mmtests' pdiff or pndiff per statistic). */
export interface VsBaseline {
  min: number;
  mean: number;
  stddev: number;
  coeffvar: number;
  max: number;
  /** Difference of means over the facing confidence half-widths (Stat.pm cidiff); NaN without intervals. */
  cidiff: number;
  /** mmtests' `:SIG:`: the means' confidence intervals do not overlap. */
  significant: boolean;
  /**
   * The difference of means in units of the pooled stddev (Cohen's d), signed so positive is better;
   * NaN when either group has one run or both have no spread. Shown so a reader can judge a `*`.
   */
  effectSize: number;
}

export interface ComparisonCell {
  n: number;
  min: number;
  /** Amean, or Hmean when higher is better (mmtests' rule). */
  mean: number;
  stddev: number;
  coeffvar: number;
  max: number;
  /** The mean's 95% confidence interval; NaN bounds (null over JSON) with a single run. */
  ci: readonly [number | null, number | null];
  /** Against the baseline group, % signed so positive is better; absent in the baseline's cell. */
  vsBaseline?: VsBaseline;
}

export interface ComparisonRow {
  /** `activity`: tier traffic, neither good nor bad in itself (never coloured as a regression). */
  metric: { id: string; label: string; unit: string; higherIsBetter: boolean; activity?: boolean };
  meanKind: 'amean' | 'hmean';
  cells: ComparisonCell[];
}

/** Runs to compare; `baseline` indexes the groups as formed from `runIds` in order (0: the first run's). */
export interface CompareRequest {
  runIds: number[];
  baseline?: number;
  metrics?: string[];
  /** Compare cancelled, failed and interrupted runs too, each in a group of its own; left out unless asked. */
  includePartial?: boolean;
}

export interface Comparison {
  /** The baseline group first, then the others in the order their first run was given. */
  groups: {
    label: string;
    runIds: number[];
    scenarioHash: string | null;
    /** The status of a partial run's group (it holds that one run); absent for done runs. */
    partial?: RunStatus;
  }[];
  /** Partial runs that were asked for but left out (includePartial unset). */
  excluded: { runId: number; status: RunStatus }[];
  /** Runs a reader must not miss: heavy swapping, most throughput lost against the baseline. */
  notes: string[];
  baseline: number;
  rows: ComparisonRow[];
  /** The comparison as mmtests' compare-kernels prints it. */
  text: string;
}

export const PART_KINDS = ['machine', 'workload', 'policy'] as const;
export type PartKind = (typeof PART_KINDS)[number];

/** A reusable, named piece of a scenario: a machine, a workload list or a policy, as the file writes it. */
export interface PartInfo {
  id: number;
  kind: PartKind;
  name: string;
  document: unknown;
  createdAt: number;
  updatedAt: number;
}
