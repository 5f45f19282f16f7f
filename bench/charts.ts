// Chart responsiveness in a real browser: four runs of 10,001 samples each overlaid on the Compare
// page, timed by the chart itself (data-render-ms) after decimation. Needs `npm run build` and Chromium.
import { existsSync } from 'node:fs';
import { startBrowserApp } from '../tests/e2e/browser-app.ts';
import { parseScenario } from '../src/shared/scenario/parse.ts';
import { exampleScenarioFile } from '../src/shared/scenario/example.ts';
import { scenarioIdentity } from '../src/main/scenario-identity.ts';

function longScenario(seed: number) {
  const doc = exampleScenarioFile() as unknown as Record<string, Record<string, unknown>>;
  doc.run = { durationMs: 100_000, tickMs: 10, sampleEveryMs: 10, seed };
  const p = parseScenario(doc);
  if (!p.ok) throw new Error(JSON.stringify(p.errors));
  return p.scenario;
}

export async function benchCharts(): Promise<void> {
  console.log('== charts in Chromium');
  if (!existsSync('/usr/bin/chromium') || !existsSync('out/renderer/index.html')) {
    console.log('  skipped: needs Chromium and a built renderer (npm run build)');
    return;
  }
  const app = await startBrowserApp();
  try {
    const ids = [1, 2, 3, 4].map((seed) => {
      const s = longScenario(seed);
      return app.lab.runs.enqueue({ scenario: s, document: {}, scenarioHash: scenarioIdentity(s) });
    });
    await Promise.all(ids.map((id) => app.lab.runs.waitFor(id)));
    const t0 = performance.now();
    await app.open(`#/compare?runs=${ids.join(',')}`);
    await app.page.waitForFunction(
      `Number(document.querySelector('[data-testid=chart-canvas-compare-overlay]')?.getAttribute('data-points')) > 0`,
      undefined,
      { timeout: 60_000 },
    );
    const loadMs = performance.now() - t0;
    const canvas = app.page.getByTestId('chart-canvas-compare-overlay');
    const points = await canvas.getAttribute('data-points');
    const renderMs = await canvas.getAttribute('data-render-ms');
    console.log(
      `  4 runs x 10,001 samples overlaid: drawn in ${renderMs} ms (${points} points, LTTB-decimated when drawn); ` +
        `page, API and chart together ${loadMs.toFixed(0)} ms (target: well under 1 s to render)`,
    );
  } finally {
    await app.close();
  }
}
