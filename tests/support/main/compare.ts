// Shared by this folder's tests: small RunResults whose metrics are easy to compute by hand.
import {
  RESULT_FORMAT,
  type NodeResult,
  type RunResult,
  type TaskResult,
} from '../../../src/shared/result.ts';
import { COUNTERS, type CounterName } from '../../../src/shared/vmstat.ts';

export function zeroVmstat(): Record<CounterName, number> {
  return Object.fromEntries(COUNTERS.map((name) => [name, 0])) as Record<CounterName, number>;
}

export function makeTask(overrides: Partial<TaskResult> = {}): TaskResult {
  return {
    name: 'hot',
    type: 'hotset',
    threads: 1,
    references: 1000,
    throughput: 1000,
    meanLatencyNs: 100,
    runMs: 1000,
    finished: true,
    oomKilled: false,
    residentPages: {},
    residency: { timesMs: [], pages: [], references: [] },
    hitsByNode: {},
    fastTierHitRatio: 0,
    ...overrides,
  };
}

export function makeNode(overrides: Partial<NodeResult> = {}): NodeResult {
  return {
    id: 0,
    memory: 'dram',
    tier: 4,
    adistance: 576,
    topTier: true,
    demotionTargets: { preferred: [], fallback: [] },
    watermarks: { min: 0, low: 0, high: 0, promo: 0 },
    capacityPages: 1000,
    freePages: 0,
    anonPages: 0,
    filePages: 0,
    vmstat: zeroVmstat(),
    ...overrides,
  };
}

export function makeRun(
  overrides: Partial<RunResult> = {},
  vmstat: Partial<Record<CounterName, number>> = {},
): RunResult {
  return {
    format: RESULT_FORMAT,
    name: 'hotset on dram+cxl',
    seed: 1,
    engineVersion: '0.1.0',
    engine: 'rate',
    simulatedMs: 1000,
    wallMs: 10,
    vmstat: { ...zeroVmstat(), ...vmstat },
    nodes: [],
    tasks: [makeTask()],
    events: [],
    migrations: [],
    pingPong: { windowMs: 10_000, promotedThenDemoted: 0, demotedThenPromoted: 0 },
    ...overrides,
  };
}

/** A run whose only task has this throughput, for tests about the statistics rather than the metrics. */
export function runWithThroughput(throughput: number, seed = 1): RunResult {
  return makeRun({ seed, tasks: [makeTask({ throughput })] });
}
