// The scenario forms in a real browser over web mode: the first-run example, saving over a scenario
// and undoing it (checked in the database), saving as new, a field-level error that the summary
// jumps to, a mempolicy going back to default, and a size written in SI units.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteScenario, getScenario, listScenarios } from '../../src/main/db/index.ts';
import { startBrowserApp, type BrowserApp } from './browser-app.ts';

let app: BrowserApp;
beforeAll(async () => {
  app = await startBrowserApp();
}, 60_000);
afterAll(async () => {
  await app?.close();
});

const NODES = 'workload-0-mempolicy-nodes';

/** The problems shown under the field whose input has `testId`. */
const fieldErrors = (testId: string) =>
  app.page.locator('label.field', { has: app.page.getByTestId(testId) }).getByTestId('field-error');

async function waitValid() {
  await app.page.waitForSelector('[data-testid=validation-status][data-state=valid]');
}

describe('the scenario forms', () => {
  it('starts a fresh lab with an example named as one, and not marked as changed', async () => {
    const { page } = app;
    await app.open('#/scenarios');
    await waitValid();
    expect(await page.getByTestId('scenario-name').inputValue()).toBe(
      'Example: usemem 1.5x DRAM, demotion on',
    );
    expect(await page.getByTestId('validation-status').getAttribute('data-draft')).toBe('example');
    expect(await page.getByTestId('validation-status').textContent()).toMatch(/example, not saved/);
    expect(await page.getByTestId('draft-state').getAttribute('data-state')).toBe('example');
    // Nothing to keep as a copy yet: the first save creates the scenario.
    expect(await page.getByTestId('scenario-save-as-new').count()).toBe(0);
    await page.getByTestId('scenario-name').fill('memhog');
    expect(await page.getByTestId('validation-status').getAttribute('data-draft')).toBe('unsaved');
  });

  it('saves over the scenario with Save & run, and Undo puts the stored version back', async () => {
    const { page, lab } = app;
    await page.getByTestId('run-duration').fill('1s');
    await waitValid();
    await page.getByTestId('scenario-save').click();
    await page.waitForSelector('[data-testid=validation-status][data-draft=saved]');
    const [first] = listScenarios(lab.db);
    const before = structuredClone(first!.document);
    expect(await page.getByTestId('overwrite-note').textContent()).toMatch(/replace scenario 1/);

    await page.getByTestId('scenario-name').fill('memhog, 2 s');
    await page.getByTestId('run-duration').fill('2s');
    await waitValid();
    await page.getByTestId('scenario-run').click();
    const saved = page.getByTestId('toast').filter({ hasText: 'Saved over scenario 1' });
    await saved.waitFor();
    expect(await saved.textContent()).toMatch(/“memhog, 2 s” \(was “memhog”\)/);
    expect(getScenario(lab.db, first!.id)!.name).toBe('memhog, 2 s');

    await saved.getByTestId('toast-action').click();
    await page.getByTestId('toast').filter({ hasText: 'as stored before' }).waitFor();
    expect(getScenario(lab.db, first!.id)!.document).toEqual(before);
    expect(listScenarios(lab.db)).toHaveLength(1);
    // The edits are still on screen, now as changes to the restored scenario.
    expect(await page.getByTestId('scenario-name').inputValue()).toBe('memhog, 2 s');
    await page.waitForSelector('[data-testid=validation-status][data-draft=unsaved]');
  });

  it('saves the edits as a new scenario under a numbered name, leaving the first as stored', async () => {
    const { page, lab } = app;
    const before = structuredClone(getScenario(lab.db, 1)!.document);
    await page.getByTestId('scenario-save-as-new').click();
    const name = page.getByTestId('save-as-new-name');
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLInputElement>('[data-testid=save-as-new-name]')?.value ===
        'memhog, 2 s (2)',
    );
    await app.shot('forms-save-as-new');
    await name.fill('memhog, 2 s');
    await name.press('Enter');
    await page.getByTestId('toast').filter({ hasText: 'Saved as new scenario 2' }).waitFor();
    expect(listScenarios(lab.db).map((s) => [s.id, s.name])).toEqual([
      [1, 'memhog'],
      [2, 'memhog, 2 s'],
    ]);
    expect(getScenario(lab.db, 1)!.document).toEqual(before);
    expect(await page.locator('[data-testid=scenario-composer] h2').textContent()).toBe('Scenario 2');
    expect(await page.getByTestId('save-as-new').count()).toBe(0);
  });

  it('marks a node list naming a missing node at the field, one problem a line, and the summary focuses it', async () => {
    const { page } = app;
    await page.getByTestId('nav-workloads').click();
    const nodes = page.getByTestId(NODES);
    await nodes.fill('0,0,5');
    const errors = fieldErrors(NODES);
    await page.waitForFunction(
      (id) =>
        document
          .querySelector(`[data-testid=${id}]`)
          ?.closest('label')
          ?.querySelectorAll('[data-testid=field-error]').length === 2,
      NODES,
    );
    expect(await errors.allTextContents()).toEqual([
      'node 0 is listed twice',
      'node 5 does not exist; the machine has nodes 0-1',
    ]);
    const [a, b] = await Promise.all([errors.nth(0).boundingBox(), errors.nth(1).boundingBox()]);
    expect(b!.y).toBeGreaterThanOrEqual(a!.y + a!.height);
    expect(await nodes.getAttribute('aria-invalid')).toBe('true');
    const describedBy = await nodes.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(/node 5 does not exist/);
    await app.shot('forms-field-error');

    // From the Scenarios page, the summary's entry opens the Workloads page at the node list.
    await page.getByTestId('nav-scenarios').click();
    await page.locator('[data-testid=error-link][data-path-target="workload[0].mempolicy.nodes[2]"]').click();
    await page.waitForFunction(
      (id) => (document.activeElement as HTMLElement | null)?.dataset.testid === id,
      NODES,
    );

    // Fixed: the stale problems go at once, before the next check answers.
    await nodes.fill('0');
    expect(await errors.count()).toBe(0);
    expect(await nodes.getAttribute('aria-invalid')).toBe('false');
    await page.getByTestId('nav-scenarios').click();
    await waitValid();
  });

  it('drops the node list when the mempolicy goes back to default', async () => {
    const { page } = app;
    await page.getByTestId('nav-workloads').click();
    const mode = page.getByTestId('workload-0-mempolicy-mode');
    const nodes = page.getByTestId(NODES);
    await mode.selectOption({ label: 'interleave' });
    await nodes.fill('0,1');
    await mode.selectOption({ label: 'default (local first)' });
    expect(await nodes.inputValue()).toBe('');
    expect(await nodes.isDisabled()).toBe(true);
    expect(await fieldErrors(NODES).count()).toBe(0);
    await page.getByTestId('nav-scenarios').click();
    await waitValid();
  });

  it('offers MPOL_F_NUMA_BALANCING for bind only, and drops it with another mode', async () => {
    const { page, lab } = app;
    await page.getByTestId('nav-workloads').click();
    const mode = page.getByTestId('workload-0-mempolicy-mode');
    const balancing = page.getByTestId('workload-0-mempolicy-balancing');
    await mode.selectOption({ label: 'bind' });
    await page.getByTestId(NODES).fill('0');
    await page.getByTestId(NODES).press('Tab');
    await balancing.check();
    await page.getByTestId('nav-scenarios').click();
    await waitValid();
    await page.getByTestId('scenario-save').click();
    await page.waitForSelector('[data-testid=validation-status][data-draft=saved]');
    // The scenario the editor saved to: the one saved last.
    const stored = () => {
      const last = listScenarios(lab.db).sort((a, b) => b.updatedAt - a.updatedAt || b.id - a.id)[0]!;
      return (last.document as { workload: { mempolicy?: unknown }[] }).workload[0]!.mempolicy;
    };
    expect(stored()).toEqual({ mode: 'bind', nodes: [0], flags: ['numa_balancing'] });
    await page.getByTestId('nav-workloads').click();
    await mode.selectOption({ label: 'preferred' });
    expect(await balancing.count()).toBe(0);
    await page.getByTestId('nav-scenarios').click();
    await waitValid();
    await page.getByTestId('scenario-save').click();
    await page.waitForSelector('[data-testid=validation-status][data-draft=saved]');
    expect(stored()).toEqual({ mode: 'preferred', nodes: [0] });
  });

  it('refuses a size in SI units saying both readings, and reads K/M/G as binary', async () => {
    const { page } = app;
    await page.getByTestId('nav-machines').click();
    const capacity = page.getByTestId('node-0-capacity');
    await capacity.fill('0.5GB');
    expect(await fieldErrors('node-0-capacity').allTextContents()).toEqual([
      '"0.5GB" is ambiguous: 500000000 bytes in SI units, 536870912 as the kernel reads "0.5G"; ' +
        'write 0.5GiB or 0.5G for binary, or 500000000 for decimal bytes',
    ]);
    expect(await capacity.getAttribute('aria-invalid')).toBe('true');
    await app.shot('forms-si-size');
    await capacity.fill('0.5G');
    const field = page.locator('label.field', { has: capacity });
    expect(await field.locator('.field-hint').textContent()).toBe('131,072 pages');
    expect(await fieldErrors('node-0-capacity').count()).toBe(0);
    // Decimal bytes are fine, and the hint says what a part page costs.
    await capacity.fill('500000000');
    expect(await field.locator('.field-hint').textContent()).toBe(
      '476.84MiB · 122,070 whole 4KiB pages; the last 1,280 bytes are not used',
    );
    await page.getByTestId('nav-scenarios').click();
    await waitValid();
  });

  it('lets go of a scenario deleted behind its back, so the next save creates one', async () => {
    const { page, lab } = app;
    const heading = page.locator('[data-testid=scenario-composer] h2');
    expect(await heading.textContent()).toBe('Scenario 2');
    deleteScenario(lab.db, 2);
    await page.reload();
    await page.waitForFunction(
      () => document.querySelector('[data-testid=scenario-composer] h2')?.textContent === 'New scenario',
    );
    await waitValid();
    await page.getByTestId('scenario-save').click();
    await page.getByTestId('toast').filter({ hasText: 'Saved scenario 3' }).waitFor();
    expect(listScenarios(lab.db).map((s) => s.id)).toEqual([1, 3]);
  });
});
