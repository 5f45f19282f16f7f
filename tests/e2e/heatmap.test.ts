// The access heatmap in the run view, in a real browser: one band per node of a three-node machine,
// stacked by tier with the boundaries drawn where the bands say, a hover that names the cell's node,
// pages and references, and a zoom in time and address that survives a reload, as do the time
// charts' zoom and log scale.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/api/create-api.ts';
import type { RunDetail } from '../../src/shared/api/types.ts';
import type { AccessHeatmap, RunResult } from '../../src/shared/result.ts';
import { runToDone, startBrowserApp, type BrowserApp } from './browser-app.ts';

/** A 16 MiB hot set over DRAM and two PMEM nodes (one tier), sampled every 100 ms for a second. */
const scenario = {
  format: 'tierlab.scenario/1',
  name: 'heatmap',
  machine: {
    pageSize: '4KiB',
    nodes: [
      { id: 0, memory: 'dram', capacity: '6MiB', cpus: 1 },
      { id: 1, memory: 'pmem', capacity: '32MiB', cpus: 0 },
      { id: 2, memory: 'pmem', capacity: '8MiB', cpus: 0 },
    ],
  },
  policy: { preset: 'linux', knobs: { demotion_enabled: true, min_free_kbytes: 128 } },
  workload: [{ name: 'hot', type: 'hotset', size: '16MiB', cpu: 0 }],
  run: { durationMs: 1000, tickMs: 10, sampleEveryMs: 100, seed: 1 },
};

interface BandRow {
  node: number;
  tier: number;
  top: number;
  bottom: number;
  tierBoundaryAfter: boolean;
}

let app: BrowserApp;
let runId: number;
let result: RunResult;
let heatmap: AccessHeatmap;

beforeAll(async () => {
  app = await startBrowserApp();
  [runId] = (await runToDone(app, scenario)) as [number];
  result = ((await dispatch(app.lab, 'run:get', { runId })) as RunDetail).result!;
  heatmap = result.tasks[0]!.heatmap!;
}, 120_000);
afterAll(async () => {
  await app?.close();
});

const canvasAttr = (name: string) => app.page.getByTestId('access-heatmap-hot').getAttribute(name);

/** The canvas pixel's [r, g, b] at a point in canvas coordinates. */
function pixel(x: number, y: number): Promise<number[]> {
  return app.page.evaluate(
    ([px, py]) => {
      const c = document.querySelector<HTMLCanvasElement>('[data-testid=access-heatmap-hot]')!;
      return Array.from(c.getContext('2d')!.getImageData(px!, py!, 1, 1).data.slice(0, 3));
    },
    [x, y],
  );
}

describe('the access heatmap in the run view', () => {
  it('draws a band per node, top tier first, with thin node and thick tier boundaries between them', async () => {
    await app.open(`#/runs/${runId}`);
    const canvas = app.page.getByTestId('access-heatmap-hot');
    await canvas.waitFor();
    await canvas.scrollIntoViewIfNeeded();
    expect(await canvasAttr('data-bands')).toBe('3');
    expect(await canvasAttr('data-buckets')).toBe('64');
    expect(await canvasAttr('data-columns')).toBe(String(heatmap.timesMs.length));
    const rows = JSON.parse((await canvasAttr('data-band-rows'))!) as BandRow[];
    // The order a reader expects: by memory tier (from the result's nodes), then node id.
    const byTier = [...result.nodes].sort((a, b) => a.tier - b.tier || a.id - b.id);
    expect(rows.map((r) => r.node)).toEqual(byTier.map((n) => n.id));
    expect(rows[0]!.node).toBe(0);
    // The two PMEM nodes share a tier: one thick line (DRAM to PMEM), one thin (node1 to node2).
    expect(rows.map((r) => r.tierBoundaryAfter)).toEqual([true, false, false]);
    const tiers = byTier.map((n) => n.tier);
    expect(rows.map((r) => r.tierBoundaryAfter)).toEqual(tiers.map((t, i) => i < 2 && tiers[i + 1] !== t));
    // Each band's rows hold heat colours; between two bands the boundary line is drawn, four
    // rows thick where the tier changes and one row where it does not.
    const x = 300;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      expect(r.bottom - r.top).toBeGreaterThan(50);
      const inside = await pixel(x, (r.top + r.bottom) / 2);
      expect(inside).not.toEqual([0, 0, 0]);
      if (i + 1 === rows.length) continue;
      const next = rows[i + 1]!;
      const mid = Math.round((r.bottom + next.top) / 2);
      const line = await pixel(x, mid);
      const justAbove = await pixel(x, mid - 3);
      expect(line).not.toEqual(justAbove);
      const lineRows = await Promise.all([-2, -1, 0, 1].map((d) => pixel(x, mid + d)));
      const thick = lineRows.filter((p) => p.join() === line.join()).length;
      expect(thick).toBe(r.tierBoundaryAfter ? 4 : 1);
    }
    await app.shot('access-heatmap-bands');
  });

  it('names the node, its pages and the references it served for the cell under the pointer', async () => {
    const canvas = app.page.getByTestId('access-heatmap-hot');
    const rows = JSON.parse((await canvasAttr('data-band-rows'))!) as BandRow[];
    const box = (await canvas.boundingBox())!;
    const scale = box.width / 760;
    // The last column, the first bucket, in the first band (DRAM).
    const column = heatmap.timesMs.length - 1;
    const x = 104 + ((column + 0.5) / heatmap.timesMs.length) * (760 - 104 - 64);
    const y = rows[0]!.top + (0.5 / 64) * (rows[0]!.bottom - rows[0]!.top);
    await canvas.hover({ position: { x: x * scale, y: y * scale } });
    const tip = app.page.getByTestId('heatmap-tooltip-hot');
    await expect.poll(() => tip.textContent()).toContain('node0:');
    const pages = heatmap.residentPages![column]![0]!;
    const index = result.nodes.findIndex((n) => n.id === 0);
    const refs = heatmap.references[column]![0]!;
    const all = pages.reduce((a, b) => a + b, 0);
    const served = Math.round((refs * pages[index]!) / all);
    const text = (await tip.textContent())!;
    expect(text).toContain('0.0–0.3 MiB');
    expect(text).toContain(`${(heatmap.timesMs[column - 1]! / 1000).toFixed(2)}–1.00 s`);
    expect(text).toContain(`node0: ${pages[index]!.toLocaleString('en-US')} of its pages`);
    expect(text).toContain(`${served.toLocaleString('en-US')} of ${refs.toLocaleString('en-US')} refs`);
  });

  it('zooms time with keys and addresses with a drag, keeps the zoom across a reload, and resets it', async () => {
    const frame = app.page.getByTestId('heatmap-box-hot');
    await frame.focus();
    await app.page.keyboard.press('+');
    // Ten columns; + halves the view about its centre.
    await expect.poll(() => canvasAttr('data-x-min')).toBe('2.5');
    expect(await canvasAttr('data-x-max')).toBe('7.5');
    await app.page.keyboard.press('PageUp');
    await expect.poll(() => canvasAttr('data-y-min')).toBe('16');
    expect(await canvasAttr('data-y-max')).toBe('48');
    await expect
      .poll(() => app.page.getByTestId('heatmap-range-hot').textContent())
      .toContain(`${(heatmap.timesMs[1]! / 1000 + 0.05).toFixed(2)}–`);

    await app.page.reload();
    await app.page.getByTestId('access-heatmap-hot').waitFor();
    expect(await canvasAttr('data-x-min')).toBe('2.5');
    expect(await canvasAttr('data-y-min')).toBe('16');
    expect(await canvasAttr('data-zoomed')).toBe('true');

    // A drag down the first band from a quarter to three quarters of it: addresses 24..40 of 16..48.
    const canvas = app.page.getByTestId('access-heatmap-hot');
    await canvas.scrollIntoViewIfNeeded();
    const rows = JSON.parse((await canvasAttr('data-band-rows'))!) as BandRow[];
    const box = (await canvas.boundingBox())!;
    const scale = box.width / 760;
    const h = rows[0]!.bottom - rows[0]!.top;
    const x = box.x + 300 * scale;
    await app.page.mouse.move(x, box.y + (rows[0]!.top + h / 4) * scale);
    await app.page.mouse.down();
    await app.page.mouse.move(x + 1, box.y + (rows[0]!.top + h / 2) * scale, { steps: 3 });
    await app.page.mouse.move(x + 1, box.y + (rows[0]!.top + (3 * h) / 4) * scale, { steps: 3 });
    await app.page.mouse.up();
    await expect.poll(async () => Number(await canvasAttr('data-y-min'))).toBeCloseTo(24, 0);
    expect(Number(await canvasAttr('data-y-max'))).toBeCloseTo(40, 0);
    // The drag was vertical: time stays as it was.
    expect(await canvasAttr('data-x-min')).toBe('2.5');
    await app.shot('access-heatmap-zoomed');

    await app.page.getByTestId('heatmap-reset-hot').click();
    await expect.poll(() => canvasAttr('data-zoomed')).toBe('false');

    // A pinch (Ctrl+wheel) over the middle of the plot narrows time about the pointer; with Shift, addresses.
    await app.page.mouse.move(
      box.x + (104 + (760 - 168) / 2) * scale,
      box.y + (rows[0]!.top + h / 2) * scale,
    );
    await app.page.keyboard.down('Control');
    await app.page.mouse.wheel(0, -70);
    await expect.poll(() => canvasAttr('data-zoomed')).toBe('true');
    const [x0, x1] = [Number(await canvasAttr('data-x-min')), Number(await canvasAttr('data-x-max'))];
    expect(x1 - x0).toBeCloseTo(10 * Math.exp(-0.7), 1);
    expect((x0 + x1) / 2).toBeCloseTo(5, 1);
    expect(await canvasAttr('data-y-max')).toBe('64');
    await app.page.keyboard.down('Shift');
    await app.page.mouse.wheel(0, -70);
    await app.page.keyboard.up('Shift');
    await app.page.keyboard.up('Control');
    await expect.poll(async () => Number(await canvasAttr('data-y-max'))).toBeLessThan(64);
    await app.page.getByTestId('heatmap-reset-hot').click();
    await expect.poll(() => canvasAttr('data-zoomed')).toBe('false');
    expect(await canvasAttr('data-x-min')).toBe('0');
    expect(await canvasAttr('data-y-max')).toBe('64');
    await app.page.reload();
    await app.page.getByTestId('access-heatmap-hot').waitFor();
    expect(await canvasAttr('data-zoomed')).toBe('false');
  });
});

describe('the heatmap’s CSV button', () => {
  it('downloads the task’s heatmap, a row per interval and bucket with its stored references and pages', async () => {
    await app.open(`#/runs/${runId}`);
    await app.page.getByTestId('access-heatmap-hot').waitFor();
    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      app.page.getByTestId('heatmap-csv-hot').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`tierlab-run-${runId}-heatmap-hot.csv`);
    const [head, ...lines] = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\n');
    const header = head!.split(',');
    expect(lines).toHaveLength(heatmap.timesMs.length * 64);
    const at = (c: number, b: number) => lines[c * 64 + b]!.split(',');
    const last = heatmap.timesMs.length - 1;
    expect(Number(at(last, 5)[header.indexOf('references')])).toBe(heatmap.references[last]![5]);
    expect([0, 1, 2].map((n) => Number(at(last, 5)[header.indexOf(`node${n}_pages`)]))).toEqual(
      heatmap.residentPages![last]![5],
    );
  });
});

describe('the run view’s time charts', () => {
  const boxAttr = (id: string, name: string) => app.page.getByTestId(`chart-box-${id}`).getAttribute(name);

  it('keep their zoom and log scale across a reload and a visit to another page, until reset', async () => {
    await app.open(`#/runs/${runId}`);
    const box = app.page.getByTestId('chart-box-reclaim');
    await box.waitFor();
    await box.focus();
    await app.page.keyboard.press('+');
    await expect.poll(() => boxAttr('reclaim', 'data-zoomed')).toBe('true');
    const min = await boxAttr('reclaim', 'data-x-min');
    const max = await boxAttr('reclaim', 'data-x-max');
    // A one-second run halved about its centre.
    expect(Number(min)).toBeCloseTo(0.25, 5);
    expect(Number(max)).toBeCloseTo(0.75, 5);
    await app.page.getByTestId('chart-log-faults').click();
    await expect.poll(() => boxAttr('faults', 'data-y-scale')).toBe('logarithmic');

    await app.page.reload();
    await app.page.getByTestId('chart-box-reclaim').waitFor();
    await expect.poll(() => boxAttr('reclaim', 'data-zoomed')).toBe('true');
    expect(await boxAttr('reclaim', 'data-x-min')).toBe(min);
    expect(await boxAttr('reclaim', 'data-x-max')).toBe(max);
    expect(await boxAttr('faults', 'data-y-scale')).toBe('logarithmic');
    // Every chart of the run shares the zoom (zoom together is on); the log scale is the chart's own.
    expect(await boxAttr('faults', 'data-x-min')).toBe(min);
    expect(await boxAttr('reclaim', 'data-y-scale')).toBe('linear');

    await app.open('#/machines');
    await app.open(`#/runs/${runId}`);
    await app.page.getByTestId('chart-box-reclaim').waitFor();
    await expect.poll(() => boxAttr('reclaim', 'data-x-min')).toBe(min);

    await app.page.getByTestId('chart-reset-reclaim').click();
    await app.page.getByTestId('chart-log-faults').click();
    await app.page.reload();
    await app.page.getByTestId('chart-box-reclaim').waitFor();
    await expect.poll(() => boxAttr('reclaim', 'data-zoomed')).toBe('false');
    expect(await boxAttr('faults', 'data-y-scale')).toBe('linear');
  });
});

describe('the fleet panel’s CSV button', () => {
  it('downloads each task’s fleet metrics: the working set at each residency time as the result has it', async () => {
    await app.open(`#/runs/${runId}`);
    await app.page.getByTestId('fleet').waitFor();
    const [download] = await Promise.all([
      app.page.waitForEvent('download'),
      app.page.getByTestId('fleet-csv').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`tierlab-run-${runId}-fleet.csv`);
    const rows = readFileSync(await download.path(), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const task = result.tasks[0]!;
    const ws = rows.filter((r) => r[1] === 'hot' && r[2] === 'working_set_pages');
    expect(ws.map((r) => [Number(r[3]), Number(r[4])])).toEqual(
      task.residency.timesMs.map((t, i) => [t, task.fleet!.workingSetPages[i]]),
    );
  });
});
