// The memtis preset in a real browser over web mode: its knobs in their own group on the policies
// page, its fixed kernel with the reason, a knob saved in the file, and its htmm_* counters offered
// in the run view once a run is done.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRuns, listScenarios } from '../../src/main/db/index.ts';
import { MEMTIS_KNOBS } from '../../src/shared/scenario/memtis-knobs.ts';
import { startBrowserApp, type BrowserApp } from './browser-app.ts';

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp();
}, 60_000);
afterAll(async () => {
  await app?.close();
});

async function finishedRun() {
  for (let i = 0; i < 600; i++) {
    const [run] = listRuns(app.lab.db, { status: 'done' });
    if (run) return run;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no run finished');
}

describe('the memtis preset', () => {
  it('shows its knobs and kernel, saves a knob, and runs with its counters', async () => {
    const { page, lab } = app;
    await app.open('#/scenarios');
    await page.waitForSelector('[data-testid=validation-status][data-state=valid]');
    await page.getByTestId('nav-policies').click();
    expect(await page.getByTestId('preset-kernel-memtis').textContent()).toMatch(/5\.15\.19/);
    await page.getByTestId('policy-preset-memtis').click();
    expect(await page.getByTestId('kernel-fixed').textContent()).toMatch(/ksampled/);
    const group = page.getByTestId('knob-group-memtis');
    expect(await group.locator('tr[data-testid^=knob-row-]').count()).toBe(Object.keys(MEMTIS_KNOBS).length);
    expect(await page.getByTestId('knob-htmm_sample_period').getAttribute('placeholder')).toMatch(/199/);
    const period = page.getByTestId('knob-htmm_sample_period');
    await period.fill('401');
    await period.press('Enter');
    await page.getByTestId('nav-scenarios').click();
    await page.waitForSelector('[data-testid=validation-status][data-state=valid]');
    await page.getByTestId('scenario-run').click();
    const run = await finishedRun();
    const doc = listScenarios(lab.db)[0]!.document as {
      policy: { preset: string; knobs: Record<string, unknown> };
    };
    expect(doc.policy.preset).toBe('memtis');
    expect(doc.policy.knobs.htmm_sample_period).toBe(401);
    await app.open(`#/runs/${run.id}`);
    await page.waitForSelector('[data-testid=run-header][data-status=done]');
    await page.waitForSelector('[data-testid=counter-htmm_nr_sampled]');
  }, 120_000);
});
