// End-to-end support: the real web mode (lab, SQLite file, worker threads, HTTP server serving the
// built renderer) driven by Debian's Chromium through playwright-core.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { dispatch } from '../../src/main/api/create-api.ts';
import { closeLab, openLab, type Lab } from '../../src/main/api/lab.ts';
import { listRuns } from '../../src/main/db/index.ts';
import type { ScenarioInfo, Validation } from '../../src/shared/api/types.ts';
import { startWebServer, type WebServer } from '../../src/server/web-server.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const RENDERER = join(ROOT, 'out', 'renderer');
/** Screenshots of each page, kept as test artifacts. */
export const SHOTS = join(ROOT, 'test-results', 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Flags that keep Chromium from calling home on a closed network (STACK.md). */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserApp {
  lab: Lab;
  server: WebServer;
  browser: Browser;
  page: Page;
  /** Opens a page of the app (a hash route such as `#/machines`). */
  open(route: string): Promise<void>;
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function startBrowserApp(): Promise<BrowserApp> {
  if (!existsSync(join(RENDERER, 'index.html')))
    throw new Error(`no built renderer in ${RENDERER}: run \`npm run build\` first`);
  if (!existsSync(CHROMIUM))
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  mkdirSync(SHOTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'tierlab-e2e-'));
  const lab = openLab({ dbPath: join(dir, 'lab.db'), workers: 1 });
  const server = await startWebServer(lab, { port: 0, staticDir: RENDERER });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const context = await browser.newContext({
    viewport: { width: 1440, height: 1000 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(server.url);
  return {
    lab,
    server,
    browser,
    page,
    open: async (route) => {
      await page.goto(`http://127.0.0.1:${server.port}/${route}`);
    },
    shot: async (name) => {
      await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    },
    close: async () => {
      await browser.close();
      await server.close();
      await closeLab(lab);
      rmSync(dir, { recursive: true, force: true });
      if (problems.length) throw new Error(`the page threw: ${problems.join('; ')}`);
    },
  };
}

/**
 * Pixels a chart canvas has painted (non-transparent), read back from the canvas itself. The code
 * runs in the page, so it is passed as text: this file is also loaded by the Node-side bench.
 */
export async function paintedPixels(page: Page, testId: string): Promise<number> {
  return page.evaluate<number>(`(() => {
    const canvas = document.querySelector('[data-testid=${testId}]');
    const ctx = canvas && canvas.getContext('2d');
    if (!ctx) return 0;
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  })()`);
}

/**
 * Saves `document` as a scenario through the API, starts it (one run per seed) and waits up to a
 * minute for the runs to finish. Returns their ids.
 */
export async function runToDone(app: BrowserApp, document: unknown, seeds?: number[]): Promise<number[]> {
  const saved = (await dispatch(app.lab, 'scenario:save', { document })) as Validation<ScenarioInfo>;
  if (!saved.ok) throw new Error(`the scenario does not validate: ${JSON.stringify(saved)}`);
  const { runIds } = (await dispatch(app.lab, 'run:start', {
    scenarioId: saved.value.id,
    ...(seeds ? { seeds } : {}),
  })) as { runIds: number[] };
  const done = () => listRuns(app.lab.db, { status: 'done' }).filter((r) => runIds.includes(r.id)).length;
  for (let i = 0; i < 600 && done() < runIds.length; i++) await new Promise((r) => setTimeout(r, 100));
  if (done() < runIds.length) throw new Error('the runs did not finish in a minute');
  return runIds;
}
