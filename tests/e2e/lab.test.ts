// The lab in a real browser: web mode on 127.0.0.1 with a real database and worker threads, driven
// through Chromium the way a person clicks. One session, steps in order, a screenshot per page.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countSamples, getResult, importResult, listRuns } from '../../src/main/db/index.ts';
import { listParts, listScenarios } from '../../src/main/db/index.ts';
import { LS_TRACE } from '../fixtures/lackey.ts';
import { paintedPixels, startBrowserApp, type BrowserApp } from './browser-app.ts';

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp();
}, 60_000);
afterAll(async () => {
  await app?.close();
});

/** Waits until the database has `n` finished runs, and returns them oldest first. */
async function finishedRuns(n: number) {
  for (let i = 0; i < 600; i++) {
    const done = listRuns(app.lab.db, { status: 'done', order: 'oldest' });
    if (done.length >= n) return done;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`fewer than ${n} runs finished`);
}

describe('Tierlab in the browser', () => {
  it("builds a machine from a preset, changes a node and shows the kernel's derived tiers update", async () => {
    const { page } = app;
    await app.open('#/machines');
    await page.getByTestId('preset-optane-2s').click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=derived-demotion] tbody tr').length === 4,
    );
    const tiers = await page.$$eval('[data-testid=derived-tier]', (els) =>
      els.map((e) => e.getAttribute('data-tier')),
    );
    expect(tiers).toEqual(['4', '32']);
    // Give the PMEM node an explicit abstract distance: it moves to memory_tier7 at once.
    await page.getByTestId('node-2-adistance').fill('1000');
    await page.getByTestId('node-2-adistance').press('Enter');
    await page.waitForSelector('[data-testid=derived-tier][data-tier="7"]');
    await page.getByTestId('node-0-capacity').fill('1.5 GiB');
    await page.getByTestId('node-0-capacity').press('Enter');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid=derived-watermarks]')?.textContent?.includes('393,216'),
    );
    await page.getByTestId('save-machine-name').fill('optane 1.5G');
    await page.getByTestId('save-machine').click();
    await page.waitForSelector('[data-testid=saved-machine]');
    expect(listParts(app.lab.db, 'machine').map((p) => p.name)).toEqual(['optane 1.5G']);
    await app.shot('machines');
  });

  it("shows an invalid machine's error by its field and saves nothing", async () => {
    const { page } = app;
    await page.getByTestId('node-1-capacity').fill('-5MiB');
    await page.getByTestId('node-1-capacity').press('Enter');
    await page.waitForSelector('[data-testid=derived-error]');
    expect(await page.getByTestId('derived-error').textContent()).toMatch(/machine\.nodes\[1\]\.capacity/);
    await app.shot('machines-invalid');
    await page.getByTestId('nav-scenarios').click();
    await page.waitForSelector('[data-testid=validation-status][data-state=invalid]');
    await page.getByTestId('scenario-save').click();
    await page.waitForSelector('[data-testid=error-summary]');
    expect(listScenarios(app.lab.db)).toHaveLength(0);
    await page.getByTestId('nav-machines').click();
    await page.getByTestId('node-1-capacity').fill('384MiB');
    await page.getByTestId('node-1-capacity').press('Enter');
    await page.waitForSelector('[data-testid=derived-tiers]');
  });

  it('runs a scenario, showing its progress bar and a live chart with painted pixels', async () => {
    const { page } = app;
    // More memory than node 0's 1.5 GiB of DRAM, so the policies have something to do.
    await page.getByTestId('nav-workloads').click();
    await page.getByTestId('workload-0-size').fill('2GiB');
    await page.getByTestId('workload-0-size').press('Enter');
    await page.getByTestId('nav-policies').click();
    await page.getByTestId('policy-preset-linux').click();
    await page.getByTestId('nav-scenarios').click();
    await page.getByTestId('scenario-name').fill('optane, usemem, mainline defaults');
    await page.getByTestId('scenario-name').press('Tab');
    await page.waitForSelector('[data-testid=validation-status][data-state=valid]');
    await page.getByTestId('scenario-run').click();
    await page.waitForSelector('[data-testid=progress-bar]');
    await app.shot('scenarios-running');
    const [run] = await finishedRuns(1);
    await app.open(`#/runs/${run!.id}`);
    await page.waitForSelector('[data-testid=run-header][data-status=done]');
    // The scenario leaves run.engine to its default, and the header says which engine ran.
    expect(await page.getByTestId('run-engine').textContent()).toMatch(/^rate engine/);
    await page.waitForSelector('[data-testid=chart-canvas-free-per-node]');
    await page.waitForFunction(
      () =>
        Number(
          document.querySelector('[data-testid=chart-canvas-free-per-node]')?.getAttribute('data-points'),
        ) > 0,
    );
    expect(await paintedPixels(page, 'chart-canvas-free-per-node')).toBeGreaterThan(1000);
    await page.waitForSelector('[data-testid=chart-canvas-task-throughput]');
    expect(await paintedPixels(page, 'chart-canvas-task-throughput')).toBeGreaterThan(1000);
    await app.shot('run');
  });

  it('runs a second policy and compares the two side by side', async () => {
    const { page } = app;
    await page.getByTestId('nav-policies').click();
    await page.getByTestId('policy-preset-linux-tiering').click();
    await app.shot('policies');
    await page.getByTestId('nav-workloads').click();
    await page.waitForSelector('[data-testid=workload-timeline]');
    await app.shot('workloads');
    await page.getByTestId('nav-scenarios').click();
    await page.getByTestId('scenario-name').fill('optane, usemem, linux-tiering');
    await page.getByTestId('scenario-name').press('Tab');
    await page.waitForSelector('[data-testid=validation-status][data-state=valid]');
    await page.getByTestId('scenario-run').click();
    const runs = await finishedRuns(2);
    await app.open(`#/compare?runs=${runs.map((r) => r.id).join(',')}`);
    await page.waitForSelector('[data-testid=compare-table]');
    const metrics = await page.$$eval('[data-testid=compare-metric]', (els) =>
      els.map((e) => e.getAttribute('data-metric')),
    );
    expect(metrics).toContain('throughput');
    // Mainline defaults swap the overflow; linux-tiering demotes it: the table shows it.
    const demoted = await page.$$eval('[data-testid=compare-metric][data-metric=demote-mibps] td', (tds) =>
      tds.map((td) => td.textContent),
    );
    expect(demoted.join(' ')).toMatch(/[1-9]/);
    await page.waitForSelector('[data-testid=chart-canvas-compare-overlay]');
    await page.waitForSelector('[data-testid=scenario-diff] [data-testid=diff-row]');
    expect(await page.getByTestId('scenario-diff').textContent()).toMatch(/policy\.preset/);
    await app.shot('compare');
  });

  it('exports the samples of the finished runs as CSV: the header and one row per sample', async () => {
    const { page } = app;
    await page.getByTestId('nav-scenarios').click();
    await page.waitForSelector('[data-testid=run-row][data-status=done]');
    for (const box of await page.getByTestId('run-select').all()) await box.check();
    await app.shot('scenarios');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-samples').click(),
    ]);
    const text = readFileSync(await download.path(), 'utf8');
    const lines = text.trim().split('\n');
    expect(lines[0]).toMatch(/^run_id,time_ms,nr_free_pages,nr_inactive_anon,/);
    const runs = listRuns(app.lab.db, { status: 'done' });
    const samples = runs.reduce((sum, r) => sum + countSamples(app.lab.db, r.id), 0);
    expect(lines).toHaveLength(samples + 1);
  });

  it('imports a lackey trace as a workload', async () => {
    const { page } = app;
    await page.getByTestId('nav-workloads').click();
    await page.waitForSelector('[data-testid=workload-card-0]');
    const before = await page.locator('[data-testid^=workload-card-]').count();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByTestId('import-trace').click(),
    ]);
    await chooser.setFiles(LS_TRACE);
    await page.waitForSelector(`[data-testid=workload-card-${before}]`);
    expect(await page.getByTestId(`workload-${before}-type`).inputValue()).toBe('trace');
    expect(await page.getByTestId('toast').last().textContent()).toMatch(/200,000 accesses, 137 pages/);
    await app.shot('workloads-trace');
  });

  it('loads a saved machine into another scenario', async () => {
    const { page } = app;
    await page.getByTestId('nav-machines').click();
    await page.getByTestId('preset-cxl-expander').click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=derived-demotion] tbody tr').length === 2,
    );
    await page.getByTestId('load-machine').click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid=derived-demotion] tbody tr').length === 4,
    );
    expect(await page.getByTestId('node-0-capacity').inputValue()).toMatch(/1\.5 ?GiB/);
  });

  it('says why a finished run imported without samples has no charts', async () => {
    const { page } = app;
    const [first] = await finishedRuns(1);
    const stored = getResult(app.lab.db, first!.id)!;
    const { runId } = importResult(app.lab.db, { ...stored.result, name: 'imported without samples' });
    expect(countSamples(app.lab.db, runId)).toBe(0);
    await app.open(`#/runs/${runId}`);
    await page.waitForSelector('[data-testid=run-no-samples]');
    expect(await page.$$('[data-testid=free-per-node]')).toHaveLength(0);
    expect(await page.getByTestId('page-run').textContent()).not.toMatch(/No samples yet/);
  });

  it('drops the node list when a mempolicy goes back to default, leaving no error behind', async () => {
    const { page } = app;
    await page.getByTestId('nav-workloads').click();
    const mode = page.getByTestId('workload-0-mempolicy-mode');
    const nodes = page.getByTestId('workload-0-mempolicy-nodes');
    await mode.selectOption({ label: 'bind' });
    await nodes.fill('0');
    await mode.selectOption({ label: 'default (local first)' });
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid=workload-0-mempolicy-nodes]') as HTMLInputElement).value === '',
    );
    expect(await nodes.isDisabled()).toBe(true);
    await page.getByTestId('nav-scenarios').click();
    await page.waitForSelector('[data-testid=validation-status][data-state=valid]');
  });
});
