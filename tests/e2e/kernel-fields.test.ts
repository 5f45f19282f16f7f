// The kernel version in a real browser over web mode: picked on the policies page with what it
// changes listed, kept when the preset changes, saved in the file, and shown in the run view, whose
// counter picker offers only that kernel's counters (6.1 keeps pgdemote_* machine-wide only).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRuns, listScenarios } from '../../src/main/db/index.ts';
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

describe('the kernel field', () => {
  it('picks 6.1 for linux-tiering, lists what it lacks, and runs with its counters only', async () => {
    const { page, lab } = app;
    await app.open('#/scenarios');
    await page.waitForSelector('[data-testid=validation-status][data-state=valid]');
    await page.getByTestId('nav-policies').click();
    expect(await page.getByTestId('preset-kernel-tpp').textContent()).toMatch(/5\.16-rc/);
    expect(await page.getByTestId('preset-kernel-linux').textContent()).toBe('6.1 or 6.12');
    await page.getByTestId('policy-preset-linux-tiering').click();
    const kernel = page.getByTestId('policy-kernel');
    expect(await kernel.locator('option').allTextContents()).toEqual([
      'default (6.12)',
      'Linux 6.1',
      'Linux 6.12',
    ]);
    await kernel.selectOption('Linux 6.1');
    const changes = await page.getByTestId('kernel-change').allTextContents();
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((c) => c.startsWith('Lacks: '))).toBe(true);
    // A research preset keeps its own kernel: no choice, the reason instead.
    await page.getByTestId('policy-preset-tpp').click();
    expect(await page.getByTestId('policy-kernel').count()).toBe(0);
    expect(await page.getByTestId('kernel-fixed').textContent()).toMatch(/WMARK_DEMOTE/);
    await page.getByTestId('policy-preset-linux-tiering').click();
    await kernel.selectOption('Linux 6.1');
    await page.getByTestId('nav-scenarios').click();
    await page.waitForSelector('[data-testid=validation-status][data-state=valid]');
    expect(await page.getByTestId('summary-kernel').textContent()).toBe('kernel 6.1');
    await page.getByTestId('scenario-run').click();
    const run = await finishedRun();
    const doc = listScenarios(lab.db)[0]!.document as { policy: { kernel?: string } };
    expect(doc.policy.kernel).toBe('6.1');
    await app.open(`#/runs/${run.id}`);
    await page.waitForSelector('[data-testid=run-header][data-status=done]');
    expect(await page.getByTestId('run-kernel').textContent()).toBe('Linux 6.1');
    await page.waitForSelector('[data-testid=counter-pgdemote_kswapd]');
    expect(await page.getByTestId('counter-pgpromote_candidate_nrl').count()).toBe(0);
    await app.open(`#/runs/${run.id}?node=0`);
    await page.waitForSelector('[data-testid=counter-pgscan_kswapd]');
    expect(await page.getByTestId('counter-pgdemote_kswapd').count()).toBe(0);
  });
});
