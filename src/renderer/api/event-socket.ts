// The WebSocket that carries API events in web mode, reconnecting with backoff when the server goes away.
// Events sent while it was down are lost; subscribers refetch on `open` to catch up.

export type SocketState = 'connecting' | 'open' | 'closed';

export interface EventSocket {
  close(): void;
}

export interface EventSocketOptions {
  url: string;
  onMessage: (event: string, payload: unknown) => void;
  onState: (state: SocketState) => void;
}

const MIN_DELAY_MS = 500;
const MAX_DELAY_MS = 10_000;

export function makeEventSocket({ url, onMessage, onState }: EventSocketOptions): EventSocket {
  let socket: WebSocket | null = null;
  let delay = MIN_DELAY_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const connect = () => {
    onState('connecting');
    socket = new WebSocket(url);
    socket.onopen = () => {
      delay = MIN_DELAY_MS;
      onState('open');
    };
    socket.onmessage = (m: MessageEvent<string>) => {
      const data = JSON.parse(m.data) as { event?: unknown; payload?: unknown };
      if (typeof data.event === 'string') onMessage(data.event, data.payload);
    };
    socket.onclose = () => {
      socket = null;
      onState('closed');
      if (stopped) return;
      timer = setTimeout(connect, delay);
      delay = Math.min(delay * 2, MAX_DELAY_MS);
    };
  };
  connect();
  return {
    close() {
      stopped = true;
      clearTimeout(timer);
      socket?.close();
    },
  };
}
