// Compare's export in a real browser: with "include partial runs" ticked, the comparison CSV holds
// the cancelled run the page shows; unticked, it leaves it out as the page does.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/api/create-api.ts';
import { getRun } from '../../src/main/db/index.ts';
import type { ScenarioInfo, Validation } from '../../src/shared/api/types.ts';
import { smallScenario } from '../support/main/test-lab.ts';
import { runToDone, startBrowserApp, type BrowserApp } from './browser-app.ts';

let app: BrowserApp;
let done: number;
let cancelled: number;

/** Starts a long run and cancels it once it is running; returns its id. */
async function cancelledRun(): Promise<number> {
  const document = smallScenario({ name: 'stopped early', durationMs: 3_600_000 });
  const saved = (await dispatch(app.lab, 'scenario:save', { document })) as Validation<ScenarioInfo>;
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  const { runIds } = (await dispatch(app.lab, 'run:start', { scenarioId: saved.value.id })) as {
    runIds: number[];
  };
  const id = runIds[0]!;
  for (let i = 0; i < 300 && getRun(app.lab.db, id)?.status !== 'running'; i++)
    await new Promise((r) => setTimeout(r, 50));
  await dispatch(app.lab, 'run:cancel', { runId: id });
  for (let i = 0; i < 300 && getRun(app.lab.db, id)?.status !== 'cancelled'; i++)
    await new Promise((r) => setTimeout(r, 50));
  expect(getRun(app.lab.db, id)?.status).toBe('cancelled');
  return id;
}

beforeAll(async () => {
  app = await startBrowserApp();
  done = (await runToDone(app, smallScenario({ name: 'ran to the end' })))[0]!;
  cancelled = await cancelledRun();
}, 120_000);
afterAll(async () => {
  await app?.close();
});

/** The groups named in the comparison CSV the export button downloads. */
async function exportedGroups(): Promise<Set<string>> {
  const { page } = app;
  await page.getByTestId('export-comparison').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-comparison').click(),
  ]);
  const [header, ...lines] = readFileSync(await download.path(), 'utf8')
    .trim()
    .split('\n');
  const group = header!.split(',').indexOf('group');
  return new Set(lines.map((line) => line.split(',')[group]!));
}

describe("Compare's comparison export", () => {
  it('holds the cancelled run when partial runs are included, and leaves it out when not', async () => {
    await app.open(`#/compare?runs=${done},${cancelled}&partial=1`);
    const withPartial = await exportedGroups();
    expect([...withPartial].some((g) => g.includes('stopped early'))).toBe(true);
    expect([...withPartial].some((g) => g.includes('ran to the end'))).toBe(true);
    await app.open(`#/compare?runs=${done},${cancelled}`);
    const without = await exportedGroups();
    expect([...without].some((g) => g.includes('stopped early'))).toBe(false);
    expect([...without].some((g) => g.includes('ran to the end'))).toBe(true);
  });
});
