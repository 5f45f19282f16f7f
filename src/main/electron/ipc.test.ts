import type { BrowserWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { IPC_CALL, IPC_EVENT, IPC_OPEN_FILE, IPC_SAVE_FILE, type Reply } from '../../shared/api/bridge.ts';
import { EventHub } from '../api/events.ts';
import type { Lab } from '../api/lab.ts';

type Handler = (event: unknown, ...args: unknown[]) => Promise<Reply<unknown>> | Reply<unknown>;

const electron = vi.hoisted(() => ({ handlers: new Map<string, Handler>() }));

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => electron.handlers.set(channel, handler),
    removeHandler: (channel: string) => electron.handlers.delete(channel),
  },
  BrowserWindow: { fromWebContents: () => null },
  app: {},
  dialog: {},
}));

const { forwardEvents, registerIpc } = await import('./ipc.ts');

function fakeWindow(id: number) {
  const sent: unknown[][] = [];
  const contents = {
    id,
    destroyed: false,
    isDestroyed: () => contents.destroyed,
    send: (...a: unknown[]) => sent.push(a),
  };
  const win = { isDestroyed: () => false, webContents: contents };
  return { win: win as unknown as BrowserWindow, contents, sent };
}

const isApp = (url: string): boolean => url.startsWith('tierlab://app/');
const fromPage = (id: number, url: string) => ({ sender: { id }, senderFrame: { url, parent: null } });
const lab = { events: new EventHub() } as unknown as Lab;

describe('registerIpc', () => {
  it('registers one invoke channel for the API plus the two dialogs, and removes them again', () => {
    const { win } = fakeWindow(1);
    const unregister = registerIpc(lab, { windows: () => [win], isApp });
    expect([...electron.handlers.keys()].sort()).toEqual([IPC_CALL, IPC_OPEN_FILE, IPC_SAVE_FILE].sort());
    unregister();
    expect(electron.handlers.size).toBe(0);
  });

  it("answers the app's own page and refuses any other sender with a plain error body", async () => {
    const { win } = fakeWindow(1);
    const unregister = registerIpc(lab, { windows: () => [win], isApp });
    const call = electron.handlers.get(IPC_CALL);
    if (!call) throw new Error('no call handler');
    expect(await call(fromPage(1, 'tierlab://app/index.html'), 'no:such', {})).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    for (const stranger of [fromPage(2, 'tierlab://app/index.html'), fromPage(1, 'https://example.com/')]) {
      const reply = await call(stranger, 'app:info', {});
      expect(reply).toEqual({
        ok: false,
        error: { error: expect.stringMatching(/own pages/) as string, code: 'invalid' },
      });
    }
    const save = electron.handlers.get(IPC_SAVE_FILE);
    expect(await save?.(fromPage(2, 'tierlab://app/index.html'), 'a.csv', 'x')).toMatchObject({ ok: false });
    unregister();
  });
});

describe('forwardEvents', () => {
  it('sends every lab event to every live app window until unsubscribed', () => {
    const a = fakeWindow(1);
    const b = fakeWindow(2);
    b.contents.destroyed = true;
    const stop = forwardEvents(lab, () => [a.win, b.win]);
    const payload = { runId: 3, status: 'done' as const, error: null };
    lab.events.emit('run:status', payload);
    stop();
    lab.events.emit('run:status', payload);
    expect(a.sent).toEqual([[IPC_EVENT, 'run:status', payload]]);
    expect(b.sent).toEqual([]);
  });
});
