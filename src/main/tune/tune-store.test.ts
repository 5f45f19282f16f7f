import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeLab, openLab } from '../api/lab.ts';
import { inProcessClient } from '../api/in-process.ts';
import { spawnSync } from 'node:child_process';
import { createTune, INTERRUPTED_TUNE_ERROR } from '../db/index.ts';
import { sqliteOf } from '../db/connection.ts';
import { smallScenario, tempLab } from '../../../tests/support/main/test-lab.ts';
import type { TuneReport } from '../../shared/tune/report.ts';

const request = (durationMs: number) => ({
  document: smallScenario({ name: 'tiny', durationMs }),
  knobs: ['swappiness=0..200'],
  objective: 'throughput',
  seeds: 1,
  budget: 4,
});

describe('a tune in the lab file', () => {
  it('is read back after the lab is closed and opened again, and listed newest first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tierlab-tune-'));
    const dbPath = join(dir, 'lab.db');
    try {
      let lab = openLab({ dbPath, workers: 1 });
      let api = inProcessClient(lab);
      const first = (await api.call('tune:start', request(200))).tuneId;
      const report = await api.call('tune:wait', { tuneId: first });
      const second = (await api.call('tune:start', { ...request(200), budget: 2 })).tuneId;
      await api.call('tune:wait', { tuneId: second });
      await closeLab(lab);

      lab = openLab({ dbPath, workers: 1 });
      api = inProcessClient(lab);
      expect(await api.call('tune:wait', { tuneId: first })).toEqual(report);
      const list = await api.call('tune:list', {});
      expect(list.map((t) => t.tuneId)).toEqual([second, first]);
      expect(list[1]).toMatchObject({
        status: 'done',
        scenario: 'tiny',
        objective: 'throughput',
        knobs: ['swappiness'],
        runsDone: report.runsDone,
        best: report.arms[report.best!]!.settings,
      });
      // An ended tune has nothing to cancel.
      expect(await api.call('tune:cancel', { tuneId: first })).toEqual({ cancelled: false });
      await closeLab(lab);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('cancelled mid-round cancels its runs, starts no other, and keeps the rounds that finished', async () => {
    const lab = tempLab();
    const api = inProcessClient(lab);
    // usemem repeated for a simulated hour in the exact engine on one worker: several seconds of wall
    // time a run, so the first round is under way when cancelled.
    const long = request(3_600_000);
    const document = {
      ...long.document,
      workload: [{ ...(long.document.workload as object[])[0], repeats: 100_000 }],
      run: { ...(long.document.run as object), engine: 'exact' },
    };
    // Listening before the start: the first run may start before tune:start answers.
    const firstRunning = new Promise<void>((started) => {
      const stop = api.on('run:status', (s) => {
        if (s.status !== 'running') return;
        stop();
        started();
      });
    });
    const { tuneId } = await api.call('tune:start', { ...long, document });
    await firstRunning;
    expect(await api.call('tune:cancel', { tuneId })).toEqual({ cancelled: true });
    const report = await api.call('tune:wait', { tuneId });
    expect(report.status).toBe('cancelled');
    expect(report.runsDone).toBe(0);
    const runs = await api.call('run:list', {});
    expect(runs.length).toBe(report.runsPlanned);
    expect(runs.map((r) => r.status)).toEqual(runs.map(() => 'cancelled'));
    const [stored] = await api.call('tune:list', {});
    expect(stored!.status).toBe('cancelled');
    await expect(api.call('tune:cancel', { tuneId: 999 })).rejects.toThrow('tune 999');
  });

  it('left running by a process that is gone becomes interrupted when a lab opens the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tierlab-tune-'));
    const dbPath = join(dir, 'lab.db');
    try {
      let lab = openLab({ dbPath, workers: 1 });
      const base: Omit<TuneReport, 'tuneId'> = {
        createdAt: 1,
        status: 'running',
        error: null,
        objective: { id: 'throughput', label: 'Throughput', unit: 'refs/s', maximise: true },
        knobs: [],
        seeds: [1],
        budget: 4,
        runsPlanned: 0,
        runsDone: 0,
        runsReused: 0,
        shard: null,
        arms: [],
        best: null,
        runnerUp: null,
        vsRunnerUp: null,
      };
      const owners = {
        exited: spawnSync('true').pid,
        alive: process.ppid,
      };
      const ids = Object.fromEntries(
        Object.entries(owners).map(([k, pid]) => {
          const id = createTune(lab.db, request(200), base);
          sqliteOf(lab.db).prepare('UPDATE tunes SET owner_pid = ? WHERE id = ?').run(pid, id);
          return [k, id];
        }),
      );
      await closeLab(lab);
      lab = openLab({ dbPath, workers: 1 });
      const api = inProcessClient(lab);
      const status = async (id: number) => (await api.call('tune:wait', { tuneId: id })).status;
      expect(await status(ids.exited!)).toBe('interrupted');
      expect((await api.call('tune:wait', { tuneId: ids.exited! })).error).toBe(INTERRUPTED_TUNE_ERROR);
      expect(await status(ids.alive!)).toBe('running');
      await closeLab(lab);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
