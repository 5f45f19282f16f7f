// The sandboxed preload: exposes `window.tierlab` (the typed API, lab events, menu actions and the
// two file dialogs) and nothing else. Unknown channel and event names are refused here, before IPC.
import { contextBridge, ipcRenderer } from 'electron';
import {
  EVENT_NAMES,
  isChannel,
  type ApiErrorBody,
  type ApiEvents,
  type Channel,
  type EventName,
  type Req,
  type Res,
} from '../shared/api/contract.ts';
import {
  IPC_CALL,
  IPC_EVENT,
  IPC_MENU,
  IPC_OPEN_FILE,
  IPC_SAVE_FILE,
  isMenuAction,
  isOpenKind,
  type DesktopBridge,
  type MenuAction,
  type OpenedFile,
  type OpenKind,
  type Reply,
} from '../shared/api/bridge.ts';

type EventListener = (payload: ApiEvents[EventName]) => void;

const eventListeners = new Map<EventName, Set<EventListener>>();
const menuListeners = new Set<(action: MenuAction) => void>();

function rejected(error: ApiErrorBody): Promise<never> {
  // contextBridge copies only an Error's message; the body crosses whole as a plain object.
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
  return Promise.reject(error);
}

async function invoke<T>(ipcChannel: string, ...args: unknown[]): Promise<T> {
  const reply = (await ipcRenderer.invoke(ipcChannel, ...args)) as Reply<T>;
  return reply.ok ? reply.value : rejected(reply.error);
}

/** Calls every listener even when one throws; the throw is reported in the renderer's console. */
function notify<A>(listeners: Iterable<(arg: A) => void> | undefined, arg: A): void {
  for (const listener of listeners ?? []) {
    try {
      listener(arg);
    } catch (error) {
      console.error(error);
    }
  }
}

ipcRenderer.on(IPC_EVENT, (_event, name: unknown, payload: unknown) => {
  if (typeof name === 'string')
    notify(eventListeners.get(name as EventName), payload as ApiEvents[EventName]);
});

ipcRenderer.on(IPC_MENU, (_event, action: unknown) => {
  if (isMenuAction(action)) notify(menuListeners, action);
});

function requireFunction(listener: unknown): void {
  if (typeof listener !== 'function') throw new TypeError('listener must be a function');
}

const bridge: DesktopBridge = {
  call<C extends Channel>(channel: C, req: Req<C>): Promise<Res<C>> {
    if (typeof channel !== 'string' || !isChannel(channel)) {
      return rejected({ error: `unknown API channel "${String(channel)}"`, code: 'not_found' });
    }
    return invoke<Res<C>>(IPC_CALL, channel, req);
  },

  on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
    if (!EVENT_NAMES.includes(event)) throw new TypeError(`unknown event "${String(event)}"`);
    requireFunction(listener);
    let listeners = eventListeners.get(event);
    if (!listeners) eventListeners.set(event, (listeners = new Set()));
    const entry = listener as EventListener;
    listeners.add(entry);
    return () => void listeners.delete(entry);
  },

  openFile(kind: OpenKind): Promise<OpenedFile | null> {
    if (!isOpenKind(kind)) return rejected({ error: `unknown file kind "${String(kind)}"`, code: 'invalid' });
    return invoke<OpenedFile | null>(IPC_OPEN_FILE, kind);
  },

  saveTextFile(filename: string, text: string): Promise<string | null> {
    if (typeof filename !== 'string' || typeof text !== 'string') {
      return rejected({ error: 'saveTextFile takes a file name and a text', code: 'invalid' });
    }
    return invoke<string | null>(IPC_SAVE_FILE, filename, text);
  },

  onMenu(listener: (action: MenuAction) => void): () => void {
    requireFunction(listener);
    menuListeners.add(listener);
    return () => void menuListeners.delete(listener);
  },
};

contextBridge.exposeInMainWorld('tierlab', bridge);
