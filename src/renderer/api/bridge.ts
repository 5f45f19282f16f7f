// The preload's bridge as the renderer sees it (`window.tierlab`, desktop only): the typed API client
// plus native open/save dialogs and the application menu. Its contract lives in src/shared/api/bridge.ts.
import type { DesktopBridge } from '../../shared/api/bridge.ts';

export type TierlabBridge = DesktopBridge;

declare global {
  interface Window {
    tierlab?: TierlabBridge;
  }
}

export function electronBridge(): TierlabBridge | undefined {
  return typeof window !== 'undefined' ? window.tierlab : undefined;
}
