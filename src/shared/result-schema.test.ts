import { describe, expect, it } from 'vitest';
import { RESULT_FORMAT, type RunResult } from './result.ts';
import { resultProblems, withEngine } from './result-schema.ts';

/** The smallest result the schema takes: one node, no tasks. */
function smallResult(): Record<string, unknown> {
  return {
    format: RESULT_FORMAT,
    name: 'r',
    seed: 1,
    engineVersion: '0.1.0',
    engine: 'rate',
    simulatedMs: 1000,
    wallMs: 10,
    vmstat: {},
    nodes: [
      {
        id: 0,
        memory: 'dram',
        tier: 4,
        adistance: 576,
        topTier: true,
        demotionTargets: { preferred: [], fallback: [] },
        watermarks: { min: 1, low: 2, high: 3, promo: 4 },
        capacityPages: 256,
        freePages: 128,
        anonPages: 128,
        filePages: 0,
        vmstat: {},
      },
    ],
    tasks: [],
    events: [],
    migrations: [],
    pingPong: { windowMs: 10_000, promotedThenDemoted: 0, demotedThenPromoted: 0 },
  };
}

/** smallResult with one task, whose residency carries these extra fields (and the task these). */
function withTask(
  residency: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const task = {
    name: 'hot',
    type: 'hotset',
    threads: 1,
    references: 10,
    throughput: 10,
    meanLatencyNs: 100,
    runMs: 1000,
    finished: true,
    oomKilled: false,
    residentPages: { '0': 4 },
    residency: { timesMs: [0, 100], pages: [[0], [4]], references: [0, 10], ...residency },
    hitsByNode: { '0': 6 },
    fastTierHitRatio: 0.6,
    ...extra,
  };
  return { ...smallResult(), tasks: [task] };
}

describe('the result schema', () => {
  it('accepts a task with its top-tier hits over time, and an older one without them', () => {
    expect(resultProblems(withTask({ fastTierHits: [0, 6] }))).toEqual([]);
    expect(resultProblems(withTask({}))).toEqual([]);
  });

  it('refuses top-tier hits over time that are not counts, naming the field', () => {
    expect(resultProblems(withTask({ fastTierHits: [0, -1] }))).toEqual([
      'tasks.0.residency.fastTierHits.1: Too small: expected number to be >=0',
    ]);
  });

  it('accepts a task with an access heatmap, and an older one without it', () => {
    const heatmap = {
      pages: 4,
      bucketPages: 2,
      timesMs: [100],
      references: [[7, 3]],
      topTierShare: [[1, null]],
    };
    expect(resultProblems(withTask({}, { heatmap }))).toEqual([]);
    expect(resultProblems(withTask({}))).toEqual([]);
  });

  it('refuses a heatmap whose top-tier share is not a share, or with more than 64 buckets', () => {
    const heatmap = {
      pages: 4,
      bucketPages: 2,
      timesMs: [100],
      references: [[7, 3]],
      topTierShare: [[1.5, 0]],
    };
    expect(resultProblems(withTask({}, { heatmap }))).toEqual([
      'tasks.0.heatmap.topTierShare.0.0: Too big: expected number to be <=1',
    ]);
    const wide = { ...heatmap, topTierShare: [[0, 0]], references: [new Array<number>(65).fill(0)] };
    expect(resultProblems(withTask({}, { heatmap: wide }))).toHaveLength(1);
  });

  it('accepts a result that names its engine, and keeps that engine', () => {
    const result = { ...smallResult(), engine: 'exact' };
    expect(resultProblems(result)).toEqual([]);
    expect(withEngine(result as unknown as RunResult).engine).toBe('exact');
  });

  it('accepts an older result without an engine, which the exact engine ran', () => {
    const older = smallResult();
    delete older.engine;
    expect(resultProblems(older)).toEqual([]);
    expect(withEngine(older as unknown as RunResult).engine).toBe('exact');
  });

  it('refuses an engine it does not know, naming the field', () => {
    expect(resultProblems({ ...smallResult(), engine: 'fast' })).toEqual([
      'engine: Invalid option: expected one of "rate"|"exact"',
    ]);
  });
});
