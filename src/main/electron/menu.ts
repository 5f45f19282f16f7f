// Installs the application menu: renderer actions go to the window they were chosen in as
// `tierlab:menu` messages; Help shows the engine version and database path, and reveals the file.
import { app, dialog, Menu, shell, type BrowserWindow } from 'electron';
import { IPC_MENU } from '../../shared/api/bridge.ts';
import { inProcessClient } from '../api/in-process.ts';
import type { Lab } from '../api/lab.ts';
import { menuTemplate } from './menu-template.ts';

export function installMenu(lab: Lab, windows: () => BrowserWindow[], devTools: boolean): void {
  const target = (window: unknown): BrowserWindow | undefined => {
    const all = windows();
    return all.find((w) => w === window) ?? all.find((w) => w.isFocused()) ?? all[0];
  };
  const template = menuTemplate(
    {
      send: (action, window) => target(window)?.webContents.send(IPC_MENU, action),
      showAbout: () =>
        void showAbout(lab, target(undefined)).catch((error: unknown) =>
          console.error('About Tierlab failed:', error),
        ),
      showDatabase: () => shell.showItemInFolder(lab.dbPath),
    },
    process.platform,
    devTools,
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function showAbout(lab: Lab, parent: BrowserWindow | undefined): Promise<void> {
  const info = await inProcessClient(lab).call('app:info', {});
  const v = process.versions;
  const options = {
    type: 'info' as const,
    title: 'About Tierlab',
    message: `Tierlab ${app.getVersion()}`,
    detail: [
      `Engine ${info.engineVersion}`,
      `Database: ${info.dbPath}`,
      `Worker threads: ${info.workers}`,
      `Electron ${v.electron}, Chromium ${v.chrome}, Node ${v.node}`,
    ].join('\n'),
    buttons: ['OK', 'Show Database File'],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const { response } = parent
    ? await dialog.showMessageBox(parent, options)
    : await dialog.showMessageBox(options);
  if (response === 1) shell.showItemInFolder(info.dbPath);
}
