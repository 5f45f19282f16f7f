import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  IPC_CALL,
  IPC_EVENT,
  IPC_MENU,
  IPC_OPEN_FILE,
  IPC_SAVE_FILE,
  type DesktopBridge,
} from '../shared/api/bridge.ts';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  listeners: new Map<string, IpcListener>(),
  invoke: vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => electron.exposed.set(key, api) },
  ipcRenderer: {
    invoke: electron.invoke,
    on: (channel: string, listener: IpcListener) => electron.listeners.set(channel, listener),
  },
}));

let tierlab: DesktopBridge;

/** The bridge as a page could misuse it: contextBridge passes any arguments through unchecked. */
type Loose = Record<keyof DesktopBridge, (...args: unknown[]) => unknown>;
const loose = (): Loose => tierlab as unknown as Loose;

function fromMain(channel: string, ...args: unknown[]): void {
  const listener = electron.listeners.get(channel);
  if (!listener) throw new Error(`the preload does not listen on ${channel}`);
  listener({ sender: 'ipc event' }, ...args);
}

beforeAll(async () => {
  await import('./index.ts');
  tierlab = electron.exposed.get('tierlab') as DesktopBridge;
});

beforeEach(() => {
  electron.invoke.mockReset();
});

describe('the preload bridge', () => {
  it('exposes only window.tierlab, with the API, events, menu and the two dialogs', () => {
    expect([...electron.exposed.keys()]).toEqual(['tierlab']);
    expect(Object.keys(tierlab).sort()).toEqual(['call', 'on', 'onMenu', 'openFile', 'saveTextFile']);
  });

  it('sends a call over the one invoke channel and resolves with its value', async () => {
    electron.invoke.mockResolvedValue({
      ok: true,
      value: { engineVersion: '1', dbPath: '/x.db', workers: 2 },
    });
    await expect(tierlab.call('app:info', {})).resolves.toEqual({
      engineVersion: '1',
      dbPath: '/x.db',
      workers: 2,
    });
    expect(electron.invoke).toHaveBeenCalledWith(IPC_CALL, 'app:info', {});
  });

  it('rejects with the { error, code } body main sent', async () => {
    electron.invoke.mockResolvedValue({
      ok: false,
      error: { error: 'run 9 does not exist', code: 'not_found' },
    });
    await expect(tierlab.call('run:get', { runId: 9 })).rejects.toEqual({
      error: 'run 9 does not exist',
      code: 'not_found',
    });
  });

  it('refuses an unknown channel before it reaches IPC', async () => {
    await expect(loose().call('fs:readFile', { path: '/etc/passwd' })).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(loose().call('__proto__', {})).rejects.toMatchObject({ code: 'not_found' });
    expect(electron.invoke).not.toHaveBeenCalled();
  });

  it('delivers each lab event to the listeners of that event only, until they unsubscribe', () => {
    const progress = vi.fn();
    const status = vi.fn();
    const stop = tierlab.on('run:progress', progress);
    tierlab.on('run:status', status);
    const payload = { runId: 1, fraction: 0.5, simulatedMs: 100, latest: [] };
    fromMain(IPC_EVENT, 'run:progress', payload);
    fromMain(IPC_EVENT, 'run:nonsense', payload);
    stop();
    fromMain(IPC_EVENT, 'run:progress', payload);
    expect(progress.mock.calls).toEqual([[payload]]);
    expect(status).not.toHaveBeenCalled();
  });

  it('keeps delivering to other listeners when one throws', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const after = vi.fn();
    tierlab.on('run:samples', () => {
      throw new Error('chart broke');
    });
    tierlab.on('run:samples', after);
    fromMain(IPC_EVENT, 'run:samples', { runId: 1, timesMs: [], counters: {}, nodes: {} });
    expect(after).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });

  it('refuses to subscribe to an unknown event or without a function', () => {
    expect(() => loose().on('run:everything', () => {})).toThrow(/unknown event/);
    expect(() => loose().on('run:status', 'not a function')).toThrow(/function/);
  });

  it('passes known menu actions to the renderer and drops anything else', () => {
    const menu = vi.fn();
    const stop = tierlab.onMenu(menu);
    fromMain(IPC_MENU, 'export:csv');
    fromMain(IPC_MENU, 'shell:exec');
    stop();
    fromMain(IPC_MENU, 'scenario:new');
    expect(menu.mock.calls).toEqual([['export:csv']]);
  });

  it('opens and saves files through their own invoke channels, checking arguments first', async () => {
    electron.invoke.mockResolvedValue({ ok: true, value: null });
    await expect(tierlab.openFile('trace')).resolves.toBeNull();
    await expect(tierlab.saveTextFile('a.csv', 'x,y\n')).resolves.toBeNull();
    expect(electron.invoke.mock.calls).toEqual([
      [IPC_OPEN_FILE, 'trace'],
      [IPC_SAVE_FILE, 'a.csv', 'x,y\n'],
    ]);
    await expect(loose().openFile('passwords')).rejects.toMatchObject({ code: 'invalid' });
    await expect(loose().saveTextFile('a.csv', 42)).rejects.toMatchObject({ code: 'invalid' });
    expect(electron.invoke).toHaveBeenCalledTimes(2);
  });
});
