// The API for every component: `useApi()` inside <ApiProvider>, and `createApiEvent` for listeners
// that unsubscribe with their owner.
import {
  createContext,
  createEffect,
  createSignal,
  on,
  onCleanup,
  untrack,
  useContext,
  type Accessor,
  type ParentProps,
} from 'solid-js';
import type { ApiClient, ApiEvents, EventName } from '../../shared/api/contract.ts';
import type { SocketState } from './event-socket.ts';
import type { Transport } from './transport.ts';

export interface ApiContextValue {
  client: ApiClient;
  kind: Transport['kind'];
  /** Whether live events are flowing (always 'open' in Electron). */
  socket: Accessor<SocketState>;
}

const ApiContext = createContext<ApiContextValue>();

/** `transport` is read once: the app picks it at startup and never swaps it. */
export function ApiProvider(props: ParentProps<{ transport: Transport }>) {
  const transport = untrack(() => props.transport);
  const [socket, setSocket] = createSignal<SocketState>(transport.kind === 'web' ? 'connecting' : 'open');
  onCleanup(transport.onSocketState(setSocket));
  const value: ApiContextValue = { client: transport.client, kind: transport.kind, socket };
  return <ApiContext.Provider value={value}>{props.children}</ApiContext.Provider>;
}

export function useApi(): ApiContextValue {
  const ctx = useContext(ApiContext);
  if (!ctx) throw new Error('useApi() must be used inside <ApiProvider>');
  return ctx;
}

/** Subscribes to an API event for the lifetime of the current owner. */
export function createApiEvent<E extends EventName>(
  event: E,
  listener: (payload: ApiEvents[E]) => void,
): void {
  const { client } = useApi();
  onCleanup(client.on(event, listener));
}

/** Calls `listener` each time the live-event socket reopens after a drop, to refetch what was missed. */
export function createOnReconnect(listener: () => void): void {
  const { socket } = useApi();
  let wasOpen = false;
  createEffect(
    on(socket, (state) => {
      if (state === 'open' && wasOpen) listener();
      if (state === 'open') wasOpen = true;
    }),
  );
}
