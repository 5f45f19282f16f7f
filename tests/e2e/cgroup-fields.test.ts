// Memory cgroups in the forms, in a real browser over web mode: a workload's cgroup name, its
// memory.max and a memory.reclaim write reach the stored file in the scenario format.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listScenarios } from '../../src/main/db/index.ts';
import { startBrowserApp, type BrowserApp } from './browser-app.ts';

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp();
}, 60_000);
afterAll(async () => {
  await app?.close();
});

describe('the cgroup fields', () => {
  it('store a cgroup with memory.max and a memory.reclaim write on the workload', async () => {
    const { page, lab } = app;
    await app.open('#/scenarios');
    await page.waitForSelector('[data-testid=validation-status][data-state=valid]');
    await page.getByTestId('nav-workloads').click();
    await page.getByTestId('workload-0-cgroup-name').fill('box');
    await page.getByTestId('workload-0-cgroup-name').press('Enter');
    await page.getByTestId('workload-0-cgroup-max').fill('256MiB');
    await page.getByTestId('workload-0-cgroup-max').press('Enter');
    await page.getByTestId('workload-0-cgroup-add-reclaim').click();
    await page.getByTestId('nav-scenarios').click();
    await page.waitForSelector('[data-testid=validation-status][data-state=valid]');
    await page.getByTestId('scenario-save').click();
    await page.waitForSelector('[data-testid=validation-status][data-draft=saved]');
    const doc = listScenarios(lab.db)[0]!.document as { workload: { cgroup?: unknown }[] };
    expect(doc.workload[0]!.cgroup).toEqual({
      name: 'box',
      max: '256MiB',
      reclaim: [{ atMs: 1000, size: '64MiB' }],
    });
  });
});
