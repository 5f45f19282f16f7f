import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../shared/result.ts';
import { getResult, importResult, saveResult } from './results.ts';
import { createRun, getRun, listRuns } from './runs.ts';
import { makeResult, openTempDatabase } from '../../../tests/support/main/db.ts';

/** The same object with every key order reversed, as another tool might write the file. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reversedKeys(v)]),
  );
}

describe('results', () => {
  it('save and read back with their summary columns', () => {
    const { db } = openTempDatabase();
    const { id } = createRun(db, { name: 'r', seed: 7, engineVersion: '0.1.0' });
    const result = makeResult();
    saveResult(db, id, result);
    const stored = getResult(db, id);
    expect(stored?.result).toEqual(result);
    expect(stored?.summary).toEqual({
      throughput: 4000,
      meanLatencyNs: 150, // (3000 x 100 + 1000 x 300) / 4000
      nrReferences: 4000,
      pgpromoteSuccess: 300,
      pgdemoteTotal: 42,
      oomKill: 0,
    });
    expect(getResult(db, 99)).toBeNull();
  });

  it('replace the previous result of the same run', () => {
    const { db } = openTempDatabase();
    const { id } = createRun(db, { name: 'r', seed: 7, engineVersion: '0.1.0' });
    saveResult(db, id, makeResult());
    saveResult(db, id, makeResult({ wallMs: 99 }));
    expect(getResult(db, id)?.result.wallMs).toBe(99);
  });

  it('of two real runs may be identical and are both kept', () => {
    const { db } = openTempDatabase();
    for (const seed of [7, 7])
      saveResult(db, createRun(db, { name: 'r', seed, engineVersion: '0.1.0' }).id, makeResult());
    expect(getResult(db, 1)?.contentHash).toBe(getResult(db, 2)?.contentHash);
  });
});

describe('importResult', () => {
  it("adds a done run with the file's seed, engine version and timings", () => {
    const { db } = openTempDatabase();
    const outcome = importResult(db, makeResult(), { scenarioHash: 'abc', at: 5 });
    expect(outcome).toEqual({ runId: 1, imported: true });
    expect(getRun(db, 1)).toMatchObject({
      status: 'done',
      name: 'hotset on dram+cxl',
      seed: 7,
      engineVersion: '0.1.0',
      scenarioHash: 'abc',
      wallMs: 120.5,
      simulatedMs: 1000,
      progress: 1,
      ownerPid: null,
      finishedAt: 5,
    });
    expect(getResult(db, 1)?.result).toEqual(makeResult());
  });

  it('is idempotent: the same result imported twice, even with its keys reordered, is stored once', () => {
    const { db } = openTempDatabase();
    const first = importResult(db, makeResult());
    expect(importResult(db, makeResult())).toEqual({ runId: first.runId, imported: false });
    expect(importResult(db, reversedKeys(makeResult()) as RunResult)).toEqual({
      runId: first.runId,
      imported: false,
    });
    expect(listRuns(db)).toHaveLength(1);
    expect(importResult(db, makeResult({ seed: 8 })).imported).toBe(true);
    expect(listRuns(db)).toHaveLength(2);
  });

  it('reads a result from before results named their engine as run by the exact engine, and stores it once', () => {
    const { db } = openTempDatabase();
    const older: Partial<RunResult> = makeResult();
    delete older.engine;
    const first = importResult(db, older as RunResult);
    expect(getResult(db, first.runId)?.result).toEqual({ ...makeResult(), engine: 'exact' });
    expect(importResult(db, older as RunResult)).toEqual({ runId: first.runId, imported: false });
  });

  it('refuses a result of another format', () => {
    const { db } = openTempDatabase();
    const other = { ...makeResult(), format: 'tierlab.result/2' } as unknown as RunResult;
    expect(() => importResult(db, other)).toThrow(/tierlab.result\/2/);
    expect(listRuns(db)).toHaveLength(0);
  });
});
