// The desktop bridge's contract: what `window.tierlab` offers the renderer and the IPC names it
// travels on. Pure types and constants, shared by the preload and the Electron main process.
import type { ApiClient, ApiErrorBody } from './contract.ts';

/** The one invoke channel for API calls: (apiChannel, payload) → Reply. */
export const IPC_CALL = 'tierlab:call';
/** invoke (kind: OpenKind) → Reply<OpenedFile | null>. */
export const IPC_OPEN_FILE = 'tierlab:open-file';
/** invoke (filename, text) → Reply<string | null>. */
export const IPC_SAVE_FILE = 'tierlab:save-file';
/** main → renderer: (eventName, payload) for every lab event. */
export const IPC_EVENT = 'tierlab:event';
/** main → renderer: (action) when a menu item that acts in the renderer is chosen. */
export const IPC_MENU = 'tierlab:menu';

/** What main answers every invoke with: errors as plain bodies, never Error objects. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

const MENU_ACTION_SET = {
  'scenario:new': true,
  'scenario:open': true,
  'scenario:save': true,
  'trace:import': true,
  'export:csv': true,
} as const;
export type MenuAction = keyof typeof MENU_ACTION_SET;
export const MENU_ACTIONS = Object.keys(MENU_ACTION_SET) as MenuAction[];

export function isMenuAction(name: unknown): name is MenuAction {
  return typeof name === 'string' && Object.hasOwn(MENU_ACTION_SET, name);
}

/** The files the open dialog offers: `*.tierlab.json` scenarios or valgrind lackey traces. */
export const OPEN_KINDS = ['scenario', 'trace'] as const;
export type OpenKind = (typeof OPEN_KINDS)[number];

export function isOpenKind(kind: unknown): kind is OpenKind {
  return typeof kind === 'string' && (OPEN_KINDS as readonly string[]).includes(kind);
}

export interface OpenedFile {
  /** The file's base name; its folder stays in the main process. */
  name: string;
  text: string;
}

/**
 * `window.tierlab` in the desktop app (absent in web mode). Calls reject with an ApiErrorBody,
 * a plain object, because contextBridge copies only an Error's message.
 */
export interface DesktopBridge extends ApiClient {
  /** Shows the native open dialog; null when the user cancels. */
  openFile(kind: OpenKind): Promise<OpenedFile | null>;
  /** Shows the native save dialog proposing `filename`; the saved path, or null when cancelled. */
  saveTextFile(filename: string, text: string): Promise<string | null>;
  /** Menu actions the renderer performs (new/open/save scenario, import trace, export CSV). */
  onMenu(listener: (action: MenuAction) => void): () => void;
}
