// Web mode's API client: requests as `POST /api/<channel>` with JSON, events over `/events`.
// The token comes from the page address (`/?token=…`) or the cookie the server set when it was opened.
import type { ApiClient, ApiErrorBody, ApiEvents, EventName } from '../../shared/api/contract.ts';
import { ApiCallError } from './api-error.ts';
import { makeEventSocket, type SocketState } from './event-socket.ts';

const TOKEN_HEADER = 'x-tierlab-token';

export interface WebClient extends ApiClient {
  /** Called with every socket state change; returns the unsubscribe function. */
  onSocketState(listener: (state: SocketState) => void): () => void;
  close(): void;
}

type AnyListener = (payload: unknown) => void;

async function post(origin: string, token: string | null, channel: string, req: unknown): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(`${origin}/api/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { [TOKEN_HEADER]: token } : {}) },
      body: JSON.stringify(req),
    });
  } catch {
    throw new ApiCallError('network', `cannot reach ${origin}`);
  }
  const body = (await res.json().catch(() => null)) as ({ value: unknown } & Partial<ApiErrorBody>) | null;
  if (res.status === 401 || res.status === 403) throw new ApiCallError('auth', body?.error ?? 'refused');
  if (!res.ok || !body) throw new ApiCallError(body?.code ?? 'internal', body?.error ?? `HTTP ${res.status}`);
  return body.value;
}

export function createWebClient(origin: string, token: string | null): WebClient {
  const listeners = new Map<string, Set<AnyListener>>();
  const stateListeners = new Set<(state: SocketState) => void>();
  const wsOrigin = origin.replace(/^http/, 'ws');
  const socket = makeEventSocket({
    url: `${wsOrigin}/events${token ? `?token=${encodeURIComponent(token)}` : ''}`,
    onMessage: (event, payload) => listeners.get(event)?.forEach((l) => l(payload)),
    onState: (state) => stateListeners.forEach((l) => l(state)),
  });
  return {
    call: (channel, req) => post(origin, token, channel, req) as never,
    on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void) {
      const set = listeners.get(event) ?? new Set<AnyListener>();
      listeners.set(event, set);
      set.add(listener as AnyListener);
      return () => set.delete(listener as AnyListener);
    },
    onSocketState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    close: () => socket.close(),
  };
}
