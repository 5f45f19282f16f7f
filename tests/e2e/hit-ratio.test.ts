// The fast-tier hit ratio in the run view, in a real browser: its chart over time (per task and
// machine-wide) beside the residency charts, and its column in the task table, with a trace
// replay's LRU and Belady's MIN at the same capacity; and its row in Compare.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/api/create-api.ts';
import { machineHitRatio } from '../../src/shared/hit-ratio.ts';
import type { RunDetail } from '../../src/shared/api/types.ts';
import { LS_TRACE } from '../fixtures/lackey.ts';
import { paintedPixels, runToDone, startBrowserApp, type BrowserApp } from './browser-app.ts';

/** A hot set twice the size of DRAM (4 MiB over 16 MiB of PMEM), and a replay of the ls trace. */
const document = (traceFile: string) => ({
  format: 'tierlab.scenario/1',
  name: 'hit ratio',
  machine: {
    pageSize: '4KiB',
    nodes: [
      { id: 0, memory: 'dram', capacity: '4MiB', cpus: 2 },
      { id: 1, memory: 'pmem', capacity: '16MiB', cpus: 0 },
    ],
  },
  policy: { preset: 'linux', knobs: { demotion_enabled: true, min_free_kbytes: 128 } },
  workload: [
    { name: 'hot', type: 'hotset', size: '8MiB', cpu: 0 },
    { name: 'ls', type: 'trace', file: traceFile, repeats: 50, cpu: 0 },
  ],
  run: { durationMs: 2000, tickMs: 10, sampleEveryMs: 100, seed: 1 },
});

let app: BrowserApp;
let runId: number;
let runIds: number[];

beforeAll(async () => {
  app = await startBrowserApp();
  // The lab runs only traces imported into it, as the Import trace… button does.
  const base64 = readFileSync(LS_TRACE).toString('base64');
  const { file } = (await dispatch(app.lab, 'trace:import', { name: 'ls.lackey.gz', base64 })) as {
    file: string;
  };
  // Two seeds, so that Compare has a group of runs to summarise.
  runIds = await runToDone(app, document(file), [1, 2]);
  runId = runIds[0]!;
}, 90_000);
afterAll(async () => {
  await app?.close();
});

const percent = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;

describe('the fast-tier hit ratio in the run view', () => {
  it('draws the hit ratio over time per task and machine-wide, and gives each task its ratio in the table', async () => {
    const { page } = app;
    await app.open(`#/runs/${runId}`);
    const { result } = (await dispatch(app.lab, 'run:get', { runId })) as RunDetail;
    if (!result) throw new Error('the run stored no result');
    const [hot, ls] = result.tasks;

    await page.getByTestId('chart-canvas-task-hit-ratio').waitFor();
    await expect.poll(() => paintedPixels(page, 'chart-canvas-task-hit-ratio')).toBeGreaterThan(500);
    const drawn = await page
      .getByTestId('chart-box-task-hit-ratio')
      .evaluate(
        (el: HTMLElement) =>
          JSON.parse(el.dataset.series ?? '[]') as { label: string; last: number | null }[],
      );
    expect(drawn.map((s) => s.label)).toEqual(['hot', 'ls', 'machine-wide']);
    // Twice DRAM's size, the hot set cannot be served from DRAM alone: neither 0 nor 100%.
    expect(hot!.fastTierHitRatio).toBeGreaterThan(0.05);
    expect(hot!.fastTierHitRatio).toBeLessThan(0.95);
    expect(drawn[0]!.last).toBeLessThan(100);
    await expect
      .poll(() => page.getByTestId('machine-hit-ratio').textContent())
      .toContain(`${(machineHitRatio(result) * 100).toFixed(1)}% of all references`);

    await expect
      .poll(() => page.getByTestId('task-hit-ratio-0').textContent())
      .toBe(percent(hot!.fastTierHitRatio));
    const trace = ls!.trace!;
    expect(await page.getByTestId('task-hit-ratio-1').textContent()).toBe(
      `${percent(ls!.fastTierHitRatio)}LRU ${percent(trace.lruFastTierHitRatio)}MIN ${percent(trace.optimalFastTierHitRatio)}`,
    );
    await expect.poll(() => page.getByRole('columnheader', { name: /fast-tier\s*hits/ }).count()).toBe(1);
    await app.shot('run-view-hit-ratio');
  });

  it('is a row of the comparison table, higher being better', async () => {
    const { page } = app;
    await app.open(`#/compare?runs=${runIds.join(',')}`);
    const row = page.locator('[data-testid=compare-metric][data-metric=hit-ratio]');
    await row.waitFor();
    expect(await row.locator('code').getAttribute('title')).toBe(
      'Fast-tier hit ratio (top-tier hits / all references); higher is better',
    );
    expect(await row.textContent()).toMatch(/\d+\.\d/);
  });
});
