// The Electron IPC transport: one invoke channel carrying the API channel name, the two file dialogs,
// and lab events forwarded to the app's windows. Callers other than the app's own pages are refused.
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_CALL, IPC_EVENT, IPC_OPEN_FILE, IPC_SAVE_FILE, type Reply } from '../../shared/api/bridge.ts';
import type { Lab } from '../api/lab.ts';
import { answerCall, replyTo } from './call-reply.ts';
import { openTextFile, saveTextFile } from './dialogs.ts';
import { isTrustedSender } from './sender.ts';

export interface IpcOptions {
  windows: () => BrowserWindow[];
  isApp: (url: string) => boolean;
}

const REFUSED: Reply<never> = {
  ok: false,
  error: { error: 'only Tierlab’s own pages may use its API', code: 'invalid' },
};

/** Registers the handlers; returns a function that removes them. */
export function registerIpc(lab: Lab, options: IpcOptions): () => void {
  const trusted = (event: IpcMainInvokeEvent): boolean =>
    isTrustedSender(event, options.windows(), options.isApp);
  const parent = (event: IpcMainInvokeEvent): BrowserWindow | null =>
    BrowserWindow.fromWebContents(event.sender);

  ipcMain.handle(IPC_CALL, (event, channel: unknown, payload: unknown) =>
    trusted(event) ? answerCall(lab, channel, payload) : REFUSED,
  );
  ipcMain.handle(IPC_OPEN_FILE, (event, kind: unknown) =>
    trusted(event) ? replyTo(() => openTextFile(parent(event), kind)) : REFUSED,
  );
  ipcMain.handle(IPC_SAVE_FILE, (event, filename: unknown, text: unknown) =>
    trusted(event) ? replyTo(() => saveTextFile(parent(event), filename, text)) : REFUSED,
  );
  return () => {
    for (const channel of [IPC_CALL, IPC_OPEN_FILE, IPC_SAVE_FILE]) ipcMain.removeHandler(channel);
  };
}

/** Sends every lab event to every app window; returns the unsubscribe function. */
export function forwardEvents(lab: Lab, windows: () => BrowserWindow[]): () => void {
  return lab.events.subscribe((event, payload) => {
    for (const win of windows()) {
      if (!win.webContents.isDestroyed()) win.webContents.send(IPC_EVENT, event, payload);
    }
  });
}
