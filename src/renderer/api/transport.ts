// Picks how the renderer reaches the API: the preload's bridge inside Electron, else HTTP + WebSocket.
import type { ApiClient } from '../../shared/api/contract.ts';
import { electronBridge } from './bridge.ts';
import type { SocketState } from './event-socket.ts';
import { createWebClient } from './web-client.ts';

export interface Transport {
  kind: 'electron' | 'web';
  client: ApiClient;
  /** Live-event connection state changes; Electron's IPC is always connected. */
  onSocketState(listener: (state: SocketState) => void): () => void;
}

/** Reads `?token=` once and removes it from the address bar; the server's cookie serves reloads. */
function takeToken(): string | null {
  const url = new URL(window.location.href);
  const token = url.searchParams.get('token');
  if (token) {
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
  }
  return token;
}

export function pickTransport(): Transport {
  const bridge = electronBridge();
  if (bridge) return { kind: 'electron', client: bridge, onSocketState: () => () => {} };
  const web = createWebClient(window.location.origin, takeToken());
  return { kind: 'web', client: web, onSocketState: (l) => web.onSocketState(l) };
}
