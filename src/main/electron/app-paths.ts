// Where the desktop app keeps and finds things: Tierlab's app-data folder (the one the CLI uses too)
// with the database and window state in it, and the built renderer, preload and migrations it ships.
import { join } from 'node:path';
import { app } from 'electron';
import { APP_NAME, DB_FILE } from '../paths.ts';
import { WINDOW_STATE_FILE } from './window-state-file.ts';

export interface AppPaths {
  dbPath: string;
  windowStateFile: string;
  migrationsFolder: string;
  rendererDir: string;
  preloadFile: string;
  /** electron-vite's dev server, in development only; never honoured in a packaged app. */
  devRendererUrl: string | null;
}

/**
 * Call before `ready`: the app-data folder is named Tierlab (not the package's lower-case name), so
 * the app and `tierlab` on the command line share one database.
 */
export function claimAppFolder(): void {
  app.setName(APP_NAME);
  app.setPath('userData', join(app.getPath('appData'), APP_NAME));
}

function devRendererUrl(): string | null {
  const url = process.env.ELECTRON_RENDERER_URL;
  if (app.isPackaged || !url) return null;
  return URL.canParse(url) && /^https?:$/.test(new URL(url).protocol) ? url : null;
}

export function appPaths(): AppPaths {
  const userData = app.getPath('userData');
  return {
    dbPath: process.env.TIERLAB_DB ?? join(userData, DB_FILE),
    windowStateFile: join(userData, WINDOW_STATE_FILE),
    migrationsFolder: join(app.getAppPath(), 'migrations'),
    rendererDir: join(import.meta.dirname, '../renderer'),
    preloadFile: join(import.meta.dirname, '../preload/index.cjs'),
    devRendererUrl: devRendererUrl(),
  };
}
