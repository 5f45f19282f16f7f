// The multi-gen LRU in a real browser: a run with lru_gen_enabled draws each node's generations,
// youngest first, and a run with the two lists draws none.
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

function example(lruGen: boolean) {
  const document = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown> & {
    run: { durationMs: number };
    policy: { knobs: Record<string, unknown> };
  };
  document.run.durationMs = 2000;
  document.policy.knobs.lru_gen_enabled = lruGen;
  return document;
}

describe('generations per node', () => {
  it('draws the generations of an MGLRU run per node, their last sizes those of the result', async () => {
    const [runId] = await runToDone(app, example(true));
    await app.open(`#/runs/${runId}`);
    const box = app.page.getByTestId('chart-box-node-generations-0');
    await box.waitFor();
    const read = async () => JSON.parse((await box.getAttribute('data-series')) ?? '[]') as ChartSeries[];
    // The per-node columns of the generations are read once the chart asks for them.
    let series = await read();
    for (let i = 0; i < 100 && series[0]?.last == null; i++) {
      await new Promise((r) => setTimeout(r, 100));
      series = await read();
    }
    expect(series.map((s) => s.label)).toEqual([
      'anon max_seq',
      'anon max_seq-1',
      'anon max_seq-2',
      'anon max_seq-3',
      'file max_seq',
      'file max_seq-1',
      'file max_seq-2',
      'file max_seq-3',
    ]);
    // The chart's last points are node 0's final lru_gen_anon_i in MiB (4 KiB pages: 256 a MiB).
    const { result } = (await dispatch(app.lab, 'run:get', { runId: runId! })) as RunDetail;
    const node0 = result!.nodes[0]!.vmstat;
    const anon = [0, 1, 2, 3].map((i) => node0[`lru_gen_anon_${i}` as keyof typeof node0]! / 256);
    expect(series.slice(0, 4).map((s) => s.last)).toEqual(anon);
    expect(anon.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    await app.shot('run-generations');
  }, 90_000);

  it('draws none for a run with the active and inactive lists', async () => {
    const [runId] = await runToDone(app, example(false));
    await app.open(`#/runs/${runId}`);
    await app.page.getByTestId('chart-box-node-memory-0').waitFor();
    expect(await app.page.getByTestId('chart-box-node-generations-0').count()).toBe(0);
  }, 90_000);
});
