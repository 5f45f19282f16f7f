// The access heatmap in the run view, in a real browser: a finished run draws one canvas per task
// with its bucket and column counts, and a hover over a cell names its time, addresses and counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/api/create-api.ts';
import { listRuns } from '../../src/main/db/index.ts';
import type { RunDetail, ScenarioInfo, Validation } from '../../src/shared/api/types.ts';
import { paintedPixels, startBrowserApp, type BrowserApp } from './browser-app.ts';

/** A 16 MiB hot set (64 buckets of 64 pages) on DRAM + PMEM, sampled every 100 ms for a second. */
const document = {
  format: 'tierlab.scenario/1',
  name: 'heatmap',
  machine: {
    pageSize: '4KiB',
    nodes: [
      { id: 0, memory: 'dram', capacity: '8MiB', cpus: 1 },
      { id: 1, memory: 'pmem', capacity: '32MiB', cpus: 0 },
    ],
  },
  policy: { preset: 'linux', knobs: { demotion_enabled: true, min_free_kbytes: 128 } },
  workload: [{ name: 'hot', type: 'hotset', size: '16MiB', cpu: 0 }],
  run: { durationMs: 1000, tickMs: 10, sampleEveryMs: 100, seed: 1 },
};

let app: BrowserApp;
let runId: number;

beforeAll(async () => {
  app = await startBrowserApp();
  const saved = (await dispatch(app.lab, 'scenario:save', { document })) as Validation<ScenarioInfo>;
  if (!saved.ok) throw new Error(`the scenario does not validate: ${JSON.stringify(saved)}`);
  const started = (await dispatch(app.lab, 'run:start', { scenarioId: saved.value.id, seeds: [1] })) as {
    runIds: number[];
  };
  runId = started.runIds[0]!;
  for (let i = 0; i < 600 && listRuns(app.lab.db, { status: 'done' }).length < 1; i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  if (listRuns(app.lab.db, { status: 'done' }).length < 1)
    throw new Error('the run did not finish in a minute');
}, 90_000);
afterAll(async () => {
  await app?.close();
});

describe('the access heatmap in the run view', () => {
  it('draws a heatmap for a finished run, with its buckets and columns, and names the cell under the pointer', async () => {
    const { page } = app;
    await app.open(`#/runs/${runId}`);
    const { result } = (await dispatch(app.lab, 'run:get', { runId })) as RunDetail;
    const heatmap = result?.tasks[0]?.heatmap;
    if (!heatmap) throw new Error('the run stored no heatmap');
    const canvas = page.getByTestId('access-heatmap-hot');
    await canvas.waitFor();
    expect(await canvas.getAttribute('data-buckets')).toBe('64');
    expect(await canvas.getAttribute('data-columns')).toBe(String(heatmap.timesMs.length));
    expect(heatmap.timesMs).toHaveLength(10);
    expect(await paintedPixels(page, 'access-heatmap-hot')).toBeGreaterThan(10_000);

    // The top left cell: the first interval, the first bucket (the hot set's head).
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    await canvas.hover({ position: { x: (70 / 720) * box.width, y: (10 / 260) * box.height } });
    const tip = page.getByTestId('heatmap-tooltip');
    await expect.poll(() => tip.textContent()).toContain('0.00–0.10 s');
    const text = (await tip.textContent())!;
    expect(text).toContain('0.0–0.3 MiB');
    expect(text).toContain(`${heatmap.references[0]![0]!.toLocaleString('en-US')} refs`);
    await app.shot('access-heatmap');
  });
});
