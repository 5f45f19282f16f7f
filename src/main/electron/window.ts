// The main window: sandboxed, isolated, reopened where it was left, following the OS theme. Keeps the
// set of app windows, which IPC uses to recognise its callers and to forward lab events.
import { BrowserWindow, nativeTheme, screen } from 'electron';
import { APP_NAME } from '../paths.ts';
import { keepOnApp } from './security.ts';
import { readWindowState, writeWindowState } from './window-state-file.ts';
import { MIN_HEIGHT, MIN_WIDTH, placeWindow, type WindowState } from './window-state.ts';

export interface MainWindowOptions {
  preloadFile: string;
  url: string;
  isApp: (url: string) => boolean;
  stateFile: string;
  /** Developer tools: only in a development build. */
  devTools: boolean;
}

const windows = new Set<BrowserWindow>();
const SAVE_DELAY_MS = 1000;

/** The open app windows, oldest first. */
export function appWindows(): BrowserWindow[] {
  return [...windows].filter((w) => !w.isDestroyed());
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  // CSS prefers-color-scheme follows the OS, and the native dialogs and menus with it.
  nativeTheme.themeSource = 'system';
  const placed = placeWindow(
    readWindowState(options.stateFile),
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const win = new BrowserWindow({
    ...placed.bounds,
    minWidth: MIN_WIDTH,
    minHeight: MIN_HEIGHT,
    title: APP_NAME,
    show: false,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1b1d21' : '#ffffff',
    webPreferences: {
      preload: options.preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: options.devTools,
    },
  });
  windows.add(win);
  win.on('closed', () => windows.delete(win));
  keepOnApp(win.webContents, options.isApp);
  rememberState(win, options.stateFile);
  if (placed.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  // A page that fails to load must not leave an invisible window behind.
  win.webContents.once('did-fail-load', () => win.show());
  win
    .loadURL(options.url)
    .catch((error: unknown) => console.error(`Tierlab could not load ${options.url}:`, error));
  return win;
}

/** Saves the bounds a short while after each move or resize, and once more on close. */
function rememberState(win: BrowserWindow, stateFile: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = (): void => {
    clearTimeout(timer);
    if (win.isDestroyed()) return;
    const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
    try {
      writeWindowState(stateFile, state);
    } catch (error) {
      console.error('Tierlab could not save the window position:', error);
    }
  };
  const later = (): void => {
    clearTimeout(timer);
    timer = setTimeout(save, SAVE_DELAY_MS);
  };
  win.on('resize', later);
  win.on('move', later);
  win.on('maximize', later);
  win.on('unmaximize', later);
  win.on('close', save);
}

/** Brings the main window to the front (a second launch of the app does this). */
export function focusMainWindow(): void {
  const win = appWindows()[0];
  if (!win) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
