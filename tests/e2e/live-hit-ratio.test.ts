// The fast-tier hit ratio while a run goes, in a real browser: per task and machine-wide, from the
// progress reports, before the run has any result. A task bound to DRAM that fits in it hits the
// top tier on every reference; one bound to PMEM never does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/api/create-api.ts';
import { getRun } from '../../src/main/db/index.ts';
import type { ScenarioInfo, Validation } from '../../src/shared/api/types.ts';
import { startBrowserApp, type BrowserApp } from './browser-app.ts';

/** Long enough to still be running many wall seconds after it starts. */
const scenario = {
  format: 'tierlab.scenario/1',
  name: 'live hit ratio',
  machine: {
    pageSize: '4KiB',
    nodes: [
      { id: 0, memory: 'dram', capacity: '16MiB', cpus: 1 },
      { id: 1, memory: 'pmem', capacity: '32MiB', cpus: 0 },
    ],
  },
  policy: { preset: 'linux', knobs: { min_free_kbytes: 128 } },
  workload: [
    { name: 'near', type: 'hotset', size: '4MiB', cpu: 0, mempolicy: { mode: 'bind', nodes: [0] } },
    { name: 'far', type: 'hotset', size: '4MiB', cpu: 0, mempolicy: { mode: 'bind', nodes: [1] } },
  ],
  run: { durationMs: 3_600_000, tickMs: 10, sampleEveryMs: 100, seed: 1 },
};

let app: BrowserApp;
let runId: number;

beforeAll(async () => {
  app = await startBrowserApp();
  const saved = (await dispatch(app.lab, 'scenario:save', {
    document: scenario,
  })) as Validation<ScenarioInfo>;
  if (!saved.ok) throw new Error(`the scenario does not validate: ${JSON.stringify(saved)}`);
  const started = (await dispatch(app.lab, 'run:start', { scenarioId: saved.value.id, seeds: [1] })) as {
    runIds: number[];
  };
  runId = started.runIds[0]!;
}, 60_000);
afterAll(async () => {
  if (runId !== undefined) await dispatch(app.lab, 'run:cancel', { runId });
  await app?.close();
});

interface SeriesInfo {
  label: string;
  last: number | null;
}

describe('the fast-tier hit ratio of a running run', () => {
  it('shows each task’s ratio and the machine’s, so far and over time, while the run goes', async () => {
    await app.open(`#/runs/${runId}`);
    const summary = app.page.getByTestId('live-hit-ratio');
    await summary.waitFor({ timeout: 30_000 });
    await expect.poll(() => summary.textContent(), { timeout: 30_000 }).toContain('machine-wide');
    const text = (await summary.textContent())!;
    expect(text).toContain('near 100.0%');
    expect(text).toContain('far 0.0%');
    // The machine's ratio is the two tasks' weighted by their references: strictly between them.
    const machine = Number(/machine-wide ([\d.]+)%/.exec(text)![1]);
    expect(machine).toBeGreaterThan(0);
    expect(machine).toBeLessThan(100);

    const box = app.page.getByTestId('chart-box-task-hit-ratio');
    const series = async () => JSON.parse((await box.getAttribute('data-series')) ?? '[]') as SeriesInfo[];
    // A line needs two reports: wait for a point on each.
    await expect
      .poll(async () => (await series()).every((s) => s.last !== null) && (await series()).length, {
        timeout: 30_000,
      })
      .toBe(3);
    const lines = await series();
    expect(lines.map((s) => s.label)).toEqual(['near', 'far', 'machine-wide']);
    expect(lines[0]!.last).toBe(100);
    expect(lines[1]!.last).toBe(0);
    // Still running: no result yet, so this is the live chart, not the result's.
    expect(getRun(app.lab.db, runId)!.status).toBe('running');
    expect(await app.page.getByTestId('machine-hit-ratio').count()).toBe(0);
    await app.shot('live-hit-ratio');
  });
});
