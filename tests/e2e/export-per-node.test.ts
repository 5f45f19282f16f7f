// The export UI's "per node" choice in a real browser: the downloaded samples CSV has one row per
// sample per node (nodeN/vmstat), where "machine-wide" has one per sample.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallScenario } from '../support/main/test-lab.ts';
import { countSamples } from '../../src/main/db/index.ts';
import { runToDone, startBrowserApp, type BrowserApp } from './browser-app.ts';

let app: BrowserApp;
let runId: number;

beforeAll(async () => {
  app = await startBrowserApp();
  const document = smallScenario({ name: 'per node' });
  runId = (await runToDone(app, document))[0]!;
}, 90_000);
afterAll(async () => {
  await app?.close();
});

async function downloadSamples(rows: 'machine' | 'node'): Promise<{ name: string; lines: string[] }> {
  const { page } = app;
  await page.getByTestId('export-samples-rows').selectOption(rows);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-samples').click(),
  ]);
  const text = readFileSync(await download.path(), 'utf8');
  return { name: download.suggestedFilename(), lines: text.trim().split('\n') };
}

describe('the samples export, per node', () => {
  it('downloads one row per sample per node when "per node" is chosen, and per sample when not', async () => {
    const { page } = app;
    await page.getByTestId('nav-scenarios').click();
    await page.waitForSelector('[data-testid=run-row][data-status=done]');
    // The run list says which engine ran it and how fast (the scenario leaves run.engine at rate).
    expect(await page.getByTestId('run-row-engine').first().textContent()).toBe('rate');
    expect(await page.getByTestId('run-speed').first().textContent()).toMatch(/^\d+(\.\d+)?x$/);
    for (const box of await page.getByTestId('run-select').all()) await box.check();
    const samples = countSamples(app.lab.db, runId);
    expect(samples).toBeGreaterThan(0);

    const perNode = await downloadSamples('node');
    expect(perNode.name).toBe(`tierlab-run-${runId}-node-samples.csv`);
    expect(perNode.lines[0]).toMatch(/^run_id,time_ms,node,nr_free_pages,nr_inactive_anon,/);
    expect(perNode.lines).toHaveLength(2 * samples + 1);
    expect(perNode.lines[2]).toMatch(new RegExp(`^${runId},0,1,`));

    const machine = await downloadSamples('machine');
    expect(machine.lines[0]).toMatch(/^run_id,time_ms,nr_free_pages,/);
    expect(machine.lines).toHaveLength(samples + 1);
  });
});
