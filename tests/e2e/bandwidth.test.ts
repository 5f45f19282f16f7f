// Bandwidth and loaded latency in a real browser: a node's default curve shown with its source and
// made editable, the weighted-interleave weights auto derives, and a run with a STREAM-like
// antagonist drawing each node's bandwidth and loaded latency.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('bandwidth and loaded latency', () => {
  it('shows each node its default curve and lets it be customised', async () => {
    const { page } = app;
    await app.open('#/machines');
    const curve = page.getByTestId('node-0-curve');
    await curve.waitFor();
    // The DRAM shape at 15 GB/s and 81 ns: 4.5 GB/s at 85.05 ns first, greyed (no inputs yet).
    expect(await curve.locator('tbody tr').count()).toBe(5);
    expect(await curve.locator('tbody tr').first().innerText()).toContain('85.05');
    expect(await curve.locator('input').count()).toBe(0);
    await curve.getByRole('button', { name: 'Customise' }).click();
    expect(await curve.locator('input').count()).toBe(10);
    await app.shot('machine-latency-curve');
  });

  it('shows the weights auto mode derives from bandwidth as placeholders', async () => {
    const { page } = app;
    // The lab's default policy runs 6.12, which has no auto: every weight starts at 1.
    expect(await page.getByTestId('interleave-auto').count()).toBe(0);
    expect(await page.getByTestId('interleave-weight-0').getAttribute('placeholder')).toBe('1');
    // damon-tiering runs v6.16, which has auto.
    await page.getByTestId('nav-policies').click();
    await page.getByTestId('policy-preset-damon-tiering').click();
    await page.getByTestId('nav-machines').click();
    // The preset machine on the page is the lab's default; whatever it is, auto is on and each
    // node's field shows a weight from 1 to 32 as its placeholder.
    expect(await page.getByTestId('interleave-auto').isChecked()).toBe(true);
    const placeholder = await page.getByTestId('interleave-weight-0').getAttribute('placeholder');
    expect(Number(placeholder)).toBeGreaterThanOrEqual(1);
    expect(Number(placeholder)).toBeLessThanOrEqual(32);
  });

  it("draws the antagonist's bandwidth and the latency it loads in the run view", async () => {
    const document = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown> & {
      run: { durationMs: number };
      workload: unknown[];
    };
    document.run.durationMs = 2000;
    document.workload.push({ name: 'bw', type: 'stream', node: 0, bandwidthGBps: 12, startMs: 500 });
    const [runId] = await runToDone(app, document);
    await app.open(`#/runs/${runId}`);
    const box = app.page.getByTestId('chart-box-node-bandwidth');
    await box.waitFor();
    const series = async (testid: string) =>
      JSON.parse(
        (await app.page.getByTestId(`chart-box-${testid}`).getAttribute('data-series')) ?? '[]',
      ) as ChartSeries[];
    // 12 GB/s at 2:1 is 8 GB/s of reads on node 0 (memhog only writes; reclaim may read a little more).
    const read0 = (await series('node-bandwidth')).find(
      (s) => s.label.startsWith('node0') && s.label.endsWith('read'),
    );
    expect(read0?.last).toBeGreaterThanOrEqual(7.99);
    const latency0 = (await series('node-latency')).find((s) => s.label.startsWith('node0'));
    expect(latency0?.last).toBeGreaterThan(100); // loaded well above DRAM's idle 81 ns
    await app.shot('run-bandwidth');
  }, 90_000);
});
