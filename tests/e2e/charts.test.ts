// The run view's and Compare's charts in a real browser: drag-to-zoom, keys, reset, the log axis,
// a node picked in Any counter and in Compare, and one colour per node across charts. Each chart's
// box carries what chart.js drew (scale range and type, series colours) as data- attributes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/api/create-api.ts';
import type { RunSampleBatch } from '../../src/shared/api/contract.ts';
import { paintedPixels, runToDone, startBrowserApp, type BrowserApp } from './browser-app.ts';

const EXAMPLE = join(import.meta.dirname, '..', '..', 'examples', 'usemem-demotion.tierlab.json');
/** The example's 20 s, shortened: enough for memhog to fill DRAM and demote to node 1. */
const DURATION_S = 8;

let app: BrowserApp;
let runId: number;

beforeAll(async () => {
  app = await startBrowserApp();
  const document = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { run: { durationMs: number } };
  document.run.durationMs = DURATION_S * 1000;
  runId = (await runToDone(app, document))[0]!;
}, 90_000);
afterAll(async () => {
  await app?.close();
});

interface ChartState {
  xMin: number;
  xMax: number;
  yScale: string;
  yMin: number;
  zoomed: boolean;
  series: { label: string; colour: string; last: number | null }[];
}

/** What chart.js drew in the chart with this test id, as its box reports it. */
async function chartState(page: Page, testid: string): Promise<ChartState> {
  const d = await page.getByTestId(`chart-box-${testid}`).evaluate((el: HTMLElement) => ({ ...el.dataset }));
  return {
    xMin: Number(d.xMin),
    xMax: Number(d.xMax),
    yScale: d.yScale ?? '',
    yMin: Number(d.yMin),
    zoomed: d.zoomed === 'true',
    series: JSON.parse(d.series ?? '[]') as ChartState['series'],
  };
}

/** Drags across a chart's canvas from one fraction of its width to another, at mid-height. */
async function drag(page: Page, testid: string, from: number, to: number): Promise<void> {
  const box = await page.getByTestId(`chart-canvas-${testid}`).boundingBox();
  if (!box) throw new Error(`no canvas for ${testid}`);
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * from, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * ((from + to) / 2), y, { steps: 4 });
  await page.mouse.move(box.x + box.width * to, y, { steps: 4 });
  await page.mouse.up();
}

const colourOf = (s: ChartState, label: string) => s.series.find((x) => x.label === label)?.colour;

async function untilZoomed(page: Page, testid: string, zoomed: boolean): Promise<void> {
  await page.waitForSelector(`[data-testid=chart-box-${testid}][data-zoomed="${zoomed}"]`);
}

describe('charts in the browser', () => {
  it("zooms a run's time chart to the span dragged across it, and the other charts with it", async () => {
    const { page } = app;
    await app.open(`#/runs/${runId}`);
    await page.waitForSelector('[data-testid=run-header][data-status=done]');
    await page.waitForSelector('[data-testid=chart-canvas-task-throughput]');
    const whole = await chartState(page, 'free-per-node');
    expect([whole.xMin, whole.xMax]).toEqual([0, DURATION_S]);
    expect(whole.zoomed).toBe(false);
    await drag(page, 'free-per-node', 0.4, 0.7);
    await untilZoomed(page, 'free-per-node', true);
    const zoomed = await chartState(page, 'free-per-node');
    expect(zoomed.xMin).toBeGreaterThan(0);
    expect(zoomed.xMax).toBeLessThan(DURATION_S);
    expect(zoomed.xMax - zoomed.xMin).toBeLessThan(DURATION_S / 2);
    expect(await paintedPixels(page, 'chart-canvas-free-per-node')).toBeGreaterThan(1000);
    // The dragged chart has focus, so its keys work straight away.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'chart-box-free-per-node',
    );
    // The run's charts zoom together: a counter chart and a task chart show the same span.
    for (const other of ['demotion-promotion', 'task-throughput', 'node-memory-1']) {
      const s = await chartState(page, other);
      expect([s.xMin, s.xMax]).toEqual([zoomed.xMin, zoomed.xMax]);
    }
    await app.shot('charts-zoomed');
  });

  it('shows the whole run again with Reset zoom, or a double-click', async () => {
    const { page } = app;
    await page.getByTestId('chart-reset-free-per-node').click();
    await untilZoomed(page, 'free-per-node', false);
    const reset = await chartState(page, 'free-per-node');
    expect([reset.xMin, reset.xMax]).toEqual([0, DURATION_S]);
    expect(await page.getByTestId('chart-reset-free-per-node').isDisabled()).toBe(true);
    await drag(page, 'reclaim', 0.3, 0.5);
    await untilZoomed(page, 'reclaim', true);
    await page.getByTestId('chart-canvas-reclaim').dblclick();
    await untilZoomed(page, 'reclaim', false);
    expect((await chartState(page, 'free-per-node')).xMax).toBe(DURATION_S);
  });

  it('zooms about the centre with + and -, pans with the arrow keys, and resets with 0', async () => {
    const { page } = app;
    await page.getByTestId('chart-box-fast-tier-share').focus();
    await page.keyboard.press('+');
    await untilZoomed(page, 'fast-tier-share', true);
    const half = await chartState(page, 'fast-tier-share');
    expect([half.xMin, half.xMax]).toEqual([DURATION_S / 4, (DURATION_S * 3) / 4]);
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(async () => (await chartState(page, 'fast-tier-share')).xMin)
      .toBeGreaterThan(half.xMin);
    const panned = await chartState(page, 'fast-tier-share');
    expect(panned.xMin).toBeCloseTo(DURATION_S / 4 + DURATION_S / 10);
    expect(panned.xMax - panned.xMin).toBeCloseTo(DURATION_S / 2);
    await page.keyboard.press('-');
    await untilZoomed(page, 'fast-tier-share', false);
    await page.keyboard.press('+');
    await page.keyboard.press('0');
    await untilZoomed(page, 'fast-tier-share', false);
  });

  it('zooms about the pointer on a pinch (Ctrl+wheel), and leaves a plain wheel to the page', async () => {
    const { page } = app;
    const box = await page.getByTestId('chart-canvas-faults').boundingBox();
    if (!box) throw new Error('no canvas for faults');
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
    await page.mouse.wheel(0, 100);
    expect((await chartState(page, 'faults')).zoomed).toBe(false);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -100);
    await page.keyboard.up('Control');
    await untilZoomed(page, 'faults', true);
    const z = await chartState(page, 'faults');
    expect(z.xMax - z.xMin).toBeLessThan(DURATION_S);
    await page.getByTestId('chart-reset-faults').click();
    await untilZoomed(page, 'faults', false);
  });

  it('zooms each chart on its own when "zoom charts together" is off', async () => {
    const { page } = app;
    await page.getByTestId('zoom-together').uncheck();
    await drag(page, 'hint-faults', 0.5, 0.8);
    await untilZoomed(page, 'hint-faults', true);
    expect((await chartState(page, 'faults')).zoomed).toBe(false);
    await page.getByTestId('chart-reset-hint-faults').click();
    await page.getByTestId('zoom-together').check();
  });

  it('switches a chart to a log y axis with a positive floor, and back', async () => {
    const { page } = app;
    await page.getByTestId('chart-log-demotion-promotion').click();
    await page.waitForSelector('[data-testid=chart-box-demotion-promotion][data-y-scale=logarithmic]');
    const log = await chartState(page, 'demotion-promotion');
    expect(log.yMin).toBeGreaterThan(0);
    expect(await page.getByTestId('chart-log-demotion-promotion').getAttribute('aria-pressed')).toBe('true');
    expect(await paintedPixels(page, 'chart-canvas-demotion-promotion')).toBeGreaterThan(1000);
    // Only that chart changed.
    expect((await chartState(page, 'reclaim')).yScale).toBe('linear');
    // A stacked chart on a log axis draws its parts as lines and still has a positive floor.
    await page.getByTestId('chart-log-node-memory-0').click();
    await page.waitForSelector('[data-testid=chart-box-node-memory-0][data-y-scale=logarithmic]');
    expect((await chartState(page, 'node-memory-0')).yMin).toBeGreaterThan(0);
    await app.shot('charts-log');
    await page.getByTestId('chart-log-demotion-promotion').click();
    await page.waitForSelector('[data-testid=chart-box-demotion-promotion][data-y-scale=linear]');
  });

  it("draws one node's counters in Any counter when that node is picked", async () => {
    const { page } = app;
    await app.open(`#/runs/${runId}?counters=nr_free_pages,pgdemote_kswapd`);
    await page.waitForSelector('[data-testid=explorer-node-1]');
    const stored = (await dispatch(app.lab, 'run:samples', {
      runId,
      counters: ['nr_free_pages'],
      nodes: true,
    })) as RunSampleBatch;
    const free = async () =>
      (await chartState(page, 'picked-counters')).series.find((x) => x.label === 'nr_free_pages')?.last;
    const machineWide = stored.counters.nr_free_pages?.at(-1);
    const node1 = stored.nodes?.['1']?.nr_free_pages?.at(-1);
    expect(node1).toBeDefined();
    expect(node1).not.toBe(machineWide);
    await expect.poll(free).toBe(machineWide);
    await page.getByTestId('explorer-node-1').click();
    await page.waitForFunction(() => location.hash.includes('node=1'));
    await expect.poll(free).toBe(node1);
    expect(await page.getByTestId('chart-picked-counters').textContent()).toMatch(/on node1 PMEM/);
    await page.getByTestId('explorer-node-all').click();
    await page.waitForFunction(() => !location.hash.includes('node='));
  });

  it('gives node 0 one colour in every chart, and free memory none of the node colours', async () => {
    const { page } = app;
    await page.waitForSelector('[data-testid=chart-box-task-residency-0]');
    const free = await chartState(page, 'free-per-node');
    const residency = await chartState(page, 'task-residency-0');
    const memory0 = await chartState(page, 'node-memory-0');
    const memory1 = await chartState(page, 'node-memory-1');
    const node0 = colourOf(free, 'node0 DRAM');
    const node1 = colourOf(free, 'node1 PMEM');
    expect(node0).toMatch(/^#[0-9a-f]{6}$/);
    expect(node1).not.toBe(node0);
    expect(colourOf(residency, 'node0 DRAM')).toBe(node0);
    expect(colourOf(residency, 'node1 PMEM')).toBe(node1);
    expect(colourOf(memory0, 'anon')).toBe(node0);
    expect(colourOf(memory1, 'anon')).toBe(node1);
    const freeColour = colourOf(memory0, 'free');
    expect(freeColour).toBe(colourOf(memory1, 'free'));
    expect([node0, node1]).not.toContain(freeColour);
  });

  it("zooms, logs and picks a node on Compare's overlay chart", async () => {
    const { page } = app;
    await app.open(`#/compare?runs=${runId}&counter=nr_free_pages`);
    await page.waitForSelector('[data-testid=compare-node-0]');
    const stored = (await dispatch(app.lab, 'run:samples', {
      runId,
      counters: ['nr_free_pages'],
      nodes: true,
    })) as RunSampleBatch;
    const last = async () => (await chartState(page, 'compare-overlay')).series[0]?.last;
    await expect.poll(last).toBe(stored.counters.nr_free_pages?.at(-1));
    await page.getByTestId('compare-node-0').click();
    await page.waitForFunction(() => location.hash.includes('node=0'));
    await expect.poll(last).toBe(stored.nodes?.['0']?.nr_free_pages?.at(-1));
    expect(await page.getByTestId('chart-compare-overlay').textContent()).toMatch(/on node0/);
    const xMax = (await chartState(page, 'compare-overlay')).xMax;
    await drag(page, 'compare-overlay', 0.3, 0.6);
    await untilZoomed(page, 'compare-overlay', true);
    expect((await chartState(page, 'compare-overlay')).xMax).toBeLessThan(xMax);
    await page.getByTestId('chart-log-compare-overlay').click();
    await page.waitForSelector('[data-testid=chart-box-compare-overlay][data-y-scale=logarithmic]');
    await app.shot('compare-zoomed-log');
  });
});
