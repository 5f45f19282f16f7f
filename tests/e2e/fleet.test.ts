// Fleet metrics in a real browser: the run view's fleet panel draws each task's working set over
// time and lists idle percentiles, STRR, STAR and the memory cost as the result has them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/api/create-api.ts';
import type { RunDetail } from '../../src/shared/api/types.ts';
import { runToDone, startBrowserApp, type BrowserApp } from './browser-app.ts';

const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'usemem-demotion.tierlab.json');

let app: BrowserApp;

beforeAll(async () => {
  app = await startBrowserApp();
}, 60_000);
afterAll(async () => {
  await app?.close();
});

interface ChartSeries {
  label: string;
  last: number | null;
}

describe('the fleet panel', () => {
  it("draws each task's working set and shows the result's percentiles, STRR, STAR and cost", async () => {
    const document = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown> & {
      run: { durationMs: number };
      machine: Record<string, unknown>;
    };
    document.run.durationMs = 2000;
    document.machine.memoryPrices = { dram: 5, pmem: 1 };
    const [runId] = await runToDone(app, document);
    await app.open(`#/runs/${runId}`);
    const panel = app.page.getByTestId('fleet');
    await panel.waitFor();
    const { result } = (await dispatch(app.lab, 'run:get', { runId: runId! })) as RunDetail;
    const box = app.page.getByTestId('chart-box-working-set');
    const series = JSON.parse((await box.getAttribute('data-series')) ?? '[]') as ChartSeries[];
    // One line per task, ending at its last working set in MiB (4 KiB pages: 256 a MiB).
    expect(series.map((s) => s.label)).toEqual(result!.tasks.map((t) => t.name));
    expect(series.map((s) => s.last)).toEqual(
      result!.tasks.map((t) => t.fleet!.workingSetPages.at(-1)! / 256),
    );
    // A row per task and one for all of them; the run's median idle time is in its p50 cell.
    const rows = app.page.getByTestId('fleet-row');
    expect(await rows.count()).toBe(result!.tasks.length + 1);
    const all = (await rows.last().locator('td').allTextContents()).map((s) => s.trim());
    expect(all[0]).toBe('all tasks');
    expect(all[4]).toBe(String(result!.fleet!.idleMsPercentiles[50]));
    // The machine's prices, not the defaults, price its memory.
    const cost = result!.fleet!.cost;
    expect(cost.usdPerGiB.dram).toBe(5);
    const text = (await app.page.getByTestId('memory-cost').textContent()) ?? '';
    expect(text).toContain('dram 5 USD/GiB');
    expect(text).toContain('pmem 1 USD/GiB');
    await app.shot('run-fleet');
  }, 90_000);
});
