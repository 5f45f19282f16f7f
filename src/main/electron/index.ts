// The Electron main process's lifecycle: one instance, the lab opened at start and closed before
// quitting, the window shown and refocused. Every other concern lives in its own file beside this one.
import { app, BrowserWindow, dialog, session } from 'electron';
import workerPath from '../runner/worker.ts?modulePath';
import readerPath from '../export/samples-chunk-worker.ts?modulePath';
import { closeLab, type Lab } from '../api/lab.ts';
import { appPaths, claimAppFolder, type AppPaths } from './app-paths.ts';
import { entryUrl, isAppUrl, mayLoad } from './app-url.ts';
import { forwardEvents, registerIpc } from './ipc.ts';
import { installMenu } from './menu.ts';
import { openLabOrAsk } from './open-lab.ts';
import { registerAppScheme, serveRenderer } from './protocol.ts';
import { denyNewContents, secureSession } from './security.ts';
import { appWindows, createMainWindow, focusMainWindow } from './window.ts';

let lab: Lab | null = null;

claimAppFolder();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => denyNewContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', (event) => {
    if (lab === null) return;
    // Quit again once the lab is closed: running runs are recorded as failed, workers stopped, the DB closed.
    event.preventDefault();
    const closing = lab;
    lab = null;
    closeLab(closing)
      .catch((error: unknown) => console.error('Tierlab could not close the lab cleanly:', error))
      .finally(() => app.quit());
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox(
        'Tierlab cannot start',
        error instanceof Error ? (error.stack ?? error.message) : String(error),
      );
      app.exit(1);
    });
}

async function start(): Promise<void> {
  const paths = appPaths();
  const devUrl = paths.devRendererUrl;
  const isApp = (url: string): boolean => isAppUrl(url, devUrl);
  lab = await openLabOrAsk({
    dbPath: paths.dbPath,
    workerUrl: workerPath,
    exportReaderUrl: readerPath,
    migrationsFolder: paths.migrationsFolder,
  });
  if (lab === null) return app.quit();
  secureSession(session.defaultSession, isApp, (url) => mayLoad(url, devUrl));
  serveRenderer(paths.rendererDir);
  registerIpc(lab, { windows: appWindows, isApp });
  forwardEvents(lab, appWindows);
  installMenu(lab, appWindows, paths.devRendererUrl !== null);
  showMainWindow(paths, isApp);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) showMainWindow(paths, isApp);
  });
}

function showMainWindow(paths: AppPaths, isApp: (url: string) => boolean): void {
  createMainWindow({
    preloadFile: paths.preloadFile,
    url: entryUrl(paths.devRendererUrl),
    isApp,
    stateFile: paths.windowStateFile,
    // A development build (`npm run dev`, the renderer from Vite's server) keeps DevTools.
    devTools: paths.devRendererUrl !== null,
  });
}
