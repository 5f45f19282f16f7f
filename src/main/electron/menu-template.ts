// The application menu as data: File (scenario, trace and CSV actions the renderer performs), Edit,
// View, Help. Only Electron's types are imported, so the template is tested without Electron.
import type { BaseWindow, MenuItemConstructorOptions } from 'electron';
import type { MenuAction } from '../../shared/api/bridge.ts';

export interface MenuHandlers {
  /** Asks the renderer of `window` (or of the main window) to perform `action`. */
  send(action: MenuAction, window: BaseWindow | undefined): void;
  showAbout(): void;
  showDatabase(): void;
}

function action(
  label: string,
  name: MenuAction,
  accelerator: string,
  h: MenuHandlers,
): MenuItemConstructorOptions {
  return { label, accelerator, click: (_item, window) => h.send(name, window) };
}

/** `devTools`: only a development build (`npm run dev`) offers the developer tools. */
export function menuTemplate(
  h: MenuHandlers,
  platform: NodeJS.Platform,
  devTools = false,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const file: MenuItemConstructorOptions[] = [
    action('New Scenario', 'scenario:new', 'CmdOrCtrl+N', h),
    action('Open Scenario…', 'scenario:open', 'CmdOrCtrl+O', h),
    action('Save Scenario…', 'scenario:save', 'CmdOrCtrl+S', h),
    { type: 'separator' },
    action('Import Trace…', 'trace:import', 'CmdOrCtrl+I', h),
    action('Export CSV…', 'export:csv', 'CmdOrCtrl+E', h),
    { type: 'separator' },
    mac ? { role: 'close' } : { role: 'quit' },
  ];
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload' },
    { role: 'forceReload' },
    ...(devTools ? [{ role: 'toggleDevTools' } as const] : []),
    { type: 'separator' },
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ];
  const help: MenuItemConstructorOptions[] = [
    { label: 'About Tierlab', click: () => h.showAbout() },
    { label: 'Show Database File', click: () => h.showDatabase() },
  ];
  return [
    ...(mac ? [{ role: 'appMenu' } as const] : []),
    { label: 'File', submenu: file },
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    ...(mac ? [{ role: 'windowMenu' } as const] : []),
    { label: 'Help', role: 'help', submenu: help },
  ];
}
