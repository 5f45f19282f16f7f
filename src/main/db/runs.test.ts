import { describe, expect, it } from 'vitest';
import { appendSampleBatch } from './append-samples.ts';
import { sqliteOf } from './connection.ts';
import { INTERRUPTED_ERROR, markInterruptedRuns } from './interrupted-runs.ts';
import { countSamples, sampledNodes } from './read-samples.ts';
import { getResult, saveResult } from './results.ts';
import { getRunNote, setRunNote } from './run-notes.ts';
import { addRunTags, listRunTags } from './run-tags.ts';
import {
  markRunCancelled,
  markRunDone,
  markRunFailed,
  markRunRunning,
  setRunProgress,
} from './run-transitions.ts';
import { createRun, deleteRun, getRun, getRunScenario, listRuns } from './runs.ts';
import { deleteScenario, saveScenario } from './scenarios.ts';
import { makeBatch, makeResult, openTempDatabase } from '../../../tests/support/main/db.ts';

const base = { name: 'run', seed: 1, engineVersion: '0.1.0' };

describe('runs', () => {
  it('are created queued, owned by this process, with their scenario kept', () => {
    const { db } = openTempDatabase();
    const run = createRun(db, { ...base, scenario: { name: 's', run: { seed: 1 } }, queuedAt: 1000 });
    expect(run).toEqual({
      id: 1,
      name: 'run',
      scenarioId: null,
      scenarioHash: null,
      status: 'queued',
      seed: 1,
      engineVersion: '0.1.0',
      engine: 'rate',
      ownerPid: process.pid,
      queuedAt: 1000,
      startedAt: null,
      finishedAt: null,
      wallMs: null,
      simulatedMs: null,
      progress: 0,
      error: null,
    });
    expect(getRun(db, run.id)).toEqual(run);
    expect(getRunScenario(db, run.id)).toEqual({ name: 's', run: { seed: 1 } });
    expect(getRun(db, 99)).toBeNull();
    expect(createRun(db, { ...base, engine: 'exact' }).engine).toBe('exact');
  });

  it('go queued -> running -> done with timings, progress only while running', () => {
    const { db } = openTempDatabase();
    const { id } = createRun(db, base);
    expect(setRunProgress(db, id, { fraction: 0.5, simulatedMs: 10, wallMs: 1 })).toBe(false);
    expect(markRunRunning(db, id, 2000, 4242)).toBe(true);
    expect(setRunProgress(db, id, { fraction: 0.5, simulatedMs: 500, wallMs: 40 })).toBe(true);
    expect(getRun(db, id)).toMatchObject({
      status: 'running',
      startedAt: 2000,
      ownerPid: 4242,
      progress: 0.5,
      simulatedMs: 500,
      wallMs: 40,
    });
    expect(markRunDone(db, id, { finishedAt: 3000, wallMs: 812.5, simulatedMs: 1000 })).toBe(true);
    expect(getRun(db, id)).toMatchObject({
      status: 'done',
      finishedAt: 3000,
      wallMs: 812.5,
      simulatedMs: 1000,
      progress: 1,
    });
  });

  it('refuse transitions that do not apply, changing nothing', () => {
    const { db } = openTempDatabase();
    const { id } = createRun(db, base);
    expect(markRunDone(db, id)).toBe(false);
    markRunRunning(db, id);
    markRunDone(db, id, { wallMs: 1 });
    const done = getRun(db, id);
    expect(markRunCancelled(db, id)).toBe(false);
    expect(markRunFailed(db, id, 'late')).toBe(false);
    expect(markRunRunning(db, id)).toBe(false);
    expect(getRun(db, id)).toEqual(done);
  });

  it('record why they failed, and can be cancelled while queued or running', () => {
    const { db } = openTempDatabase();
    const failed = createRun(db, base).id;
    markRunRunning(db, failed);
    expect(markRunFailed(db, failed, 'RangeError: node 3 does not exist', { finishedAt: 5 })).toBe(true);
    expect(getRun(db, failed)).toMatchObject({
      status: 'failed',
      error: 'RangeError: node 3 does not exist',
      finishedAt: 5,
    });
    const queued = createRun(db, base).id;
    expect(markRunCancelled(db, queued)).toBe(true);
    const running = createRun(db, base).id;
    markRunRunning(db, running);
    appendSampleBatch(db, running, makeBatch(1, 5, 0, 1));
    expect(markRunCancelled(db, running, { simulatedMs: 4 })).toBe(true);
    expect(getRun(db, running)).toMatchObject({ status: 'cancelled', simulatedMs: 4 });
    expect(countSamples(db, running)).toBe(5);
  });

  it('list newest first, filtered by status, scenario, scenario hash and tag', () => {
    const { db } = openTempDatabase();
    const scenario = saveScenario(db, { name: 's', document: { a: 1 }, runSettings: {} });
    const a = createRun(db, { ...base, scenarioId: scenario.id, scenarioHash: 'h1' }).id;
    const b = createRun(db, { ...base, scenarioHash: 'h1' }).id;
    const c = createRun(db, base).id;
    markRunRunning(db, b);
    markRunRunning(db, c);
    markRunDone(db, c);
    addRunTags(db, a, ['sweep-1']);
    addRunTags(db, c, ['sweep-1']);
    const ids = (runs: { id: number }[]) => runs.map((run) => run.id);
    expect(ids(listRuns(db))).toEqual([c, b, a]);
    expect(ids(listRuns(db, { order: 'oldest' }))).toEqual([a, b, c]);
    expect(ids(listRuns(db, { status: 'running' }))).toEqual([b]);
    expect(ids(listRuns(db, { status: ['queued', 'done'] }))).toEqual([c, a]);
    expect(ids(listRuns(db, { status: [] }))).toEqual([]);
    expect(ids(listRuns(db, { scenarioId: scenario.id }))).toEqual([a]);
    expect(ids(listRuns(db, { scenarioHash: 'h1' }))).toEqual([b, a]);
    expect(ids(listRuns(db, { tag: 'sweep-1' }))).toEqual([c, a]);
    expect(ids(listRuns(db, { limit: 1, offset: 1 }))).toEqual([b]);
  });

  it('take their samples, node samples, result, tags and note with them when deleted', () => {
    const { db } = openTempDatabase();
    const { id } = createRun(db, base);
    const kept = createRun(db, base).id;
    for (const run of [id, kept]) {
      appendSampleBatch(db, run, makeBatch(2, 20, 0, 1));
      saveResult(db, run, makeResult());
      addRunTags(db, run, ['x']);
      setRunNote(db, run, 'note');
    }
    expect(deleteRun(db, id)).toBe(true);
    expect(getRun(db, id)).toBeNull();
    expect(countSamples(db, id)).toBe(0);
    expect(sampledNodes(db, id)).toEqual([]);
    expect(getResult(db, id)).toBeNull();
    expect(listRunTags(db, id)).toEqual([]);
    expect(getRunNote(db, id)).toBeNull();
    expect(countSamples(db, kept)).toBe(20);
    expect(getResult(db, kept)).not.toBeNull();
    expect(deleteRun(db, id)).toBe(false);
    const orphans = sqliteOf(db).prepare('PRAGMA foreign_key_check').all();
    expect(orphans).toEqual([]);
  });

  it('outlive their scenario: deleting it only clears the link, the run keeps the scenario it ran', () => {
    const { db } = openTempDatabase();
    const scenario = saveScenario(db, { name: 's', document: { v: 1 }, runSettings: {} });
    const { id } = createRun(db, { ...base, scenarioId: scenario.id, scenario: { v: 1 } });
    expect(deleteScenario(db, scenario.id)).toBe(true);
    expect(getRun(db, id)?.scenarioId).toBeNull();
    expect(getRunScenario(db, id)).toEqual({ v: 1 });
  });
});

describe('markInterruptedRuns', () => {
  it('marks queued and running runs whose process is gone as interrupted, and leaves the rest', () => {
    const { db } = openTempDatabase();
    const deadPid = 999_999_001;
    const livePid = 999_999_002;
    const queuedDead = createRun(db, { ...base, ownerPid: deadPid }).id;
    const runningDead = createRun(db, { ...base, ownerPid: deadPid }).id;
    markRunRunning(db, runningDead, 1, deadPid);
    const runningLive = createRun(db, { ...base, ownerPid: livePid }).id;
    markRunRunning(db, runningLive, 1, livePid);
    const done = createRun(db, { ...base, ownerPid: deadPid }).id;
    markRunRunning(db, done, 1, deadPid);
    markRunDone(db, done);
    const ownerless = createRun(db, { ...base, ownerPid: null }).id;

    const marked = markInterruptedRuns(db, { isOwnerAlive: (pid) => pid === livePid, at: 77 });

    expect(marked.sort()).toEqual([queuedDead, runningDead, ownerless].sort());
    for (const id of marked) {
      expect(getRun(db, id)).toMatchObject({
        status: 'interrupted',
        finishedAt: 77,
        error: INTERRUPTED_ERROR,
      });
    }
    expect(getRun(db, runningLive)?.status).toBe('running');
    expect(getRun(db, done)?.status).toBe('done');
    expect(markInterruptedRuns(db, { isOwnerAlive: (pid) => pid === livePid })).toEqual([]);
  });

  it('treats a run owned by this very pid as a leftover of an earlier process, and probes real pids by default', () => {
    const { db } = openTempDatabase();
    const mine = createRun(db, base).id;
    const parent = createRun(db, { ...base, ownerPid: process.ppid }).id;
    expect(markInterruptedRuns(db)).toEqual([mine]);
    expect(getRun(db, parent)?.status).toBe('queued');
  });
});
