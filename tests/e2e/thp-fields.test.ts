// Transparent huge pages in the forms, in a real browser over web mode: the transparent_hugepage
// and defrag knobs on the policies page take their sysfs words, and a workload's thp box reaches
// the stored file.
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

describe('the THP fields', () => {
  it('stores the knob word chosen on the policies page and the thp box of a workload', async () => {
    const { page, lab } = app;
    await app.open('#/scenarios');
    await page.waitForSelector('[data-testid=validation-status][data-state=valid]');
    await page.getByTestId('nav-policies').click();
    const knob = page.getByTestId('knob-transparent_hugepage');
    expect(await knob.locator('option').allTextContents()).toEqual([
      'preset: madvise',
      'always',
      'madvise',
      'never',
    ]);
    await knob.selectOption('always');
    const defrag = page.getByTestId('knob-transparent_hugepage_defrag');
    expect(await defrag.locator('option').allTextContents()).toEqual([
      'preset: madvise',
      'always',
      'defer',
      'defer+madvise',
      'madvise',
      'never',
    ]);
    await defrag.selectOption('defer+madvise');
    await page.getByTestId('nav-workloads').click();
    await page.getByTestId('workload-0-thp').check();
    await page.getByTestId('nav-scenarios').click();
    await page.waitForSelector('[data-testid=validation-status][data-state=valid]');
    await page.getByTestId('scenario-save').click();
    await page.waitForSelector('[data-testid=validation-status][data-draft=saved]');
    const doc = listScenarios(lab.db)[0]!.document as {
      policy: { knobs: Record<string, unknown> };
      workload: { thp?: boolean }[];
    };
    expect(doc.policy.knobs.transparent_hugepage).toBe('always');
    expect(doc.policy.knobs.transparent_hugepage_defrag).toBe('defer+madvise');
    expect(doc.workload[0]!.thp).toBe(true);
  });
});
